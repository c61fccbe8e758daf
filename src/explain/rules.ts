/**
 * The rules: words in a record → finding codes. Primary rules name a problem by its own words
 * (an error body, an errno, a host); fallback rules (exception names, bare HTTP statuses) speak only
 * when no primary rule matched the record, so "AuthenticationError: Token has expired" is one
 * finding, not three. Every rule sees one record and what that record says (`Found`).
 *
 * Sources of the texts: the SDKs' exceptions — ai-forever/gigachat src/gigachat/exceptions.py
 * (0.1.43: `ResponseError((url, status, content, headers))`; 0.2: `NotFoundError: 404 <url>: b'…'`),
 * ai-forever/gigachat-js src/exceptions.ts (`ResponseError` with the axios response) and
 * api/post_auth.ts ("Possibly invalid credentials format"); GigaChat's error bodies
 * (/work/shared/reference/gigachat-api.md §3-4); the guide's "typical problems in logs".
 */
import { ACCESS_TOKEN_VAR, AUTH_URL_VAR, BASE_URL_VAR, CREDENTIALS_VAR, KNOWN_WRONG_HOSTS, UNOFFICIAL_CREDENTIALS } from '../gigachat/index.js';
import type { Found } from './context.js';
import { byContext, codesForStatus, net, scopeDetails, withModel, withUrl, type CodeWithDetails, type Rule } from './rule-kit.js';
import { RUSSIAN_RULES } from './russian.js';

export type { HintId, Rule } from './rule-kit.js';

const OAUTH_BODY = (code: number, message: string) =>
  new RegExp(`"code"\\s*:\\s*${code}\\s*,\\s*"message"|${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]?")}`, 'i');

/** A known-wrong host named in a log, with the official URL it should be and the variable that sets it. */
function knownWrong(host: string): CodeWithDetails[] {
  const { which, correct } = KNOWN_WRONG_HOSTS[host];
  return [{ code: 'ENDPOINT_KNOWN_WRONG', details: { which, host, correct, variable: which === 'auth' ? AUTH_URL_VAR : BASE_URL_VAR } }];
}

const badResponse = (f: Found, reason: string): CodeWithDetails[] =>
  [{ code: byContext(f, { oauth: 'OAUTH_BAD_RESPONSE', chat: 'CHAT_BAD_RESPONSE', api: 'API_BAD_RESPONSE' }), details: withUrl(f, { reason }) }];

/** The GigaChat Python SDK's exceptions (0.2, gigachat/exceptions.py) and the HTTP status each stands for. */
const SDK_EXCEPTIONS: Array<[string, number]> = [
  ['AuthenticationError', 401],
  ['RateLimitError', 429],
  ['ForbiddenError', 403],
  ['NotFoundError', 404],
  ['BadRequestError', 400],
  ['UnprocessableEntityError|RequestEntityTooLargeError', 422],
  ['ServerError', 500],
];

