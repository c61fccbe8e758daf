import { createHash } from 'node:crypto';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * A credential value. Its only renderings are presence, length and a short SHA-256
 * fingerprint; the raw value leaves only through `reveal()`, which the probe calls
 * when it builds a request header.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  get length(): number {
    return this.#value.length;
  }
  get fingerprint(): string {
    return fingerprintOf(this.#value);
  }
  toString(): string {
    return `[secret: ${this.length} chars, sha256:${this.fingerprint}]`;
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

const MIN_SCRUB_LENGTH = 6;

/** Every form in which a secret may show up in text we print. */
export function encodedForms(value: string): string[] {
  const forms = new Set<string>();
  const add = (s: string) => {
    if (s.length >= MIN_SCRUB_LENGTH) forms.add(s);
  };
  add(value);
  add(value.trim());
  add(encodeURIComponent(value));
  add(JSON.stringify(value).slice(1, -1));
  const b64 = Buffer.from(value, 'utf8').toString('base64');
  add(b64);
  add(b64.replace(/=+$/, ''));
  add(Buffer.from(value, 'utf8').toString('base64url'));
  add(encodeURIComponent(b64));
  return [...forms];
}

/**
 * The one gate every output goes through. It knows every secret the run has seen
 * (the key, the id and secret inside it, tokens, passwords, proxy passwords) and
 * replaces each of their forms, including one broken across lines, with a marker.
 */
export class Scrubber {
  #forms: string[] = [];

  add(value: string | Secret | undefined | null): void {
    if (value == null) return;
    const raw = value instanceof Secret ? value.reveal() : value;
    if (raw.trim().length < MIN_SCRUB_LENGTH) return;
    for (const form of encodedForms(raw)) if (!this.#forms.includes(form)) this.#forms.push(form);
    // The key carries client id and client secret: both are as private as the key.
    const decoded = decodeKeyParts(raw.trim());
    if (decoded) for (const part of decoded) this.add(part);
    // Longest first, so a form that contains another is replaced whole.
    this.#forms.sort((a, b) => b.length - a.length);
  }

  scrub(text: string): string {
    let out = text;
    for (const form of this.#forms) {
      if (out.includes(form)) out = out.split(form).join('[REDACTED]');
    }
    if (this.#forms.length && /\r?\n/.test(out)) out = this.#scrubAcrossLines(out);
    return out;
  }

  /** Does the text still hold any secret form, even one split across lines? */
  finds(text: string): boolean {
    const flat = text.replace(/\s+/g, '');
    return this.#forms.some((f) => text.includes(f) || flat.includes(f.replace(/\s+/g, '')));
  }

  #scrubAcrossLines(text: string): string {
    const flat = text.replace(/\r?\n\s*/g, '');
    if (!this.#forms.some((f) => flat.includes(f))) return text;
    // A secret was wrapped across lines: rather than guess which lines, drop the text's
    // line breaks where they split it and scrub the joined form.
    let out = flat;
    for (const form of this.#forms) if (out.includes(form)) out = out.split(form).join('[REDACTED]');
    return out;
  }
}

/** base64("id:secret") → [id, secret], when the value has that shape. */
function decodeKeyParts(value: string): string[] | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return [decoded.slice(0, colon), decoded.slice(colon + 1)];
}
