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
import type { Lang } from '../catalog/types.js';
import type { CheckResult, Report } from '../types.js';
import { appendRegular } from '../util/append-regular.js';
import type { RenderContext } from './context.js';
import { renderMarkdown } from './markdown.js';
import { reportText } from '../catalog/phrases/report.js';

export interface AnnotationOptions {
  strict?: boolean;
  lang?: Lang;
  /** Where the files that findings name are, relative to the job's folder: the scanned project and the .env file read. */
  paths?: { project?: string; envFile?: string | null };
}

/** Workflow-command lines (each ending in \n), or '' when nothing failed or warned. */
export function githubAnnotations(report: Report, opts: AnnotationOptions = {}): string {
  const t = reportText(opts.lang ?? 'en');
  const lines: string[] = [];
  const levelOf = (status: unknown) => (status === 'fail' || opts.strict ? 'error' : 'warning');
  for (const c of report.checks) {
    if (c.status !== 'fail' && c.status !== 'warn') continue;
    const findings = fileFindings(c);
    // The code check's findings each point at their own file and line; the check's line would repeat them.
    for (const f of findings) {
      const about = f.code === c.code ? c : notesOf(c).find((n) => n.code === f.code);
      const file = joinPosix(opts.paths?.project ?? '', f.file);
      // The line itself first; the summary of every finding of its kind after it.
      const message = [`${f.code}: ${f.excerpt}`, ...(about ? [about.summary] : []), ...(about?.remediation ?? []).slice(0, 1).map((s) => `→ ${s}`)].join('\n');
      lines.push(`::${levelOf(f.status)} file=${escapeProperty(file)},line=${f.line},title=${escapeProperty(t.annotationTitle(c.title, f.code))}::${escapeData(message)}`);
    }
    if (findings.length) continue;
    const message = [`${c.code}: ${c.summary}`, ...c.remediation.map((s) => `→ ${s}`)].join('\n');
    const where = envFileLine(c, opts.paths?.envFile);
    const location = where ? `file=${escapeProperty(where.file)},line=${where.line},` : '';
    lines.push(`::${levelOf(c.status)} ${location}title=${escapeProperty(t.annotationTitle(c.title, c.code))}::${escapeData(message)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

interface FileFinding {
  code: string;
  file: string;
  line: number;
  excerpt: string;
  status?: string;
}

/** details.findings of the code check: each names a file (relative to the project) and a line. */
function fileFindings(c: CheckResult): FileFinding[] {
  const list = c.details.findings;
  if (!Array.isArray(list)) return [];
  return list.filter((f): f is FileFinding => Boolean(f) && typeof f.file === 'string' && typeof f.line === 'number' && typeof f.code === 'string');
}

function notesOf(c: CheckResult): Array<{ code: string; summary: string; remediation: string[] }> {
  return Array.isArray(c.details.notes) ? (c.details.notes as Array<{ code: string; summary: string; remediation: string[] }>) : [];
}

/** A finding of the env or format check that came from a line of .env (`source: ".env:3"`). */
function envFileLine(c: CheckResult, envFile: string | null | undefined): { file: string; line: number } | null {
  if (!envFile) return null;
  const source = [c.details.source, c.details.fileSource].find((s) => typeof s === 'string' && /^\.env:\d+$/.test(s)) as string | undefined;
  return source ? { file: envFile, line: Number(source.slice(5)) } : null;
}

function joinPosix(dir: string, file: string): string {
  const base = dir.replace(/\\/g, '/').replace(/\/+$/, '');
  return base && base !== '.' ? `${base}/${file}` : file;
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
 * error: the variable is only set inside a job). It passes the same gate as every output: what
 * the scrubber finds is redacted, and should anything still be found, nothing is written.
 */
export async function appendStepSummary(file: string | undefined, report: Report, ctx: RenderContext, guard: SummaryGuard): Promise<string | null> {
  if (!file) return null;
  const text = guard.scrub(renderMarkdown(report, { ...ctx, scrub: (s) => guard.scrub(s) }, { summary: true }));
  if (guard.finds(text)) return 'gigadoctor: job summary not written: the self-check found a secret in it (a gigadoctor bug; please report it)\n';
  // A FIFO or a device named there must be a line on stderr, not a run that never ends.
  const appended = appendRegular(file, `${text}\n`);
  return appended.ok ? null : `gigadoctor: cannot append the job summary to $GITHUB_STEP_SUMMARY: ${appended.reason}\n`;
}