export const RULES: Rule[] = [
  // --- the guide's wrong addresses: the root cause whenever they show up ---
  {
    id: 'yandex-oauth',
    re: /\bauth\.api\.cloud\.yandex\.net\b/i,
    pattern: 'auth.api.cloud.yandex.net (a Yandex Cloud host, not GigaChat)',
    codes: () => knownWrong('auth.api.cloud.yandex.net'),
  },
  {
    id: 'api-gigachat-ru',
    re: /\bapi\.gigachat\.ru\b/i,
    pattern: 'api.gigachat.ru (not a GigaChat API host)',
    codes: () => knownWrong('api.gigachat.ru'),
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
  {
    id: 'js-credentials-format',
    // gigachat-js api/post_auth.ts warns this on a 400 from the token request.
    re: /Possibly invalid credentials format/,
    pattern: 'gigachat-js "Possibly invalid credentials format" (the token request was refused)',
    codes: () => [{ code: 'OAUTH_UNDECODABLE_CREDENTIALS', details: {} }],
  },
  // --- API error bodies: {"status": N, "message": "..."} ---
  {
    id: 'token-expired',
    re: /Token has expired/i,
    pattern: '401 "Token has expired"',
    codes: (_m, f) => [{ code: 'API_TOKEN_EXPIRED', details: withUrl(f, { status: 401, message: 'Token has expired' }) }],
  },
  {
    id: 'no-such-model',
    re: /No such model/i,
    pattern: '404 "No such model"',
    codes: (_m, f) => [{ code: 'CHAT_MODEL_NOT_FOUND', details: withModel(f, withUrl(f, { status: 404, message: 'No such model' })) }],
  },
  {
    id: 'payment-required',
    re: /Payment Required|"status"\s*:\s*402\b/i,
    pattern: '402 "Payment Required"',
    codes: (_m, f) => [{ code: 'CHAT_PAYMENT_REQUIRED', details: withModel(f, withUrl(f, { status: 402, message: 'Payment Required' })) }],
  },
  {
    id: 'too-many-requests',
    re: /Too Many Requests|"status"\s*:\s*429\b/i,
    pattern: '429 "Too Many Requests"',
    codes: (_m, f) => codesForStatus(429, f),
  },
  {
    id: 'api-unauthorized',
    // JSON, or the same object as Node's console prints it: { status: 401, message: 'Unauthorized' }
    re: /["']?status["']?\s*:\s*401\s*,\s*["']?message["']?\s*:\s*["']Unauthorized["']|\b401 Unauthorized\b/i,
    pattern: '401 "Unauthorized"',
    codes: (_m, f) => (f.context === 'oauth' ? [{ code: 'OAUTH_BAD_CREDENTIALS', details: withUrl(f, { status: 401 }) }] : [{ code: 'API_TOKEN_REJECTED', details: withUrl(f, { status: 401, message: 'Unauthorized' }) }]),
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
    codes: (_m, f) => [{ code: 'CHAT_INVALID_REQUEST', details: withModel(f, withUrl(f)) }],
  },
  // --- TLS: the specific causes first; "untrusted" is dropped when one of them matched ---
  {
    id: 'tls-expired',
    re: /CERT_HAS_EXPIRED|certificate has expired|CertificateExpiredException/i,
    pattern: 'CERT_HAS_EXPIRED (the certificate has expired)',
    codes: (_m, f) => [{ code: 'TLS_EXPIRED', details: net(f) }],
  },
  {
    id: 'tls-not-yet-valid',
    re: /CERT_NOT_YET_VALID|certificate is not yet valid|CertificateNotYetValidException/i,
    pattern: 'CERT_NOT_YET_VALID (the certificate is not valid yet)',
    codes: (_m, f) => [{ code: 'TLS_NOT_YET_VALID', details: net(f) }],
  },
  {
    id: 'tls-altname',
    re: /ERR_TLS_CERT_ALTNAME_INVALID|does not match certificate's altnames|certificate is not valid for|(?:IP address|Hostname) mismatch|hostname '[^']*' doesn't match|No subject alternative (?:DNS )?names? (?:matching|present)|SSL: no alternative certificate subject name matches/i,
    pattern: 'ERR_TLS_CERT_ALTNAME_INVALID / "IP address mismatch" (a certificate for another name)',
    codes: (_m, f) => [{ code: 'TLS_HOSTNAME_MISMATCH', details: net(f) }],
  },
  {
    id: 'mtls-required',
    re: /TLSV13_ALERT_CERTIFICATE_REQUIRED|tlsv13 alert certificate required|ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED/i,
    pattern: 'TLSV13_ALERT_CERTIFICATE_REQUIRED (the server wants a client certificate)',
    codes: (_m, f) => [{ code: 'TLS_CLIENT_CERT_REQUIRED', details: net(f, { errno: 'TLSV13_ALERT_CERTIFICATE_REQUIRED' }) }],
    hints: ['mtls-httpx'],
  },
  {
    id: 'tls-untrusted',
    re: /SELF_SIGNED_CERT_IN_CHAIN|self[- ]signed certificate in certificate chain|CERTIFICATE_VERIFY_FAILED|certificate verify failed|unable to get local issuer certificate|UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify the first certificate|DEPTH_ZERO_SELF_SIGNED_CERT|PKIX path building failed|SSL certificate problem|remote certificate is invalid|Удаленный сертификат недействителен/i,
    pattern: 'the certificate chain does not verify (SELF_SIGNED_CERT_IN_CHAIN, CERTIFICATE_VERIFY_FAILED, unable to get local issuer certificate)',
    codes: (m, f) => [{ code: 'TLS_UNTRUSTED_ROOT', details: net(f, { errno: errnoOf(m[0]) }) }],
    hints: ['tls-interception'],
  },
  {
    id: 'tls-wrong-version',
    re: /WRONG_VERSION_NUMBER|wrong version number|\bEPROTO\b/i,
    pattern: 'WRONG_VERSION_NUMBER / EPROTO (no TLS on the other side)',
    codes: (m, f) => [{ code: 'TLS_HANDSHAKE_FAILED', details: net(f, { errno: errnoOf(m[0]) }) }],
  },
  {
    id: 'tls-disabled',
    re: /verify_ssl_certs\s*[=:]\s*["']?(false|0)\b|GIGACHAT_VERIFY_SSL_CERTS\s*[=:]\s*["']?(false|0)\b|NODE_TLS_REJECT_UNAUTHORIZED\s*[=:]\s*["']?0\b|rejectUnauthorized\s*:\s*false|\bverify\s*=\s*False\b|InsecureRequestWarning|Unverified HTTPS request/i,
    pattern: 'certificate verification turned off (verify=False, GIGACHAT_VERIFY_SSL_CERTS=False, NODE_TLS_REJECT_UNAUTHORIZED=0)',
    codes: (m) => [{ code: 'TLS_VERIFICATION_DISABLED', details: { reason: disabledBy(m[0]) } }],
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
    re: /ENOTFOUND|getaddrinfo failed|Name or service not known|nodename nor servname|No address associated with hostname|\[Errno -[25]\]|\[Errno 11001\]|Could not resolve host|UnknownHostException|No such host is known|Этот хост неизвестен/i,
    unless: /EAI_AGAIN|Temporary failure in name resolution/i,
    pattern: 'ENOTFOUND (the host name does not resolve)',
    codes: (_m, f) => [{ code: 'DNS_NOT_FOUND', details: net(f) }],
  },
  {
    id: 'tcp-refused',
    re: /ECONNREFUSED|Connection refused|\[Errno 111\]|\[WinError 10061\]|\[Errno 61\]|конечный компьютер отверг запрос на подключение/i,
    pattern: 'ECONNREFUSED (connection refused)',
    codes: (_m, f) => [{ code: 'TCP_REFUSED', details: net(f) }],
  },
  {
    id: 'tls-timeout',
    re: /handshake operation timed out|TLS handshake timeout|ERR_TLS_HANDSHAKE_TIMEOUT|Client network socket disconnected before secure TLS connection was established/i,
    pattern: 'the TLS handshake timed out (TCP connected, TLS stalled)',
    codes: (_m, f) => [{ code: 'TLS_TIMEOUT', details: net(f) }],
  },
  {
    id: 'tcp-timeout',
    re: /\bETIMEDOUT\b|UND_ERR_CONNECT_TIMEOUT|ConnectTimeout|connect timed out|Connection timed out|\[Errno 110\]|\[WinError 10060\]|Failed to connect to .* Timed out|за требуемое время не получен нужный отклик/i,
    unless: /handshake operation timed out|TLS handshake timeout|ERR_TLS_HANDSHAKE_TIMEOUT/i,
    pattern: 'ETIMEDOUT (no answer to the connection)',
    codes: (_m, f) => [{ code: 'TCP_TIMEOUT', details: net(f) }],
  },
  {
    id: 'read-timeout',
    re: /ReadTimeout|Read timed out|The read operation timed out|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|timeout of \d+ms exceeded|ESOCKETTIMEDOUT|\bhttpx\.TimeoutException|\bhttpcore\.ReadTimeout|asyncio\.TimeoutError|Превышено время ожидания|таймаут/i,
    unless: /\bETIMEDOUT\b|ConnectTimeout|connect timed out/i,
    pattern: 'read timeout (connected, but no answer in time)',
    codes: (_m, f) => [{ code: byContext(f, { oauth: 'OAUTH_TIMEOUT', chat: 'CHAT_TIMEOUT', api: 'API_TIMEOUT' }), details: withUrl(f) }],
  },
  {
    id: 'reset',
    re: /ECONNRESET|Connection reset by peer|socket hang up|stream has been aborted|(?:^|\n)Error: aborted(?:\n|$)|\[Errno 104\]|RemoteDisconnected|Server disconnected without sending a response|RemoteProtocolError|peer closed connection without sending complete message body|incomplete chunked read|\[WinError 10054\]|UND_ERR_SOCKET|принудительно разорвал существующее подключение/i,
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
    codes: (_m, f) => [{ code: f.context === 'oauth' ? 'OAUTH_NOT_FOUND' : 'API_NOT_FOUND', details: withUrl(f, { status: 404, bodyKind: 'html' }) }],
  },
  {
    id: 'gateway-5xx',
    re: /\b50[0234] (Bad Gateway|Service (Temporarily )?Unavailable|Gateway Time-?out|Internal Server Error)\b|"status"\s*:\s*5\d\d\b/i,
    pattern: 'a 5xx answer from the gateway (502 Bad Gateway, 503, 504)',
    codes: (m, f) => codesForStatus(Number(/\b(5\d\d)\b/.exec(m[0])?.[1] ?? 502), f),
  },
  // --- answers that are not what the client expected ---
  {
    id: 'not-json',
    re: /JSONDecodeError|Expecting value: line \d+ column \d+|Unexpected token .{1,8} in JSON|is not valid JSON|Unexpected end of JSON input|Error parsing chunk from server|json\.decoder/i,
    pattern: 'the answer is not JSON (JSONDecodeError, "is not valid JSON")',
    codes: (_m, f) => badResponse(f, 'not-json'),
  },
  {
    id: 'js-token-shape',
    // gigachat-js index.ts updateToken: `'tok' in response` on a body that is not the token JSON.
    re: /Cannot use 'in' operator to search for '(?:tok|access_token|expires_at)'/,
    pattern: 'gigachat-js could not read the token answer (not JSON)',
    codes: (_m, f) => badResponse({ ...f, context: 'oauth' }, 'not-json'),
  },
  {
    id: 'wrong-shape',
    re: /validation errors? for (\w+)/i,
    pattern: 'the answer lacks expected fields (a pydantic validation error)',
    codes: (_m, f) => badResponse(f, 'wrong-shape'),
  },
  {
    id: 'invalid-utf8',
    re: /UnicodeDecodeError|'utf-8' codec can't decode/i,
    pattern: 'the answer is not valid UTF-8 (UnicodeDecodeError)',
    codes: (_m, f) => badResponse(f, 'invalid-utf8'),
  },
  // --- variable names and values ---
  {
    id: 'unofficial-name',
    re: new RegExp(`\\b(${UNOFFICIAL_CREDENTIALS.join('|')})\\b`),
    pattern: 'a credential variable the official SDKs do not read',
    codes: (m) => [{ code: 'CREDENTIALS_UNOFFICIAL_NAME', details: { variable: m[1], official: CREDENTIALS_VAR } }],
  },
  {
    id: 'bearer-bearer',
    re: /\bBearer\s+Bearer\b/i,
    pattern: '"Bearer Bearer …" (the prefix is in the value)',
    codes: () => [{ code: 'CREDENTIALS_BEARER_PREFIX', details: { variable: ACCESS_TOKEN_VAR } }],
  },
  {
    id: 'basic-basic',
    re: /\bBasic\s+Basic\b/i,
    pattern: '"Basic Basic …" (the prefix is in the value)',
    codes: () => [{ code: 'CREDENTIALS_BASIC_PREFIX', details: { variable: CREDENTIALS_VAR } }],
  },
  {
    id: 'no-access-token',
    re: /No access token available/i,
    pattern: '"No access token available" (the app has no token: its token request failed or never ran)',
    codes: () => [{ code: 'ACCESS_TOKEN_UNAVAILABLE' }],
  },
  ...RUSSIAN_RULES,
  // --- fallbacks: names and numbers that say less ---
  {
    id: 'oauth-failed-status',
    re: /OAuth failed with status (\d{3})/i,
    fallback: true,
    pattern: '"OAuth failed with status N" (the token request was refused)',
    codes: (m, f) => codesForStatus(Number(m[1]), { ...f, context: 'oauth' }),
  },
  {
    id: 'sdk-status-error',
    // gigachat 0.2: `NotFoundError: 404 https://…/chat/completions: b'…'`
    re: /\b(?:ResponseError|BadRequestError|AuthenticationError|ForbiddenError|NotFoundError|RequestEntityTooLargeError|UnprocessableEntityError|RateLimitError|ServerError): ([1-5]\d\d) https?:\/\//,
    fallback: true,
    pattern: 'a GigaChat SDK error with its HTTP status',
    codes: (m, f) => codesForStatus(Number(m[1]), f),
  },
  {
    id: 'js-missing-field',
    // An SDK reading a field the answer lacks, e.g. langchain-gigachat's gigachatResponseToChatMessage
    // on `choices[0]` of a body that was not a completion.
    re: /Cannot read propert(?:y|ies) of (?:undefined|null) \(reading '(?:0|choices|message|data|access_token|tok)'\)/,
    // Only inside a GigaChat SDK's frames: elsewhere it is any bug of the app.
    unless: /^(?![\s\S]*gigachat)/i,
    fallback: true,
    pattern: 'the SDK found no expected field in the answer',
    codes: (_m, f) => badResponse(f, 'wrong-shape'),
  },
  {
    id: 'tls-eof',
    // Python's ssl when the server ends the handshake without an alert, as a server that demands a
    // client certificate does under TLS 1.3 when none is sent.
    re: /EOF occurred in violation of protocol|UNEXPECTED_EOF_WHILE_READING|SSLEOFError/,
    fallback: true,
    pattern: 'the server closed the TLS connection during the handshake (EOF in violation of protocol)',
    codes: (_m, f) => [{ code: 'TLS_HANDSHAKE_FAILED', details: net(f, { errno: 'UNEXPECTED_EOF' }) }],
  },
  ...SDK_EXCEPTIONS.map(([name, status]): Rule => ({
    id: `sdk-${name}`,
    re: new RegExp(`\\b(?:${name})\\b`),
    fallback: true,
    pattern: `${name.replace('|', ' / ')} (HTTP ${status})`,
    codes: (_m, f) => codesForStatus(status, f),
  })),
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
    re: /(?:status(?:[ _]code)?|HTTP\/?\d?(?:\.\d)?|response code|статус(?:ом)?|код(?: ответа)?)\s*[:=]?\s*([345]\d\d)\b/i,
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

function disabledBy(s: string): string {
  if (/GIGACHAT_VERIFY_SSL_CERTS|verify_ssl_certs/i.test(s)) return 'GIGACHAT_VERIFY_SSL_CERTS';
  if (/InsecureRequestWarning|Unverified HTTPS request/i.test(s)) return 'verify=False';
  return s.split(/[=:]/)[0].trim();
}

/**
 * The HTTP status an exception carries: PY 0.1 prints `(URL('…'), 402, b'…', headers)`, PY 0.2
 * `402 https://…`, gigachat-js the axios response's `status: 402`.
 */
function statusNear(text: string, index: number): number | null {
  const window = text.slice(index, index + 2000);
  const m = /,\s*([1-5]\d\d)\s*,/.exec(window) ?? /\bstatus(?:[ _]?code)?\s*[:=]?\s*([1-5]\d\d)\b/i.exec(window) ?? /^ResponseError: ([1-5]\d\d)\b/.exec(window) ?? /\b([45]\d\d)\b/.exec(window.slice(0, 400));
  return m ? Number(m[1]) : null;
}
