// English phrases: the words of every remedy in src/catalog/remedies/, one entry per message.
import { firstAddress, inUnits, localDate, opt, serverWords, spanIn, str, truncate } from './format.js';
import type { Phrases } from './types.js';

const dated = (v: unknown): string => localDate(v, { months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'], yearSuffix: '' });

const checks = {
  env: 'Credentials',
  format: 'Credential format',
  endpoints: 'Endpoints',
  dns: 'DNS',
  tcp: 'TCP connect',
  tls: 'TLS certificate',
  oauth: 'OAuth token',
  models: 'Models list',
  chat: 'Chat probe',
  code: 'Project code',
  python: 'App Python',
};

const SOURCE: Record<string, string> = { env: 'environment', flag: 'command-line flag', default: 'default' };
const BODY: Record<string, string> = { html: 'an HTML page', json: 'a JSON body', text: 'a text body', empty: 'an empty body' };
const KIND_NOTE: Record<string, string> = { password: ' (login/password flow)', accessToken: ' (ready access token)' };
const SHAPE: Record<string, string> = { accessToken: 'an access token', password: 'a login and password' };
const PLACE: Record<string, string> = { leading: 'at the start', trailing: 'at the end', inside: 'inside the value' };
const PROXY_REASON: Record<string, string> = {
  'no-scheme': "it has no scheme (http://), which Node's undici requires",
  'unsupported-scheme': 'gigadoctor can test only http:// and https:// proxies (CONNECT)',
};
const CA_FILE_REASON: Record<string, string> = {
  'missing': 'the file does not exist',
  'unreadable': 'the file cannot be read',
  'not-pem': 'it is not a PEM certificate (no -----BEGIN CERTIFICATE----- line)',
  'der': 'it is in binary DER format, Node needs PEM',
  'private-key': 'it holds a private key, not a certificate',
  'double-base64': 'the PEM text was Base64-encoded once more',
  'empty': 'the file is empty',
  'too-large': 'it is too large to be a CA file',
};
const CLIENT_CERT_REASON: Record<string, string> = {
  'cert-not-set': 'GIGACHAT_KEY_FILE is set without GIGACHAT_CERT_FILE',
  'missing': 'the file does not exist',
  'unreadable': 'the file cannot be read',
  'too-large': 'the file is too large to be a certificate or key',
  'der': 'it is in binary DER format, PEM is needed',
  'not-pem': 'it is not PEM (no -----BEGIN line)',
  'no-key': 'no private key: GIGACHAT_KEY_FILE is not set and the certificate file holds none',
  'passphrase-missing': 'the key is encrypted and GIGACHAT_KEY_FILE_PASSWORD is not set',
  'bad-passphrase': 'GIGACHAT_KEY_FILE_PASSWORD does not decrypt the key',
  'key-mismatch': 'the key does not belong to the certificate',
};
const WHO: Record<string, string> = { individuals: 'individuals', prepaid: 'businesses, prepaid packages', postpaid: 'businesses, postpaid' };

const SECRET_KIND: Record<string, string> = { 'authorization-key': 'an authorization key', 'access-token': 'an access token', 'client-secret': 'a client secret' };
const SCAN_LIMIT: Record<string, string> = { 'file-limit': 'the file limit', 'entry-limit': 'the folder-entry limit', 'time-limit': 'the time limit' };

/** Why a URL written in the code is wrong. */
function wrongUrl(p: { reason: string; host: string; port: number }): string {
  const why: Record<string, string> = {
    'known-wrong-host': `${p.host} is not a GigaChat API host`,
    'not-https': 'http:// instead of https://',
    'auth-port': `the OAuth URL without port ${p.port}`,
    'auth-path': 'the OAuth URL with the wrong path',
    'api-path': 'the API URL with the wrong path',
  };
  return why[p.reason] ?? 'wrong URL';
}

function badResponse(p: { reason: string; field: string }): string {
  const field = opt(p.field, ' (field ', ')');
  switch (p.reason) {
    case 'not-json':
      return `the body is not JSON${field}`;
    case 'wrong-shape':
      return `the JSON lacks the expected fields${field}`;
    case 'too-large':
      return 'the body is too large';
    case 'invalid-utf8':
      return 'the body is not valid UTF-8';
    case 'unexpected-status':
      return `unexpected status${field}`;
    default:
      return `unexpected content${field}`;
  }
}


export const phrases = {
  lang: 'en',
  checks,
  titles: {
    ACCESS_TOKEN_UNAVAILABLE: 'No access token',
    CODE_NOT_A_PROJECT: 'Not a project folder',
    CODE_OK: 'Nothing wrong in the code',
    CODE_WRONG_URL: 'Wrong GigaChat URL in the code',
    CODE_TLS_VERIFY_OFF: 'Certificate verification turned off in the code',
    CODE_UNOFFICIAL_VARIABLE: 'Code reads a variable no SDK reads',
    CODE_MODEL_RETIRED: 'Retired model in the code',
    CODE_MODEL_MISSPELLED: 'Misspelled model name in the code',
    CODE_SECRET_COMMITTED: 'Secret committed to git',
    CODE_SECRET_IN_FILE: 'Secret written in a file',
    CODE_SDK_KNOWN_ISSUE: 'SDK version with a known problem',
    CODE_SDK_PROXY_DIFFERS: 'The npm SDK takes another road',
    CODE_SCAN_PARTIAL: 'Scan stopped early',
    PYTHON_NOT_A_PROJECT: 'No Python app here',
    PYTHON_TLS_OK: 'Python verifies GigaChat',
    PYTHON_TLS_DIVERGES: 'Node and Python disagree',
    PYTHON_TLS_FAILED: 'Python cannot verify GigaChat',
    PYTHON_NETWORK_FAILED: 'Python cannot reach GigaChat',
    PYTHON_PROBE_FAILED: 'Python probe did not run',
    PYTHON_SDK_MISSING: 'GigaChat SDK not installed',
    PYTHON_VERIFY_DISABLED: 'Python SDK will not verify',
    OAUTH_OK: 'Access token received',
    ACCESS_TOKEN_PROVIDED: 'Ready token supplied',
    OAUTH_BAD_CREDENTIALS: 'Key rejected',
    OAUTH_UNDECODABLE_CREDENTIALS: 'Key cannot be decoded',
    OAUTH_SCOPE_MISMATCH: 'Scope does not match the key',
    OAUTH_SCOPE_INVALID: 'Scope rejected',
    OAUTH_BAD_REQUEST: 'Token request rejected',
    OAUTH_FORBIDDEN: 'Auth URL forbidden (403)',
    OAUTH_NOT_FOUND: 'Auth URL not found (404)',
    OAUTH_REDIRECT: 'Auth URL redirects',
    OAUTH_RATE_LIMITED: 'Too many token requests',
    OAUTH_SERVER_ERROR: 'Auth server error',
    OAUTH_TIMEOUT: 'Auth server timed out',
    OAUTH_BAD_RESPONSE: 'Unexpected auth answer',
    CLOCK_SKEW: 'Clock is off',
    SKIPPED_BY_OPTION: 'Skipped',
    BLOCKED: 'Not run',
    INTERNAL_ERROR: 'Internal error',
    DEADLINE_EXCEEDED: 'Run deadline exceeded',
    MODELS_OK: 'Models listed',
    API_TOKEN_REJECTED: 'Token rejected by the API',
    API_TOKEN_EXPIRED: 'Token expired',
    API_FORBIDDEN: 'API forbidden (403)',
    API_NOT_FOUND: 'API URL not found (404)',
    API_REDIRECT: 'API URL redirects',
    API_RATE_LIMITED: 'Too many API requests',
    API_SERVER_ERROR: 'API server error',
    API_TIMEOUT: 'API timed out',
    API_BAD_RESPONSE: 'Unexpected API answer',
    MODEL_NOT_AVAILABLE: 'Model not available',
    MODEL_NOT_FOR_CHAT: 'Not a chat model',
    MODEL_DEPRECATED: 'First-generation model',
    CHAT_OK: 'Chat works',
    CHAT_PAYMENT_REQUIRED: 'Tokens used up (402)',
    CHAT_MODEL_NOT_FOUND: 'No such model',
    CHAT_INVALID_REQUEST: 'Chat request rejected',
    CHAT_RATE_LIMITED: 'Too many chat requests',
    CHAT_SERVER_ERROR: 'Chat server error',
    CHAT_TIMEOUT: 'Chat timed out',
    CHAT_BAD_RESPONSE: 'Unexpected chat answer',
    CHAT_TOKEN_REJECTED: 'Token rejected by chat',
    CHAT_REFUSED: 'Model refused to answer',
    CREDENTIALS_FOUND: 'Credentials found',
    CREDENTIALS_MISSING: 'No credentials',
    CREDENTIALS_UNOFFICIAL_NAME: 'Unofficial variable name',
    CREDENTIALS_SHADOWED: 'Environment overrides .env',
    ENV_FILE_UNREADABLE: 'Env file unreadable',
    CREDENTIALS_OK: 'Credential format OK',
    CREDENTIALS_EMPTY: 'Credential is empty',
    CREDENTIALS_PLACEHOLDER: 'Placeholder instead of a key',
    CREDENTIALS_BEARER_PREFIX: '"Bearer " prefix in the value',
    CREDENTIALS_BASIC_PREFIX: '"Basic " prefix in the value',
    CREDENTIALS_QUOTED: 'Quotes inside the value',
    CREDENTIALS_WHITESPACE: 'Whitespace in the value',
    CREDENTIALS_FOREIGN_CHARACTERS: 'Foreign characters in the key',
    CREDENTIALS_IS_ACCESS_TOKEN: 'Access token in the key variable',
    CREDENTIALS_RAW_PAIR: 'ClientID:ClientSecret not encoded',
    CREDENTIALS_SECRET_ONLY: 'Only a Client Secret or ID',
    CREDENTIALS_NOT_BASE64: 'Key is not Base64',
    CREDENTIALS_UNEXPECTED_CONTENT: 'Key decodes to something else',
    CREDENTIALS_TRUNCATED: 'Key cut short',
    ACCESS_TOKEN_IS_KEY: 'Authorization key in the token variable',
    ACCESS_TOKEN_MALFORMED: 'Access token malformed',
    SCOPE_INVALID: 'Invalid scope',
    MODEL_NAME_SUSPICIOUS: 'Unknown model name',
    ENDPOINTS_OFFICIAL: 'Official endpoints',
    ENDPOINT_CUSTOM_HOST: 'Non-official host',
    ENDPOINT_KNOWN_WRONG: 'Known-wrong address',
    ENDPOINT_NOT_HTTPS: 'Plain http',
    ENDPOINT_BAD_PATH: 'Wrong path in URL',
    ENDPOINT_INVALID_URL: 'Invalid URL',
    ENDPOINT_MODEL_HOST: 'Model not served by this host',
    DNS_OK: 'Hosts resolve',
    DNS_NOT_FOUND: 'Host not found',
    DNS_TIMEOUT: 'DNS timeout',
    TCP_OK: 'TCP connects',
    TCP_REFUSED: 'Connection refused',
    TCP_TIMEOUT: 'Connection timed out',
    TCP_UNREACHABLE: 'Network unreachable',
    CONNECTION_RESET: 'Connection reset',
    PROXY_UNREACHABLE: 'Proxy unreachable',
    PROXY_AUTH_REQUIRED: 'Proxy needs a login',
    PROXY_CONNECT_REFUSED: 'Proxy refused the tunnel',
    PROXY_BAD_GATEWAY: 'Proxy could not reach the host',
    PROXY_TIMEOUT: 'Proxy timed out',
    PROXY_INVALID_URL: 'Proxy setting unusable',
    TLS_OK: 'Certificate verified',
    TLS_UNTRUSTED_ROOT: 'Russian Trusted Root CA missing',
    TLS_INTERCEPTED: 'TLS intercepted',
    TLS_HOSTNAME_MISMATCH: 'Certificate for another name',
    TLS_EXPIRED: 'Certificate expired',
    TLS_NOT_YET_VALID: 'Certificate not yet valid',
    TLS_TIMEOUT: 'TLS handshake timed out',
    TLS_HANDSHAKE_FAILED: 'TLS handshake failed',
    TLS_CLIENT_CERT_REQUIRED: 'Client certificate required',
    TLS_CLIENT_CERT_REJECTED: 'Client certificate rejected',
    TLS_SUB_CA_EXPIRING: 'Sub CA expires soon',
    TLS_VERIFICATION_DISABLED: 'TLS verification disabled',
    CA_FILE_INVALID: 'CA file unusable',
    CLIENT_CERT_INVALID: 'Client certificate unusable',
    NODE_EXTRA_CA_CERTS_IN_ENV_FILE: 'NODE_EXTRA_CA_CERTS only in .env',
  },
  say: {
    // --- shared ---
    'placeholder.key': '<authorization key from Studio>',
    'placeholder.token': '<access token>',
    'placeholder.proxy': 'http://<proxy-host>:<port>',
    retry: 'this may pass on retry',
    at: (p) => opt(SOURCE[p.source] ?? p.source, ' (', ')'),
    serverSaid: (p) => serverWords(p, 'code ', '"', '"'),
    bodyKind: (p) => BODY[p.kind] ?? '',
    badResponse,
    duration: (p) => inUnits(p.ms, { ms: 'ms', s: 's' }),
    checkTitle: (p) => (checks as Record<string, string>)[p.id] ?? p.id,
    'scope.who': (p) => WHO[p.audience] ?? '',
    scopes: (p) => p.scopes.map((s: string, i: number) => `${s} (${p.who[i]})`).join(', '),
    'clock.unixNote': ' (Linux; macOS: sudo sntp -sS time.apple.com)',
    'clock.adminNote': ' (as administrator)',
    'step.wait': (p) => (p.seconds !== undefined ? `Wait ${p.seconds} s (Retry-After) and run again` : 'Wait a few seconds and run again'),
    'step.timeout': (p) => `On a slow network raise the per-step timeout: ${p.run} (GIGACHAT_TIMEOUT for the SDKs is in seconds)`,
    'step.report': (p) => `If it persists, report it with the output of ${p.run} (secrets are removed from it)`,
    'step.reportRqUid': (p) => `${p.report}; quote RqUID ${p.rqUid}`,
    'step.runAgain': 'Run again',
    'step.verbose': 'Run with --verbose to see the response (secrets removed)',
    'step.syncClock': (p) => `Sync the clock: ${p.sync}${p.note}`,
    'step.newKey': (p) => `Generate a new Authorization key: GigaChat Studio (${p.studio}) → your GigaChat API project → "API settings" → "Get key"`,
    'step.tokenToCredentials': (p) =>
      `Better: remove GIGACHAT_ACCESS_TOKEN (${p.unset}) and set the key instead — ${p.set}; the SDKs then get and refresh 30-minute tokens by themselves`,
    'redirect.useFinal': (p) => `Use the final address directly: ${p.set}`,
    'redirect.useOfficial': (p) => `Set the official address: ${p.set} — or remove ${p.variable}, the SDK default is right`,
    'redirect.intercepted': (p) =>
      `A redirect to ${p.host ?? 'another host'} that is not GigaChat's usually means the network intercepts requests (captive portal, proxy login page): log in to the network or ask IT`,
    'serverError.retry': 'Run again in a minute or two: gateway errors (5xx, an HTML page from the gateway) are usually short-lived',
    'serverError.notGigaChat': (p) =>
      `${p.host} is not an official GigaChat host: the error comes from it (e.g. a local proxy or gateway), not from GigaChat — check ${p.variable}`,
    'serverError.support': 'If it lasts longer than about 15 minutes, report the time, URL and status to GigaChat support',

    // --- oauth ---
    OAUTH_OK: (p) =>
      `Got an access token${opt(p.url, ' from ')}${opt(p.status, ' (HTTP ', ')')}${p.password ? ' with GIGACHAT_USER/GIGACHAT_PASSWORD' : ''}` +
      `${p.minutes !== undefined ? `; valid for ${p.minutes} min` : ''}${opt(dated(p.until), ', until ')}`,
    ACCESS_TOKEN_PROVIDED: (p) => `Token exchange skipped: using the ready token from ${p.variable}`,
    'ACCESS_TOKEN_PROVIDED.alsoKey': 'A token lives 30 minutes; for anything long-running also set GIGACHAT_CREDENTIALS so the SDK can get new ones',
    OAUTH_BAD_CREDENTIALS: (p) => `The auth server rejected the key${opt(p.said, ': ')} — the key is wrong or has been revoked`,
    'OAUTH_BAD_CREDENTIALS.set': (p) => `Set it: ${p.set}, and replace old copies (.env, CI secrets) so the app does not pick a stale one`,
    'OAUTH_BAD_CREDENTIALS.fingerprint': (p) => `Compare the fingerprint shown by the "${p.check}" check with the key you expect: the app may be reading another value`,
    'OAUTH_BAD_CREDENTIALS.support': (p) => `If a fresh key fails too, contact GigaChat support and quote RqUID ${p.rqUid}`,
    OAUTH_UNDECODABLE_CREDENTIALS: (p) =>
      `The auth server cannot decode the Authorization header${opt(p.said, ' (', ')')}: the key is damaged, not Base64, or encoded twice`,
    'OAUTH_UNDECODABLE_CREDENTIALS.asShown':
      'Put the Authorization key from Studio into GIGACHAT_CREDENTIALS exactly as shown: do not Base64 it again and do not add "Basic " — the SDK sends Authorization: Basic <key> itself',
    'OAUTH_UNDECODABLE_CREDENTIALS.format': (p) => `Look at the "${p.check}" check for quotes, spaces, line breaks or foreign characters in the value`,
    'OAUTH_UNDECODABLE_CREDENTIALS.newKey': (p) => `If unsure, generate a new key in Studio and set it: ${p.set}`,
    OAUTH_SCOPE_MISMATCH: (p) =>
      `The key does not allow scope ${p.scope || `(default ${p.defaultScope})`}${opt(p.said, ' (', ')')}: its project has another scope — set GIGACHAT_SCOPE to it`,
    'OAUTH_SCOPE_MISMATCH.lookUp': (p) => `Look up the scope of your project in Studio (the "Scope" field of the project): ${p.scopes}`,
    'OAUTH_SCOPE_MISMATCH.set': (p) => `Set it: ${p.choices.join(' or ')}`,
    'OAUTH_SCOPE_MISMATCH.choice': (p) => `${p.set} (${p.who})`,
    'OAUTH_SCOPE_MISMATCH.code': 'If your code passes scope explicitly (e.g. new GigaChat({ scope: ... })), change it there too: it overrides GIGACHAT_SCOPE',
    OAUTH_SCOPE_INVALID: (p) =>
      p.empty
        ? `The auth server got an empty scope${opt(p.said, ' (', ')')}`
        : `The auth server rejected scope "${p.scope}"${opt(p.said, ' (', ')')}: the value is misspelled`,
    'OAUTH_SCOPE_INVALID.set': (p) =>
      `Set one of the three valid values exactly (upper case, no spaces or quotes): ${p.set} for individuals, or ${p.b2b} / ${p.corp} for business projects`,
    'OAUTH_SCOPE_INVALID.studio': 'Take the value from the "Scope" field of your project in Studio',
    OAUTH_BAD_REQUEST: (p) => `The auth server rejected the token request${opt(p.said, ': ')}`,
    'OAUTH_BAD_REQUEST.proxy': (p) =>
      `A token request carries Authorization: Basic <key>, RqUID: <uuid4> and the body scope=<scope>; gigadoctor sends all three, so a 400 here usually means a proxy or gateway changed the request — check that the URL is ${p.url}`,
    OAUTH_FORBIDDEN: (p) =>
      p.lacksPath
        ? `HTTP 403 from ${p.url}${opt(p.message, ' "', '"')}: the auth URL lacks the path ${p.expected}`
        : `HTTP 403 from ${str(p.url, 'the auth server')}${opt(p.message, ' "', '"')}: the request was refused`,
    'OAUTH_FORBIDDEN.fullUrl': (p) => `Use the full auth URL: ${p.set} — or remove GIGACHAT_AUTH_URL, the default is right`,
    'OAUTH_FORBIDDEN.proxy': (p) => `Check that a proxy or gateway in between does not refuse the request (HTTPS_PROXY, NO_PROXY); the official URL is ${p.url}`,
    'OAUTH_FORBIDDEN.otherNetwork': 'Try from another network; if it persists, contact GigaChat support with the time of the request',
    OAUTH_NOT_FOUND: (p) => `HTTP 404 from ${str(p.url, 'the auth URL')}${opt(p.body, ' (', ')')}: there is no token endpoint at this address`,
    'OAUTH_NOT_FOUND.official': (p) => `Set the official URL (port ${p.port}, path ${p.path}): ${p.set}`,
    'OAUTH_NOT_FOUND.remove': (p) => `Or remove GIGACHAT_AUTH_URL (${p.unset}): the SDK default is right`,
    OAUTH_REDIRECT: (p) =>
      `${str(p.url, 'The auth URL')} redirects${opt(p.status, ' (HTTP ', ')')}${opt(p.location, ' to ')}; gigadoctor did not follow it with the key`,
    OAUTH_RATE_LIMITED: (p) => `Too many token requests (HTTP 429)${p.seconds !== undefined ? `; retry after ${p.seconds} s` : ''}; ${p.retry}`,
    'OAUTH_RATE_LIMITED.reuse': 'The limit is 10 token requests per second: reuse a token for its 30 minutes instead of requesting one per call (the SDKs cache it)',
    'OAUTH_RATE_LIMITED.others': 'Check that no other process (another instance, a CI matrix) requests tokens with the same key at the same time',
    OAUTH_SERVER_ERROR: (p) => `The auth server failed${opt(p.status, ': HTTP ')}${opt(p.body, ' (', ')')}; ${p.retry}`,
    OAUTH_TIMEOUT: (p) => `No answer from ${str(p.url, 'the auth server')}${opt(p.within, ' within ')}; ${p.retry}`,
    'OAUTH_TIMEOUT.port': (p) =>
      `The auth server uses port ${p.port}, which corporate firewalls and VPNs often block while 443 passes: test with ${p.test}, ask IT to open it, or go through the corporate proxy: ${p.set}`,
    OAUTH_BAD_RESPONSE: (p) => `Unexpected answer from ${str(p.url, 'the auth server')}${opt(p.status, ' (HTTP ', ')')}: ${p.reason}`,
    'OAUTH_BAD_RESPONSE.url': (p) =>
      `Make sure GIGACHAT_AUTH_URL is ${p.url} and that no proxy or captive portal replaces the answer (an HTML login page is the usual case)`,
    CLOCK_SKEW: (p) => {
      const dates = [opt(p.server, 'server '), opt(p.local, 'local ')].filter(Boolean).join(', ');
      return `This machine's clock is ${p.direction}${p.seconds !== undefined ? ` by ${p.seconds} s` : ''}${dates ? ` (${dates})` : ''}: token expiry and certificate dates are judged wrongly`;
    },
    'CLOCK_SKEW.vm': "In WSL2 or a VM the clock drifts after sleep: wsl --shutdown or restart the VM; containers use the host's clock",

    // --- runner ---
    SKIPPED_BY_OPTION: (p) => `Skipped${opt(p.option, ' by ')}`,
    BLOCKED: (p) => (p.id ? `Not run: "${p.title}" (${p.id}) did not pass` : 'Not run: a check it depends on did not pass'),
    INTERNAL_ERROR: (p) => `gigadoctor hit an unexpected error${opt(p.message, ': ')}`,
    'INTERNAL_ERROR.report': (p) =>
      `This is a bug in gigadoctor, not in your setup: please report it with the output of ${p.run} (secrets are removed from it)`,
    'INTERNAL_ERROR.verbose': 'Run again with --verbose for more detail',
    DEADLINE_EXCEEDED: (p) => `The run hit its overall deadline${opt(p.deadline, ' (', ')')} before this check finished; ${p.retry}`,
    'DEADLINE_EXCEEDED.slow': 'Find the slow step with --verbose; on a slow network raise --timeout (ms per step)',

    // --- models and chat ---
    MODELS_OK: (p) => `${p.count ? `${p.count} models available` : 'Model list received'}${opt(p.model, '; ', ' is among them')}`,
    API_TOKEN_REJECTED: (p) => `The API rejected the access token${p.fromVariable ? ' from GIGACHAT_ACCESS_TOKEN' : ''}${opt(p.said, ': ')}`,
    'API_TOKEN_REJECTED.damaged': 'The token is damaged or not for this API: paste it whole, without "Bearer " or quotes',
    'API_TOKEN_REJECTED.asIssued':
      'Send the token exactly as the auth server issued it, after "Authorization: Bearer " — no quotes, no line breaks, not the authorization key',
    'API_TOKEN_REJECTED.sameInstall': (p) =>
      `Check that the token comes from the auth server of the same installation as the API (official: ${p.auth} and ${p.api})`,
    'API_TOKEN_REJECTED.twoInstalls': (p) =>
      `A token fresh from the auth server was rejected: the auth URL and the API URL probably belong to different installations — check GIGACHAT_AUTH_URL and GIGACHAT_BASE_URL (official: ${p.auth} and ${p.api})`,
    'API_TOKEN_REJECTED.proxy': 'Check that no proxy strips or replaces the Authorization header (HTTPS_PROXY, NO_PROXY)',
    API_TOKEN_EXPIRED: (p) => `The access token has expired${opt(p.said, ' (', ')')}${p.fromVariable ? ': GIGACHAT_ACCESS_TOKEN holds an old token' : ''}`,
    'API_TOKEN_EXPIRED.new': 'Tokens live 30 minutes; get a new one',
    'API_TOKEN_EXPIRED.refresh':
      'Tokens live 30 minutes: the app must get a new one before expires_at; the official SDKs do it themselves when they have the key',
    'API_TOKEN_EXPIRED.clockIfFresh': (p) => `If a token that was just issued is already reported expired, check this machine's clock: ${p.sync}`,
    'API_TOKEN_EXPIRED.clock': (p) => `A token that has just been issued is reported expired: check this machine's clock — ${p.sync}`,
    'API_TOKEN_EXPIRED.early': 'In your own code, request a new token before expires_at (the SDKs do it 60 s ahead), not after a 401',
    API_FORBIDDEN: (p) => `HTTP 403 from ${str(p.url, 'the API')}${opt(p.message, ' "', '"')}: the token is valid, but this project may not call this method`,
    'API_FORBIDDEN.tariff': (p) => `Check in Studio (${p.studio}) that the project is a GigaChat API project with an active tariff or package`,
    'API_FORBIDDEN.scope': (p) => `Check that GIGACHAT_SCOPE matches the project: ${p.scopes}`,
    'API_FORBIDDEN.proxy': 'If a proxy in between answers 403, exclude the GigaChat hosts via NO_PROXY or ask IT',
    API_NOT_FOUND: (p) => `HTTP 404 from ${str(p.url, 'the API')}${opt(p.body, ' (', ')')}: wrong API base URL`,
    'API_NOT_FOUND.official': (p) => `Set the official base URL: ${p.set} (or ${p.alt})`,
    'API_NOT_FOUND.paths': (p) =>
      `The base URL ends in /api/v1 on ${p.host} and in /v1 on ${p.newHost}; the SDK appends /models and /chat/completions itself`,
    API_REDIRECT: (p) =>
      `${str(p.url, 'The API URL')} redirects${opt(p.status, ' (HTTP ', ')')}${opt(p.location, ' to ')}; gigadoctor did not follow it with the token`,
    API_RATE_LIMITED: (p) => `Too many requests to the API (HTTP 429)${p.seconds !== undefined ? `; retry after ${p.seconds} s` : ''}; ${p.retry}`,
    'API_RATE_LIMITED.concurrency':
      'Individuals get 1 concurrent request, businesses 10 by default: stop other clients using the same key, or queue requests',
    API_SERVER_ERROR: (p) => `The API failed${opt(p.status, ': HTTP ')}${opt(p.body, ' (', ')')}; ${p.retry}`,
    API_TIMEOUT: (p) => `No answer from ${str(p.url, 'the API')}${opt(p.within, ' within ')}; ${p.retry}`,
    'API_TIMEOUT.proxy': 'If the network requires a proxy, check HTTPS_PROXY and NO_PROXY',
    API_BAD_RESPONSE: (p) => `Unexpected answer from ${str(p.url, 'the API')}${opt(p.status, ' (HTTP ', ')')}: ${p.reason}`,
    'API_BAD_RESPONSE.url': (p) =>
      `Make sure GIGACHAT_BASE_URL is ${p.url} (or ${p.alt}) and that no proxy or captive portal replaces the answer`,
    MODEL_NOT_AVAILABLE: (p) =>
      `Model ${opt(p.model, '"', '"') || '(not set)'} is not in the list this key gets${opt(p.suggestion, '; did you mean ', '?')}`,
    'MODEL_NOT_AVAILABLE.exact': (p) => `Use an id from the list exactly (case matters): ${p.set}`,
    'MODEL_NOT_AVAILABLE.list': (p) => `Chat models available: ${truncate(p.models, 10, (n) => `and ${n} more`)}`,
    'model.onlyOn': (p) => `${p.model} is served only by ${p.host}: ${p.set}`,
    MODEL_NOT_FOR_CHAT: (p) =>
      `${str(p.model, 'The configured model')} is in the list, but as ${str(p.type, 'a non-chat')} model: chat completions will not accept it`,
    'MODEL_NOT_FOR_CHAT.chatModel': (p) => `For chat, use a chat model: ${p.set}`,
    'MODEL_NOT_FOR_CHAT.elsewhere': (p) => `Use ${str(p.model, 'this model')} only where its kind is served (embeddings models with POST /embeddings)`,
    MODEL_DEPRECATED: (p) => `${str(p.model, 'This model')} belongs to the first generation, which is being shut down${opt(p.suggestion, '; use ')}`,
    'MODEL_DEPRECATED.switch': (p) => `Switch to a second-generation model: ${p.set}`,
    'MODEL_DEPRECATED.generation': (p) => `Second generation: ${p.models}; change the name also where it is hard-coded`,
    CHAT_OK: (p) => `${str(p.model, 'The model')} answered${opt(p.version, ' (', ')')}${opt(p.tokens, ', ', ' tokens used')}`,
    CHAT_PAYMENT_REQUIRED: (p) => `HTTP 402: the tokens for ${str(p.model, 'this model')} are used up${opt(p.message, ' ("', '")')}`,
    'CHAT_PAYMENT_REQUIRED.topUp': (p) => `Top up: buy a token package for ${str(p.model, 'the model')} in Studio (${p.studio}) → your project`,
    'CHAT_PAYMENT_REQUIRED.switch': (p) => `Or switch to a model that still has tokens: ${p.set}`,
    'CHAT_PAYMENT_REQUIRED.balance': 'Prepaid projects can see what is left with GET /balance',
    CHAT_MODEL_NOT_FOUND: (p) => `The API does not know model ${opt(p.model, '"', '"') || '(not set)'}${opt(p.said, ' (', ')')}`,
    'CHAT_MODEL_NOT_FOUND.exact': (p) => `Use an id from GET /models exactly, case matters: ${p.set}`,
    'CHAT_MODEL_NOT_FOUND.onlyOn': (p) => `${p.model} exists only on ${p.host}: ${p.set}`,
    'CHAT_MODEL_NOT_FOUND.list': (p) => `The "${p.check}" check lists the ids your key gets`,
    CHAT_INVALID_REQUEST: (p) => `The chat request was rejected${opt(p.said, ': ')}${opt(p.model, ' (model ', ')')}`,
    'CHAT_INVALID_REQUEST.chatModel': (p) =>
      `gigadoctor sends a minimal request, so check that ${p.model} is a chat model (type "chat" in GET /models), not e.g. Embeddings`,
    CHAT_RATE_LIMITED: (p) => `Too many concurrent requests (HTTP 429)${p.seconds !== undefined ? `; retry after ${p.seconds} s` : ''}; ${p.retry}`,
    'CHAT_RATE_LIMITED.concurrency':
      'Individuals get 1 concurrent request (stream), businesses 10 by default: stop other clients using the same key while testing',
    CHAT_SERVER_ERROR: (p) => `The chat endpoint failed${opt(p.status, ': HTTP ')}${opt(p.body, ' (', ')')}; ${p.retry}`,
    CHAT_TIMEOUT: (p) => `No answer from ${str(p.url, 'the chat endpoint')}${opt(p.within, ' within ')}; ${p.retry}`,
    'CHAT_TIMEOUT.again': 'Run again: generation can be slow under load',
    CHAT_BAD_RESPONSE: (p) => `Unexpected answer from ${str(p.url, 'the chat endpoint')}${opt(p.status, ' (HTTP ', ')')}: ${p.reason}`,
    'CHAT_BAD_RESPONSE.proxy': 'Make sure no proxy or gateway replaces the answer (HTTPS_PROXY, NO_PROXY)',
    CHAT_TOKEN_REJECTED: (p) => `The chat endpoint rejected the token${opt(p.said, ': ')}, although the model list accepted it`,
    'CHAT_TOKEN_REJECTED.again': 'Run again: a token that expires between the two requests gives the same answer',
    'CHAT_TOKEN_REJECTED.access': (p) =>
      `If it repeats, the project may lack access to chat on this host: check GIGACHAT_BASE_URL and the project's tariff in Studio (${p.studio})`,
    CHAT_REFUSED: (p) => `${str(p.model, 'The model')} ended with finish_reason ${opt(p.reason, '"', '"') || '(unknown)'} instead of an answer`,
    'CHAT_REFUSED.filter': "The topic filter blocked the answer; gigadoctor's prompt is neutral, so run again",
    'CHAT_REFUSED.failed': 'The model failed to generate: run again later',

    // --- env and format ---
    'placeholder.password': '<password>',
    'placeholder.user': '<user>',
    'placeholder.scope': '<your scope>',
    'placeholder.path': '<path>',
    'placeholder.appFolder': "<your app's folder>",
    'placeholder.value': '<the intended value>',
    'fix.fileLine': (p) => `Fix the line in ${p.file} so it reads ${p.name}=${p.value} (no quotes, no spaces)`,
    'fix.setAgain': (p) => `Set it again where your app starts: ${p.set}`,
    'step.studio': (p) =>
      `Get the key in GigaChat Studio (${p.studio}) → your GigaChat API project → "API settings" → "Get key": ` +
      `copy the Authorization key (Base64 of ClientID:ClientSecret, about 100 characters ending in "=="). ` +
      `It is shown only once; if you no longer have it, generate a new one`,
    CREDENTIALS_FOUND: (p) =>
      `Using ${p.variable}${p.at}${KIND_NOTE[p.kind] ?? ''}${opt(p.length, ', ', ' characters')}${opt(p.fingerprint, ', fingerprint ')}`,
    CREDENTIALS_MISSING: (p) =>
      `No credential found: GIGACHAT_CREDENTIALS, GIGACHAT_ACCESS_TOKEN and GIGACHAT_USER/GIGACHAT_PASSWORD are not set in the environment` +
      (p.file ? ` or in ${p.file}` : ' (no .env file was read)') +
      (p.empty.length ? `; set but empty: ${p.empty.join(', ')}` : ''),
    'CREDENTIALS_MISSING.set': (p) => `Set it: ${p.set} — or add the line GIGACHAT_CREDENTIALS=${p.key} to ${p.file} (without the word "Basic")`,
    'CREDENTIALS_MISSING.token':
      'If you only have a ready access token (valid 30 minutes), put it in GIGACHAT_ACCESS_TOKEN instead; with GIGACHAT_CREDENTIALS the SDK refreshes tokens by itself',
    'CREDENTIALS_MISSING.unofficial': (p) => `The official SDKs do not read ${p.names}: use GIGACHAT_CREDENTIALS`,
    CREDENTIALS_UNOFFICIAL_NAME: (p) =>
      p.inUse
        ? `${p.variable || 'An unofficial variable'}${p.at} is ignored: ${p.inUse} is set too and is the one used; the official SDKs do not read ${p.variable || 'that name'}`
        : `The credential is in ${p.variable || 'an unofficial variable'}${p.at}, which the official SDKs do not read; they read ${p.official}`,
    'CREDENTIALS_UNOFFICIAL_NAME.removeIgnored': (p) =>
      `Make sure ${p.inUse} holds the right key, then remove ${p.name} so nobody takes it for the one in use: ` +
      (p.file ? `delete its line in ${p.file}` : p.unset),
    'CREDENTIALS_UNOFFICIAL_NAME.rename': (p) => `In ${p.file} rename the variable ${p.name} to ${p.official}, keeping the value`,
    'CREDENTIALS_UNOFFICIAL_NAME.set': (p) => `Set the official name: ${p.set}${p.unset ? `, then remove the old one: ${p.unset}` : ''}`,
    'CREDENTIALS_UNOFFICIAL_NAME.which':
      'Check what the value is: the authorization key (Base64, about 100 characters, ends in "==") belongs in GIGACHAT_CREDENTIALS; ' +
      'a ready access token (about 1200 characters, lives 30 minutes) belongs in GIGACHAT_ACCESS_TOKEN',
    'CREDENTIALS_UNOFFICIAL_NAME.code': (p) =>
      `If your own code reads ${p.name || 'that name'} (e.g. process.env.${p.name || 'NAME'}), change it to read ${p.official}`,
    CREDENTIALS_SHADOWED: (p) => {
      const winner = SOURCE[p.winner] ?? p.winner;
      return `${p.variable} is set both in the ${winner} and in ${p.file} with different values; the ${winner} value wins (dotenv does not override it), so the .env line is ignored`;
    },
    'CREDENTIALS_SHADOWED.unset': (p) => `If the value in ${p.file} is the right one, remove the variable from the environment: ${p.unset} — and from wherever it is set ${p.places}`,
    'CREDENTIALS_SHADOWED.windowsPlaces': '(System Properties → Environment Variables, the PowerShell $PROFILE, CI secrets, docker-compose "environment:")',
    'CREDENTIALS_SHADOWED.unixPlaces': '(~/.bashrc, ~/.zshrc, ~/.profile, CI secrets, docker-compose "environment:")',
    'CREDENTIALS_SHADOWED.fixFile': (p) => `If the environment value is the right one, fix or delete the line in ${p.file} so the two no longer disagree`,
    'CREDENTIALS_SHADOWED.set': (p) => `Or set the intended value explicitly in the shell that starts your app: ${p.set}`,
    ENV_FILE_UNREADABLE: (p) => `Cannot read ${str(p.path, 'the env file')}${opt(p.reason, ': ')}; variables in it were not checked`,
    'ENV_FILE_UNREADABLE.check': (p) => `Check that ${p.path} exists and the current user can read it: ${p.look}`,
    'ENV_FILE_UNREADABLE.point': (p) => `Point gigadoctor at the file your app really loads: ${p.file}; or ignore env files: ${p.none}`,
    'ENV_FILE_UNREADABLE.utf8': 'Save the file as UTF-8 text (not UTF-16), one NAME=value per line',
    CREDENTIALS_OK: (p) =>
      `${p.variable} has the shape of ${SHAPE[p.kind] ?? 'an authorization key'}${opt(p.length, ' (', ' characters)')}${opt(p.scope, '; scope ')}${opt(p.model, '; model ')}`,
    CREDENTIALS_EMPTY: (p) => `${p.variable}${p.at} is set but empty`,
    'CREDENTIALS_EMPTY.stillSet': 'An empty variable still counts as set: if the value should come from elsewhere, delete the empty one',
    CREDENTIALS_PLACEHOLDER: (p) => `${p.variable}${p.at} still holds the placeholder ${opt(p.placeholder, '"', '"') || 'text'}, not a real key`,
    CREDENTIALS_BEARER_PREFIX: (p) =>
      `${p.variable}${p.at} starts with "Bearer "; the variable must hold the bare value — the SDK builds the Authorization header itself`,
    'CREDENTIALS_BEARER_PREFIX.delete': 'Delete the word "Bearer " from the value',
    'CREDENTIALS_BEARER_PREFIX.token':
      '"Bearer" goes with access tokens: if the rest is about 1200 characters long, it is a 30-minute access token and belongs in GIGACHAT_ACCESS_TOKEN; ' +
      'GIGACHAT_CREDENTIALS takes the authorization key from Studio (about 100 characters, ends in "==")',
    CREDENTIALS_BASIC_PREFIX: (p) => `${p.variable}${p.at} starts with "Basic "; the SDK adds that word itself, so the server would get "Basic Basic …"`,
    'CREDENTIALS_BASIC_PREFIX.keyOnly': 'Keep only the key itself, without "Basic "',
    CREDENTIALS_QUOTED: (p) => `${p.variable}${p.at} is wrapped in quotes${opt(p.quote, ' (', ')')} that became part of the value`,
    'CREDENTIALS_QUOTED.remove': (p) => `Remove the quotes${opt(p.quote, ' (', ')')} around the key`,
    'CREDENTIALS_QUOTED.where':
      'They survive where nothing strips them: docker run --env-file, CI or Kubernetes secret values, cmd\'s set NAME="value" (write set "NAME=value" instead) — put the bare value there',
    CREDENTIALS_WHITESPACE: (p) =>
      `${p.variable}${p.at} has whitespace or invisible characters ${PLACE[p.where] ?? 'in the value'}${opt(p.chars, ': ')}`,
    'CREDENTIALS_WHITESPACE.remove': 'Remove them: the key is a single line of Base64 without spaces',
    'CREDENTIALS_WHITESPACE.culprits':
      "Usual culprits: a line break copied along with the key, echo writing a newline into a secret file (use printf '%s'), " +
      'Windows line endings (CRLF) in .env, a BOM added by Notepad (save as UTF-8 without BOM)',
    CREDENTIALS_FOREIGN_CHARACTERS: (p) => `${p.variable}${p.at} contains characters that cannot appear in a key${opt(p.chars, ': ')}`,
    'CREDENTIALS_FOREIGN_CHARACTERS.ascii':
      'The key is plain ASCII Base64 (A–Z, a–z, 0–9, +, /, =). Cyrillic look-alikes (А, В, Е, К, М, Н, О, Р, С, Т, Х) creep in when a key is retyped or copied from a document or screenshot',
    'CREDENTIALS_FOREIGN_CHARACTERS.copy': 'Copy the key again from Studio instead of retyping it; if you no longer have it, generate a new one',
    CREDENTIALS_IS_ACCESS_TOKEN: (p) => `${p.variable}${p.at} holds an access token (JWE${opt(p.length, ', ', ' characters')}), not the authorization key`,
    'CREDENTIALS_IS_ACCESS_TOKEN.key': (p) => `Put the authorization key into GIGACHAT_CREDENTIALS: ${p.set}`,
    'CREDENTIALS_IS_ACCESS_TOKEN.token': (p) =>
      `If you only have the token, move it to GIGACHAT_ACCESS_TOKEN: ${p.set} — it expires after 30 minutes and cannot be refreshed without the key`,
    CREDENTIALS_RAW_PAIR: (p) => `${p.variable}${p.at} holds ClientID:ClientSecret as plain text; the SDKs expect it Base64-encoded`,
    'CREDENTIALS_RAW_PAIR.ready': 'Use the ready Authorization key from Studio: it already is Base64 of ClientID:ClientSecret',
    'CREDENTIALS_RAW_PAIR.encode': (p) => `Or encode the pair yourself, once: ${p.encode}`,
    CREDENTIALS_SECRET_ONLY: (p) => `${p.variable}${p.at} holds a single UUID — the Client Secret or Client ID alone, not the authorization key`,
    'CREDENTIALS_SECRET_ONLY.encode': (p) => `If you have both Client ID and Client Secret, encode them together: ${p.encode}`,
    CREDENTIALS_NOT_BASE64: (p) =>
      `${p.variable}${p.at} is not valid Base64${opt(p.position, ': the first invalid character is at position ')}${p.hasPosition ? opt(p.length, ' of ') : opt(p.length, ' (', ' characters)')}`,
    'CREDENTIALS_NOT_BASE64.alphabet':
      'A key uses only A–Z, a–z, 0–9, +, / and "=" at the end; usual causes are a cut-off copy, a stray character from a wrapped line, or URL-encoding (%3D instead of =)',
    'CREDENTIALS_NOT_BASE64.copy': 'Copy the key from Studio again in full, or generate a new one',
    CREDENTIALS_UNEXPECTED_CONTENT: (p) =>
      p.twice
        ? `${p.variable}${p.at} is Base64-encoded twice: decoded once it is still Base64, not ClientID:ClientSecret`
        : `${p.variable}${p.at} is valid Base64${opt(p.length, ' (', ' characters)')} but does not decode to ClientID:ClientSecret (two UUIDs)${opt(p.decoded, '; it decodes to ', ' bytes')}`,
    'CREDENTIALS_UNEXPECTED_CONTENT.once':
      'Do not encode the key again: the Authorization key from Studio is already Base64 and goes into the variable as is (double encoding is a common mistake)',
    'CREDENTIALS_UNEXPECTED_CONTENT.project': 'Make sure it is the key of your GigaChat API project, not a key or token of another service',
    CREDENTIALS_TRUNCATED: (p) =>
      `${p.variable}${p.at} is cut short${opt(p.length, ': ', ' characters')}${opt(p.expected, ' of a key\'s ')}; ` +
      `it decodes to the start of ClientID:ClientSecret and stops ${p.inSecret ? 'inside the Client Secret' : 'inside the Client ID'}`,
    'CREDENTIALS_TRUNCATED.whole':
      'Copy the whole key from Studio again (it ends in "=="): a selection that stopped at the edge of a window or a wrapped line loses its end; if you no longer have it, generate a new one',
    ACCESS_TOKEN_IS_KEY: (p) => `${p.variable}${p.at} holds an authorization key (Base64 of ClientID:ClientSecret), not an access token`,
    'ACCESS_TOKEN_IS_KEY.move': (p) => `Move the value to GIGACHAT_CREDENTIALS: ${p.set}`,
    'ACCESS_TOKEN_IS_KEY.remove': (p) =>
      `Remove ${p.name}: ${p.unset}${opt(p.line, ' and the line in ')}; the SDK exchanges the key for a token and refreshes it every 30 minutes by itself`,
    ACCESS_TOKEN_MALFORMED: (p) =>
      `${p.variable}${p.at} does not look like an access token${opt(p.segments, ': ', ' dot-separated parts (a token has 5)')}${opt(p.length, ', ', ' characters')}`,
    'ACCESS_TOKEN_MALFORMED.whole': 'Paste the token whole, without "Bearer ", quotes or line breaks',
    SCOPE_INVALID: (p) => `Scope ${opt(p.scope, '"', '"') || '(empty)'}${p.at} is not valid${opt(p.suggestion, '; did you mean ', '?')}`,
    'SCOPE_INVALID.set': (p) => `Set the scope shown in your project in Studio: ${p.set}`,
    'SCOPE_INVALID.valid': (p) => `Valid values: ${p.scopes}`,
    'SCOPE_INVALID.fileLine': (p) => `Or fix the line in ${p.file}: ${p.line}`,
    MODEL_NAME_SUSPICIOUS: (p) =>
      `Model ${opt(p.model, '"', '"') || '(empty)'}${p.at} is not a known GigaChat model name${opt(p.suggestion, '; did you mean ', '?')}`,
    'MODEL_NAME_SUSPICIOUS.case': (p) => `Model ids are case-sensitive: ${p.models} (add "-preview" for preview models)`,
    'MODEL_NAME_SUSPICIOUS.set': (p) => `Set the model: ${p.set}`,
    'MODEL_NAME_SUSPICIOUS.list': (p) => `The "${p.check}" check shows the list your key actually gets from GET /models`,

    // --- endpoints, dns, tcp, proxy ---
    'placeholder.proxyHost': '<proxy-host>',
    ENDPOINTS_OFFICIAL: (p) => `Official endpoints: auth ${p.auth}, API ${p.api}`,
    ENDPOINT_CUSTOM_HOST: (p) =>
      `${p.setting} points to ${str(p.host, 'a host')}, which is not an official GigaChat host: the ${p.auth ? 'authorization key' : 'access token'} will be sent there`,
    'ENDPOINT_CUSTOM_HOST.remove': (p) =>
      `If ${str(p.host, 'this host')} is not your own trusted gateway, remove the setting so the SDK default is used: ${p.unset}`,
    'ENDPOINT_CUSTOM_HOST.deleteLine': (p) =>
      `If ${str(p.host, 'this host')} is not your own trusted gateway, delete the line ${p.name}=… in ${p.file} so the SDK default is used`,
    'endpoint.official': (p) => `Official addresses: auth ${p.auth}; API ${p.api} or ${p.alt}`,
    'ENDPOINT_CUSTOM_HOST.leaked': 'If the key has already gone to a host you do not control, treat it as leaked: generate a new one in Studio',
    ENDPOINT_KNOWN_WRONG: (p) =>
      `${p.setting} points to ${str(p.host, 'a known-wrong host')}, a wrong address from outdated guides that is not GigaChat's; gigadoctor sent nothing there`,
    'ENDPOINT_KNOWN_WRONG.set': (p) => `Set the official URL: ${p.set} — or remove ${p.name}, the SDK default is right`,
    'ENDPOINT_KNOWN_WRONG.hardCoded': 'Fix the address also where it is hard-coded (config files, code copied from the same guide)',
    'ENDPOINT_KNOWN_WRONG.leaked': 'If your app has already sent the key there, generate a new key in Studio: the old one may have leaked',
    ENDPOINT_NOT_HTTPS: (p) =>
      `${p.setting} uses plain http${opt(p.url, ' (', ')')}: the ${p.auth ? 'authorization key' : 'access token'} would travel unencrypted; gigadoctor did not send it`,
    'ENDPOINT_NOT_HTTPS.https': (p) => `Use https: ${p.set}`,
    ENDPOINT_BAD_PATH: (p) =>
      `${p.setting} has path ${opt(p.path, '"', '"') || '(empty)'} instead of ${opt(p.expected, '"', '"') || 'the expected one'}${opt(p.url, ' (', ')')}`,
    'ENDPOINT_BAD_PATH.full': (p) => `Use the full URL: ${p.set}`,
    'ENDPOINT_BAD_PATH.bareHost': (p) => `A token request to the bare host (without ${p.path}) is answered with 403 Forbidden`,
    'ENDPOINT_BAD_PATH.apiPath': (p) =>
      `The SDK appends /models and /chat/completions to the base URL; without /api/v1 (or /v1 on ${p.newHost}) the API answers 404`,
    ENDPOINT_INVALID_URL: (p) => `${p.setting} is not a valid URL${opt(p.value, ': "', '"')}`,
    'ENDPOINT_INVALID_URL.set': (p) => `Set a full https URL: ${p.set}`,
    'ENDPOINT_INVALID_URL.remove': (p) => `Or remove ${p.name} (${p.unset}): the SDK default is the official address`,
    ENDPOINT_MODEL_HOST: (p) =>
      `Model ${str(p.model, '(unknown)')} is not served by ${str(p.host, 'the configured API host')}${opt(p.suggestion, '; it is available at ')}`,
    'ENDPOINT_MODEL_HOST.switch': (p) => `Point the API URL there: ${p.set}`,
    'ENDPOINT_MODEL_HOST.otherModel': (p) => `Or keep ${str(p.host, 'this host')} and choose a model it serves: ${p.set}`,
    DNS_OK: (p) => {
      const parts = [p.hosts.length ? `Resolved ${p.hosts.join('; ')}` : 'All hosts resolve'];
      if (p.byProxy) parts.push(`${p.byProxy} resolved by the proxy`);
      if (p.direct.length) parts.push(p.direct.join('; '));
      return parts.join('; ');
    },
    'DNS_OK.host': (p) => `${p.proxy ? 'proxy ' : ''}${p.host}${firstAddress(p)}${opt(p.took, ' in ')}`,
    'DNS_OK.direct': (p) => `${p.host} bypasses the proxy (NO_PROXY entry ${p.entry})`,
    DNS_NOT_FOUND: (p) => `${str(p.host, 'The host')} does not resolve (no such host)${opt(p.url, ' — from ')}`,
    'DNS_NOT_FOUND.spelling': (p) => `Check the spelling of the host in the URL; official hosts: ${p.auth} (auth), ${p.api} (API)`,
    'DNS_NOT_FOUND.resolver': (p) =>
      `Try the system resolver: nslookup ${p.host}; if it fails too, this network's DNS (or the VPN's) does not resolve it — try another DNS server or ask IT`,
    'DNS_NOT_FOUND.proxy': (p) => `In a network where only a proxy reaches the internet, set it — the proxy then resolves names: ${p.set}`,
    'DNS_NOT_FOUND.docker': "In Docker, check the container's DNS (docker run --dns, /etc/resolv.conf inside the container)",
    DNS_TIMEOUT: (p) => `DNS lookup of ${str(p.host, 'the host')}${opt(p.proxy, ' (the proxy in ', ')')} timed out${opt(p.after, ' after ')}; ${p.retry}`,
    'DNS_TIMEOUT.works': (p) => `Check that DNS works at all: nslookup ${p.host}`,
    'DNS_TIMEOUT.vpn': 'If a VPN, DNS-over-HTTPS or a filtering DNS server is in use, try without it or with another DNS server',
    TCP_OK: (p) => (p.targets.length ? `Connected to ${p.targets.join('; ')}` : 'All hosts accept connections'),
    'TCP_OK.target': (p) => `${p.target}${p.proxy ? ` through ${p.proxy}${opt(p.status, ' (CONNECT ', ')')}` : ''}${opt(p.took, ' in ')}`,
    TCP_REFUSED: (p) => `Connection to ${str(p.target, 'the server')} refused${opt(p.url, ' (', ')')}`,
    'TCP_REFUSED.port': (p) => `Check the port in the URL: the auth server listens on ${p.port} (${p.url}), the API on 443`,
    'TCP_REFUSED.firewall': (p) => `A firewall rejecting the connection looks the same; test from this machine: ${p.test}`,
    'TCP_REFUSED.proxy': (p) => `If outgoing traffic must go through a proxy, set it: ${p.set}`,
    TCP_TIMEOUT: (p) =>
      `No answer from ${str(p.target, 'the server')}${opt(p.within, ' within ')}` +
      (p.oauthPort !== undefined ? `: port ${p.oauthPort} is often blocked by corporate firewalls and VPNs while 443 passes` : ': a firewall or VPN may be dropping the connection') +
      `; ${p.retry}`,
    'TCP_TIMEOUT.oauthPort': (p) => `Ask IT to allow outgoing TCP to ${p.target} (the OAuth port), or route it through the corporate proxy: ${p.set}`,
    'TCP_TIMEOUT.allow': (p) => `Outgoing TCP to ${p.target} must be allowed by the firewall/VPN; if the network requires a proxy: ${p.set}`,
    'TCP_TIMEOUT.test': (p) => `Test from this machine: ${p.test}`,
    TCP_UNREACHABLE: (p) => `${str(p.target, 'The server')} is unreachable${opt(p.errno, ' (', ')')}: no route to the host`,
    'TCP_UNREACHABLE.route': 'Check the network connection and the VPN: this machine has no route to the host',
    'TCP_UNREACHABLE.proxy': (p) => `If the network reaches the internet only through a proxy, set it: ${p.set}`,
    'tcp.test': (p) => `Test: ${p.test}`,
    CONNECTION_RESET: (p) =>
      `The connection to ${str(p.target, 'the server')} was reset${opt(p.url, ' (', ')')}: something on the way closed it, most often a firewall, DPI or a proxy`,
    'CONNECTION_RESET.cut': (p) =>
      `Ask IT whether a firewall, DPI or proxy cuts connections to this host; if the network requires a proxy, set it: ${p.set}`,
    'proxy.nodeFetch': (p) =>
      `${p.step}. A Node.js app also needs ${p.set}: without it Node's built-in fetch ignores HTTPS_PROXY`,
    'proxy.noProxy': (p) => `If GigaChat is reachable directly, exclude its hosts from the proxy: ${p.set}`,
    PROXY_UNREACHABLE: (p) =>
      `Proxy ${str(p.proxy, '(from HTTPS_PROXY)')} is unreachable${opt(p.errno, ' (', ')')}${p.dns ? ': its host name does not resolve' : ''}${opt(p.target, ', so nothing reaches ')}`,
    'PROXY_UNREACHABLE.check': (p) => `Check HTTPS_PROXY / HTTP_PROXY (either case): host and port must be right — ${p.show}`,
    'PROXY_UNREACHABLE.remove': (p) => `If this network needs no proxy, remove it: ${p.unset} (and HTTP_PROXY, https_proxy, http_proxy)`,
    'PROXY_UNREACHABLE.test': (p) => `Test the proxy port: ${p.test}`,
    PROXY_AUTH_REQUIRED: (p) =>
      `Proxy ${str(p.proxy, '(from HTTPS_PROXY)')} ${p.rejected ? 'rejected the login in the proxy URL' : 'requires authentication'}` +
      ` (HTTP 407${opt(p.scheme, ', ', ' auth')})${opt(p.target, ' for CONNECT ')}`,
    'PROXY_AUTH_REQUIRED.localProxy':
      'If the proxy uses Windows (NTLM/Kerberos) authentication, run a local forwarding proxy such as cntlm or px and point HTTPS_PROXY at it',
    'PROXY_AUTH_REQUIRED.checkLogin': (p) =>
      `Check the user and password in the proxy URL (${p.url}); URL-encode special characters of the password (@ → %40, : → %3A)`,
    'PROXY_AUTH_REQUIRED.addLogin': (p) => `Put the proxy login into the URL: ${p.set}; URL-encode special characters of the password (@ → %40, : → %3A)`,
    'PROXY_AUTH_REQUIRED.noProxy': (p) => `If GigaChat is reachable without the proxy, exclude its hosts: ${p.set}`,
    PROXY_CONNECT_REFUSED: (p) =>
      p.status
        ? `Proxy ${str(p.proxy, '(from HTTPS_PROXY)')} refused CONNECT ${str(p.target, 'to the GigaChat host')} (HTTP ${p.status}${opt(p.statusText, ' ')})`
        : `${str(p.proxy, 'The proxy')} ${p.closed ? 'closed the connection instead of answering CONNECT' : 'did not answer CONNECT like an HTTP proxy'}${opt(p.target, ' (', ')')}`,
    'PROXY_CONNECT_REFUSED.oauthPort': (p) =>
      `Many proxies allow CONNECT only to port 443 (Squid's default SSL_ports): ask IT to allow CONNECT to ${p.target}, the OAuth port`,
    'PROXY_CONNECT_REFUSED.allow': (p) => `Ask IT to allow CONNECT to ${str(p.target, 'the GigaChat hosts')} through the proxy`,
    'PROXY_CONNECT_REFUSED.isHttp': (p) => `Check that HTTPS_PROXY points at an HTTP proxy (host and port): ${p.show}`,
    PROXY_BAD_GATEWAY: (p) =>
      `Proxy ${str(p.proxy, '(from HTTPS_PROXY)')} could not open ${str(p.target, 'the connection')} (HTTP ${p.status}${opt(p.statusText, ' ')}); ${p.retry}`,
    'PROXY_BAD_GATEWAY.again': 'Run again in a minute',
    'PROXY_BAD_GATEWAY.proxyCannot': (p) => `The proxy itself cannot reach ${str(p.target, 'the host')} (its DNS or firewall): ask IT to allow it`,
    PROXY_TIMEOUT: (p) =>
      `Proxy ${str(p.proxy, '(from HTTPS_PROXY)')} ${p.accepted ? 'accepted the connection but did not answer CONNECT' : 'did not accept a connection'}` +
      `${opt(p.within, ' within ')}; ${p.retry}`,
    'PROXY_TIMEOUT.check': (p) => `Check the proxy host and port: ${p.show}; test: ${p.test}`,
    PROXY_INVALID_URL: (p) => `${p.variable}=${p.value} cannot be used: ${PROXY_REASON[p.reason] ?? 'it is not a URL'}`,
    'PROXY_INVALID_URL.full': (p) => `Write it as a full URL: ${p.set} (with a login: ${p.withLogin})`,
    'PROXY_INVALID_URL.read': (p) =>
      `Node (undici), the Python SDK (httpx) and gigadoctor read HTTPS_PROXY / HTTP_PROXY in either case; see what is set: ${p.show}`,

    // --- tls ---
    'placeholder.keyPassword': '<key password>',
    sourceName: (p) => SOURCE[p.source] ?? p.source,
    'ca.get': (p) =>
      `Get the root certificate: ${p.getRoot}, or download "Russian Trusted Root CA" from ${p.page}; ` +
      `check that its SHA-256 fingerprint is ${p.sha256}${opt(p.verify, ' (', ')')}`,
    'ca.node': (p) =>
      `Node: set it before node starts — ${p.set} — in the shell, the service unit, the Dockerfile (ENV) or the CI job; ` +
      `to persist it for new terminals: ${p.persist}; ` +
      `a line in .env loaded by dotenv comes too late and does nothing (in code: pass ca to an https.Agent, the JS SDK's httpsAgent)`,
    'ca.windowsStore': (p) =>
      `Or add it to the Windows store (as administrator): certutil -addstore Root ${p.path}; ` +
      `Node reads the OS store only when started with --use-system-ca (recent Node versions), so NODE_EXTRA_CA_CERTS remains the sure way. ` +
      `Docker: install it inside the image (COPY it, then ENV NODE_EXTRA_CA_CERTS=<its path in the image>), not on the host`,
    'ca.unixStore': (p) =>
      `Or add it to the OS store — Debian/Ubuntu: sudo cp ${p.file} /usr/local/share/ca-certificates/${p.crt} && sudo update-ca-certificates; ` +
      `RHEL/Fedora: sudo cp ${p.file} /etc/pki/ca-trust/source/anchors/ && sudo update-ca-trust; ` +
      `macOS: sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${p.file}. ` +
      `Docker: in the Dockerfile, not on the host — COPY ${p.file} /usr/local/share/ca-certificates/${p.crt}, RUN update-ca-certificates, ` +
      `ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/${p.crt}. Node reads the OS store only with --use-system-ca (recent Node versions)`,
    'clock.check': (p) => `Check this machine's clock first (${p.show}) and sync it: ${p.sync}${p.note}`,
    'clock.says': (p) => {
      const span = (s: number) => spanIn(s, { days: 'days', h: 'h', min: 'min', s: 's' });
      switch (p.verdict) {
        case 'ok':
          return p.fromServer ? `; a server's Date header agrees with this clock (within ${span(p.skew)}), so the certificate itself is out of date` : '';
        case 'behind':
          if (p.fromServer) return `; a server's Date header says this clock is behind by ${span(p.skew)}`;
          return p.least !== undefined && p.least > 0 ? ` by at least ${span(p.least)} (a server does not present a certificate before it is issued)` : '';
        case 'ahead':
          return p.fromServer
            ? `; a server's Date header says this clock is ahead by ${span(p.skew)}`
            : '; the CA certificates above it look expired too, which points to a clock far ahead';
        default:
          return '';
      }
    },
    TLS_OK: (p) => (p.targets.length ? `Chain verified: ${p.targets.join('; ')}` : 'Certificate chains verified'),
    'TLS_OK.target': (p) => {
      const times = [opt(p.connect, 'connect '), opt(p.tls, 'TLS ')].filter(Boolean).join(', ');
      const extra = [opt(p.issuer, 'issuer '), opt(dated(p.validTo), 'valid until '), opt(p.proxy, 'through '), times].filter(Boolean).join(', ');
      return `${p.target}${extra ? ` (${extra})` : ''}`;
    },
    TLS_UNTRUSTED_ROOT: (p) => {
      const head = `${str(p.target, 'The server')}: the certificate chain${opt(p.issuer, ' (issuer ', ')')} does not verify${opt(p.errno, ' (', ')')}`;
      const caFile = opt(p.caFile, '; the given CA file ', ' did not help');
      if (p.otherRoot) {
        const why = p.claims
          ? ": it carries the Russian Trusted Root CA's name but is not signed by the genuine root, so this process lacks whatever root really signed it"
          : ` and does not lead to the Russian Trusted Root CA: this process lacks the root of ${opt(p.issuer, '"', '"') || 'its issuer'}`;
        return `${head}${why}${caFile}`;
      }
      const proof = p.provenRussian ? `. It verifies against the bundled root (SHA-256 ${p.short}): installing that root fixes it` : '';
      return `${head} — this Node does not trust the Russian Trusted Root CA (Ministry of Digital Development)${caFile}${proof}`;
    },
    'TLS_UNTRUSTED_ROOT.fakeRussian': (p) =>
      `Installing the genuine Russian root (SHA-256 ${p.short}) will not help: get the CA certificate this chain really ends in (PEM) from whoever runs ${str(p.host, 'this server')} — a test stand-in ships its own`,
    'TLS_UNTRUSTED_ROOT.otherRoot': (p) =>
      `Installing the Russian root will not help here: get the root certificate of ${opt(p.issuer, '"', '"') || 'the issuer'} (PEM) from whoever runs ${str(p.host, 'this server')}`,
    'TLS_UNTRUSTED_ROOT.pythonFile': (p) => `Python SDK: ${p.set}; gigadoctor: --ca-file ${p.path}`,
    'TLS_UNTRUSTED_ROOT.caFileMisses': (p) => `${p.caFile} does not verify this chain: make sure it contains the Russian Trusted Root CA. ${p.get}`,
    'TLS_UNTRUSTED_ROOT.python': (p) => `Python SDK: ${p.set} (gigadoctor reads it too, or takes --ca-file)`,
    TLS_INTERCEPTED: (p) => {
      const who = opt(p.issuer, '"', '"') || 'an unknown issuer';
      const how = p.claims
        ? `the chain carries the Russian Trusted Root CA's name but is not signed by it (top issuer ${who})`
        : `the certificate is issued by ${who} instead of the Russian Trusted Root CA`;
      return `TLS to ${str(p.target, 'the server')}${opt(p.proxy, ' through proxy ')} is intercepted: ${how} — ${p.proxy ? 'the proxy' : 'a corporate proxy'} or an antivirus re-signs the traffic`;
    },
    'TLS_INTERCEPTED.root': (p) =>
      `Ask IT for the root certificate of ${opt(p.issuer, '"', '"') || 'the intercepting proxy'} (PEM) and trust it before node starts: ${p.set}; ` +
      `the file may hold several certificates, so append the Russian Trusted Root CA to it as well (${p.getRoot})`,
    'TLS_INTERCEPTED.exclude': (p) =>
      `Or ask IT to exclude ${p.hosts} from TLS inspection${p.bypass ? `; if they are reachable directly, bypass the proxy: ${p.bypass}` : ''}`,
    'TLS_INTERCEPTED.antivirus': 'If it is a local antivirus ("scan encrypted connections", HTTPS scanning), add these hosts to its exclusions',
    'TLS_INTERCEPTED.python': (p) => `Python SDK: put the same PEM file in ${p.set}`,
    TLS_HOSTNAME_MISMATCH: (p) => `${str(p.target, 'The server')} presented a certificate for ${str(p.names, 'other names')}, not for ${str(p.host, 'this host')}`,
    'TLS_HOSTNAME_MISMATCH.official': 'Use the official host name in the URL, not an IP address or an alias',
    'TLS_HOSTNAME_MISMATCH.hosts': (p) =>
      `Check the hosts file for an entry that overrides ${str(p.host, 'the host')}: /etc/hosts (Windows: C:\\Windows\\System32\\drivers\\etc\\hosts)`,
    'TLS_HOSTNAME_MISMATCH.gateway': (p) =>
      `If a gateway or proxy answers in GigaChat's place, ask its owners for a certificate valid for ${str(p.host, 'this host')}, or exclude the host from it`,
    TLS_EXPIRED: (p) =>
      `The certificate${opt(p.subject, ' "', '"')} of ${str(p.target, 'the server')} expired${opt(dated(p.validTo), ' on ')} — according to this machine's clock${p.clock}`,
    'TLS_EXPIRED.notUsual':
      "If the clock is right, the expired certificate is not GigaChat's usual one: a proxy or antivirus in the way (see the issuer with --verbose), or an outdated certificate in your own CA file",
    'TLS_EXPIRED.later': 'Try again later; if it persists, report the host and time to GigaChat support',
    TLS_NOT_YET_VALID: (p) =>
      `The certificate${opt(p.subject, ' "', '"')} of ${str(p.target, 'the server')} is valid only from ${str(p.validFrom, 'a later date')}` +
      (p.clockOk ? p.clock : ` — this machine's clock is probably behind${p.clock}`),
    'TLS_NOT_YET_VALID.early':
      "The clock agrees with the server's: the certificate was installed before its start date — report the host and time to its operator",
    TLS_TIMEOUT: (p) => `TLS handshake with ${str(p.target, 'the server')}${opt(p.proxy, ' through ')} did not finish${opt(p.within, ' within ')}; ${p.retry}`,
    'TLS_TIMEOUT.dpi': (p) =>
      `TCP connects but TLS stalls: typical of DPI or a filtering firewall — try another network, without the VPN, or through the corporate proxy: ${p.set}`,
    TLS_HANDSHAKE_FAILED: (p) => `TLS handshake with ${str(p.target, 'the server')} failed${opt(p.error, ': ')}`,
    'TLS_HANDSHAKE_FAILED.look': (p) => `See what the server presents: ${p.command}`,
    'TLS_HANDSHAKE_FAILED.middlebox': 'A proxy or middlebox that does not speak TLS on this port gives the same error: check HTTPS_PROXY and NO_PROXY',
    'TLS_HANDSHAKE_FAILED.node': 'Use a current Node (20.18 or newer)',
    TLS_CLIENT_CERT_REQUIRED: (p) =>
      `${str(p.target, 'The server')} demands a client certificate (mTLS)${p.offered ? ' and did not accept the one offered' : ' and none is configured'}${opt(p.errno, ' (', ')')}`,
    'TLS_CLIENT_CERT_REQUIRED.files': (p) =>
      `Give the certificate and key issued for this service: ${p.cert} and ${p.key} (GIGACHAT_KEY_FILE_PASSWORD if the key is encrypted)`,
    'TLS_CLIENT_CERT_REQUIRED.sdks': 'The Python SDK reads these variables; the JS SDK takes them as an https.Agent with cert, key and passphrase passed as httpsAgent',
    'TLS_CLIENT_CERT_REQUIRED.public': (p) =>
      `Personal and business keys use the public hosts (${p.url}), which need no client certificate: check GIGACHAT_BASE_URL if mTLS is unexpected`,
    TLS_CLIENT_CERT_REJECTED: (p) => `${str(p.target, 'The server')} rejected the client certificate${opt(p.certFile, ' from ')}${opt(p.errno, ' (', ')')}`,
    'TLS_CLIENT_CERT_REJECTED.check': (p) =>
      `Check that it is the certificate issued for this service and still valid: ${p.show}`,
    'TLS_CLIENT_CERT_REJECTED.intermediate': 'If it was issued by an intermediate CA, put that intermediate into the certificate file after the certificate',
    'TLS_CLIENT_CERT_REJECTED.enrolled': 'Ask whoever issued it whether it is enrolled for this host; a new one may be needed',
    TLS_SUB_CA_EXPIRING: (p) =>
      `${str(p.target, 'The server')} presents ${str(p.subject, 'the Russian Trusted Sub CA')}, which expires${opt(dated(p.validTo), ' on ')}${opt(p.days, ' (in ', ' days)')}: anything that trusts this intermediate instead of the root will break then`,
    'TLS_SUB_CA_EXPIRING.root': (p) => `Trust the root, not the intermediate: ${p.set} (${p.getRoot})`,
    'TLS_SUB_CA_EXPIRING.successor': (p) => `If a bundle of yours pins the Sub CA, add its successor ("Russian Trusted Sub CA 2024") from ${p.page}`,
    TLS_VERIFICATION_DISABLED: (p) =>
      p.byApp
        ? `Your app turns certificate verification OFF (GIGACHAT_VERIFY_SSL_CERTS${opt(p.source, ' from ')}): it would hand the key to any impostor; gigadoctor verified anyway`
        : `Certificate verification is OFF${opt(p.reason, ' (', ')')}: the key and token went out with no proof of who receives them; what verification finds is reported as a warning`,
    'TLS_VERIFICATION_DISABLED.never': (p) =>
      `Turning verification off is never the fix: trust the Russian Trusted Root CA instead — ${p.getRoot}, then ${p.set} before node starts`,
    'TLS_VERIFICATION_DISABLED.turnOn': (p) =>
      `Turn verification back on: ${p.unset}${opt(p.line, ' and delete the line in ')}; the Python SDK takes the CA file via ${p.set}`,
    'TLS_VERIFICATION_DISABLED.fixFirst':
      'What verification found is shown above as a warning: a client with verification on stops there. Fix that, then run gigadoctor without the option that disables verification',
    CA_FILE_INVALID: (p) => `${p.variable} points to ${str(p.path, 'a file')} that cannot be used: ${CA_FILE_REASON[p.reason] ?? (p.reason || 'it is not a usable PEM certificate file')}`,
    'CA_FILE_INVALID.absolute': 'Use an absolute path (a relative one is resolved from the directory the app starts in) and check that the file is readable',
    'CA_FILE_INVALID.der': (p) => `Convert it to PEM: ${p.convert}`,
    'CA_FILE_INVALID.privateKey': (p) => `This is a private key: never hand it out; remove it from ${p.name} and use the CA certificate instead`,
    'CA_FILE_INVALID.decode': (p) => `Decode it once: ${p.decode} (CI secret stores often hold files Base64-encoded)`,
    'CA_FILE_INVALID.goodCopy': (p) => `Get a good copy: ${p.getRoot}, or ${p.page}; check SHA-256 ${p.sha256}`,
    'CA_FILE_INVALID.flag': (p) => `Pass the good file: ${p.run}; a Node app needs ${p.set} before node starts`,
    'CA_FILE_INVALID.node': (p) => `Point NODE_EXTRA_CA_CERTS at it: ${p.set}; Node only prints a warning and ignores a bad file`,
    'CA_FILE_INVALID.variable': (p) => `Point ${p.name} at it: ${p.set}`,
    CLIENT_CERT_INVALID: (p) =>
      `${p.variable}${opt(p.path, ' (', ')')} cannot be used for mTLS: ${CLIENT_CERT_REASON[p.reason] ?? 'the certificate and key do not form a usable pair'}`,
    'CLIENT_CERT_INVALID.certNotSet': (p) => `GIGACHAT_KEY_FILE is set but the certificate is not: ${p.set}`,
    'CLIENT_CERT_INVALID.absolute': (p) => `Use an absolute path to the file and check that it is readable: ${p.set}`,
    'CLIENT_CERT_INVALID.derKey': (p) => `Convert the key to PEM: ${p.convert}`,
    'CLIENT_CERT_INVALID.derCert': (p) => `Convert the certificate to PEM: ${p.convert}`,
    'CLIENT_CERT_INVALID.noKey': (p) => `The certificate file holds no private key: ${p.set}`,
    'CLIENT_CERT_INVALID.passphrase': (p) => `The key is encrypted: give its password where the app starts — ${p.set} — never on a command line`,
    'CLIENT_CERT_INVALID.badPassphrase': 'GIGACHAT_KEY_FILE_PASSWORD does not decrypt the key: check it (and that no quotes or trailing spaces came along)',
    'CLIENT_CERT_INVALID.mismatch': "The key does not belong to the certificate: take the key that was generated with this certificate's request",
    'CLIENT_CERT_INVALID.compare': (p) => `Compare the certificate's public key with the key's: ${p.compare} — it must print true`,
    'CLIENT_CERT_INVALID.check': (p) => `Check the files: the certificate with ${p.cert}; the key with ${p.key}`,
    NODE_EXTRA_CA_CERTS_IN_ENV_FILE: (p) =>
      `NODE_EXTRA_CA_CERTS is set only in ${p.source}${opt(p.path, ' (', ')')}: Node reads it once, when the process starts, before any dotenv code runs — so a Node app never gets this CA`,
    'NODE_EXTRA_CA_CERTS_IN_ENV_FILE.set': (p) => `Set it where node starts — the shell, the service unit, the Dockerfile (ENV) or the CI job: ${p.set}`,
    'NODE_EXTRA_CA_CERTS_IN_ENV_FILE.delete': (p) => `Then delete the line from ${p.source}: it only suggests a fix that is not in effect`,
    'NODE_EXTRA_CA_CERTS_IN_ENV_FILE.python': (p) => `The Python SDK does not read NODE_EXTRA_CA_CERTS at all: ${p.set}`,

    // --- explain: what an app logged ---
    ACCESS_TOKEN_UNAVAILABLE: 'The app has no access token: its token request (OAuth) failed before this, or never ran',
    'ACCESS_TOKEN_UNAVAILABLE.cause': 'Look for the OAuth error logged before this line: it is the cause (gigadoctor explain lists it first when the log holds it)',
    'ACCESS_TOKEN_UNAVAILABLE.key': (p) =>
      `If nothing failed before it, the app may not have found its key: check that ${p.variable} is set where the app runs (in its environment or the .env it loads)`,
    'ACCESS_TOKEN_UNAVAILABLE.check': (p) => `${p.run} tests the key and the token request from this machine`,

    // --- code and python ---
    'app.places': (p) => `${p.shown}${p.more > 0 ? ` (+${p.more} more)` : ''}`,
    'app.systemStore': 'the system store',
    'app.route': (p) => (p.proxy ? `through ${p.proxy} (${p.variable})` : p.entry ? `direct (${p.variable} entry "${p.entry}")` : 'direct (no proxy set)'),
    'app.secretKind': (p) => SECRET_KIND[p.kind] ?? 'a secret',
    'python.trust.get': (p) => `Get the root: ${p.getRoot}; then for the Python SDK ${p.set} (or GigaChat(ca_bundle_file="${p.file}"))`,
    'python.trust.requests': (p) =>
      `Code that uses requests reads REQUESTS_CA_BUNDLE: point it at a bundle that has the usual roots and this one (cat "$(python -m certifi)" ${p.file} > bundle.pem)`,
    'python.trust.certifi': "Do not append the root to the venv's certifi/cacert.pem: the next pip install certifi replaces it, silently",
    CODE_NOT_A_PROJECT: (p) =>
      `Not scanned: ${str(p.project, 'this folder')} has no manifest (package.json, pyproject.toml, requirements.txt …) and no git`,
    'CODE_NOT_A_PROJECT.project': (p) => `To have your app's files checked, run from its folder or name it: ${p.run}`,
    CODE_OK: (p) => `${p.files} files read, nothing wrong found${p.sdks.length ? `; GigaChat SDKs declared: ${p.sdks.join(', ')}` : ''}`,
    CODE_WRONG_URL: (p) => `${p.places}: ${p.url} — ${wrongUrl(p)}; the app's requests go to the wrong place`,
    'CODE_WRONG_URL.replace': (p) => `Replace it with ${p.correct}${p.others ? ' (and the other places listed)' : ''}`,
    'CODE_WRONG_URL.defaults': (p) =>
      `Better: do not write URLs in code; the SDKs' defaults are right (OAuth ${p.auth}, API ${p.api}), and GIGACHAT_AUTH_URL / GIGACHAT_BASE_URL override them`,
    'CODE_WRONG_URL.keyLeft': "That host is Yandex Cloud's: a GigaChat key sent there has left Sber; if the app ever ran with it, generate a new key in Studio",
    CODE_TLS_VERIFY_OFF: (p) => `${p.places}: ${str(p.what, 'verification off')} — the app accepts any certificate, including an interceptor's`,
    'CODE_TLS_VERIFY_OFF.install': (p) => `Remove it and install the Russian Trusted Root CA instead: ${p.getRoot}`,
    'CODE_TLS_VERIFY_OFF.point': (p) =>
      `Python SDK: GIGACHAT_CA_BUNDLE_FILE=${p.file} (or ca_bundle_file=…); Node: NODE_EXTRA_CA_CERTS=${p.file} before node starts`,
    CODE_UNOFFICIAL_VARIABLE: (p) =>
      `${p.places}: the code uses ${p.variables}; the official SDKs read GIGACHAT_CREDENTIALS (the key) and GIGACHAT_ACCESS_TOKEN (a ready token)`,
    'CODE_UNOFFICIAL_VARIABLE.rename': (p) =>
      `Rename ${str(p.variable, 'it')} to ${p.official} in the code and in .env (keep the value) — then the SDK picks it up without code`,
    'CODE_UNOFFICIAL_VARIABLE.token': (p) => `If the value is a ready access token (eyJ…, 30 minutes), use ${p.variable} instead`,
    CODE_MODEL_RETIRED: (p) => `${p.places}: model "${p.model}" is a first-generation model being shut down; its successor is ${p.successor}`,
    'CODE_MODEL_RETIRED.use': (p) => `Use "${p.successor}" (or set ${p.variable}=${p.successor} and read it)`,
    CODE_MODEL_MISSPELLED: (p) => `${p.places}: model "${p.model}" does not exist (names are case-sensitive); did you mean ${p.suggestion}?`,
    'CODE_MODEL_MISSPELLED.write': (p) => `Write "${p.suggestion}" exactly; ${p.run} confirms your key can use it`,
    CODE_SECRET_COMMITTED: (p) =>
      `${p.places}: ${p.kind} (${p.length} chars, sha256:${p.fingerprint}) is in a file git tracks — anyone with the repository has it`,
    'CODE_SECRET_COMMITTED.newKey': (p) =>
      `Generate a new ${p.token ? 'key (the token expires in 30 minutes, the key does not)' : 'authorization key'} in Studio (${p.studio}) and stop using this one`,
    'CODE_SECRET_COMMITTED.untrack': (p) =>
      `Take it out of the file and the index: git rm --cached ${str(p.file, '<file>')} (for a .env) or move the value to .env, and add .env to .gitignore`,
    'CODE_SECRET_COMMITTED.history': 'It stays in the history: rewrite it (git filter-repo) or treat the repository as leaked',
    CODE_SECRET_IN_FILE: (p) =>
      `${p.places}: ${p.kind} (${p.length} chars, sha256:${p.fingerprint}) is written in ${p.envFile ? 'a .env file that .gitignore does not cover' : 'a project file'}`,
    'CODE_SECRET_IN_FILE.gitignore': 'Add .env to .gitignore before the next commit (echo .env >> .gitignore)',
    'CODE_SECRET_IN_FILE.move': 'Move the value out of the code into .env (GIGACHAT_CREDENTIALS=…) or the environment, and add .env to .gitignore',
    CODE_SDK_KNOWN_ISSUE: (p) => `${p.places}: ${p.name} ${p.version}: ${p.problem} (${p.source})`,
    'CODE_SDK_KNOWN_ISSUE.workaround': (p) => str(p.workaround, 'Move to a version without the problem (see the source above)'),
    CODE_SDK_PROXY_DIFFERS: (p) =>
      `To ${p.host} the npm SDK (axios) goes ${p.sdk}, but gigadoctor's checks went ${p.gigadoctor}: their verdicts do not speak for the app`,
    'CODE_SDK_PROXY_DIFFERS.agree':
      'Make the two agree: axios reads NO_PROXY entries as exact hosts unless they start with "." (".sberbank.ru" covers its subdomains), reads ALL_PROXY, and never uses HTTP_PROXY for https',
    'CODE_SDK_PROXY_DIFFERS.explicit': 'Or give the SDK its route explicitly (httpsAgent / proxy in its options) and check that route with gigadoctor',
    CODE_SCAN_PARTIAL: (p) => {
      const left = [opt(p.filesLeftOut, '', ' files'), opt(p.foldersLeftOut, '', ' folders')].filter(Boolean).join(' and ');
      return `Stopped at ${SCAN_LIMIT[p.reason] ?? 'a limit'} after ${p.files} files${left ? `; not read: ${left}` : ''}`;
    },
    'CODE_SCAN_PARTIAL.ignore':
      "List what need not be read (data, generated code) in .gigadoctorignore (gitignore syntax), or point --project at the app's own folder",
    PYTHON_NOT_A_PROJECT: 'Not a Python project (no pyproject.toml, requirements.txt, .venv or .py files): skipped',
    'PYTHON_NOT_A_PROJECT.noInterpreter': 'A Python project, but no interpreter found (VIRTUAL_ENV, .venv, venv, python3 on PATH)',
    'PYTHON_NOT_A_PROJECT.activate': "Activate the app's virtual environment (VIRTUAL_ENV) or create it in .venv, then run again",
    'PYTHON_NOT_A_PROJECT.project': (p) => `To check a Python app's own trust and proxy, run from its folder or name it: ${p.run}`,
    PYTHON_TLS_OK: (p) => `${p.who} verifies ${p.targets} with ${p.ca}`,
    PYTHON_TLS_DIVERGES: (p) =>
      `The doctor passes, your app fails: Node verifies ${p.host}:${p.port}, but ${p.who} does not (${str(p.error, 'verification failed')}) with ${p.ca}`,
    'PYTHON_TLS_DIVERGES.nodeFails': (p) =>
      `Python verifies the GigaChat hosts with ${p.ca}, but Node (the tls check) does not: Python apps work here, Node apps do not`,
    'PYTHON_TLS_DIVERGES.node': (p) => `Node needs the root too: ${p.set} before node starts (${p.getRoot})`,
    PYTHON_TLS_FAILED: (p) => `${p.who}: ${p.host}:${p.port} does not verify (${str(p.error, 'verification failed')}) with ${p.ca}`,
    PYTHON_NETWORK_FAILED: (p) => {
      const what = p.kind === 'timeout' ? 'timed out' : p.kind === 'proxy' ? `refused by the proxy ${p.proxy} (${p.error})` : `failed: ${p.error}`;
      return `${p.who}: ${p.host}:${p.port} ${what}${p.proxy && p.kind !== 'proxy' ? ` through ${p.proxy}` : ''}`;
    },
    'PYTHON_NETWORK_FAILED.proxyRules':
      'Python reads HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and NO_PROXY by its own rules (httpx, requests): compare them with what Node uses in the dns and tcp details',
    'PYTHON_NETWORK_FAILED.sameEnv': "Run the app's interpreter with the same environment the app gets (a service, a container and a shell often differ)",
    PYTHON_PROBE_FAILED: (p) => `${str(p.interpreter, 'The interpreter')} did not finish the probe (${p.reason}${opt(p.detail, ': ')})`,
    'PYTHON_PROBE_FAILED.starts': (p) =>
      `Check that ${str(p.interpreter, 'the interpreter')} starts: ${str(p.interpreter, 'python3')} -c "import ssl; print(ssl.OPENSSL_VERSION)"`,
    PYTHON_SDK_MISSING: (p) => `Neither gigachat nor langchain-gigachat is installed for ${str(p.interpreter, 'this interpreter')} (Python ${p.python})`,
    'PYTHON_SDK_MISSING.install': (p) => `${p.interpreter} -m pip install gigachat (in the app's virtual environment)`,
    PYTHON_VERIFY_DISABLED: (p) => `${p.variable} is false (${p.source}): the Python SDK accepts any certificate`,
    'PYTHON_VERIFY_DISABLED.remove': (p) => `Remove ${p.variable} and set ${p.set} instead`,
  },
} satisfies Phrases;
