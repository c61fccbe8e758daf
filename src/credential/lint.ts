import type { Code } from '../catalog/codes.js';
import type { Details } from '../catalog/types.js';
import type { CredentialKind } from '../settings/types.js';

export interface LintFinding {
  code: Code;
  details?: Details;
}

/** Values people leave in a .env from an example; safe to show, since they are ours. */
const PLACEHOLDERS = [
  'test', 'token', 'key', 'secret', 'xxx', 'xxxx', 'changeme', 'change_me', 'todo', 'none', 'null', 'undefined',
  'your_key', 'your_token', 'your-key', 'your-token', 'your_api_key', 'your_credentials', 'api_key', 'apikey',
  '<ваш_токен>', '<ваш_ключ>', '<your_token>', '<your_key>', 'ваш_токен', 'ваш_ключ', '...',
  'your_authorization_key', 'authorization_key', 'ключ_авторизации', '<ключ_авторизации>',
];

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const UUID_RE = new RegExp(`^${UUID}$`);
const UUID_PAIR_RE = new RegExp(`^${UUID}:${UUID}$`);
const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;
/** What a key decodes to, character by character: `h` a hex digit, `-` and `:` themselves. */
const UUID_SHAPE = 'hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh';
const PAIR_TEMPLATE = `${UUID_SHAPE}:${UUID_SHAPE}`;
/** The length of a whole key: Base64 of the 73 characters of uuid:uuid. */
const KEY_LENGTH = Math.ceil(PAIR_TEMPLATE.length / 3) * 4;

const INVISIBLE: Record<number, string> = {
  0x09: 'tab', 0x0a: 'newline', 0x0d: 'carriage return', 0x20: 'space', 0xa0: 'no-break space',
  0xfeff: 'BOM', 0x200b: 'zero-width space', 0x200c: 'zero-width non-joiner', 0x200d: 'zero-width joiner',
  0x2060: 'word joiner', 0x00ad: 'soft hyphen',
};

/**
 * The shape of a credential, never its value. Findings come most-telling first:
 * an access token pasted as the key is reported as that, not as "not base64".
 */
