/**
 * Lines → records. A record is a log line plus its continuation: a Python traceback (with its
 * chained "During handling of …" parts), a Node error's stack and properties, a multi-line body
 * after a line that starts with a timestamp or a level. Everything explain says about a record
 * comes from that record alone, so a URL, status or model never travels to another line.
 */

export interface LogRecord {
  text: string;
  /** 1-based line numbers in the input. */
  firstLine: number;
  lastLine: number;
  /** The timestamp the record's first line starts with, as written there. */
  timestamp?: string;
  /** One line logged at INFO, DEBUG or TRACE: most of a log, and rarely a problem (see match.ts). */
  quiet?: boolean;
}

/** A record longer than this keeps counting lines but stops growing: bounded memory. */
const MAX_RECORD_CHARS = 32 * 1024;

const TIMESTAMP = /^\[?((?:\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4})[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)/;
// Upper-case levels only: "Error: read ECONNRESET" is a message, not a log header.
const LEVEL = /^\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL|SEVERE)\b/;
/** A quiet level near the start of the line (after a timestamp, a bracket, a logger name). */
const QUIET_LEVEL = /^.{0,48}?(?:^|[\s[|:-])(?:TRACE|DEBUG|INFO|NOTICE)(?:$|[\s\]|:-])/;
const BLANK = /^\s*$/;
const TRACEBACK_START = /^Traceback \(most recent call last\):/;
const CHAINED = /^(?:During handling of the above exception|The above exception was the direct cause)/;
/** Closing brackets of a printed object, and urllib3's wrapped cause on a line of its own. */
const CLOSING = /^(?:[}\])]|\(Caused by )/;
/** A body printed after a log line: HTML, JSON, a quoted string — not a message of its own. */
const BODY = /^(?:<|[{["'])/;

interface OpenRecord extends LogRecord {
  /** It starts with a timestamp or a level: the lines without one that follow belong to it. */
  headed: boolean;
  traceback: 'none' | 'frames' | 'done';
  chained: boolean;
  full: boolean;
  quietFirst: boolean;
}

export class RecordSplitter {
  #current: OpenRecord | null = null;
  /** The timestamp of the line being read: looked for once per line. */
  #ts: RegExpExecArray | null = null;
  #line = 0;

  /** Feeds one line; returns the record it completed, if this line starts a new one. */
  push(line: string): LogRecord | null {
    this.#line++;
    const cur = this.#current;
    if (BLANK.test(line)) {
      // Kept in the text so a match's offset still maps to its line; trimmed when the record ends.
      if (cur && !cur.full) cur.text += '\n';
      return null;
    }
    this.#ts = TIMESTAMP.exec(line);
    if (cur && this.#continues(cur, line)) {
      cur.lastLine = this.#line;
      if (!cur.full) {
        cur.text += `\n${line}`;
        if (cur.text.length > MAX_RECORD_CHARS) {
          cur.text = cur.text.slice(0, MAX_RECORD_CHARS);
          cur.full = true;
        }
      }
      return null;
    }
    const done = this.flush();
    const ts = this.#ts;
    this.#current = {
      text: line,
      firstLine: this.#line,
      lastLine: this.#line,
      timestamp: ts ? ts[1] : undefined,
      headed: Boolean(ts) || LEVEL.test(line),
      quietFirst: QUIET_LEVEL.test(line),
      traceback: TRACEBACK_START.test(line) ? 'frames' : 'none',
      chained: false,
      full: false,
    };
    return done;
  }

  /** The record in progress, as it stands (at the end of input, or when a follower goes quiet). */
  flush(): LogRecord | null {
    const cur = this.#current;
    this.#current = null;
    if (!cur) return null;
    // The open record is handed out as it is (its bookkeeping fields are harmless): one object per record.
    cur.text = cur.text.trimEnd();
    if (cur.quietFirst && cur.lastLine === cur.firstLine) cur.quiet = true;
    return cur;
  }

  /** How many lines it has seen. */
  get lines(): number {
    return this.#line;
  }

  #continues(cur: OpenRecord, line: string): boolean {
    if (this.#ts || LEVEL.test(line)) return false;
    if (TRACEBACK_START.test(line)) {
      // A traceback continues the line that logged it (logger.exception) or a chained exception;
      // a second traceback after a finished one is a new record.
      const ok = (cur.traceback === 'none' && cur.headed) || cur.chained;
      if (ok) {
        cur.traceback = 'frames';
        cur.chained = false;
      }
      return ok;
    }
    if (CHAINED.test(line)) {
      cur.chained = true;
      return cur.traceback !== 'none';
    }
    // An HTML page is never a log line of its own: it is the body an error printed.
    if (/^[ \t]/.test(line) || CLOSING.test(line) || line.startsWith('<')) return true;
    if (cur.traceback === 'frames') {
      // The exception line that ends a traceback.
      cur.traceback = 'done';
      return true;
    }
    // After a log line, only a body continues it: "Error: read ECONNRESET" on the next line is
    // another message and must not borrow this one's URL.
    return cur.headed && BODY.test(line);
  }
}
