/**
 * The one gate every output goes through. `redact` replaces each secret the matcher finds with
 * a marker; `scrub` also makes every terminal control visible; `finds` is the verdict the
 * report's fail-closed self-check acts on. Every output asks the same matcher, so what `report`
 * would refuse, every other output redacts.
 */
import { Secret } from './secret.js';
import { neutralizeControls } from './controls.js';
import { collectStrings, replaceStrings } from './data.js';
import { mergeSpans, SecretMatcher } from './matcher.js';
import { breakLength, runEnd } from './views.js';

export const REDACTED = '[REDACTED]';

/** Secrets any scrubber of this process was given (the latest few), for output written after a crash. */
const seenSecrets: string[] = [];
const MAX_SEEN = 64;

function remember(raw: string): void {
  if (seenSecrets.includes(raw)) return;
  seenSecrets.push(raw);
  if (seenSecrets.length > MAX_SEEN) seenSecrets.shift();
}

/**
 * In a Report, field names (`checks`, `status`, `exitCode`, the details' `retryAfter`) are
 * gigadoctor's words, never text from outside, so never redacted: a password that happens to be
 * `status` must not rename the field every reader looks up. A key with anything but ASCII
 * letters in it (a digit, a blank, punctuation) is not one of ours, and is text.
 */
const REPORT_FIELD_NAME = /^[A-Za-z]{1,40}$/;
const reportKeyIsText = (key: string) => !REPORT_FIELD_NAME.test(key);
const everyKeyIsText = () => true;

/** Between the strings of a document searched as one text: joined only where pieces of a secret are looked for. */
const BETWEEN_STRINGS = ', ';

export class Scrubber {
  readonly #matcher: SecretMatcher;

  /** `remember: false` keeps its values out of what `redactEverySecretSeen` knows. */
  constructor(opts: { remember?: boolean } = {}) {
    this.#matcher = new SecretMatcher(opts.remember ?? true ? remember : undefined);
  }

  /** How many secret values it knows. */
  get size(): number {
    return this.#matcher.size;
  }

  add(value: string | Secret | undefined | null): void {
    this.#matcher.add(value);
  }

  /** Works out the forms of the values added so far, as the first search would: call it where there is time to spare. */
  prepare(): void {
    this.#matcher.prepare();
  }

  /** The spans of `text` [start, end) that hold a secret in some form, merged and in order. */
  spans(text: string): Array<[number, number]> {
    return this.#matcher.spans(text);
  }

  /** Does the text hold any secret, in any form the scrubber knows? The self-check's verdict. */
  finds(text: string): boolean {
    return this.#matcher.finds(text);
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
    return redactSpans(text, this.spans(text));
  }

  /** A copy of the Report with every secret replaced in its strings; its field names stay. */
  redactReport<T>(report: T): T {
    return this.redactData(report, reportKeyIsText);
  }

  /**
   * A copy of plain data with every secret replaced in its strings, keys that are text
   * included (by default every key). The strings are searched as one text, so pieces of a secret spread over several
   * (model ids, list items) are found as they would be once printed side by side.
   */
  redactData<T>(value: T, keyIsText: (key: string) => boolean = everyKeyIsText): T {
    const strings = collectStrings(value, keyIsText);
    const starts: number[] = [];
    let length = 0;
    for (const s of strings) {
      starts.push(length);
      length += s.length + BETWEEN_STRINGS.length;
    }
    const local: Array<Array<[number, number]>> = strings.map(() => []);
    let i = 0;
    for (const [s, e] of this.spans(strings.join(BETWEEN_STRINGS))) {
      while (i + 1 < strings.length && starts[i + 1] <= s) i++;
      for (let k = i; k < strings.length && starts[k] < e; k++) {
        const from = Math.max(s, starts[k]) - starts[k];
        const to = Math.min(e, starts[k] + strings[k].length) - starts[k];
        if (to > from) local[k].push([from, to]);
      }
    }
    return replaceStrings(value, keyIsText, strings.map((s, k) => redactSpans(s, local[k]))) as T;
  }
}

/** The text with each span replaced by the marker, widened so no escape is cut in half. */
function redactSpans(text: string, found: Array<[number, number]>): string {
  if (found.length === 0) return text;
  const spans = mergeSpans(found.map(([s, e]) => alignToEscapes(text, s, e)));
  let out = '';
  let pos = 0;
  for (const [s, e] of spans) {
    out += text.slice(pos, s) + redactSpan(text.slice(s, e));
    pos = e;
  }
  return out + text.slice(pos);
}

/**
 * `text` with every form of every one of `secrets` replaced by `[REDACTED]`: the small API for
 * text pasted by a user (`explain`), where no run's scrubber is at hand. Remembers nothing.
 */
export function redactText(text: string, secrets: Iterable<string | Secret | undefined | null>): string {
  const scrubber = new Scrubber({ remember: false });
  for (const s of secrets) scrubber.add(s);
  return scrubber.redact(text);
}

/**
 * Redacts every secret this process has handed to any scrubber (the latest 64), plus `extra`:
 * for text written where no scrubber is at hand, such as an unexpected error.
 */
export function redactEverySecretSeen(text: string, extra: Iterable<string> = []): string {
  return redactText(text, [...seenSecrets, ...extra]);
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
