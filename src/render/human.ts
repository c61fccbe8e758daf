import { Chalk } from 'chalk';
import { NOT_APPLICABLE_CODES } from '../catalog/codes.js';
import type { Lang } from '../catalog/types.js';
import type { CheckResult, Report, Status } from '../types.js';
import { uiText } from '../catalog/phrases/ui.js';
import { hanging } from './wrap.js';

export interface HumanOptions {
  lang: Lang;
  color: boolean;
  unicode: boolean;
  verbose: boolean;
  /** The variable the key came from, to name it in --verbose request headers (never its value). */
  credentialVariable?: string;
  /** gigadoctor as the user ran it, for the line that says how to confirm a fix. */
  self?: string;
  /** The terminal's columns: text wraps to them. None off a terminal: a line per item, as before. */
  width?: number;
}

const SYMBOLS: Record<Status, [string, string]> = {
  pass: ['✓', '[ok]'],
  warn: ['!', '[!!]'],
  fail: ['✗', '[xx]'],
  skip: ['-', '[--]'],
};

interface Layout {
  c: InstanceType<typeof Chalk>;
  ui: ReturnType<typeof uiText>;
  u: boolean;
  paint: Record<Status, (s: string) => string>;
  sym: (s: Status) => string;
  arrow: string;
  dot: string;
  dash: string;
  /** The title column. */
  column: number;
  indent: string;
  /** `lead` and `body` wrapped to the terminal, continuing under the body. */
  wrapped: (lead: string, body: string, paint?: (s: string) => string) => string;
}

/** The shape of the report: `titles` are every check's, so the columns line up before all are known. */
function layout(titles: readonly string[], opts: HumanOptions): Layout {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const u = opts.unicode;
  const paint: Record<Status, (s: string) => string> = { pass: c.green, warn: c.yellow, fail: c.red, skip: c.dim };
  const column = Math.max(...titles.map((t) => t.length)) + 2;
  return {
    c,
    ui: uiText(opts.lang),
    u,
    paint,
    sym: (s) => paint[s](SYMBOLS[s][u ? 0 : 1]),
    arrow: u ? '→' : '->',
    dot: u ? ' · ' : ' | ',
    dash: u ? '—' : '-',
    column,
    indent: ' '.repeat(column + (u ? 2 : 5)),
    wrapped: (lead, body, paint) => hanging(lead, body, opts.width, paint),
  };
}

/** A check that gets no line of its own: not run because of another one, or left out by an option. */
function folded(check: CheckResult): boolean {
  return check.status === 'skip' && (check.blockedBy !== null || check.code === 'SKIPPED_BY_OPTION');
}

/** The report for a person: one line per check, remedies under problems, the root cause last. */
export function renderHuman(report: Report, opts: HumanOptions): string {
  const titles = report.checks.map((x) => x.title);
  return humanHeader(report.tool.version, opts) + report.checks.map((x) => humanCheckBlock(x, titles, opts)).join('') + humanTail(report, opts);
}

/** The first lines, before any check has finished. */
export function humanHeader(version: string, opts: HumanOptions): string {
  const { c, ui, dot, wrapped } = layout([''], opts);
  return `${wrapped('', `gigadoctor ${version}${dot}${ui.heading}`, c.bold)}

`;
}

/** One check's line, with its summary and remedies under it when it has a problem ('' when folded). */
export function humanCheckBlock(check: CheckResult, titles: readonly string[], opts: HumanOptions): string {
  if (folded(check)) return '';
  const { c, u, paint, sym, arrow, column, indent, wrapped } = layout(titles, opts);
  const lines: string[] = [];
  const head = `${sym(check.status)} ${check.title.padEnd(column)}`;
  if (check.status === 'pass' || check.status === 'skip') {
    lines.push(wrapped(head, check.summary, c.dim));
  } else {
    lines.push(wrapped(head, check.code, paint[check.status]));
    lines.push(wrapped(indent, check.summary));
    // The compact default shows what is wrong; the steps to fix it are the footer's (the root
    // cause's first) or --verbose's (all of them).
    if (opts.verbose) for (const step of check.remediation) lines.push(wrapped(`${indent}${c.cyan(arrow)} `, step));
  }
  for (const note of notesOf(check)) {
    lines.push(wrapped(`${indent}${c.yellow(u ? '·' : '*')} `, `${c.yellow(note.code)} ${note.summary}`));
    if (opts.verbose) for (const step of note.remediation) lines.push(wrapped(`${indent}  ${c.cyan(arrow)} `, step));
  }
  if (opts.verbose) lines.push(...verboseLines(check, indent, wrapped, { u, credentialVariable: opts.credentialVariable, lang: opts.lang, dim: c.dim }));
  return `${lines.join('\n')}\n`;
}