export function lintCredential(raw: string, kind: CredentialKind): LintFinding | null {
  if (stripInvisible(raw).length === 0) return { code: 'CREDENTIALS_EMPTY' };
  if (kind === 'password') return whitespaceFinding(raw);
  const trimmed = raw.replace(/^[\s\uFEFF\u200B-\u200D\u2060]+|[\s\uFEFF\u200B-\u200D\u2060]+$/g, '');

  const lower = trimmed.toLowerCase();
  if (PLACEHOLDERS.includes(lower)) return { code: 'CREDENTIALS_PLACEHOLDER', details: { placeholder: trimmed } };
  if (/^<.*>$/.test(trimmed) || (trimmed.length < 40 && /(ваш|your|paste|insert|вставьте|заменит|replace)/i.test(trimmed))) {
    return { code: 'CREDENTIALS_PLACEHOLDER', details: { placeholder: null } };
  }
  const quote = /^(['"`])/.exec(trimmed)?.[1] ?? /(['"`])$/.exec(trimmed)?.[1];
  if (quote) return { code: 'CREDENTIALS_QUOTED', details: { quote } };
  if (/^bearer[\s:]/i.test(trimmed)) return { code: 'CREDENTIALS_BEARER_PREFIX' };
  if (/^basic[\s:]/i.test(trimmed)) return { code: 'CREDENTIALS_BASIC_PREFIX' };

  const ws = whitespaceFinding(raw);
  if (ws) return ws;
  const foreign = foreignCharacters(raw);
  if (foreign.length) return { code: 'CREDENTIALS_FOREIGN_CHARACTERS', details: { chars: foreign.slice(0, 4) } };

  return kind === 'accessToken' ? lintAccessToken(raw) : lintKey(raw);
}

function lintKey(value: string): LintFinding | null {
  if (looksLikeJwe(value)) return { code: 'CREDENTIALS_IS_ACCESS_TOKEN', details: { length: value.length } };
  if (value.includes(':') && UUID_PAIR_RE.test(value)) return { code: 'CREDENTIALS_RAW_PAIR' };
  if (value.includes(':') && /^[^:]{8,}:[^:]{8,}$/.test(value) && !BASE64_RE.test(value)) return { code: 'CREDENTIALS_RAW_PAIR' };
  if (UUID_RE.test(value)) return { code: 'CREDENTIALS_SECRET_ONLY' };
  const bad = firstNonBase64(value);
  if (bad === -1) {
    const cut = truncatedAt(Buffer.from(value, 'base64').toString('latin1'));
    if (cut) return { code: 'CREDENTIALS_TRUNCATED', details: { length: value.length, expectedLength: KEY_LENGTH, cutIn: cut } };
  }
  if (bad !== -1 || value.length % 4 !== 0) {
    return { code: 'CREDENTIALS_NOT_BASE64', details: { position: bad === -1 ? null : bad + 1, length: value.length } };
  }
  const decoded = Buffer.from(value, 'base64');
  const text = decoded.toString('utf8');
  if (UUID_PAIR_RE.test(text)) return null;
  const details: Details = { length: value.length, decodedLength: decoded.length };
  // Encoded twice: the decoded text is itself a key.
  if (BASE64_RE.test(text) && UUID_PAIR_RE.test(Buffer.from(text, 'base64').toString('utf8'))) {
    return { code: 'CREDENTIALS_UNEXPECTED_CONTENT', details: { ...details, encodedTwice: true } };
  }
  // id:secret of another shape: real keys are uuid:uuid, but that is observed, not promised.
  if (/^[\x21-\x7e]+:[\x21-\x7e]+$/.test(text)) return null;
  return { code: 'CREDENTIALS_UNEXPECTED_CONTENT', details };
}

/**
 * Where a key was cut, when what it decodes to is the start of uuid:uuid and no more: in the
 * Client ID, or in the Client Secret. Eight characters at least, so a short value is not read as one.
 */
function truncatedAt(decoded: string): 'id' | 'secret' | null {
  if (decoded.length < 8 || decoded.length >= PAIR_TEMPLATE.length) return null;
  for (let i = 0; i < decoded.length; i++) {
    const want = PAIR_TEMPLATE[i];
    if (want === 'h' ? !/[0-9a-fA-F]/.test(decoded[i]) : decoded[i] !== want) return null;
  }
  return decoded.length >= UUID_SHAPE.length ? 'secret' : 'id';
}

function lintAccessToken(value: string): LintFinding | null {
  if (BASE64_RE.test(value) && value.length % 4 === 0) {
    const text = Buffer.from(value, 'base64').toString('utf8');
    if (/^[\x21-\x7e]+:[\x21-\x7e]+$/.test(text)) return { code: 'ACCESS_TOKEN_IS_KEY' };
  }
  const segments = value.split('.').length;
  if (!/^[A-Za-z0-9_\-.]+$/.test(value) || (segments !== 5 && segments !== 3)) {
    return { code: 'ACCESS_TOKEN_MALFORMED', details: { length: value.length, segments } };
  }
  return null;
}

/** A value from our own list of example placeholders: it is not anyone's secret, so it may be shown. */
export function isKnownPlaceholder(value: string): boolean {
  return PLACEHOLDERS.includes(value.trim().toLowerCase());
}

export function looksLikeJwe(value: string): boolean {
  return value.startsWith('eyJ') && value.split('.').length >= 3;
}

function firstNonBase64(value: string): number {
  const body = value.replace(/={1,2}$/, '');
  for (let i = 0; i < body.length; i++) if (!/[A-Za-z0-9+/]/.test(body[i])) return i;
  return -1;
}

function stripInvisible(value: string): string {
  return [...value].filter((ch) => !(ch.codePointAt(0)! in INVISIBLE)).join('');
}

function whitespaceFinding(raw: string): LintFinding | null {
  const chars = new Set<string>();
  let leading = false;
  let trailing = false;
  let inside = false;
  const cps = [...raw];
  cps.forEach((ch, i) => {
    const name = INVISIBLE[ch.codePointAt(0)!];
    if (!name) return;
    chars.add(name);
    if (cps.slice(0, i).every((c) => c.codePointAt(0)! in INVISIBLE)) leading = true;
    else if (cps.slice(i + 1).every((c) => c.codePointAt(0)! in INVISIBLE)) trailing = true;
    else inside = true;
  });
  if (!chars.size) return null;
  const where = inside ? 'inside' : leading ? 'leading' : trailing ? 'trailing' : 'inside';
  return { code: 'CREDENTIALS_WHITESPACE', details: { where, chars: [...chars] } };
}

const LOOKALIKE: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
};

/** Non-ASCII characters with their position, named so a user can find them: "U+0410 (Cyrillic А, looks like Latin A) at 12". */
function foreignCharacters(value: string): string[] {
  const found: string[] = [];
  [...value].forEach((ch, i) => {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 || cp in INVISIBLE) return;
    const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    const latin = LOOKALIKE[ch];
    const script = cp >= 0x400 && cp <= 0x4ff ? 'Cyrillic' : 'non-ASCII';
    found.push(latin ? `${hex} (${script}, looks like Latin ${latin}) at ${i + 1}` : `${hex} (${script}) at ${i + 1}`);
  });
  return found;
}
