/**
 * `gigadoctor explain`: a pasted error message or log line → the finding codes it means.
 * Pure and offline. The guide's "typical problems in logs", GigaChat's error bodies, Node and
 * Python TLS/network errors, the SDKs' exception names, and the guide's wrong URLs.
 *
 * Primary rules name a problem by its own words (an error body, an errno, a host); fallback
 * rules (exception names, bare HTTP statuses) only speak when no primary rule matched, so
 * "AuthenticationError: Token has expired" is one finding, not three.
 */
import type { Code } from '../catalog/codes.js';
import type { Details } from '../catalog/types.js';
import { OFFICIAL } from '../catalog/text-helpers.js';
import {
  AUTH_PATH, AUTH_PORT, OFFICIAL_API_HOSTS, OFFICIAL_HOSTS, SCOPES, UNOFFICIAL_CREDENTIALS, hostsPattern, officialNameFor,
} from '../gigachat/index.js';

/** Which request the text is about, when it says: the OAuth exchange, the model list, chat, or some API call. */
export type Context = 'oauth' | 'models' | 'chat' | 'api' | null;

/** Hints that are not finding codes: a known problem the catalogue has no code for, or "paste more". */
export type HintId = 'mtls-httpx' | 'response-error-status' | 'no-access-token' | 'tls-interception' | 'several-candidates';

export interface Match {
  code: Code;
  details: Details;
  /** What matched, in our own words: safe to print (never the pasted text). */
  pattern: string;
  /** Where in the pasted text, for an excerpt (which is scrubbed before it is shown). */
  index: number;
  length: number;
}

export interface Explanation {
  matches: Match[];
  hints: HintId[];
  context: Context;
}

interface Found {
  context: Context;
  host?: string;
  port?: number;
  url?: string;
  scope?: string;
  model?: string;
}

interface Rule {
  id: string;
  re: RegExp;
  /** Our own description of what the rule recognises. */
  pattern: string;
  fallback?: boolean;
  unless?: RegExp;
  codes(m: RegExpExecArray, f: Found): Array<{ code: Code; details?: Details }>;
  hints?: HintId[];
}

const AUTH_HOST = OFFICIAL.authHost;
const GIGACHAT_HOST = new RegExp(`\\b(${hostsPattern(OFFICIAL_HOSTS)})\\b(?::(\\d{2,5}))?`, 'i');
const OAUTH_MENTION = new RegExp(`${AUTH_PATH}|${hostsPattern([AUTH_HOST])}|:${AUTH_PORT}\\b|\\boauth\\b|get_token|getToken|updateToken|_update_token`, 'i');
const API_MENTION = new RegExp(`${hostsPattern(OFFICIAL_API_HOSTS)}|/api/v1\\b`, 'i');

const byContext = (f: Found, codes: { oauth: Code; chat?: Code; models?: Code; api: Code }): Code => {
  if (f.context === 'oauth') return codes.oauth;
  if (f.context === 'chat') return codes.chat ?? codes.api;
  if (f.context === 'models') return codes.models ?? codes.api;
  return codes.api;
};

const net = (f: Found, extra: Details = {}): Details => ({
  ...(f.host ? { host: f.host } : {}),
  ...(f.port ? { port: f.port } : {}),
  ...(f.url ? { url: f.url } : {}),
  ...extra,
});

