/**
 * Reading text the ways it may have been escaped: as printed; joined across line breaks; with
 * URL, JSON/backslash, XML and PowerShell escapes decoded once and twice; and compact, with the
 * separators a secret may have been cut up with taken out. Each view maps its characters back
 * to the span of the original text they came from, so a find in any view redacts the original.
 */
import { decodeUtf8, PIECE_SEPARATORS } from './forms.js';

/** For each character of a view, the span of the original text it came from. */
export interface Mapping {
  start: Int32Array;
  end: Int32Array;
}

/**
 * The text as some reader would see it. Its map back to the original is built only when a
 * secret is found in it: most texts hold none, and building a map costs a pass over every character.
 */
export class View {
  #map: Mapping | null = null;
  constructor(
    readonly text: string,
    private readonly makeMap: () => Mapping = () => identityMap(text.length),
  ) {}

  map(): Mapping {
    if (!this.#map) this.#map = this.makeMap();
    return this.#map;
  }
}

const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
const HEX = /^[0-9a-fA-F]+$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Length of a line break at `i` with the indentation around it: a real one (CR, LF, CRLF,
 * U+2028/9) or an escaped one (`\n`, `\r\n`, as JSON shows them). 0 when there is none.
 */
export function breakLength(s: string, i: number, escaped: boolean): number {
  let j = i;
  for (let b = blankAt(s, j, escaped); b > 0; b = blankAt(s, j, escaped)) j += b;
  const k = lineBreakAt(s, j, escaped);
  if (k === 0) return 0;
  j += k;
  for (let more = lineBreakAt(s, j, escaped); more > 0; more = lineBreakAt(s, j, escaped)) j += more;
  for (let b = blankAt(s, j, escaped); b > 0; b = blankAt(s, j, escaped)) j += b;
  return j - i;
}

/** A blank at `i`: a space or a tab, or (`escaped`) a tab as JSON writes it, `\t`. */
function blankAt(s: string, i: number, escaped: boolean): number {
  const c = s[i];
  if (c === ' ' || c === '\t') return 1;
  return escaped && c === '\\' && s[i + 1] === 't' ? 2 : 0;
}

/** The end of the run of the character at `i` (blanks count as one kind). */
export function runEnd(s: string, i: number): number {
  const blank = s[i] === ' ' || s[i] === '\t';
  let j = i + 1;
  while (j < s.length && (blank ? s[j] === ' ' || s[j] === '\t' : s[j] === s[i])) j++;
  return j;
}

/** A line break at `i`: CR, LF, CRLF, U+2028/9, or (`escaped`) one as JSON writes it. */
function lineBreakAt(s: string, i: number, escaped: boolean): number {
  const c = s[i];
  if (c === '\r') return s[i + 1] === '\n' ? 2 : 1;
  if (c === '\n' || c === '\u2028' || c === '\u2029') return 1;
  if (c === '\\' && escaped) {
    // `\n`, `\r\n` as JSON shows a line break. `\\n` is a backslash and an n; a line break
    // escaped twice becomes `\n` once the text is decoded, and is found in that view.
    if (s[i + 1] === 'n') return 2;
    if (s[i + 1] === 'r') return s[i + 2] === '\\' && s[i + 3] === 'n' ? 4 : 2;
  }
  return 0;
}

/** Which kinds of escape a view decodes. */
interface Escapes {
  percent: boolean;
  backslash: boolean;
  entity: boolean;
  backtick: boolean;
}
const ALL_ESCAPES: Escapes = { percent: true, backslash: true, entity: true, backtick: true };
const NO_ESCAPES: Escapes = { percent: false, backslash: false, entity: false, backtick: false };

/** One escaped character at `i`: [decoded text, length in the source], or null for a plain character. */
function escapeAt(s: string, i: number, kinds: Escapes): [string, number] | null {
  const c = s[i];
  if (c === '%') return kinds.percent ? percentAt(s, i) : null;
  if (c === '\\') {
    if (!kinds.backslash) return null;
    // JSON and shell rules: `\\` is one backslash; a single one escapes what follows it.
    const n = s[i + 1];
    if (n === '\\') return ['\\', 2];
    if (n === 'u' && s.slice(i + 2, i + 6).length === 4 && HEX.test(s.slice(i + 2, i + 6))) {
      return [String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16)), 6];
    }
    if (n === 'x' && s.slice(i + 2, i + 4).length === 2 && HEX.test(s.slice(i + 2, i + 4))) {
      return [String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16)), 4];
    }
    if (n === 't') return ['\t', 2];
    if (n === 'b') return ['\b', 2];
    if (n === 'f') return ['\f', 2];
    if (n !== undefined && PUNCTUATION.has(n)) return [n, 2];
    return null;
  }
  if (c === '`' && kinds.backtick && (s[i + 1] === '"' || s[i + 1] === '$' || s[i + 1] === '`')) return [s[i + 1], 2]; // PowerShell
  if (c === '&' && kinds.entity && /[#a-zA-Z]/.test(s[i + 1] ?? '')) {
    const m = /^&(?:([a-zA-Z]{2,6})|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/.exec(s.slice(i, i + 12));
    if (m) {
      const ch = m[1] ? ENTITIES[m[1].toLowerCase()] : codePointText(m[2] ? parseInt(m[2], 10) : parseInt(m[3], 16));
      if (ch) return [ch, m[0].length];
    }
  }
  return null;
}

function codePointText(cp: number): string | undefined {
  return cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}

/** The value of the hex digit at s[k], or -1. */
function hexDigit(s: string, k: number): number {
  const c = s.charCodeAt(k);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** %XX, or the %XX%XX… of one UTF-8 character (hex digits of either case). */
function percentAt(s: string, i: number): [string, number] | null {
  const byteAt = (k: number) => {
    if (s[k] !== '%') return -1;
    const hi = hexDigit(s, k + 1);
    const lo = hexDigit(s, k + 2);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  };
  const first = byteAt(i);
  if (first < 0) return null;
  if (first < 0x80) return [String.fromCharCode(first), 3];
  const count = first >= 0xf0 && first <= 0xf4 ? 4 : first >= 0xe0 ? 3 : first >= 0xc2 && first < 0xe0 ? 2 : 0;
  if (!count) return null;
  const bytes = [first];
  for (let k = 1; k < count; k++) {
    const b = byteAt(i + 3 * k);
    if (b < 0x80 || b > 0xbf) return null;
    bytes.push(b);
  }
  const text = decodeUtf8(Buffer.from(bytes));
  return text === null ? null : [text, 3 * count];
}

/**
 * The text without line breaks, with the escapes of the `kinds` given decoded; with `baseMap`,
 * also each character's span in the original (through the map of the text it was made from).
 */
function transform(s: string, kinds: Escapes, baseMap: Mapping | null): { text: string; map: Mapping | null } {
  // Decoding never lengthens: every escape is longer than what it stands for.
  const start = baseMap ? new Int32Array(s.length) : null;
  const end = baseMap ? new Int32Array(s.length) : null;
  const chunks: string[] = [];
  let n = 0;
  const emit = (text: string, from: number, to: number) => {
    chunks.push(text);
    if (!baseMap) return;
    for (let u = 0; u < text.length; u++, n++) {
      start![n] = baseMap.start[from];
      end![n] = baseMap.end[to - 1];
    }
  };
  const literal = (from: number, to: number) => {
    chunks.push(s.slice(from, to));
    if (!baseMap) return;
    for (let k = from; k < to; k++, n++) {
      start![n] = baseMap.start[k];
      end![n] = baseMap.end[k];
    }
  };
  const special = new RegExp(`[ \\t\\r\\n\\u2028\\u2029\\\\${kinds.percent ? '%' : ''}${kinds.entity ? '&' : ''}${kinds.backtick ? '`' : ''}]`, 'g');
  let i = 0;
  while (i < s.length) {
    // Plain characters up to the next one that may start a break or an escape go out in one piece.
    special.lastIndex = i;
    const next = special.exec(s);
    const stop = next ? next.index : s.length;
    if (stop > i) {
      literal(i, stop);
      i = stop;
      continue;
    }
    // An escaped line break (`\n`) is one only where backslash escapes are read at all.
    const br = breakLength(s, i, kinds.backslash);
    if (br > 0) {
      i += br;
      continue;
    }
    // Runs of blanks or backslashes that are no line break go out whole: no rescanning, linear time.
    if (s[i] === ' ' || s[i] === '\t' || (!kinds.backslash && s[i] === '\\')) {
      const j = runEnd(s, i);
      literal(i, j);
      i = j;
      continue;
    }
    const esc = escapeAt(s, i, kinds);
    if (esc) {
      emit(esc[0], i, i + esc[1]);
      i += esc[1];
    } else {
      literal(i, i + 1);
      i += 1;
    }
  }
  return { text: chunks.join(''), map: baseMap ? { start: start!.subarray(0, n), end: end!.subarray(0, n) } : null };
}

function identityMap(length: number): Mapping {
  const start = new Int32Array(length);
  const end = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    start[i] = i;
    end[i] = i + 1;
  }
  return { start, end };
}

/** A view of `base` decoded by `kinds`; its map is worked out from the base's when needed. */
function derive(base: View, kinds: Escapes): View {
  return new View(transform(base.text, kinds, null).text, () => transform(base.text, kinds, base.map()).map!);
}

/**
 * The text as printed; joined across line breaks; decoded once and twice. Kinds of escape are
 * also decoded one at a time, since a character next to a secret may read as an escape of
 * another kind (`\` before a URL-encoded secret that starts with `t`).
 */
export function viewsOf(text: string): View[] {
  const raw = new View(text);
  // Nothing that could be a line break or an escape: the text is its only view.
  if (!/[\r\n\u2028\u2029\\%&`]/.test(text)) return [raw];
  const views = [raw];
  const add = (v: View) => {
    if (!views.some((w) => w.text === v.text)) views.push(v);
    return v;
  };
  // The joined view is the text without every run of blanks and line breaks that holds a line
  // break: what transform(…, NO_ESCAPES) makes, done natively (its map, if ever needed, by transform).
  add(new View(text.replace(BLANK_RUN, (run) => (LINE_BREAK.test(run) ? '' : run)), () => transform(text, NO_ESCAPES, raw.map()).map!));
  // No escape character at all: every decoded view would be the joined one again.
  if (!/[\\%&`]/.test(text)) return views;
  add(derive(add(derive(raw, ALL_ESCAPES)), ALL_ESCAPES));
  const only = (kind: keyof Escapes): Escapes => ({ ...NO_ESCAPES, [kind]: true });
  if (text.includes('%')) add(derive(add(derive(raw, only('percent'))), only('percent')));
  if (text.includes('\\')) add(derive(add(derive(raw, only('backslash'))), only('backslash')));
  if (text.includes('&')) add(derive(raw, only('entity')));
  return views;
}

/**
 * The views in which pieces of a secret are looked for: the text as printed and decoded once,
 * each without the separators a secret may have been cut up with (`PIECE_SEPARATORS`).
 */
export function compactViewsOf(text: string): View[] {
  const raw = new View(text);
  const bases = [raw];
  if (/[\\%&`]/.test(text)) bases.push(derive(raw, ALL_ESCAPES));
  return bases.map(compact);
}

const SEPARATOR = new RegExp(PIECE_SEPARATORS.source, 'g');

function compact(base: View): View {
  const text = base.text.replace(SEPARATOR, '');
  return new View(text, () => {
    const from = base.map();
    const start = new Int32Array(text.length);
    const end = new Int32Array(text.length);
    let n = 0;
    for (let i = 0; i < base.text.length; i++) {
      if (PIECE_SEPARATORS.test(base.text[i])) continue;
      start[n] = from.start[i];
      end[n] = from.end[i];
      n++;
    }
    return { start, end };
  });
}

/** A run of blanks and line breaks; it is joined away when it holds a line break (see breakLength). */
const BLANK_RUN = /[ \t\r\n\u2028\u2029]+/g;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * The text lowered, at the same length, so a view's map still holds: every letter lowered when
 * that keeps the length (it nearly always does), else ASCII letters only.
 */
export function lowerAscii(s: string): string {
  const lower = s.toLowerCase();
  return lower.length === s.length ? lower : s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
