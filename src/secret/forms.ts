/**
 * The forms a secret may take in text we print: as pasted or cleaned up, base64 (also inside a
 * larger base64 blob), hex; in the case a server changed, without the dashes of a UUID, or cut
 * into pieces with separators between them. How text is escaped around it is views.ts's job.
 */

/** Shorter secrets are not scrubbed: replacing every "test" or "12345" would destroy the text around them. */
export const MIN_SCRUB_LENGTH = 6;

const INVISIBLE = /[\uFEFF\u200B-\u200D\u2060\u00AD]/g;
const BLANK = /\s/g;
const LINE_BREAKS = /[ \t]*[\r\n\u2028\u2029]+[ \t]*/g;
const EDGE_INVISIBLE = /^[\s\uFEFF\u200B-\u200D\u2060\u00AD]+|[\s\uFEFF\u200B-\u200D\u2060\u00AD]+$/g;
const BASE64_TEXT = /^[A-Za-z0-9+/\-_]+={0,2}$/;

/**
 * The values a pasted secret stands for: as given, trimmed, without quotes, without a
 * `Bearer `/`Basic ` prefix, without invisible characters. A server or a log may show any of them.
 * Line breaks inside go too; other blanks inside only from a value that is then shaped like a key
 * or a token: a password's own space is part of it, and `pass word` is not the word "password".
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
  // Line breaks go, with the blanks around them: text is always also read joined across lines.
  let bare = v.replace(INVISIBLE, '').replace(LINE_BREAKS, '');
  const unbroken = bare.replace(BLANK, '');
  if (unbroken !== bare && looksLikeCredential(unbroken)) bare = unbroken;
  // What is left once blanks, quotes and prefixes are gone decides whether it is long enough to scrub.
  if (bare.replace(BLANK, '').length < MIN_SCRUB_LENGTH) return [];
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

/** The literal forms of one value (as it is, its base64 in both alphabets and at every alignment) and its hex. */
export function formsOfCore(core: string): { literal: string[]; hex: string } {
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
 * base64("id:secret") → [id:secret, id, secret], when the value has that shape; a value encoded
 * twice yields the key inside it as well.
 */
export function decodeKeyParts(value: string, depth = 0): string[] {
  const compact = value.replace(INVISIBLE, '').replace(BLANK, '');
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

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Buffer): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** A value that looks like a GigaChat key, a client id or secret, or an access token, wherever it was found. */
export function looksLikeCredential(value: string): boolean {
  const v = value.replace(EDGE_INVISIBLE, '').replace(/^(['"`])([\s\S]*)\1$/, '$2').replace(/^(?:bearer|basic)[\s:]+/i, '');
  if (v.length < 20) return false;
  if (/^eyJ[\w-]+\.[\w.-]+$/.test(v)) return true; // a JWE/JWT access token
  if (UUID.test(v)) return true; // a client id or secret
  if (/^[^\s:]{8,}:[^\s:]{8,}$/.test(v) && /[0-9a-f]{8}-[0-9a-f]{4}/i.test(v)) return true; // id:secret, not encoded
  if (decodeKeyParts(v).length > 0) return true; // base64 of id:secret
  // A long run of token characters with letters and digits mixed is a secret of some kind, not a word.
  return /^[A-Za-z0-9+=_\-~]{32,}$/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Text made of hex digits, dashes and colons: a UUID, a pair of them, their hex. */
const HEX_TEXT = /^[0-9a-f:-]+$/i;

/**
 * Is a case-changed copy of this value as good as the value? For a key, its decoded text is
 * only hex, `-` and `:` (two UUIDs), so the key can be rebuilt from its lower- or upper-cased
 * base64; a UUID is the same UUID in either case. Any value shaped like a key or a token is
 * treated the same way: no word of ours is ever that shape, so ignoring case costs nothing.
 */
export function isCaseless(core: string): boolean {
  if (core.length >= 16 && HEX_TEXT.test(core) && /\d/.test(core)) return true;
  const decoded = decodeKeyParts(core);
  if (decoded.length > 0 && HEX_TEXT.test(decoded[0])) return true;
  return looksLikeCredential(core);
}

/**
 * Characters a server or a renderer may put between the pieces of a secret it cut up: blanks,
 * commas, semicolons, bars, quotes (separate model ids in a JSON array), and the dashes of a UUID.
 */
export const PIECE_SEPARATORS = /[\s,;|"'`\-]/;
export const withoutSeparators = (s: string) => s.replace(new RegExp(PIECE_SEPARATORS.source, 'g'), '');

/**
 * Is this value made of letters (and blanks) only, as words are (`code nothing failed`,
 * `сертификатовиздатель`)? Such a password is found only whole: twelve of its characters, or its
 * letters with the blanks taken out, are as likely to be gigadoctor's own words.
 */
export function isLettersOnly(core: string): boolean {
  return /^[\p{L}\p{M}\s]+$/u.test(core);
}

/**
 * Is this value still unmistakable once the separators in and around it are taken out? A key,
 * a token, a UUID or a password mixing three kinds of character is; `exitcode`, `accesstoken`
 * or `pass word` are not: gigadoctor's own text says "exit code", "access token" and "password".
 */
export function isPieceable(core: string, caseless = isCaseless(core)): boolean {
  const joined = withoutSeparators(core);
  if (joined.length < 8 || isLettersOnly(core)) return false;
  if (caseless) return true;
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((re) => re.test(joined)).length;
  return kinds >= 3;
}