/** The codes an HTTP status means, given what request it answered. */
export function codesForStatus(status: number, f: Found): Array<{ code: Code; details?: Details }> {
  const d = { status, ...(f.url ? { url: f.url } : {}) };
  if (status === 400) {
    return f.context === 'oauth'
      ? [
          { code: 'OAUTH_SCOPE_MISMATCH', details: { ...d, ...scopeDetails(f) } },
          { code: 'OAUTH_UNDECODABLE_CREDENTIALS', details: d },
          { code: 'OAUTH_SCOPE_INVALID', details: { ...d, ...(f.scope ? { scope: f.scope } : {}) } },
        ]
      : [{ code: 'CHAT_INVALID_REQUEST', details: d }];
  }
  if (status === 401) {
    if (f.context === 'oauth') return [{ code: 'OAUTH_BAD_CREDENTIALS', details: d }];
    if (f.context) return [{ code: 'API_TOKEN_EXPIRED', details: d }, { code: 'API_TOKEN_REJECTED', details: d }];
    return [{ code: 'OAUTH_BAD_CREDENTIALS', details: d }, { code: 'API_TOKEN_EXPIRED', details: d }];
  }
  if (status === 402) return [{ code: 'CHAT_PAYMENT_REQUIRED', details: { ...d, ...(f.model ? { model: f.model } : {}) } }];
  if (status === 403) return [{ code: byContext(f, { oauth: 'OAUTH_FORBIDDEN', api: 'API_FORBIDDEN' }), details: d }];
  if (status === 404) {
    if (f.context === null) return [{ code: 'API_NOT_FOUND', details: d }, { code: 'CHAT_MODEL_NOT_FOUND', details: d }];
    return [{ code: byContext(f, { oauth: 'OAUTH_NOT_FOUND', chat: 'CHAT_MODEL_NOT_FOUND', api: 'API_NOT_FOUND' }), details: d }];
  }
  if (status === 413 || status === 422) return [{ code: 'CHAT_INVALID_REQUEST', details: d }];
  if (status === 407) return [{ code: 'PROXY_AUTH_REQUIRED' }];
  if (status === 429) return [{ code: byContext(f, { oauth: 'OAUTH_RATE_LIMITED', chat: 'CHAT_RATE_LIMITED', api: 'API_RATE_LIMITED' }), details: d }];
  if (status >= 500 && status <= 599) {
    return [{ code: byContext(f, { oauth: 'OAUTH_SERVER_ERROR', chat: 'CHAT_SERVER_ERROR', api: 'API_SERVER_ERROR' }), details: d }];
  }
  return [];
}

/**
 * The scope a mismatch is about: the one named in the text, else the SDK default, which most
 * apps never change (a business key sent with GIGACHAT_API_PERS is the usual code 7).
 */
function scopeDetails(f: Found): Details {
  if (f.scope) return { scope: f.scope, otherScopes: SCOPES.filter((s) => s !== f.scope) };
  return { otherScopes: SCOPES.slice(1) };
}

const OAUTH_BODY = (code: number, message: string) =>
  new RegExp(`"code"\\s*:\\s*${code}\\s*,\\s*"message"|${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]?")}`, 'i');

