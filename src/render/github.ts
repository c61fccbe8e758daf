import type { Report } from '../types.js';
import type { RenderContext } from './context.js';

// Placeholder until the reports issue lands.
export function githubAnnotations(_report: Report): string {
  return '';
}

export async function appendStepSummary(_file: string | undefined, _report: Report, _ctx: RenderContext, _scrub: (t: string) => string): Promise<void> {}
