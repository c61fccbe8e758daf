/**
 * A log as it arrives — bytes from a file, a pipe or a growing file — turned into grouped findings
 * with bounded memory: a decoder (decode.ts), a record splitter (records.ts) and the findings
 * (findings.ts). Each call returns the findings seen for the first time, so --follow prints each once.
 */
import { LineDecoder } from './decode.js';
import { FindingSet, type Finding } from './findings.js';
import { RecordSplitter } from './records.js';

export class LogReader {
  readonly findings = new FindingSet();
  #decoder = new LineDecoder();
  #records = new RecordSplitter();

  /** Bytes of the log. */
  push(chunk: Buffer): Finding[] {
    return this.#lines(this.#decoder.push(chunk));
  }

  /** Text already decoded (the command-line arguments). */
  pushText(text: string): Finding[] {
    return this.#lines(text.split(/\r?\n/));
  }

  /**
   * Ends the record in progress: at the end of input, or when a followed file has been quiet
   * (its last record will not grow any more in practice). A partial last line is kept back unless
   * `final`.
   */
  flush(final = false): Finding[] {
    const fresh = final ? this.#lines(this.#decoder.end()) : [];
    const rec = this.#records.flush();
    if (rec) fresh.push(...this.findings.add(rec));
    return fresh;
  }

  /** How many lines it has read. */
  get lines(): number {
    return this.#records.lines;
  }

  #lines(lines: string[]): Finding[] {
    const fresh: Finding[] = [];
    for (const line of lines) {
      const done = this.#records.push(line);
      if (done) fresh.push(...this.findings.add(done));
    }
    return fresh;
  }
}

/** The whole text at once: for arguments and tests. */
export function readText(text: string): FindingSet {
  const r = new LogReader();
  r.pushText(text);
  r.flush(true);
  return r.findings;
}
