/**
 * Nothing pasted is shown back if it could be a secret. The one place `explain` touches the secret
 * helpers (src/secret/), so they can move without touching the rest.
 *
 * Redacted from pasted text: values of `NAME=value` / `"name": "value"` where the name says secret
 * (PASSWORD, TOKEN, CREDENTIALS, SECRET, KEY, AUTH…), Basic/Bearer values, URL userinfo, access
 * tokens (`eyJ…`), UUIDs with or without dashes in any case (a client id or secret), and long
 * Base64-like runs in any case (a key, even lower- or upper-cased, whose Base64 no longer decodes).
 */
import { REDACTED, isSecretVariableName, redactText } from '../secret/index.js';
import { SECRET_VARIABLES } from '../settings/resolve.js';

/** `NAME=value`, `NAME: value`, `"name": "value"`, `$env:NAME = "value"`; whether NAME says secret is src/secret's call. */
const NAME_VALUE = /((?:\$env:)?["']?\b([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?:=|:(?!\/\/))\s*)(?!\[REDACTED\]|\[uuid\]|(?:Basic|Bearer)\b)("[^"\n]*"|'[^'\n]*'|[^\s"',;&})]+)/g;
const BASIC_BEARER = /\b(Basic|Bearer)(\s+|:\s*)(?!\[REDACTED\])[A-Za-z0-9+/=._~-]{6,}/gi;
const USERINFO = /(:\/\/)[^\s/@:'"]+:[^\s/@'"]+@/g;
const JWT = /eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*)*/g;
const UUID = /\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b/gi;
const LONG_RUN = /[A-Za-z0-9+/_-]{32,}={0,2}/g;
const PERCENT_RUN = /%[0-9A-F]{2}(?:[A-Za-z0-9%._~-]){30,}/gi;

/** An absolute path (`/usr/lib/python3/dist-packages/urllib3`) is not a secret; a Base64 key is. */
function looksLikePath(run: string): boolean {
  if (!run.startsWith('/')) return false;
  const parts = run.split('/').filter(Boolean);
  return parts.length >= 2 && parts.every((p) => p.length <= 40 && !(/[A-Z]/.test(p) && /[a-z]/.test(p) && /\d/.test(p) && p.length >= 16));
}

/** A run of token characters that could be a key, a secret or a token: letters and digits mixed. */
function couldBeSecret(run: string): boolean {
  if (looksLikePath(run)) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(run)) return false; // SCREAMING_SNAKE names and codes
  if (/^[a-z]+(?:[_-][a-z]+)+$/i.test(run)) return false; // words joined by _ or -
  return /[A-Za-z]/.test(run) && /\d/.test(run);
}

export function redactPasted(text: string): string {
  return text
    .replace(BASIC_BEARER, `$1$2${REDACTED}`)
    .replace(USERINFO, `$1${REDACTED}@`)
    .replace(NAME_VALUE, (all, head: string, name: string) => (isSecretVariableName(name) ? `${head}${REDACTED}` : all))
    .replace(JWT, REDACTED)
    .replace(UUID, '[uuid]')
    .replace(LONG_RUN, (run) => (couldBeSecret(run) ? REDACTED : run))
    .replace(PERCENT_RUN, REDACTED);
}

/** Redacts, in every string of a value, what redactPasted would. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactPasted(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  }
  return value;
}

/** The last gate before output: the secret values of this process's environment, in any form. */
export function environmentScrubber(env: Record<string, string | undefined>): (text: string) => string {
  const secrets = SECRET_VARIABLES.map((name) => env[name]);
  return (text) => redactText(text, secrets);
}
