/**
 * Where secrets are in a text: every form of every value it was given (forms.ts), in every view
 * of the text (views.ts), as spans of the original text.
 */
import { Secret } from './secret.js';
import { decodeKeyParts, formsOfCore, isCaseless, isPieceable, isLettersOnly, PIECE_SEPARATORS, secretCores, withoutSeparators } from './forms.js';
import { compactViewsOf, lowerAscii, viewsOf, type View } from './views.js';

/** A fragment of a secret at least this long is found too (a message cut off mid-token). */
export const FRAGMENT_LENGTH = 12;
/** Only secrets this long are found by fragment: for shorter ones a fragment is most of the secret's text. */
const MIN_FRAGMENTED_LENGTH = 16;
/** Half a fragment: the piece looked up first when a text is searched for fragments. */
const GRAM_LENGTH = FRAGMENT_LENGTH / 2;

/** Flat pairs of a view's hits: index, length, index, length … */
type Hits = number[];

/**
 * One set of forms, looked up literally (with URL-encoding of any character allowed) or, for a
 * caseless set, in the text with ASCII letters lowered.
 */
class FormSet {
  #forms = new Set<string>();
  /** Forms whose percent pattern is not built yet: built on the first text that holds a `%`. */
  #percentPending: string[] = [];
  /**
   * Forms with characters URL-encoding changes, as patterns that take each such character raw or
   * %-encoded: found wherever they start, even right after a stray `%` a decoder would have paired.
   */
  #percentPatterns = new Map<string, RegExp>();
  #fragments = new Set<string>();
  /** Every 6-character piece of the fragmented values: a 12-character fragment covers one at a multiple of 6. */
  #grams = new Set<string>();

  /**
   * `caseless`: looked up in the text lowered. `percent`: also with any character URL-encoded
   * (not needed where the text's URL escapes are decoded before the lookup, as for pieces).
   */
  constructor(
    readonly caseless: boolean,
    private readonly percent = true,
  ) {}

  get empty(): boolean {
    return this.#forms.size === 0 && this.#fragments.size === 0;
  }

