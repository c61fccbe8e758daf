import { Chalk } from 'chalk';
import { NOT_APPLICABLE_CODES } from '../catalog/codes.js';
import type { Lang } from '../catalog/types.js';
import type { CheckResult, Report, Status } from '../types.js';
import { uiText } from '../catalog/phrases/ui.js';

export interface HumanOptions {
  lang: Lang;
  color: boolean;
  unicode: boolean;
  verbose: boolean;
  /** The variable the key came from, to name it in --verbose request headers (never its value). */
  credentialVariable?: string;
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
  const u = opts.unicode;
  const paint: Record<Status, (s: string) => string> = { pass: c.green, warn: c.yellow, fail: c.red, skip: c.dim };
  const sym = (s: Status) => paint[s](SYMBOLS[s][u ? 0 : 1]);
  const arrow = u ? '→' : '->';
  const dot = u ? ' · ' : ' | ';
  const dash = u ? '—' : '-';
  const width = Math.max(...report.checks.map((x) => x.title.length)) + 2;
  const indent = ' '.repeat(width + (u ? 2 : 5));
  const lines: string[] = [c.bold(`gigadoctor ${report.tool.version}${dot}${ui.heading}`), ''];

  const folded = report.checks.filter((x) => x.status === 'skip' && x.blockedBy);
  for (const check of report.checks) {
    if (folded.includes(check)) continue;
    const head = `${sym(check.status)} ${check.title.padEnd(width)}`;
    if (check.status === 'pass' || check.status === 'skip') {
      lines.push(`${head}${c.dim(check.summary)}`);
    } else {
      lines.push(`${head}${paint[check.status](check.code)}`);
      lines.push(`${indent}${check.summary}`);
      for (const step of check.remediation) lines.push(`${indent}${c.cyan(arrow)} ${step}`);
    }
    for (const note of notesOf(check)) {
      lines.push(`${indent}${c.yellow(u ? '·' : '*')} ${c.yellow(note.code)} ${note.summary}`);
      for (const step of note.remediation) lines.push(`${indent}  ${c.cyan(arrow)} ${step}`);
    }
    if (opts.verbose) lines.push(...verboseLines(check, indent, c.dim, { u, credentialVariable: opts.credentialVariable, lang: opts.lang }));
  }
  // Checks that did not run because another one failed: one line per cause, not one per check.
  const byCause = new Map<string, CheckResult[]>();
  for (const f of folded) byCause.set(f.blockedBy!, [...(byCause.get(f.blockedBy!) ?? []), f]);
  for (const [cause, list] of byCause) {
    const causeTitle = report.checks.find((x) => x.id === cause)?.title ?? cause;
    lines.push(`${sym('skip')} ${c.dim(ui.blockedBy(list.map((x) => x.title).join(', '), causeTitle))}`);
  }

  const { pass, warn, fail, skip } = report.counts;
  lines.push('');
  lines.push([
    `${sym('fail')} ${ui.failed(fail)}`,
    `${sym('warn')} ${ui.warnings(warn)}`,
    `${sym('pass')} ${ui.passed(pass)}`,
    `${sym('skip')} ${ui.skipped(skip)}`,
    `${report.durationMs} ms`,
  ].join(c.dim(dot)));

  const root = report.checks.find((x) => x.status === 'fail') ?? report.checks.find((x) => x.status === 'warn');
  const notRun = report.checks.filter((x) => x.status === 'skip' && !NOT_APPLICABLE_CODES.has(x.code));
  if (root && (root.status === 'fail' || report.exitCode !== 0)) {
    lines.push(`${c.bold(ui.rootCause)}: ${root.title} ${dash} ${root.summary}`);
    if (root.remediation[0]) {
      const more = root.remediation.length > 1 ? ` ${c.dim(ui.moreSteps(root.remediation.length - 1))}` : '';
      lines.push(`${c.bold(ui.next)}: ${root.remediation[0]}${more}`);
    }
    lines.push(`${c.bold(ui.confirm)}: ${ui.confirmHow(root.id, `${SYMBOLS.pass[u ? 0 : 1]} ${root.title}`)}`);
    if (report.exitCode === 3) lines.push(ui.inconclusive);
  } else if (report.exitCode === 0 && verificationOff(report)) {
    // Requests that passed with verification off prove nothing about the trust a real client has.
    lines.push(c.yellow(ui.unverified));
  } else if (report.exitCode === 0 && notRun.length > 0) {
    lines.push(c.green(ui.partlyGood(notRun.map((x) => x.title).join(', '))));
  } else if (report.exitCode === 0) {
    lines.push(c.green(ui.allGood));
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
}

/**
 * --verbose: how the check looked. The request as sent (secrets named, never shown), the
 * answer's status and headers, timings, then every other detail the check recorded.
 */
function verboseLines(check: CheckResult, pad: string, dim: (s: string) => string, o: VerboseOptions): string[] {
  const { notes: _notes, http, chain, ...rest } = check.details;
  const ui = uiText(o.lang);
  const dot = o.u ? ' · ' : ' | ';
  const out = [`${pad}${dim(`${check.id}${dot}${check.code}${dot}${check.durationMs} ms`)}`];
  if (isRecord(http)) {
    const arrow = o.u ? '→' : '->';
    const ttfb = typeof http.ttfbMs === 'number' ? ` (${ui.firstByte} ${http.ttfbMs} ms)` : '';
    out.push(`${pad}${dim(`${str(http.method)} ${str(http.url)} ${arrow} HTTP ${str(http.status)}${dot}${str(http.ms)} ms${ttfb}`)}`);
    const sent: string[] = [];
    if (typeof http.rqUid === 'string') {
      sent.push(`Authorization: Basic <${o.credentialVariable ?? 'GIGACHAT_CREDENTIALS'}: ${ui.notShown}>`, `RqUID: ${http.rqUid}`);
    } else if (typeof http.xRequestId === 'string') {
      sent.push(`Authorization: Bearer <${ui.accessToken}: ${ui.notShown}>`, `X-Request-ID: ${http.xRequestId}`);
    }
    if (sent.length) out.push(`${pad}${dim(`  ${ui.sent}: ${sent.join(dot)}`)}`);
    const received = [
      ['Date', http.date],
      ['X-Request-ID', http.requestId],
      ['X-Session-ID', http.sessionId],
      ['Server', http.server],
      ['Content-Type', http.contentType],
    ].filter(([, v]) => typeof v === 'string' && v).map(([k, v]) => `${k}: ${v as string}`);
    if (received.length) out.push(`${pad}${dim(`  ${ui.received}: ${received.join(dot)}`)}`);
  }
  if (Array.isArray(chain)) {
    chain.filter(isRecord).forEach((cert, i) => {
      out.push(`${pad}${dim(`chain[${i}]: ${str(cert.subject)} ${o.u ? '←' : '<-'} ${str(cert.issuer)}${dot}${str(cert.validFrom)} – ${str(cert.validTo)}${dot}sha256 ${str(cert.sha256)}`)}`);
    });
  }
  for (const [k, v] of Object.entries(rest)) {
    if (Array.isArray(v) && v.every(isRecord)) {
      v.forEach((item, i) => out.push(`${pad}${dim(`${k}[${i}]: ${Object.entries(item).map(([ik, iv]) => `${ik}=${str(iv)}`).join(', ')}`)}`));
    } else {
      out.push(`${pad}${dim(`${k}: ${str(v)}`)}`);
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
