/**
 * Echoing values in one-line messages. Which characters are unsafe and how they are shown is
 * the one control-character policy in src/secret/controls.ts; this module applies it.
 */
import { deepMap, isSecretVariableName, looksLikeCredential, redactEverySecretSeen, sanitizeText } from '../secret/index.js';

export { hasUnsafeCharacters, sanitizeText } from '../secret/index.js';

/** Plain data (a Report) with every string, keys included, sanitized. */
export function sanitizeDeep<T>(value: T): T {
  return deepMap(value, sanitizeText) as T;
}

/**
 * A value as a one-line message may quote it: sanitized and cut to `max` characters. A value
 * that looks like a key or a token is never quoted, wherever it was found (a key pasted into
 * GIGACHAT_TIMEOUT is still a key): only its length is said.
 */
export function echoValue(value: string, max = 40): string {
  if (looksLikeCredential(value)) return `(${value.length} characters that look like a credential; not shown)`;
  const shown = sanitizeText(value);
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

/** Names of variables whose values never appear in an unexpected error's line: secret ones, and any of ours or a proxy's. */
const hidesValue = (name: string) => isSecretVariableName(name) || /GIGACHAT|PROXY|AUTH/i.test(name);

/**
 * The one line written for an error nothing expected (`gigadoctor: internal error: …`): the
 * message only, never a stack; scrubbed of every secret this process has seen and of the
 * values of secret-looking variables in `env`; sanitized; at most 300 characters.
 */
export function internalErrorLine(err: unknown, env: Readonly<Record<string, string | undefined>> = {}): string {
  let message: string;
  try {
    message = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  } catch {
    message = 'unprintable error';
  }
  const extra: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (hidesValue(name) || looksLikeCredential(value)) extra.push(value);
    // A proxy URL's password, as it stands and decoded.
    const userinfo = /^[a-z][a-z0-9+.-]*:\/\/[^/@]*:([^/@]+)@/i.exec(value.trim());
    if (userinfo) {
      extra.push(userinfo[1]);
      try {
        extra.push(decodeURIComponent(userinfo[1]));
      } catch {
        // not percent-encoded: the raw form is scrubbed
      }
    }
  }
  const line = sanitizeText(redactEverySecretSeen(message, extra));
  return `gigadoctor: internal error: ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`;
}