  add(form: string): void {
    const f = this.caseless ? lowerAscii(form) : form;
    if (this.percent && !this.#forms.has(f)) this.#percentPending.push(f);
    this.#forms.add(f);
  }

  addFragmentsOf(core: string): void {
    if (core.length < MIN_FRAGMENTED_LENGTH) return;
    const c = this.caseless ? lowerAscii(core) : core;
    for (let i = 0; i + FRAGMENT_LENGTH <= c.length; i++) this.#fragments.add(c.slice(i, i + FRAGMENT_LENGTH));
    for (let i = 0; i + GRAM_LENGTH <= c.length; i++) this.#grams.add(c.slice(i, i + GRAM_LENGTH));
  }

  find(text: string, hits: Hits): void {
    if (this.empty) return;
    const t = this.caseless ? lowerAscii(text) : text;
    const mark = (from: number, length: number) => hits.push(from, length);
    for (const form of this.#forms) {
      for (let at = t.indexOf(form); at !== -1; at = t.indexOf(form, at + 1)) mark(at, form.length);
    }
    if (this.percent && t.includes('%')) {
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
    if (this.#fragments.size) {
      // A fragment at [a, a + 12) holds the piece at the multiple of 6 in [a, a + 6]; only
      // around a piece that matches are the fragments themselves looked up.
      let checkedTo = -1;
      for (let p = 0; p + GRAM_LENGTH <= t.length; p += GRAM_LENGTH) {
        if (!this.#grams.has(t.slice(p, p + GRAM_LENGTH))) continue;
        for (let at = Math.max(p - GRAM_LENGTH, checkedTo + 1); at <= p && at + FRAGMENT_LENGTH <= t.length; at++) {
          if (this.#fragments.has(t.slice(at, at + FRAGMENT_LENGTH))) mark(at, FRAGMENT_LENGTH);
          checkedTo = at;
        }
      }
    }
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

/**
 * Knows every secret a run has seen (the key, the id and secret inside it, tokens, passwords,
 * proxy passwords) and finds each of their forms — raw, base64 (also inside a larger base64
 * blob), hex, URL-, JSON-, XML- or backslash-escaped, cut short, broken across lines, in another
 * case (keys, ids, tokens), without a UUID's dashes, or cut into pieces with separators between.
 */
export class SecretMatcher {
  #raw = new Set<string>();
  /** Values added whose forms are not worked out yet: done on the first search. */
  #pending: string[] = [];
  #exact = new FormSet(false);
  #caseless = new FormSet(true);
  /** Forms of the values that stay unmistakable without separators, themselves without separators. */
  #piecesExact = new FormSet(false, false);
  #piecesCaseless = new FormSet(true, false);
  readonly #onAdd: (raw: string) => void;

  /** `onAdd` hears of each value added (and each part of a key), e.g. to remember it for a crash. */
  constructor(onAdd: (raw: string) => void = () => undefined) {
    this.#onAdd = onAdd;
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
    this.#onAdd(raw);
    this.#pending.push(raw);
  }

  /** Works out the forms of the values added so far; done on the first search at the latest. */
  prepare(): void {
    for (const raw of this.#pending.splice(0)) this.#addForms(raw, 0);
  }

  #addPart(raw: string, depth: number): void {
    if (secretCores(raw).length === 0 || this.#raw.has(raw)) return;
    this.#raw.add(raw);
    this.#onAdd(raw);
    this.#addForms(raw, depth);
  }

  #addForms(raw: string, depth: number): void {
    for (const core of secretCores(raw)) {
      const caseless = isCaseless(core);
      const whole = caseless ? this.#caseless : this.#exact;
      const { literal, hex } = formsOfCore(core);
      for (const form of literal) whole.add(form);
      this.#caseless.add(hex);
      // A value of letters only is found whole only: twelve of its characters may be anybody's words.
      if (!isLettersOnly(core)) whole.addFragmentsOf(core);
      if (isPieceable(core, caseless)) {
        const pieces = caseless ? this.#piecesCaseless : this.#piecesExact;
        for (const form of [...literal, hex]) {
          const joined = withoutSeparators(form);
          if (joined.length >= 6) pieces.add(joined);
        }
        pieces.addFragmentsOf(withoutSeparators(core));
      }
      // The key carries client id and client secret: both are as private as the key.
      if (depth < 3) for (const part of decodeKeyParts(core)) this.#addPart(part, depth + 1);
    }
  }

  /** The spans of `text` [start, end) that hold a secret in some form, merged and in order. */
  spans(text: string): Array<[number, number]> {
    if (this.#raw.size === 0 || text.length === 0) return [];
    this.prepare();
    const found: Array<[number, number]> = [];
    const collect = (views: View[], sets: FormSet[], edges: (span: [number, number]) => [number, number]) => {
      for (const view of views) {
        const hits: Hits = [];
        for (const set of sets) set.find(view.text, hits);
        if (hits.length === 0) continue;
        const { start, end } = view.map();
        for (let k = 0; k < hits.length; k += 2) found.push(edges([start[hits[k]], end[hits[k] + hits[k + 1] - 1]]));
      }
    };
    collect(viewsOf(text), [this.#exact, this.#caseless], (span) => span);
    if (!this.#piecesExact.empty || !this.#piecesCaseless.empty) {
      collect(compactViewsOf(text), [this.#piecesExact, this.#piecesCaseless], ([s, e]) => withoutLoneMarks(text, s, e));
    }
    return mergeSpans(found.filter(([s, e]) => e > s));
  }

  /** Does the text hold any secret, in any form it knows? */
  finds(text: string): boolean {
    return this.spans(text).length > 0;
  }
}

const SEPARATOR = new RegExp(PIECE_SEPARATORS.source);
const MARK = /[!-/:-@[-`{-~]/;

/**
 * A span found in pieces, without a punctuation mark that a separator cuts off at either end:
 * the `:` of `secret: F47AC…` is the text's, even though `id:secret` holds one there too.
 */
function withoutLoneMarks(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s + 1 < e && MARK.test(text[s]) && SEPARATOR.test(text[s + 1])) {
    s++;
    while (s < e && SEPARATOR.test(text[s])) s++;
  }
  while (e - 2 >= s && MARK.test(text[e - 1]) && SEPARATOR.test(text[e - 2])) {
    e--;
    while (e > s && SEPARATOR.test(text[e - 1])) e--;
  }
  return [s, e];
}

export function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
