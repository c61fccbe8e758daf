/**
 * Bytes of a log → its lines, whatever wrote it: UTF-8 (with or without BOM), UTF-16 with BOM
 * (Windows PowerShell's `>` and `Out-File`), UTF-16 LE without one, and CP1251 (Russian Windows).
 * CP1251 is decided line by line: a line that is not valid UTF-8 and reads as Cyrillic in CP1251
 * is CP1251; anything else is UTF-8 with replacement characters. Nothing here throws on bad bytes.
 */
import { isUtf8 } from 'node:buffer';

/** A longer line is cut here: memory stays bounded on a file without newlines. */
export const MAX_LINE_CHARS = 64 * 1024;

const NEWLINE = 0x0a;
const CP1251 = new TextDecoder('windows-1251');
const CYRILLIC = /[А-яЁё]/g;

type Wide = 'utf-16le' | 'utf-16be';

export class LineDecoder {
  #wide: TextDecoder | null = null;
  #sniffed = false;
  #carry: Buffer[] = [];
  #carryLength = 0;
  #textCarry = '';
  #sample: Buffer = Buffer.alloc(0);

  /** The complete lines in this chunk (and any left from before); the rest waits for the next. */
  push(chunk: Buffer): string[] {
    if (!this.#sniffed) {
      // Decide the encoding on a sample: 64 bytes, or a first line, whichever comes first.
      this.#sample = this.#sample.length ? Buffer.concat([this.#sample, chunk]) : chunk;
      if (this.#sample.length < 64 && !(this.#sample.length >= 2 && this.#sample.includes(NEWLINE))) return [];
      chunk = this.#sniff();
    }
    if (this.#wide) return this.#splitText(this.#wide.decode(chunk, { stream: true }));
    return this.#splitBytes(chunk);
  }

  /** Decides the encoding from the sample; returns the sample without its BOM. */
  #sniff(): Buffer {
    this.#sniffed = true;
    let chunk = this.#sample;
    this.#sample = Buffer.alloc(0);
    const wide = sniffWide(chunk);
    if (wide) {
      this.#wide = new TextDecoder(wide.encoding);
      chunk = chunk.subarray(wide.bom);
    } else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      chunk = chunk.subarray(3);
    }
    return chunk;
  }

  /** What is left after the last chunk: the last line when it has no newline. */
  end(): string[] {
    const early = this.#sniffed ? [] : this.#splitOrWide(this.#sniff());
    if (this.#wide) {
      const rest = this.#textCarry + this.#wide.decode();
      this.#textCarry = '';
      return rest ? [...early, cut(stripCr(rest))] : early;
    }
    if (this.#carryLength === 0) return early;
    const rest = Buffer.concat(this.#carry);
    this.#carry = [];
    this.#carryLength = 0;
    return [...early, cut(stripCr(decodeLine(rest)))];
  }

  #splitOrWide(chunk: Buffer): string[] {
    return this.#wide ? this.#splitText(this.#wide.decode(chunk, { stream: true })) : this.#splitBytes(chunk);
  }

  #splitText(text: string): string[] {
    const all = this.#textCarry + text;
    const parts = all.split('\n');
    this.#textCarry = parts.pop() ?? '';
    if (this.#textCarry.length > MAX_LINE_CHARS * 2) this.#textCarry = this.#textCarry.slice(0, MAX_LINE_CHARS);
    return tidy(parts);
  }

  #splitBytes(chunk: Buffer): string[] {
    const last = chunk.lastIndexOf(NEWLINE);
    if (last === -1) {
      // Keep at most one line's worth: the rest of an endless line is dropped, not buffered.
      if (this.#carryLength < MAX_LINE_CHARS * 4) {
        this.#carry.push(chunk);
        this.#carryLength += chunk.length;
      }
      return [];
    }
    const head = this.#carryLength ? Buffer.concat([...this.#carry, chunk.subarray(0, last)]) : chunk.subarray(0, last);
    const tail = chunk.subarray(last + 1);
    this.#carry = tail.length ? [Buffer.from(tail)] : [];
    this.#carryLength = tail.length;
    // The common case, all UTF-8: one decode for the whole block. A newline byte is never inside
    // a multi-byte UTF-8 or CP1251 character, so cutting there is safe.
    if (isUtf8(head)) return tidy(head.toString('utf8').split('\n'));
    const lines: string[] = [];
    let start = 0;
    while (start <= head.length) {
      let end = head.indexOf(NEWLINE, start);
      if (end === -1) end = head.length;
      lines.push(cut(stripCr(decodeLine(head.subarray(start, end)))));
      start = end + 1;
    }
    return lines;
  }
}

/** One line's bytes: UTF-8 when valid, CP1251 when that reads as Cyrillic, else UTF-8 with U+FFFD. */
export function decodeLine(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const cp = CP1251.decode(bytes);
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  const cyrillic = cp.match(CYRILLIC)?.length ?? 0;
  return high > 0 && cyrillic >= high * 0.6 ? cp : bytes.toString('utf8');
}

/** Whole-text convenience for arguments and tests. */
export function decodeAll(bytes: Buffer): string[] {
  const d = new LineDecoder();
  return [...d.push(bytes), ...d.end()];
}

function sniffWide(chunk: Buffer): { encoding: Wide; bom: number } | null {
  if (chunk[0] === 0xff && chunk[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (chunk[0] === 0xfe && chunk[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // Without a BOM: in UTF-16 LE every character's high byte (the odd one) is 0 for ASCII and 4 for
  // Cyrillic; in UTF-8, CP1251 or ASCII text zero bytes do not occur at all.
  const n = Math.min(chunk.length, 512) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddHigh = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (chunk[i] === 0) evenZeros++;
    if (chunk[i + 1] === 0) oddZeros++;
    if (chunk[i + 1] === 0 || chunk[i + 1] === 4) oddHigh++;
  }
  const pairs = n / 2;
  if (oddZeros > 0 && oddHigh > pairs * 0.6 && evenZeros < pairs * 0.05) return { encoding: 'utf-16le', bom: 0 };
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return { encoding: 'utf-16be', bom: 0 };
  return null;
}

/** Lines without their CR (CRLF files) and cut to MAX_LINE_CHARS, in place. */
function tidy(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length > MAX_LINE_CHARS || l.endsWith('\r')) lines[i] = cut(stripCr(l));
  }
  return lines;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function cut(line: string): string {
  return line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line;
}
