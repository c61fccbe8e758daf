/**
 * Values we echo come from the user's environment, .env files and servers: any of them may hold
 * control characters. An ESC sequence printed raw can clear the screen, move the cursor, retitle
 * the terminal, hide text or forge a line of the report; a bidi override can reorder what is read.
 * Everything echoed goes through here first, and comes out visible: `\x1B[2J`, `\r`, `\u202E`.
 */
import { deepMap, looksLikeCredential, redactEverySecretSeen } from '../secret.js';

/** C0 and C1 controls, DEL, bidi controls, zero-width and line/paragraph separators, lone surrogates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with every character that could act on a terminal (or hide itself) shown as an escape. */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Does the text hold a character `sanitizeText` would rewrite? */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

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

/** Names of variables whose values never appear in an unexpected error's line. */
const SECRET_NAME = /GIGACHAT|PROXY|TOKEN|SECRET|PASSW|CREDENTIAL|KEY|AUTH/i;

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
    if (SECRET_NAME.test(name) || looksLikeCredential(value)) extra.push(value);
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