/** After the checks: what did not run and why, the counts, and the root cause or the verdict. */
export function humanTail(report: Report, opts: HumanOptions): string {
  const { c, ui, u, sym, dot, dash, wrapped } = layout(report.checks.map((x) => x.title), opts);
  const lines: string[] = [];
  // Checks that did not run because another one failed: one line per cause, not one per check.
  const byCause = new Map<string, CheckResult[]>();
  const byOption = new Map<string, CheckResult[]>();
  for (const f of report.checks.filter(folded)) {
    if (f.blockedBy) byCause.set(f.blockedBy, [...(byCause.get(f.blockedBy) ?? []), f]);
    else {
      const option = String(f.details.option ?? '');
      byOption.set(option, [...(byOption.get(option) ?? []), f]);
    }
  }
  for (const [cause, list] of byCause) {
    const causeTitle = report.checks.find((x) => x.id === cause)?.title ?? cause;
    lines.push(wrapped(`${sym('skip')} `, ui.blockedBy(list.map((x) => x.title).join(', '), causeTitle), c.dim));
  }
  for (const [option, list] of byOption) lines.push(wrapped(`${sym('skip')} `, ui.leftOut(list.map((x) => x.title).join(', '), option), c.dim));

  // Counts that are not zero, the good news first: a green run does not open with "✗ 0 failed".
  const { pass, warn, fail, skip } = report.counts;
  const counts = [
    pass ? `${sym('pass')} ${ui.passed(pass)}` : '',
    warn ? `${sym('warn')} ${ui.warnings(warn)}` : '',
    fail ? `${sym('fail')} ${ui.failed(fail)}` : '',
    skip ? `${sym('skip')} ${ui.skipped(skip)}` : '',
  ].filter(Boolean);
  lines.push('', wrapped('', [...counts, ui.duration(report.durationMs)].join(c.dim(dot))));

  const problems = report.checks.filter((x) => x.status === 'fail' || x.status === 'warn');
  const root = problems.find((x) => x.status === 'fail') ?? problems[0];
  const notRun = report.checks.filter((x) => x.status === 'skip' && !NOT_APPLICABLE_CODES.has(x.code));
  if (root && (root.status === 'fail' || report.exitCode !== 0)) {
    // Compact: the root cause and its first step. --verbose shows every remedy above, so with one
    // failure (or, under --strict, one warning) the footer only says how to confirm the fix.
    if (!opts.verbose || problems.filter((x) => x.status === root.status).length > 1) {
      lines.push(wrapped(`${c.bold(ui.rootCause)}: `, `${root.title} ${dash} ${root.summary}`));
      if (root.remediation[0]) {
        const rest = root.remediation.length - 1;
        const more = rest > 0 ? ` ${c.dim(opts.verbose ? ui.moreSteps(rest) : ui.moreWithVerbose(rest))}` : '';
        lines.push(wrapped(`${c.bold(ui.next)}: `, `${root.remediation[0]}${more}`));
      }
    }
    lines.push(wrapped(`${c.bold(ui.confirm)}: `, ui.confirmHow(root.id, `${SYMBOLS.pass[u ? 0 : 1]} ${root.title}`, opts.self ?? 'gigadoctor')));
    if (report.exitCode === 3) lines.push(wrapped('', ui.inconclusive));
  } else if (report.exitCode === 0 && verificationOff(report)) {
    // Requests that passed with verification off prove nothing about the trust a real client has.
    lines.push(wrapped('', ui.unverified, c.yellow));
  } else if (report.exitCode === 0 && notRun.length > 0) {
    lines.push(wrapped('', ui.partlyGood(notRun.map((x) => x.title).join(', ')), c.green));
  } else if (report.exitCode === 0) {
    lines.push(wrapped('', ui.allGood, c.green));
  }
  return `${lines.join('\n')}\n`;
}

