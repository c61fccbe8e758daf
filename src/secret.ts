import { createHash } from 'node:crypto';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Shorter secrets are not scrubbed: replacing every "test" or "12345" would destroy the text around them. */
export const MIN_SCRUB_LENGTH = 6;
/**
 * Below this many characters a SHA-256 fingerprint is a brute-force oracle (a short password
 * is found from 8 hex digits in seconds), so a short secret has no fingerprint at all.
 */
export const MIN_FINGERPRINT_LENGTH = 16;
/** A fragment of a secret at least this long is scrubbed too (a message cut off mid-token). */
export const FRAGMENT_LENGTH = 12;
/** Only secrets this long are scrubbed by fragment: for shorter ones a fragment is most of the secret's text. */
const MIN_FRAGMENTED_LENGTH = 16;
/** Half a fragment: the piece looked up first when a text is searched for fragments. */
const GRAM_LENGTH = FRAGMENT_LENGTH / 2;
export const REDACTED = '[REDACTED]';

/**
 * A credential value. Its only renderings are presence, length and a short SHA-256
 * fingerprint (none for a short value); the raw value leaves only through `reveal()`,
 * which a check calls to lint it and the probe to build a request header.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  get present(): boolean {
    return this.#value.length > 0;
  }
  get length(): number {
    return this.#value.length;
  }
  /** 8 hex digits of SHA-256, or null when the value is too short for a fingerprint to be safe. */
  get fingerprint(): string | null {
    return this.#value.length >= MIN_FINGERPRINT_LENGTH ? fingerprintOf(this.#value) : null;
  }
  toString(): string {
    if (!this.present) return '[secret: empty]';
    const fp = this.fingerprint;
    return fp ? `[secret: ${this.length} chars, sha256:${fp}]` : `[secret: ${this.length} chars]`;
  }
  toJSON(): string {
    return this.toString();
  }
  [inspectSymbol](): string {
    return this.toString();
  }
}

export function fingerprintOf(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 8);
}

// ---------------------------------------------------------------------------------------------
// What a secret looks like in text

const INVISIBLE = /[\s\uFEFF\u200B-\u200D\u2060\u00AD]/g;
const EDGE_INVISIBLE = /^[\s\uFEFF\u200B-\u200D\u2060\u00AD]+|[\s\uFEFF\u200B-\u200D\u2060\u00AD]+$/g;
const BASE64_TEXT = /^[A-Za-z0-9+/\-_]+={0,2}$/;

/**
 * The values a pasted secret stands for: as given, trimmed, without quotes, without a
 * `Bearer `/`Basic ` prefix, without invisible characters. A server or a log may show any of them.
 */
