/**
 * Findings grouped by code over a whole log: how often, on which lines, when (where the lines carry
 * a timestamp), written by which runtime. Each finding keeps the details of its first record only.
 * Ordered so a cause comes before its consequence: configuration, proxy, DNS, TCP, TLS, OAuth, the
 * missing token that follows a failed OAuth, the API, chat; then by first line.
 */
import type { Code } from '../catalog/codes.js';
import type { Details } from '../catalog/types.js';
import { explainRecord, type HintId } from './match.js';
import type { LogRecord } from './records.js';
import type { PythonLibrary, Runtime } from './runtime.js';

/** How many line numbers a finding lists; `count`, `lastLine` and `lastSeen` go on counting. */
export const MAX_LINES_LISTED = 100;

export interface Finding {
  code: Code;
  details: Details;
  pattern: string;
  count: number;
  /** 1-based, ascending, at most MAX_LINES_LISTED (the first ones) plus the last. */
  lines: number[];
  firstSeen?: string;
  lastSeen?: string;
  runtime: Runtime | null;
  library: PythonLibrary | null;
  /** The line that matched first, raw: redact before showing. */
  excerpt: { text: string; index: number; length: number };
}

function rank(code: Code): number {
  if (/^(ENDPOINT_|CREDENTIALS_|ACCESS_TOKEN_(IS_KEY|MALFORMED))/.test(code)) return 0;
  if (code.startsWith('PROXY_')) return 1;
  if (code.startsWith('DNS_')) return 2;
  if (code.startsWith('TCP_') || code === 'CONNECTION_RESET') return 3;
  if (code === 'TLS_VERIFICATION_DISABLED') return 9;
  if (code.startsWith('TLS_') || code.startsWith('CLIENT_CERT') || code.startsWith('CA_FILE')) return 4;
  if (code.startsWith('OAUTH_') || code === 'CLOCK_SKEW') return 5;
  if (code === 'ACCESS_TOKEN_UNAVAILABLE') return 6;
  if (code.startsWith('API_') || code.startsWith('MODEL')) return 7;
  if (code.startsWith('CHAT_')) return 8;
  return 9;
}

export class FindingSet {
  #byCode = new Map<Code, Finding>();
  #hints = new Set<HintId>();
  #runtimes = new Map<Runtime, number>();

  /** Explains one record; returns the findings it is the first of (for --follow). */
  add(record: LogRecord): Finding[] {
    const e = explainRecord(record.text, record.quiet);
    for (const h of e.hints) this.#hints.add(h);
    if (e.runtime) this.#runtimes.set(e.runtime, (this.#runtimes.get(e.runtime) ?? 0) + 1);
    const fresh: Finding[] = [];
    for (const m of e.matches) {
      const line = record.firstLine + countNewlines(record.text, m.index);
      const f = this.#byCode.get(m.code);
      if (f) {
        f.count++;
        if (f.lines.length < MAX_LINES_LISTED) f.lines.push(line);
        else f.lines[MAX_LINES_LISTED] = line;
        if (record.timestamp) f.lastSeen = record.timestamp;
        f.runtime ??= e.runtime;
        continue;
      }
      const lineStart = record.text.lastIndexOf('\n', m.index) + 1;
      const lineEnd = record.text.indexOf('\n', m.index + m.length);
      const created: Finding = {
        code: m.code,
        details: m.details,
        pattern: m.pattern,
        count: 1,
        lines: [line],
        ...(record.timestamp ? { firstSeen: record.timestamp, lastSeen: record.timestamp } : {}),
        runtime: e.runtime,
        library: e.library,
        excerpt: { text: record.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd), index: m.index - lineStart, length: m.length },
      };
      this.#byCode.set(m.code, created);
      fresh.push(created);
    }
    return fresh;
  }

  /** Every finding, causes first. */
  list(): Finding[] {
    return [...this.#byCode.values()].sort((a, b) => rank(a.code) - rank(b.code) || a.lines[0] - b.lines[0]);
  }

  hints(): HintId[] {
    return [...this.#hints];
  }

  /** The runtime most records named: for a finding whose own record named none. */
  dominantRuntime(): Runtime | null {
    let best: Runtime | null = null;
    let n = 0;
    for (const [r, c] of this.#runtimes) if (c > n) [best, n] = [r, c];
    return best;
  }
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