const RULES: Rule[] = [
  // --- the guide's wrong addresses: the root cause whenever they show up ---
  {
    id: 'yandex-oauth',
    re: /\bauth\.api\.cloud\.yandex\.net\b/i,
    pattern: 'auth.api.cloud.yandex.net (a Yandex Cloud host, not GigaChat)',
    codes: () => [{ code: 'ENDPOINT_KNOWN_WRONG', details: { which: 'auth', host: 'auth.api.cloud.yandex.net', correct: OFFICIAL.authUrl, variable: 'GIGACHAT_AUTH_URL' } }],
  },
  {
    id: 'api-gigachat-ru',
    re: /\bapi\.gigachat\.ru\b/i,
    pattern: 'api.gigachat.ru (not a GigaChat API host)',
    codes: () => [{ code: 'ENDPOINT_KNOWN_WRONG', details: { which: 'api', host: 'api.gigachat.ru', correct: OFFICIAL.baseUrl, variable: 'GIGACHAT_BASE_URL' } }],
  },
  // --- OAuth error bodies: {"code": N, "message": "..."} ---
  {
    id: 'oauth-code-7',
    re: OAUTH_BODY(7, 'scope from db not fully includes consumed scope'),
    pattern: 'OAuth error code 7 "scope from db not fully includes consumed scope"',
    codes: (_m, f) => [{ code: 'OAUTH_SCOPE_MISMATCH', details: { status: 400, code: 7, message: 'scope from db not fully includes consumed scope', ...scopeDetails(f) } }],
  },
  {
    id: 'oauth-code-4',
    re: OAUTH_BODY(4, "Can't decode 'Authorization' header"),
    pattern: 'OAuth error code 4 "Can\'t decode \'Authorization\' header"',
    codes: () => [{ code: 'OAUTH_UNDECODABLE_CREDENTIALS', details: { code: 4, message: "Can't decode 'Authorization' header" } }],
  },
  {
    id: 'oauth-code-6',
    re: OAUTH_BODY(6, "credentials doesn't match db data"),
    pattern: 'OAuth error code 6 "credentials doesn\'t match db data"',
    codes: () => [{ code: 'OAUTH_BAD_CREDENTIALS', details: { status: 401, code: 6, message: "credentials doesn't match db data" } }],
  },
  {
    id: 'oauth-code-1',
    re: OAUTH_BODY(1, 'scope data format invalid'),
    pattern: 'OAuth error code 1 "scope data format invalid"',
    codes: (_m, f) => [{ code: 'OAUTH_SCOPE_INVALID', details: { status: 400, code: 1, message: 'scope data format invalid', ...(f.scope ? { scope: f.scope } : {}) } }],
  },
  {
    id: 'oauth-code-5',
    re: OAUTH_BODY(5, 'scope is empty'),
    pattern: 'OAuth error code 5 "scope is empty"',
    codes: () => [{ code: 'OAUTH_SCOPE_INVALID', details: { status: 400, code: 5, message: 'scope is empty' } }],
  },
  // --- API error bodies: {"status": N, "message": "..."} ---
  {
    id: 'token-expired',
    re: /Token has expired/i,
    pattern: '401 "Token has expired"',
    codes: () => [{ code: 'API_TOKEN_EXPIRED', details: { status: 401, message: 'Token has expired' } }],
  },
  {
    id: 'no-such-model',
    re: /No such model/i,
    pattern: '404 "No such model"',
    codes: (_m, f) => [{ code: 'CHAT_MODEL_NOT_FOUND', details: { status: 404, message: 'No such model', ...(f.model ? { model: f.model } : {}) } }],
  },
  {
    id: 'payment-required',
    re: /Payment Required|"status"\s*:\s*402\b/i,
    pattern: '402 "Payment Required"',
    codes: (_m, f) => [{ code: 'CHAT_PAYMENT_REQUIRED', details: { status: 402, message: 'Payment Required', ...(f.model ? { model: f.model } : {}) } }],
  },
  {
    id: 'too-many-requests',
    re: /Too Many Requests|"status"\s*:\s*429\b/i,
    pattern: '429 "Too Many Requests"',
    codes: (_m, f) => codesForStatus(429, f),
  },
  {
    id: 'api-unauthorized',
    re: /"status"\s*:\s*401\s*,\s*"message"\s*:\s*"Unauthorized"|\b401 Unauthorized\b/i,
    pattern: '401 "Unauthorized"',
    codes: (_m, f) => (f.context === 'oauth' ? [{ code: 'OAUTH_BAD_CREDENTIALS', details: { status: 401 } }] : [{ code: 'API_TOKEN_REJECTED', details: { status: 401, message: 'Unauthorized' } }]),
  },
  {
    id: 'forbidden',
    re: /"status"\s*:\s*403\b|\b403\b[^\n]{0,40}\b(Forbidden|Permission denied)|\b(Forbidden|Permission denied)\b[^\n]{0,40}\b403\b/i,
    pattern: '403 "Forbidden" / "Permission denied"',
    codes: (_m, f) => codesForStatus(403, f),
  },
  {
    id: 'unprocessable',
    re: /Requested model does not support functions|Invalid params|"status"\s*:\s*(422|413)\b|\b422 Unprocessable|Payload too large/i,
    pattern: '422 / 413: the request parameters were rejected',
    codes: (_m, f) => [{ code: 'CHAT_INVALID_REQUEST', details: f.model ? { model: f.model } : {} }],
  },
  // --- TLS ---
  {
    id: 'tls-untrusted',
    re: /SELF_SIGNED_CERT_IN_CHAIN|self[- ]signed certificate in certificate chain|CERTIFICATE_VERIFY_FAILED|certificate verify failed|unable to get local issuer certificate|UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify the first certificate|DEPTH_ZERO_SELF_SIGNED_CERT|PKIX path building failed|SSL certificate problem/i,
    pattern: 'the certificate chain does not verify (SELF_SIGNED_CERT_IN_CHAIN, CERTIFICATE_VERIFY_FAILED, unable to get local issuer certificate)',
    codes: (m, f) => [{ code: 'TLS_UNTRUSTED_ROOT', details: net(f, { errno: errnoOf(m[0]) }) }],
    hints: ['tls-interception'],
  },
  {
    id: 'tls-expired',
    re: /CERT_HAS_EXPIRED|certificate has expired/i,
    pattern: 'CERT_HAS_EXPIRED',
    codes: (_m, f) => [{ code: 'TLS_EXPIRED', details: net(f) }],
  },
  {
    id: 'tls-not-yet-valid',
    re: /CERT_NOT_YET_VALID|certificate is not yet valid/i,
    pattern: 'CERT_NOT_YET_VALID',
    codes: (_m, f) => [{ code: 'TLS_NOT_YET_VALID', details: net(f) }],
  },
  {
    id: 'tls-altname',
    re: /ERR_TLS_CERT_ALTNAME_INVALID|does not match certificate's altnames|certificate is not valid for|hostname '[^']*' doesn't match/i,
    pattern: 'ERR_TLS_CERT_ALTNAME_INVALID (certificate for another name)',
    codes: (_m, f) => [{ code: 'TLS_HOSTNAME_MISMATCH', details: net(f) }],
  },
  {
    id: 'mtls-required',
    re: /TLSV13_ALERT_CERTIFICATE_REQUIRED|tlsv13 alert certificate required/i,
    pattern: 'TLSV13_ALERT_CERTIFICATE_REQUIRED (the server wants a client certificate)',
    codes: (_m, f) => [{ code: 'TLS_HANDSHAKE_FAILED', details: net(f, { errno: 'TLSV13_ALERT_CERTIFICATE_REQUIRED' }) }],
    hints: ['mtls-httpx'],
  },
  {
    id: 'tls-wrong-version',
    re: /WRONG_VERSION_NUMBER|wrong version number|\bEPROTO\b/i,
    pattern: 'WRONG_VERSION_NUMBER / EPROTO (no TLS on the other side)',
    codes: (m, f) => [{ code: 'TLS_HANDSHAKE_FAILED', details: net(f, { errno: errnoOf(m[0]) }) }],
  },
  {
    id: 'tls-disabled',
    re: /verify_ssl_certs\s*[=:]\s*["']?(false|0)\b|GIGACHAT_VERIFY_SSL_CERTS\s*[=:]\s*["']?(false|0)\b|NODE_TLS_REJECT_UNAUTHORIZED\s*[=:]\s*["']?0\b|rejectUnauthorized\s*:\s*false|\bverify\s*=\s*False\b/i,
    pattern: 'certificate verification turned off (verify=False, GIGACHAT_VERIFY_SSL_CERTS=False, NODE_TLS_REJECT_UNAUTHORIZED=0)',
    codes: (m) => [{ code: 'TLS_VERIFICATION_DISABLED', details: { reason: /GIGACHAT_VERIFY_SSL_CERTS|verify_ssl_certs/i.test(m[0]) ? 'GIGACHAT_VERIFY_SSL_CERTS' : m[0].split(/[=:]/)[0].trim() } }],
  },
  // --- proxy ---
  {
    id: 'proxy-auth',
    re: /Proxy Authentication Required|\b407\b[^\n]{0,60}proxy|proxy[^\n]{0,60}\b407\b/i,
    pattern: '407 Proxy Authentication Required',
    codes: () => [{ code: 'PROXY_AUTH_REQUIRED' }],
  },
  {
    id: 'proxy-unreachable',
    re: /ProxyError|Unable to connect to proxy|Cannot connect to proxy|tunneling socket could not be established/i,
    pattern: 'the proxy cannot be reached',
    codes: () => [{ code: 'PROXY_UNREACHABLE' }],
  },
  // --- DNS / TCP ---
  {
    id: 'dns-again',
    re: /EAI_AGAIN|Temporary failure in name resolution|\[Errno -3\]/i,
    pattern: 'EAI_AGAIN (DNS did not answer)',
    codes: (_m, f) => [{ code: 'DNS_TIMEOUT', details: net(f) }],
  },
  {
    id: 'dns-not-found',
    re: /ENOTFOUND|getaddrinfo|Name or service not known|nodename nor servname|No address associated with hostname|\[Errno -2\]|\[Errno 11001\]|Could not resolve host/i,
    unless: /EAI_AGAIN|Temporary failure in name resolution/i,
    pattern: 'ENOTFOUND (the host name does not resolve)',
    codes: (_m, f) => [{ code: 'DNS_NOT_FOUND', details: net(f) }],
  },
  {
    id: 'tcp-refused',
    re: /ECONNREFUSED|Connection refused|\[Errno 111\]|\[WinError 10061\]/i,
    pattern: 'ECONNREFUSED (connection refused)',
    codes: (_m, f) => [{ code: 'TCP_REFUSED', details: net(f) }],
  },
  {
    id: 'tcp-timeout',
    re: /\bETIMEDOUT\b|UND_ERR_CONNECT_TIMEOUT|Connect(?:ion)? ?Timeout|ConnectTimeout|connect timed out|Connection timed out|\[Errno 110\]|\[WinError 10060\]|Failed to connect to .* Timed out/i,
    pattern: 'ETIMEDOUT (no answer to the connection)',
    codes: (_m, f) => [{ code: 'TCP_TIMEOUT', details: net(f) }],
  },
  {
    id: 'read-timeout',
    re: /ReadTimeout|Read timed out|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|timeout of \d+ms exceeded|ESOCKETTIMEDOUT/i,
    unless: /\bETIMEDOUT\b|ConnectTimeout|connect timed out/i,
    pattern: 'read timeout (connected, but no answer in time)',
    codes: (_m, f) => [{ code: byContext(f, { oauth: 'OAUTH_TIMEOUT', chat: 'CHAT_TIMEOUT', api: 'API_TIMEOUT' }), details: f.url ? { url: f.url } : {} }],
  },
  {
    id: 'reset',
    re: /ECONNRESET|Connection reset by peer|socket hang up|\[Errno 104\]|RemoteDisconnected|Server disconnected without sending a response/i,
    pattern: 'ECONNRESET (the connection was cut)',
    codes: (_m, f) => [{ code: 'CONNECTION_RESET', details: net(f) }],
  },
  {
    id: 'unreachable',
    re: /EHOSTUNREACH|ENETUNREACH|No route to host|Network is unreachable|\[Errno 113\]|\[Errno 101\]/i,
    pattern: 'EHOSTUNREACH / ENETUNREACH (no route)',
    codes: (m, f) => [{ code: 'TCP_UNREACHABLE', details: net(f, { errno: errnoOf(m[0]) }) }],
  },
  // --- HTML pages from nginx / the SynGX gateway ---
  {
    id: 'html-404',
    re: /<title>\s*404 Not Found\s*<\/title>|<h1>\s*404 Not Found\s*<\/h1>|\b404 Not Found\b/i,
    pattern: 'an nginx "404 Not Found" page (the URL is wrong)',
    codes: (_m, f) => [{ code: f.context === 'oauth' ? 'OAUTH_NOT_FOUND' : 'API_NOT_FOUND', details: { status: 404, bodyKind: 'html', ...(f.url ? { url: f.url } : {}) } }],
  },
  {
    id: 'gateway-5xx',
    re: /\b50[234] (Bad Gateway|Service (Temporarily )?Unavailable|Gateway Time-?out)\b|\b500 Internal Server Error\b|"status"\s*:\s*5\d\d\b/i,
    pattern: 'a 5xx answer from the gateway (502 Bad Gateway, 503, 504)',
    codes: (m, f) => codesForStatus(Number(/\b(5\d\d)\b/.exec(m[0])?.[1] ?? 502), f),
  },
  // --- variable names and values ---
  {
    id: 'unofficial-name',
    re: new RegExp(`\\b(${UNOFFICIAL_CREDENTIALS.join('|')})\\b`),
    pattern: 'a credential variable the official SDKs do not read',
    codes: (m) => [{ code: 'CREDENTIALS_UNOFFICIAL_NAME', details: { variable: m[1], official: officialNameFor(m[1]) } }],
  },
  {
    id: 'bearer-bearer',
    re: /\bBearer\s+Bearer\b/i,
    pattern: '"Bearer Bearer …" (the prefix is in the value)',
    codes: () => [{ code: 'CREDENTIALS_BEARER_PREFIX', details: { variable: 'GIGACHAT_ACCESS_TOKEN' } }],
  },
  {
    id: 'basic-basic',
    re: /\bBasic\s+Basic\b/i,
    pattern: '"Basic Basic …" (the prefix is in the value)',
    codes: () => [{ code: 'CREDENTIALS_BASIC_PREFIX', details: { variable: 'GIGACHAT_CREDENTIALS' } }],
  },
  {
    id: 'no-access-token',
    re: /No access token available/i,
    pattern: '"No access token available" (the app never got a token)',
    codes: () => [{ code: 'CREDENTIALS_MISSING', details: { envFile: '.env' } }],
    hints: ['no-access-token'],
  },
  // --- fallbacks: names and numbers that say less ---
  {
    id: 'oauth-failed-status',
    re: /OAuth failed with status (\d{3})/i,
    fallback: true,
    pattern: '"OAuth failed with status N" (the token request was refused)',
    codes: (m, f) => codesForStatus(Number(m[1]), { ...f, context: 'oauth' }),
  },
  {
    id: 'authentication-error',
    re: /\bAuthenticationError\b/,
    fallback: true,
    pattern: 'AuthenticationError (HTTP 401)',
    codes: (_m, f) => codesForStatus(401, f),
  },
  {
    id: 'rate-limit-error',
    re: /\bRateLimitError\b/,
    fallback: true,
    pattern: 'RateLimitError (HTTP 429)',
    codes: (_m, f) => codesForStatus(429, f),
  },
  {
    id: 'forbidden-error',
    re: /\bForbiddenError\b/,
    fallback: true,
    pattern: 'ForbiddenError (HTTP 403)',
    codes: (_m, f) => codesForStatus(403, f),
  },
  {
    id: 'not-found-error',
    re: /\bNotFoundError\b/,
    fallback: true,
    pattern: 'NotFoundError (HTTP 404)',
    codes: (_m, f) => codesForStatus(404, f),
  },
  {
    id: 'bad-request-error',
    re: /\bBadRequestError\b/,
    fallback: true,
    pattern: 'BadRequestError (HTTP 400)',
    codes: (_m, f) => codesForStatus(400, f),
  },
  {
    id: 'unprocessable-error',
    re: /\b(UnprocessableEntityError|RequestEntityTooLargeError)\b/,
    fallback: true,
    pattern: 'UnprocessableEntityError / RequestEntityTooLargeError (HTTP 422 / 413)',
    codes: (_m, f) => codesForStatus(422, f),
  },
  {
    id: 'server-error',
    re: /\bServerError\b/,
    fallback: true,
    pattern: 'ServerError (HTTP 5xx)',
    codes: (_m, f) => codesForStatus(500, f),
  },
  {
    id: 'response-error',
    re: /\bResponseError\b/,
    fallback: true,
    pattern: 'ResponseError with an HTTP status',
    codes: (m, f) => {
      const status = statusNear(m.input, m.index);
      return status ? codesForStatus(status, f) : [];
    },
  },
  {
    id: 'http-status',
    re: /(?:status(?:[ _]code)?|HTTP\/?\d?(?:\.\d)?|response code)\s*[:=]?\s*(4\d\d|5\d\d)\b/i,
    fallback: true,
    pattern: 'an HTTP error status',
    codes: (m, f) => codesForStatus(Number(m[1]), f),
  },
];

/** Node errno or OpenSSL reason in the text, upper-case, as the catalogue shows it. */
function errnoOf(s: string): string {
  if (/^[A-Z0-9_]+$/.test(s)) return s;
  if (/self[- ]signed certificate in certificate chain/i.test(s)) return 'SELF_SIGNED_CERT_IN_CHAIN';
  if (/unable to get local issuer/i.test(s)) return 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY';
  if (/certificate verify failed/i.test(s)) return 'CERTIFICATE_VERIFY_FAILED';
  if (/wrong version number/i.test(s)) return 'WRONG_VERSION_NUMBER';
  if (/No route to host/i.test(s)) return 'EHOSTUNREACH';
  if (/Network is unreachable/i.test(s)) return 'ENETUNREACH';
  return s.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** The HTTP status an exception carries: PY 0.1 prints `(url, 402, b'…', headers)`; others `status_code=402`. */
function statusNear(text: string, index: number): number | null {
  const window = text.slice(index, index + 400);
  const m = /,\s*(\d{3})\s*,/.exec(window) ?? /status(?:[ _]code)?\s*[:=]?\s*(\d{3})\b/i.exec(window) ?? /\b([45]\d\d)\b/.exec(window);
  return m ? Number(m[1]) : null;
}

/** What the text says about where the request went. */
export function findContext(text: string): Found {
  const f: Found = { context: null };
  if (OAUTH_MENTION.test(text)) f.context = 'oauth';
  else if (/chat\/completions|\bchat\(|\.chat\b|\bachat\b|\.invoke\(|\.stream\(/i.test(text)) f.context = 'chat';
  else if (/\/models\b|get_models|getModels|\.models\(/i.test(text)) f.context = 'models';
  else if (API_MENTION.test(text)) f.context = 'api';

  const gc = GIGACHAT_HOST.exec(text);
  const py = /host='([^']+)',\s*port=(\d+)/.exec(text);
  const node = /(?:connect|getaddrinfo|read|write)\s+E[A-Z_]+\s+(\[[0-9a-f:]+\]|[\w.-]+)(?::(\d+))?/i.exec(text);
  const curl = /(?:Could not resolve host|Failed to connect to):?\s+([\w.-]+)(?: port (\d+))?/i.exec(text);
  const hostPort = gc ? [gc[1], gc[2]] : py ? [py[1], py[2]] : node ? [node[1], node[2]] : curl ? [curl[1], curl[2]] : null;
  if (hostPort?.[0]) {
    f.host = hostPort[0].toLowerCase().replace(/^\[|\]$/g, '');
    if (hostPort[1]) f.port = Number(hostPort[1]);
    else if (f.host === AUTH_HOST) f.port = OFFICIAL.authPort;
  }
  const url = /https?:\/\/[^\s'"<>)\]]+/i.exec(text);
  if (url) {
    try {
      const u = new URL(url[0]);
      u.username = '';
      u.password = '';
      u.search = '';
      u.hash = '';
      f.url = u.href.replace(/\/$/, '');
      if (!f.host) {
        f.host = u.hostname;
        f.port = Number(u.port) || 443;
      }
    } catch {
      // not a URL after all
    }
  }
  if (f.port === undefined && f.host === AUTH_HOST) f.port = OFFICIAL.authPort;
  const scope = /\b(GIGACHAT_API_(?:PERS|B2B|CORP))\b/.exec(text);
  if (scope) f.scope = scope[1];
  const model = /"model"\s*:\s*"([\w.:-]{2,60})"|\b(GigaChat(?:-\d)?(?:-(?:Pro|Max|Lite|Plus|Ultra))?(?:-preview)?)\b/i.exec(text);
  if (model) f.model = model[1] ?? model[2];
  return f;
}

export function explainText(input: string): Explanation {
  const text = input.slice(0, 1_000_000);
  const found = findContext(text);
  const matches: Match[] = [];
  const hints = new Set<HintId>();
  const seen = new Set<Code>();
  const apply = (rule: Rule) => {
    const m = rule.re.exec(text);
    if (!m || (rule.unless && rule.unless.test(text))) return false;
    const codes = rule.codes(m, found);
    for (const { code, details } of codes) {
      if (seen.has(code)) continue;
      seen.add(code);
      matches.push({ code, details: details ?? {}, pattern: rule.pattern, index: m.index, length: m[0].length });
    }
    for (const h of rule.hints ?? []) hints.add(h);
    if (rule.id === 'response-error' && codes.length === 0) hints.add('response-error-status');
    return codes.length > 0;
  };
  for (const rule of RULES) if (!rule.fallback) apply(rule);
  if (matches.length === 0) {
    for (const rule of RULES) {
      if (rule.fallback && apply(rule)) break;
    }
    // A bare name or number with more than one meaning: say that the body would decide.
    if (matches.length > 1) hints.add('several-candidates');
  }
  if (matches.length && hints.has('response-error-status')) hints.delete('response-error-status');
  return { matches, hints: [...hints], context: found.context };
}

/**
 * What may be shown of the pasted text: anything that looks like a key, a token, a password
 * or an id is replaced. A base64 run of 40+ characters, `eyJ…` tokens, Basic/Bearer values,
 * UUIDs (a client secret is one), `password=…`-style pairs and URL userinfo.
 */
export function scrubPasted(text: string): string {
  return text
    .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{6,}/g, '$1 [REDACTED]')
    .replace(/eyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]*)*/g, '[REDACTED]')
    .replace(/(:\/\/)[^\s/@:'"]+:[^\s/@'"]+@/g, '$1[REDACTED]@')
    .replace(/\b(password|passwd|pwd|secret|client_secret|credentials|access_token|refresh_token|token|tok|api_key|apikey|authorization)(["']?\s*[=:]\s*["']?)(?!(?:Basic|Bearer)\b|\[)[^\s"',;&}]+/gi, '$1$2[REDACTED]')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '[uuid]')
    .replace(/[A-Za-z0-9+/_-]{40,}={0,2}/g, (run) => (/[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run) ? '[REDACTED]' : run))
    .replace(/%[0-9A-F]{2}(?:[A-Za-z0-9%._~-]){30,}/gi, '[REDACTED]');
}

/** The line around a match, scrubbed, cut to at most `max` characters around the match. */
export function excerpt(text: string, m: Pick<Match, 'index' | 'length'>, max = 160): string {
  const start = text.lastIndexOf('\n', m.index) + 1;
  const endNl = text.indexOf('\n', m.index + m.length);
  const raw = text.slice(start, endNl === -1 ? text.length : endNl);
  const line = scrubPasted(raw);
  const matched = scrubPasted(raw.slice(m.index - start, m.index - start + m.length));
  const found = line.indexOf(matched);
  const at = found >= 0 ? found : Math.round(((m.index - start) / Math.max(1, raw.length)) * line.length);
  const from = Math.max(0, Math.min(at - Math.floor((max - matched.length) / 2), line.length - max));
  const cut = line.slice(from, from + max).trim();
  return `${from > 0 ? '…' : ''}${cut}${from + max < line.length ? '…' : ''}`;
}