export function secretCores(raw: string): string[] {
  const cores = new Set<string>([raw]);
  let v = raw;
  for (let i = 0; i < 4; i++) {
    const before = v;
    for (const step of [
      (x: string) => x.replace(EDGE_INVISIBLE, ''),
      (x: string) => x.replace(/^(['"`])([\s\S]*)\1$/, '$2').replace(/^['"`]|['"`]$/g, ''),
      (x: string) => x.replace(/^(?:bearer|basic)[\s:]+/i, ''),
    ]) {
      v = step(v);
      cores.add(v);
    }
    if (v === before) break;
  }
  const bare = v.replace(INVISIBLE, '');
  // What is left once blanks, quotes and prefixes are gone decides whether it is long enough to scrub.
  if (bare.length < MIN_SCRUB_LENGTH) return [];
  cores.add(bare);
  return [...cores].filter((c) => c.length >= MIN_SCRUB_LENGTH);
}

/**
 * base64 of `bytes` as it appears inside the base64 of a larger blob that has `offset`
 * bytes before it: only the characters that depend on these bytes alone.
 * `base64("id:" + secret)` contains `alignedBase64(secret, 3 % 3)`, and so on for every offset.
 */
export function alignedBase64(bytes: Buffer, offset: 0 | 1 | 2): string {
  if (bytes.length === 0) return '';
  const padded = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(2)]);
  const b64 = padded.toString('base64');
  const from = Math.ceil((8 * offset) / 6);
  const to = Math.floor((8 * (offset + bytes.length)) / 6);
  return b64.slice(from, to);
}

/** base64 of the UTF-8 bytes as a standard-alphabet string → its base64url twin. */
const toUrlAlphabet = (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_');

/** The literal forms of one value, and its hex (matched in either case). */
function formsOfCore(core: string): { literal: string[]; hex: string } {
  const literal: string[] = [core];
  const bytes = Buffer.from(core, 'utf8');
  const b64 = bytes.toString('base64');
  literal.push(b64, b64.replace(/=+$/, ''), toUrlAlphabet(b64).replace(/=+$/, ''));
  for (const offset of [0, 1, 2] as const) {
    const aligned = alignedBase64(bytes, offset);
    literal.push(aligned, toUrlAlphabet(aligned));
  }
  return { literal: literal.filter((f) => f.length >= MIN_SCRUB_LENGTH), hex: bytes.toString('hex') };
}

/**
 * Every literal form in which a secret may show up in text we print. Text is also searched
 * decoded (URL, JSON, XML and backslash escapes, line breaks), so these are the forms before
 * any such escaping: the value, its base64 (standard and url alphabets, padded or not, and
 * at each of the three byte alignments inside a larger blob) and its hex.
 */
export function encodedForms(value: string): string[] {
  const forms = new Set<string>();
  for (const core of secretCores(value)) {
    const { literal, hex } = formsOfCore(core);
    for (const f of literal) forms.add(f);
    forms.add(hex);
  }
  return [...forms];
}

/**
 * base64("id:secret") → [id, secret], when the value has that shape; a value encoded
 * twice yields the key inside it as well.
 */
export function decodeKeyParts(value: string, depth = 0): string[] {
  const compact = value.replace(INVISIBLE, '');
  if (depth > 2 || compact.length < 8 || !BASE64_TEXT.test(compact)) return [];
  const decoded = decodeUtf8(Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  if (decoded === null || /[\u0000-\u001f\u007f]/.test(decoded) || decoded.length < 3) return [];
  const parts: string[] = [];
  const colon = decoded.indexOf(':');
  if (colon > 0 && colon < decoded.length - 1) {
    parts.push(decoded, decoded.slice(0, colon), decoded.slice(colon + 1));
  } else if (BASE64_TEXT.test(decoded)) {
    parts.push(decoded, ...decodeKeyParts(decoded, depth + 1));
  }
  return parts;
}

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A value that looks like a GigaChat key, a client id or secret, or an access token, wherever it was found. */
export function looksLikeCredential(value: string): boolean {
  const v = value.replace(EDGE_INVISIBLE, '').replace(/^(['"`])([\s\S]*)\1$/, '$2').replace(/^(?:bearer|basic)[\s:]+/i, '');
  if (v.length < 20) return false;
  if (/^eyJ[\w-]+\.[\w.-]+$/.test(v)) return true; // a JWE/JWT access token
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return true; // a client id or secret
  if (/^[^\s:]{8,}:[^\s:]{8,}$/.test(v) && /[0-9a-f]{8}-[0-9a-f]{4}/i.test(v)) return true; // id:secret, not encoded
  if (decodeKeyParts(v).length > 0) return true; // base64 of id:secret
  // A long run of token characters with letters and digits mixed is a secret of some kind, not a word.
  return /^[A-Za-z0-9+=_\-~]{32,}$/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v);
}

// ---------------------------------------------------------------------------------------------
// Reading text the ways it may have been escaped

/** For each character of a view, the span of the original text it came from. */
interface Mapping {
  start: Int32Array;
  end: Int32Array;
}

/**
 * The text as some reader would see it. Its map back to the original is built only when a
 * secret is found in it: most texts hold none, and building a map costs a pass over every
 * character, in code that runs once per process and so never gets fast.
 */
class View {
  #map: Mapping | null = null;
  constructor(
    readonly text: string,
    private readonly base: View | null = null,
    private readonly kinds: Escapes | null = null,
  ) {}

  map(): Mapping {
    if (!this.#map) this.#map = this.base ? transform(this.base.text, this.kinds!, this.base.map()).map! : identityMap(this.text.length);
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
function breakLength(s: string, i: number, escaped: boolean): number {
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
function runEnd(s: string, i: number): number {
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

/**
 * The text as printed; joined across line breaks; decoded once and twice. Kinds of escape are
 * also decoded one at a time, since a character next to a secret may read as an escape of
 * another kind (`\` before a URL-encoded secret that starts with `t`).
 */
function viewsOf(text: string): View[] {
  const raw = new View(text);
  // Nothing that could be a line break or an escape: the text is its only view.
  if (!/[\r\n\u2028\u2029\\%&`]/.test(text)) return [raw];
  const views = [raw];
  const add = (v: View) => {
    if (!views.some((w) => w.text === v.text)) views.push(v);
    return v;
  };
  const derive = (base: View, kinds: Escapes) => new View(transform(base.text, kinds, null).text, base, kinds);
  // The joined view is the text without every run of blanks and line breaks that holds a line
  // break: what transform(…, NO_ESCAPES) makes, done natively (its map, if ever needed, by transform).
  add(new View(text.replace(BLANK_RUN, (run) => (LINE_BREAK.test(run) ? '' : run)), raw, NO_ESCAPES));
  // No escape character at all: every decoded view would be the joined one again.
  if (!/[\\%&`]/.test(text)) return views;
  add(derive(add(derive(raw, ALL_ESCAPES)), ALL_ESCAPES));
  const only = (kind: keyof Escapes): Escapes => ({ ...NO_ESCAPES, [kind]: true });
  if (text.includes('%')) add(derive(add(derive(raw, only('percent'))), only('percent')));
  if (text.includes('\\')) add(derive(add(derive(raw, only('backslash'))), only('backslash')));
  if (text.includes('&')) add(derive(raw, only('entity')));
  return views;
}

/** A run of blanks and line breaks; it is joined away when it holds a line break (see breakLength). */
const BLANK_RUN = /[ \t\r\n\u2028\u2029]+/g;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** ASCII letters lowered, nothing else: keeps the length, so the view's map still holds. */
const lowerAscii = (s: string) => (/[^\x00-\x7f]/.test(s) ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s.toLowerCase());

// ---------------------------------------------------------------------------------------------
// The scrubber

/** Secrets any scrubber of this process was given (the latest few), for output written after a crash. */
const seenSecrets: string[] = [];
const MAX_SEEN = 64;

/**
 * The one gate every output goes through. It knows every secret the run has seen (the key,
 * the id and secret inside it, tokens, passwords, proxy passwords) and replaces each of their
 * forms — raw, base64 (also inside a larger base64 blob), hex, URL-, JSON-, XML- or
 * backslash-escaped, cut short, or broken across lines — with a marker. Line breaks that split
 * a secret are kept, so the layout of the text around it does not change.
 */
export class Scrubber {
  readonly #remember: boolean;
  #raw = new Set<string>();
  #forms = new Set<string>();
  #hexForms = new Set<string>();
  #fragments = new Set<string>();
  /**
   * Forms with characters URL-encoding changes, as patterns that take each such character
   * raw or %-encoded: found wherever they start, even right after a stray `%` that a decoder
   * would have paired with the secret's first characters.
   */
  #percentPatterns = new Map<string, RegExp>();
  /** Values added whose forms are not worked out yet (see prepare). */
  #pending: string[] = [];
  /** Forms whose percent pattern is not built yet: built on the first text that holds a `%`. */
  #percentPending: string[] = [];
  /**
   * Every 6-character piece of the fragmented values. Any 12-character fragment in a text covers
   * a piece that starts at a multiple of 6, so only those positions are looked up first.
   */
  #fragmentGrams = new Set<string>();

  /** `remember: false` keeps its values out of what `redactEverySecretSeen` knows. */
  constructor(opts: { remember?: boolean } = {}) {
    this.#remember = opts.remember ?? true;
  }

  /** How many secret values it knows. */
  get size(): number {
    this.prepare();
    return this.#raw.size;
  }

  add(value: string | Secret | undefined | null): void {
    if (value == null) return;
    const raw = value instanceof Secret ? value.reveal() : String(value);
    if (secretCores(raw).length === 0 || this.#raw.has(raw)) return;
    this.#raw.add(raw);
    if (this.#remember) remember(raw);
    this.#pending.push(raw);
  }

  /**
   * Works out the forms of the values added so far. Done on the first search at the latest;
   * a caller with time to spare (a run waiting on the network) may do it earlier.
   */
  prepare(): void {
    for (const raw of this.#pending.splice(0)) this.#addForms(raw, 0);
  }

  #addValue(raw: string, depth: number): void {
    if (secretCores(raw).length === 0 || this.#raw.has(raw)) return;
    this.#raw.add(raw);
    if (this.#remember) remember(raw);
    this.#addForms(raw, depth);
  }

  #addForms(raw: string, depth: number): void {
    for (const core of secretCores(raw)) {
      const { literal, hex } = formsOfCore(core);
      for (const form of literal) {
        if (!this.#forms.has(form)) this.#percentPending.push(form);
        this.#forms.add(form);
      }
      this.#hexForms.add(hex);
      if (core.length >= MIN_FRAGMENTED_LENGTH) {
        for (let i = 0; i + FRAGMENT_LENGTH <= core.length; i++) this.#fragments.add(core.slice(i, i + FRAGMENT_LENGTH));
        for (let i = 0; i + GRAM_LENGTH <= core.length; i++) this.#fragmentGrams.add(core.slice(i, i + GRAM_LENGTH));
      }
      // The key carries client id and client secret: both are as private as the key.
      if (depth < 3) for (const part of decodeKeyParts(core)) this.#addValue(part, depth + 1);
    }
  }

  /** The spans of `text` [start, end) that hold a secret in some form, merged and in order. */
  spans(text: string): Array<[number, number]> {
    if (this.#raw.size === 0 || text.length === 0) return [];
    this.prepare();
    const found: Array<[number, number]> = [];
    for (const view of viewsOf(text)) {
      const hits = this.#find(view.text);
      if (hits.length === 0) continue;
      const { start, end } = view.map();
      for (let k = 0; k < hits.length; k += 2) found.push([start[hits[k]], end[hits[k] + hits[k + 1] - 1]]);
    }
    return mergeSpans(found);
  }

  /** Where the secrets are in one view's text, as flat pairs: index, length, index, length … */
  #find(t: string): number[] {
    const hits: number[] = [];
    const mark = (from: number, length: number) => hits.push(from, length);
    for (const form of this.#forms) {
      for (let at = t.indexOf(form); at !== -1; at = t.indexOf(form, at + 1)) mark(at, form.length);
    }
    if (t.includes('%')) {
      for (const form of this.#percentPending.splice(0)) {
        const pattern = percentPattern(form);
        if (pattern) this.#percentPatterns.set(form, pattern);
      }
      for (const pattern of this.#percentPatterns.values()) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(t); m; m = pattern.exec(t)) {
          mark(m.index, m[0].length);
          pattern.lastIndex = m.index + 1;
        }
      }
    }
    if (this.#hexForms.size) {
      const lower = lowerAscii(t);
      for (const form of this.#hexForms) {
        for (let at = lower.indexOf(form); at !== -1; at = lower.indexOf(form, at + 1)) mark(at, form.length);
      }
    }
    if (this.#fragments.size) {
      // A fragment at [a, a + 12) holds the piece at the multiple of 6 in [a, a + 6]; only
      // around a piece that matches are the fragments themselves looked up.
      let checkedTo = -1;
      for (let p = 0; p + GRAM_LENGTH <= t.length; p += GRAM_LENGTH) {
        if (!this.#fragmentGrams.has(t.slice(p, p + GRAM_LENGTH))) continue;
        for (let at = Math.max(p - GRAM_LENGTH, checkedTo + 1); at <= p && at + FRAGMENT_LENGTH <= t.length; at++) {
          if (this.#fragments.has(t.slice(at, at + FRAGMENT_LENGTH))) mark(at, FRAGMENT_LENGTH);
          checkedTo = at;
        }
      }
    }
    return hits;
  }

  /**
   * The text with every secret replaced, and with every character that could act on a
   * terminal made visible (`neutralizeControls`): what comes out is safe to print.
   */
  scrub(text: string): string {
    return neutralizeControls(this.redact(text));
  }

  /** The text with every secret replaced, nothing else changed. */
  redact(text: string): string {
    const spans = mergeSpans(this.spans(text).map(([s, e]) => alignToEscapes(text, s, e)));
    if (spans.length === 0) return text;
    let out = '';
    let pos = 0;
    for (const [s, e] of spans) {
      out += text.slice(pos, s) + redactSpan(text.slice(s, e));
      pos = e;
    }
    return out + text.slice(pos);
  }

  /** Does the text still hold any secret, in any form the scrubber knows? */
  finds(text: string): boolean {
    return this.spans(text).length > 0;
  }

  /**
   * A copy of plain data (a Report) with every string scrubbed, keys included. Scrubbing each
   * string on its own, rather than the JSON text, can never break the document's structure.
   */
  scrubDeep<T>(value: T): T {
    return deepMap(value, (s) => this.scrub(s)) as T;
  }
}

const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]$/;

/** A pattern for `form` with each character that URL-encoding changes taken raw or %-encoded (hex of either case). */
function percentPattern(form: string): RegExp | null {
  let changes = false;
  const atoms = [...form].map((ch) => {
    const literal = ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    if (UNRESERVED.test(ch)) return literal;
    changes = true;
    const encoded = [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0').replace(/[A-F]/g, (d) => `[${d}${d.toLowerCase()}]`)}`).join('');
    return `(?:${literal}|${encoded}${ch === ' ' ? '|\\+' : ''})`;
  });
  return changes ? new RegExp(atoms.join(''), 'g') : null;
}

function remember(raw: string): void {
  if (seenSecrets.includes(raw)) return;
  seenSecrets.push(raw);
  if (seenSecrets.length > MAX_SEEN) seenSecrets.shift();
}

/**
 * Terminal controls that could act on the terminal a report is printed to, or reorder what is
 * read there: C0 controls but tab and line feed, DEL, C1 controls, bidi embeddings, overrides and
 * isolates, line and paragraph separators, and ESC — except a one-parameter SGR sequence of the
 * kinds the human renderer writes (reset, bold, dim, italic, underline, a foreground colour but black),
 * none of which can hide text: conceal, reverse, blink, black and backgrounds are not among them.
 */
const TERMINAL_CONTROL = /\x1b(?!\[(?:0|1|2|3|4|22|23|24|3[1-7]|39|9[0-7])m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * The last line of defence at the output boundary: each terminal control becomes a visible
 * stand-in — the Unicode control picture for C0 and DEL (`␛[2J`, `␍`, `␇`), `<U+202E>` for the
 * rest. The stand-ins hold no backslash or quote, so JSON and XML stay well-formed.
 */
export function neutralizeControls(text: string): string {
  return text.replace(TERMINAL_CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/**
 * Redacts every secret this process has handed to any scrubber (the latest 64), plus `extra`:
 * for text written where no scrubber is at hand, such as an unexpected error.
 */
export function redactEverySecretSeen(text: string, extra: Iterable<string> = []): string {
  const scrubber = new Scrubber({ remember: false });
  for (const raw of seenSecrets) scrubber.add(raw);
  for (const raw of extra) scrubber.add(raw);
  return scrubber.redact(text);
}

/**
 * Length of the escape that starts at `p` — `\\x`, `\\uXXXX`, `\\xHH`, `%XX`, `&name;` — or 0.
 * A backslash escaped by the one before it starts nothing.
 */
function escapeLengthAt(text: string, p: number): number {
  const c = text[p];
  if (c === '\\') {
    let run = 0;
    for (let k = p - 1; k >= 0 && text[k] === '\\'; k--) run++;
    if (run % 2 === 1 || p + 1 >= text.length) return 0;
    if (text[p + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(p + 2, p + 6))) return 6;
    if (text[p + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(p + 2, p + 4))) return 4;
    return 2;
  }
  if (c === '%') return /^[0-9a-fA-F]{2}$/.test(text.slice(p + 1, p + 3)) ? 3 : 0;
  if (c === '&') return /^&(?:[a-zA-Z]{2,6}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});/.exec(text.slice(p, p + 12))?.[0].length ?? 0;
  return 0;
}

/**
 * A span widened so it never starts or ends inside an escape: a marker that replaced half of
 * `\\"` or of `&amp;` would leave JSON or XML that no longer parses.
 */
function alignToEscapes(text: string, start: number, end: number): [number, number] {
  let s = start;
  for (let p = start - 1; p >= Math.max(0, start - 11); p--) {
    const len = escapeLengthAt(text, p);
    if (len && p + len > s && p < s) s = p;
  }
  let e = end;
  for (let p = end - 1; p >= Math.max(s, end - 11); p--) {
    const len = escapeLengthAt(text, p);
    if (len && p + len > e) e = p + len;
  }
  return [s, e];
}

function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** The marker for one span; a line break inside it (the secret was wrapped) stays, with its indentation. */
function redactSpan(segment: string): string {
  let out = '';
  let piece = false;
  for (let i = 0; i < segment.length; ) {
    const br = breakLength(segment, i, true);
    if (br > 0) {
      if (piece) out += REDACTED;
      piece = false;
      out += segment.slice(i, i + br);
      i += br;
    } else {
      piece = true;
      i = segment[i] === ' ' || segment[i] === '\t' || segment[i] === '\\' ? runEnd(segment, i) : i + 1;
    }
  }
  return piece ? out + REDACTED : out;
}

/** Applies `fn` to every string of plain data: values, keys, inside arrays and objects. */
export function deepMap(value: unknown, fn: (s: string) => string, seen = new WeakMap<object, unknown>()): unknown {
  if (typeof value === 'string') return fn(value);
  if (value instanceof Secret) return fn(value.toString());
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(deepMap(item, fn, seen));
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) out[fn(k)] = deepMap(v, fn, seen);
  return out;
}
