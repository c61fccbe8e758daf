import { fingerprintOf, looksLikeCredential, REDACTED } from '../../secret/index.js';
import { looksLikeJwe } from '../../credential/lint.js';

export type SecretKind = 'authorization-key' | 'access-token' | 'client-secret';

export interface SecretHit {
  kind: SecretKind;
  index: number;
  length: number;
  /** 8 hex digits of SHA-256: the same fingerprint the env check shows for the key it uses. */
  fingerprint: string;
  /** The value itself: only for redacting the excerpt, never put in a finding. */
  value: string;
}

const BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}/g;
const JWE_RUN = /eyJ[\w-]{10,}(?:\.[\w-]*){2,4}/g;
const UUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;
/** What a key decodes to: the client id and secret, two UUIDs. */
const KEY_PAIR = new RegExp(String.raw`^${UUID}:${UUID}$`, 'i');
/** A UUID assigned to a name that says secret: a client secret, not any id. */
const CLIENT_SECRET = new RegExp(String.raw`(?:secret|GIGACHAT_\w+|client_?secret)["']?\s*[=:]\s*["']?(${UUID})`, 'gi');

/** GigaChat credentials written on one line: the key (Base64 of id:secret), an access token, a client secret. */
export function secretHits(line: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const add = (kind: SecretKind, value: string, index: number) => {
    if (!hits.some((h) => h.value === value)) hits.push({ kind, index, length: value.length, fingerprint: fingerprintOf(value), value });
  };
  if (line.includes('eyJ')) {
    for (const m of line.matchAll(JWE_RUN)) if (m[0].length >= 60 && looksLikeJwe(m[0])) add('access-token', m[0], m.index ?? 0);
  }
  for (const m of line.matchAll(BASE64_RUN)) {
    if (KEY_PAIR.test(Buffer.from(m[0], 'base64').toString('latin1'))) add('authorization-key', m[0], m.index ?? 0);
  }
  if (/secret|GIGACHAT_/i.test(line)) {
    for (const m of line.matchAll(CLIENT_SECRET)) add('client-secret', m[1], (m.index ?? 0) + m[0].indexOf(m[1]));
  }
  return hits;
}

/** The line as it may be shown: trimmed to a window around `index`, every secret-looking run replaced. */
export function scrubExcerpt(line: string, index: number, known: readonly string[], max = 160): string {
  let text = line;
  for (const value of known) text = text.split(value).join(REDACTED);
  text = text.replace(/[^\s"'`=:,;(){}[\]<>]{16,}/g, (token) => (looksLikeCredential(token) ? REDACTED : token));
  text = text.trim();
  if (text.length <= max) return text;
  const start = Math.max(0, Math.min(index - 40, text.length - max));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + max)}${start + max < text.length ? '…' : ''}`;
}