function notesOf(check: CheckResult): Array<{ code: string; summary: string; remediation: string[] }> {
  const notes = check.details.notes;
  return Array.isArray(notes) ? (notes as Array<{ code: string; summary: string; remediation: string[] }>) : [];
}

interface VerboseOptions {
  u: boolean;
  credentialVariable?: string;
  lang: Lang;
  dim: (s: string) => string;
}

/**
 * --verbose: how the check looked. The request as sent (secrets named, never shown), the
 * answer's status and headers, timings, then every other detail the check recorded.
 */
function verboseLines(check: CheckResult, pad: string, wrapped: Layout['wrapped'], o: VerboseOptions): string[] {
  const detail = (text: string) => wrapped(pad, text, o.dim);
  const subDetail = (text: string) => wrapped(`${pad}  `, text, o.dim);
  const { notes: _notes, http, chain, ...rest } = check.details;
  const ui = uiText(o.lang);
  const dot = o.u ? ' · ' : ' | ';
  const out = [detail(`${check.id}${dot}${check.code}${dot}${check.durationMs} ms`)];
  if (isRecord(http)) {
    const arrow = o.u ? '→' : '->';
    const ttfb = typeof http.ttfbMs === 'number' ? ` (${ui.firstByte} ${http.ttfbMs} ms)` : '';
    out.push(detail(`${str(http.method)} ${str(http.url)} ${arrow} HTTP ${str(http.status)}${dot}${str(http.ms)} ms${ttfb}`));
    const sent: string[] = [];
    if (typeof http.rqUid === 'string') {
      sent.push(`Authorization: Basic <${o.credentialVariable ?? 'GIGACHAT_CREDENTIALS'}: ${ui.notShown}>`, `RqUID: ${http.rqUid}`);
    } else if (typeof http.xRequestId === 'string') {
      sent.push(`Authorization: Bearer <${ui.accessToken}: ${ui.notShown}>`, `X-Request-ID: ${http.xRequestId}`);
    }
    if (sent.length) out.push(subDetail(`${ui.sent}: ${sent.join(dot)}`));
    const received = [
      ['Date', http.date],
      ['X-Request-ID', http.requestId],
      ['X-Session-ID', http.sessionId],
      ['Server', http.server],
      ['Content-Type', http.contentType],
    ].filter(([, v]) => typeof v === 'string' && v).map(([k, v]) => `${k}: ${v as string}`);
    if (received.length) out.push(subDetail(`${ui.received}: ${received.join(dot)}`));
  }
  if (Array.isArray(chain)) {
    chain.filter(isRecord).forEach((cert, i) => {
      out.push(detail(`chain[${i}]: ${str(cert.subject)} ${o.u ? '←' : '<-'} ${str(cert.issuer)}${dot}${str(cert.validFrom)} – ${str(cert.validTo)}${dot}sha256 ${str(cert.sha256)}`));
    });
  }
  for (const [k, v] of Object.entries(rest)) {
    if (Array.isArray(v) && v.every(isRecord)) {
      v.forEach((item, i) => out.push(detail(`${k}[${i}]: ${Object.entries(item).map(([ik, iv]) => `${ik}=${str(iv)}`).join(', ')}`)));
    } else {
      out.push(detail(`${k}: ${str(v)}`));
    }
  }
  return out;
}

function str(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.map(str).join(', ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether the terminal shows ✓ and →. Windows consoles other than Windows Terminal, VS Code and
 * ConEmu often do not; the Linux virtual console (TERM=linux) lacks most of them.
 */
export function terminalHasUnicode(platform: string, env: Readonly<Record<string, string | undefined>>): boolean {
  if (platform !== 'win32') return env.TERM !== 'linux';
  return Boolean(env.WT_SESSION || env.TERM_PROGRAM === 'vscode' || env.ConEmuTask || env.TERMINUS_SUBLIME || env.TERM === 'xterm-256color');
}

function verificationOff(report: Report): boolean {
  return report.checks.some(
    (c) => c.code === 'TLS_VERIFICATION_DISABLED' || notesOf(c).some((n) => n.code === 'TLS_VERIFICATION_DISABLED'),
  );
}
