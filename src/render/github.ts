/**
 * GitHub Actions: one `::error`/`::warning` workflow command per failed or warned check, and
 * a Markdown job summary appended to the file named by $GITHUB_STEP_SUMMARY.
 *
 * Where the annotations go: the runner reads workflow commands from a `run:` step's stdout
 * *and* stderr (actions/runner ScriptHandler hands both streams to the same OutputManager,
 * which processes commands). With human output they go to stdout, as GitHub documents; when
 * stdout carries a document (--json, --format markdown|junit) they go to stderr, so the
 * document stays exactly what it claims to be.
 */
import { appendFile } from 'node:fs/promises';
import type { Lang } from '../catalog/types.js';
import type { Report } from '../types.js';
import type { RenderContext } from './context.js';
import { renderMarkdown } from './markdown.js';
import { reportText } from '../catalog/phrases/report.js';

export interface AnnotationOptions {
  strict?: boolean;
  lang?: Lang;
}

/** Workflow-command lines (each ending in \n), or '' when nothing failed or warned. */
export function githubAnnotations(report: Report, opts: AnnotationOptions = {}): string {
  const t = reportText(opts.lang ?? 'en');
  const lines: string[] = [];
  for (const c of report.checks) {
    if (c.status !== 'fail' && c.status !== 'warn') continue;
    const level = c.status === 'fail' || opts.strict ? 'error' : 'warning';
    const message = [`${c.code}: ${c.summary}`, ...c.remediation.map((s) => `→ ${s}`)].join('\n');
    lines.push(`::${level} title=${escapeProperty(t.annotationTitle(c.title, c.code))}::${escapeData(message)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Message text of a workflow command: %, CR and LF are encoded (actions/toolkit escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also : and , which separate properties (actions/toolkit escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface SummaryGuard {
  scrub(text: string): string;
  finds(text: string): boolean;
}

/**
 * Appends the job summary. Returns a line for stderr when it could not (no file is not an
 * error: the variable is only set inside a job). The same self-check as the report applies.
 */
export async function appendStepSummary(file: string | undefined, report: Report, ctx: RenderContext, guard: SummaryGuard): Promise<string | null> {
  if (!file) return null;
  const text = renderMarkdown(report, { ...ctx, scrub: (s) => guard.scrub(s) }, { summary: true });
  if (guard.finds(text)) return 'gigadoctor: job summary not written: the self-check found a secret in it (a gigadoctor bug; please report it)\n';
  try {
    await appendFile(file, `${text}\n`, 'utf8');
    return null;
  } catch (err) {
    return `gigadoctor: cannot append the job summary to $GITHUB_STEP_SUMMARY: ${(err as NodeJS.ErrnoException).code ?? 'error'}\n`;
  }
}
