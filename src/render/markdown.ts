import type { Report } from '../types.js';
import type { RenderContext } from './context.js';

// Placeholder until the reports issue lands: a plain table.
export function renderMarkdown(report: Report, _ctx: RenderContext): string {
  const rows = report.checks.map((c) => `| ${c.id} | ${c.status} | ${c.code} | ${c.summary.replace(/\|/g, '\\|')} |`);
  return ['# gigadoctor report', '', '| check | status | code | summary |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}
