import { createHash } from 'node:crypto';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Below this many characters a SHA-256 fingerprint is a brute-force oracle (a short value is
 * found from 8 hex digits in seconds), so a short secret has no fingerprint at all.
 */
export const MIN_FINGERPRINT_LENGTH = 16;

/**
 * What a secret is. A password (GIGACHAT_PASSWORD, a proxy's, a key file's) is chosen by a
 * person and may be guessed: it never gets a fingerprint, whatever its length (12.10).
 */
export type SecretKind = 'key' | 'token' | 'password' | 'other';

export interface SecretOptions {
  kind?: SecretKind;
  /** Where it came from (a variable, `.env:LINE`, a URL's user-info): said, never the value. */
  source?: string;
}

/**
 * A credential value. Its only renderings are presence, length and (for a long value that is
 * not a password) a short SHA-256 fingerprint; the raw value leaves only through `reveal()`,
 * which a check calls to lint it, the probe to build a request header, the scrubber to hide it.
 */
export class Secret {
  readonly #value: string;
  readonly kind: SecretKind;
  readonly source: string | undefined;
  constructor(value: string, opts: SecretOptions = {}) {
    this.#value = value;
    this.kind = opts.kind ?? 'other';
    this.source = opts.source;
    // Own properties say nothing of the value: kind and source only.
    Object.defineProperty(this, 'kind', { enumerable: false });
    Object.defineProperty(this, 'source', { enumerable: false });
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
  /** 8 hex digits of SHA-256, or null for a password or a value too short for a fingerprint to be safe. */
  get fingerprint(): string | null {
    if (this.kind === 'password' || this.#value.length < MIN_FINGERPRINT_LENGTH) return null;
    return fingerprintOf(this.#value);
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
