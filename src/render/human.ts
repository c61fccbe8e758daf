import { Chalk } from 'chalk';
import type { Lang } from '../catalog/types.js';
import type { CheckResult, Report, Status } from '../types.js';
import { uiText } from './ui-text.js';

export interface HumanOptions {
  lang: Lang;
  color: boolean;
  unicode: boolean;
  verbose: boolean;
}

const SYMBOLS: Record<Status, [string, string]> = {
  pass: ['✓', '[ok]'],
  warn: ['!', '[!!]'],
  fail: ['✗', '[xx]'],
  skip: ['-', '[--]'],
};

/** The report for a person: one line per check, remedies under problems, the root cause last. */
export function renderHuman(report: Report, opts: HumanOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const ui = uiText(opts.lang);
  const paint: Record<Status, (s: string) => string> = { pass: c.green, warn: c.yellow, fail: c.red, skip: c.dim };
  const sym = (s: Status) => paint[s](SYMBOLS[s][opts.unicode ? 0 : 1]);
  const arrow = opts.unicode ? '→' : '->';
  const width = Math.max(...report.checks.map((x) => x.title.length)) + 2;
  const lines: string[] = [c.bold(`gigadoctor ${report.tool.version} · ${ui.heading}`), ''];

  const folded = report.checks.filter((x) => x.status === 'skip' && x.blockedBy);
  for (const check of report.checks) {
    if (folded.includes(check)) continue;
    const head = `${sym(check.status)} ${check.title.padEnd(width)}`;
    if (check.status === 'pass' || check.status === 'skip') {
      lines.push(`${head}${c.dim(check.summary)}`);
    } else {
      lines.push(`${head}${paint[check.status](check.code)}`);
      lines.push(`${' '.repeat(width + 2)}${check.summary}`);
      for (const step of check.remediation) lines.push(`${' '.repeat(width + 2)}${c.cyan(arrow)} ${step}`);
    }
    for (const note of notesOf(check)) {
      lines.push(`${' '.repeat(width + 2)}${c.yellow(opts.unicode ? '·' : '*')} ${c.yellow(note.code)} ${note.summary}`);
      for (const step of note.remediation) lines.push(`${' '.repeat(width + 4)}${c.cyan(arrow)} ${step}`);
    }
    if (opts.verbose) lines.push(...verboseLines(check, width + 2, c.dim));
  }
  const byCause = new Map<string, CheckResult[]>();
  for (const f of folded) byCause.set(f.blockedBy!, [...(byCause.get(f.blockedBy!) ?? []), f]);
  for (const [cause, list] of byCause) {
    const causeTitle = report.checks.find((x) => x.id === cause)?.title ?? cause;
    lines.push(`${sym('skip')} ${c.dim(ui.blockedBy(list.map((x) => x.title).join(', '), causeTitle))}`);
  }

  const { pass, warn, fail, skip } = report.counts;
  lines.push('');
  lines.push([
    `${sym('fail')} ${fail} ${ui.failed}`,
    `${sym('warn')} ${warn} ${ui.warnings}`,
    `${sym('pass')} ${pass} ${ui.passed}`,
    `${sym('skip')} ${skip} ${ui.skipped}`,
    `${report.durationMs} ms`,
  ].join(c.dim(' · ')));

  const root = report.checks.find((x) => x.status === 'fail') ?? report.checks.find((x) => x.status === 'warn');
  if (root && (root.status === 'fail' || report.exitCode !== 0)) {
    lines.push(`${c.bold(ui.rootCause)}: ${root.title} — ${root.summary}`);
    if (root.remediation[0]) lines.push(`${c.bold(ui.next)}: ${root.remediation[0]}`);
    if (report.exitCode === 3) lines.push(ui.inconclusive);
  } else if (report.exitCode === 0) {
    lines.push(c.green(ui.allGood));
  }
  return `${lines.join('\n')}\n`;
}

function notesOf(check: CheckResult): Array<{ code: string; summary: string; remediation: string[] }> {
  const notes = check.details.notes;
  return Array.isArray(notes) ? (notes as Array<{ code: string; summary: string; remediation: string[] }>) : [];
}

function verboseLines(check: CheckResult, indent: number, dim: (s: string) => string): string[] {
  const { notes: _notes, ...details } = check.details;
  const pad = ' '.repeat(indent);
  const out = [`${pad}${dim(`${check.id} · ${check.code} · ${check.durationMs} ms`)}`];
  for (const [k, v] of Object.entries(details)) {
    out.push(`${pad}${dim(`${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)}`);
  }
  return out;
}

/** Whether the terminal shows ✓ and →: Windows consoles other than Windows Terminal often do not. */
export function terminalHasUnicode(platform: string, env: Readonly<Record<string, string | undefined>>): boolean {
  if (platform !== 'win32') return env.TERM !== 'linux';
  return Boolean(env.WT_SESSION || env.TERM_PROGRAM === 'vscode' || env.ConEmuTask || env.TERMINUS_SUBLIME);
}
