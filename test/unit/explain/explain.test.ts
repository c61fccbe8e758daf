import { describe, expect, it } from 'vitest';
import en from '../../../src/catalog/en.js';
import ru from '../../../src/catalog/ru.js';
import { excerpt } from '../../../src/commands/explain.js';
import { findContext } from '../../../src/explain/context.js';
import { hintText } from '../../../src/explain/hints.js';
import { readText } from '../../../src/explain/reader.js';
import { redactPasted as scrubPasted } from '../../../src/explain/redact.js';
import { remedyContext } from '../../../src/render/shell.js';

/** The findings of a text, causes first, as the command lists them. */
function explainText(text: string) {
  const set = readText(text);
  return { matches: set.list(), hints: set.hints() };
}
const codes = (text: string) => explainText(text).matches.map((m) => m.code);

describe('explain: GigaChat error bodies', () => {
  it.each([
    ['{"code":7,"message":"scope from db not fully includes consumed scope"}', ['OAUTH_SCOPE_MISMATCH']],
    ['WARNING - OAuth failed with status 400: {"code": 7, "message": "scope from db not fully includes consumed scope"}', ['OAUTH_SCOPE_MISMATCH']],
    ['401 {"code":4,"message":"Can\'t decode \'Authorization\' header"}', ['OAUTH_UNDECODABLE_CREDENTIALS']],
    ["Can't decode 'Authorization' header", ['OAUTH_UNDECODABLE_CREDENTIALS']],
    ['{"code":6,"message":"credentials doesn\'t match db data"}', ['OAUTH_BAD_CREDENTIALS']],
    ['{"code":1,"message":"scope data format invalid"}', ['OAUTH_SCOPE_INVALID']],
    ['{"code":5,"message":"scope is empty"}', ['OAUTH_SCOPE_INVALID']],
    ['{"status":401,"message":"Token has expired"}', ['API_TOKEN_EXPIRED']],
    ['gigachat.exceptions.AuthenticationError: Token has expired', ['API_TOKEN_EXPIRED']],
    ['{"status":404,"message":"No such model"}', ['CHAT_MODEL_NOT_FOUND']],
    ['{"status":402,"message":"Payment Required"}', ['CHAT_PAYMENT_REQUIRED']],
    ['{"status":429,"message":"Too Many Requests"}', ['API_RATE_LIMITED']],
    ['POST https://gigachat.devices.sberbank.ru/api/v1/chat/completions 429 Too Many Requests', ['CHAT_RATE_LIMITED']],
    ['{"status":403,"message":"Permission denied"}', ['API_FORBIDDEN']],
    ['POST https://ngw.devices.sberbank.ru:9443/ → {"status":403,"message":"Forbidden"}', ['OAUTH_FORBIDDEN']],
    ['{"status":422,"message":"Requested model does not support functions"}', ['CHAT_INVALID_REQUEST']],
    ['{"status":401,"message":"Unauthorized"}', ['API_TOKEN_REJECTED']],
  ])('%s', (text, expected) => expect(codes(text)).toEqual(expected));
});

describe('explain: TLS and the network', () => {
  it.each([
    ['Error: self-signed certificate in certificate chain\n    code: SELF_SIGNED_CERT_IN_CHAIN', 'TLS_UNTRUSTED_ROOT'],
    ['[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)', 'TLS_UNTRUSTED_ROOT'],
    ['Error: unable to get local issuer certificate', 'TLS_UNTRUSTED_ROOT'],
    ['curl: (60) SSL certificate problem: self-signed certificate in certificate chain', 'TLS_UNTRUSTED_ROOT'],
    ['Error: certificate has expired', 'TLS_EXPIRED'],
    ["Hostname/IP does not match certificate's altnames: Host: api.example. is not in the cert's altnames", 'TLS_HOSTNAME_MISMATCH'],
    ['ssl.SSLError: [SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED] tlsv13 alert certificate required (_ssl.c:2580)', 'TLS_CLIENT_CERT_REQUIRED'],
    ['Error: connect ECONNREFUSED 127.0.0.1:9443', 'TCP_REFUSED'],
    ['Error: connect ETIMEDOUT 194.54.14.131:9443', 'TCP_TIMEOUT'],
    ["HTTPSConnectionPool(host='ngw.devices.sberbank.ru', port=9443): Max retries exceeded (Caused by ConnectTimeoutError(... 'Connection to ngw.devices.sberbank.ru timed out. (connect timeout=30)'))", 'TCP_TIMEOUT'],
    ['Error: getaddrinfo ENOTFOUND gigachat.devices.sberbank.ru', 'DNS_NOT_FOUND'],
    ['Error: getaddrinfo EAI_AGAIN ngw.devices.sberbank.ru', 'DNS_TIMEOUT'],
    ['httpx.ConnectError: [Errno -2] Name or service not known', 'DNS_NOT_FOUND'],
    ['Error: read ECONNRESET', 'CONNECTION_RESET'],
    ['Error: connect EHOSTUNREACH 10.0.0.1:443', 'TCP_UNREACHABLE'],
    ['httpx.ReadTimeout: The read operation timed out (POST https://gigachat.devices.sberbank.ru/api/v1/chat/completions)', 'CHAT_TIMEOUT'],
    ['HTTP/1.1 407 Proxy Authentication Required', 'PROXY_AUTH_REQUIRED'],
    ['verify_ssl_certs=False', 'TLS_VERIFICATION_DISABLED'],
    ['NODE_TLS_REJECT_UNAUTHORIZED=0 node app.js', 'TLS_VERIFICATION_DISABLED'],
  ])('%s → %s', (text, code) => expect(codes(text)[0]).toBe(code));

  it('reads the host and port of a GigaChat host out of the text', () => {
    const [m] = explainText('Error: connect ETIMEDOUT 194.54.14.131:9443 (ngw.devices.sberbank.ru)').matches;
    expect(m.details).toMatchObject({ host: 'ngw.devices.sberbank.ru', port: 9443 });
    const [n] = explainText('getaddrinfo ENOTFOUND api.giga.chat').matches;
    expect(n.details).toMatchObject({ host: 'api.giga.chat' });
    const [p] = explainText('connect ECONNREFUSED 127.0.0.1:9443').matches;
    expect(p.details).toMatchObject({ host: '127.0.0.1', port: 9443 });
  });

  it('the mTLS regression carries its own hint', () => {
    const e = explainText('[SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED]');
    expect(e.hints).toContain('mtls-httpx');
    expect(hintText('en', 'mtls-httpx')).toContain('httpx==0.27.2');
    expect(hintText('ru', 'mtls-httpx')).toContain('httpx==0.27.2');
  });
});

describe('explain: the guide\'s log lines and its wrong URLs', () => {
  it('the nginx 404 page', () => {
    expect(codes('ERROR - ❌ GIGAChat error: <html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>')).toEqual(['API_NOT_FOUND']);
    expect(codes('POST https://ngw.devices.sberbank.ru:9443/api/v2/oauth: <html><title>404 Not Found</title></html>')).toEqual(['OAUTH_NOT_FOUND']);
  });
  it('a SynGX 502 page', () => {
    expect(codes('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>SynGX</center></body></html>')).toEqual(['API_SERVER_ERROR']);
    expect(codes('POST /chat/completions → 502 Bad Gateway (SynGX)')).toEqual(['CHAT_SERVER_ERROR']);
  });
  it('"OAuth failed with status 400" alone: the three 400s of the OAuth host, and a note that the body decides', () => {
    const e = explainText('WARNING - OAuth failed with status 400: ...');
    expect(e.matches.map((m) => m.code)).toEqual(['OAUTH_SCOPE_MISMATCH', 'OAUTH_UNDECODABLE_CREDENTIALS', 'OAUTH_SCOPE_INVALID']);
    expect(e.hints).toContain('several-candidates');
    expect(codes('OAuth failed with status 401')).toEqual(['OAUTH_BAD_CREDENTIALS']);
  });
  it('the Yandex OAuth URL and api.gigachat.ru are known-wrong endpoints', () => {
    const [y] = explainText('url = "https://auth.api.cloud.yandex.net/oauth/token"').matches;
    expect(y).toMatchObject({ code: 'ENDPOINT_KNOWN_WRONG', details: { which: 'auth', correct: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth' } });
    const [a] = explainText('curl -X GET https://api.gigachat.ru/core/api/v1/models').matches;
    expect(a).toMatchObject({ code: 'ENDPOINT_KNOWN_WRONG', details: { which: 'api', correct: 'https://gigachat.devices.sberbank.ru/api/v1' } });
    // The wrong host is the root cause: it comes before what it caused.
    expect(codes('GET https://api.gigachat.ru/core/api/v1/models → <title>404 Not Found</title>')).toEqual(['ENDPOINT_KNOWN_WRONG', 'API_NOT_FOUND']);
  });
  it('the guide\'s variable name and "No access token available"', () => {
    expect(codes('cat .env | grep GIGACHAT_TOKEN')).toEqual(['CREDENTIALS_UNOFFICIAL_NAME']);
    // Not CREDENTIALS_MISSING: explain sees no environment, and the usual cause is a failed OAuth before it (issue 13).
    expect(codes('ERROR - ❌ No access token available')).toEqual(['ACCESS_TOKEN_UNAVAILABLE']);
  });
});

describe('explain: SDK exception names', () => {
  it.each([
    ['gigachat.exceptions.AuthenticationError', ['OAUTH_BAD_CREDENTIALS', 'API_TOKEN_EXPIRED']],
    ['AuthenticationError raised in _update_token', ['OAUTH_BAD_CREDENTIALS']],
    ['gigachat.exceptions.RateLimitError: retry after 5', ['API_RATE_LIMITED']],
    ['gigachat.exceptions.ForbiddenError', ['API_FORBIDDEN']],
    ['gigachat.exceptions.NotFoundError', ['API_NOT_FOUND', 'CHAT_MODEL_NOT_FOUND']],
    ['NotFoundError in client.chat(...)', ['CHAT_MODEL_NOT_FOUND']],
    ['gigachat.exceptions.BadRequestError', ['CHAT_INVALID_REQUEST']],
    ['gigachat.exceptions.UnprocessableEntityError', ['CHAT_INVALID_REQUEST']],
    ['gigachat.exceptions.ServerError', ['API_SERVER_ERROR']],
    ["gigachat.exceptions.ResponseError: ('https://gigachat.devices.sberbank.ru/api/v1/chat/completions', 402, b'...', Headers(...))", ['CHAT_PAYMENT_REQUIRED']],
    ["ResponseError: ('https://ngw.devices.sberbank.ru:9443/api/v2/oauth', 401, b'...')", ['OAUTH_BAD_CREDENTIALS']],
    ['Error: Request failed with status code 429', ['API_RATE_LIMITED']],
  ])('%s', (text, expected) => expect(codes(text)).toEqual(expected));

  it('a bare ResponseError asks for the status', () => {
    const e = explainText('gigachat.exceptions.ResponseError');
    expect(e.matches).toEqual([]);
    expect(e.hints).toEqual(['response-error-status']);
  });
});

describe('explain: nothing known', () => {
  it.each(['hello world', 'HTTP/1.1 200 OK', 'Permission denied (publickey).', "EACCES: permission denied, open '/etc/x'", ''])('%j → no match', (text) => {
    expect(explainText(text).matches).toEqual([]);
  });
});

describe('explain: every match renders in both languages', () => {
  const samples = [
    '{"code":7,"message":"scope from db not fully includes consumed scope"}', 'SELF_SIGNED_CERT_IN_CHAIN', 'Token has expired',
    'https://auth.api.cloud.yandex.net/oauth/token', 'api.gigachat.ru', 'ECONNREFUSED', 'ETIMEDOUT ngw.devices.sberbank.ru', 'ENOTFOUND',
    'TLSV13_ALERT_CERTIFICATE_REQUIRED', 'OAuth failed with status 400', 'AuthenticationError', 'No access token available', 'GIGACHAT_TOKEN',
    'Payment Required', 'No such model', '<title>404 Not Found</title>', '502 Bad Gateway', 'Proxy Authentication Required', 'verify=False',
  ];
  it.each(samples)('%s', (text) => {
    for (const m of explainText(text).matches) {
      for (const catalog of [en, ru]) {
        const entry = catalog.codes[m.code];
        expect(entry.summary(m.details).length).toBeGreaterThan(10);
        const steps = entry.remediation(m.details, remedyContext('posix'));
        expect(steps.length, `${m.code} has a remedy`).toBeGreaterThan(0);
        expect(steps.join('\n')).not.toMatch(/--insecure|verify=False|yandex|api\.gigachat\.ru\b/i);
      }
    }
  });
});

describe('explain never shows a secret it was given', () => {
  const key = Buffer.from('6f1d2c3b-4a5e-4f70-8a9b-0c1d2e3f4a5b:9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b').toString('base64');
  const jwe = `eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.${'x'.repeat(40)}.${'Ab1'.repeat(20)}.${'Cd2'.repeat(30)}.${'Ef3'.repeat(10)}`;
  it.each([
    `curl -H "Authorization: Basic ${key}" https://ngw.devices.sberbank.ru:9443/api/v2/oauth → {"code":7,"message":"scope from db not fully includes consumed scope"}`,
    `GIGACHAT_CREDENTIALS=${key} python app.py → SELF_SIGNED_CERT_IN_CHAIN`,
    `Authorization: Bearer ${jwe} → {"status":401,"message":"Token has expired"}`,
    `token=${jwe} Token has expired`,
    `HTTPS_PROXY=http://anna:s3cr3t-pa55@proxy:3128 ECONNREFUSED`,
    `client_secret: 9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b ECONNREFUSED`,
  ])('%#', (text) => {
    for (const m of explainText(text).matches) {
      const shown = excerpt(m);
      expect(shown).not.toContain(key.slice(0, 20));
      expect(shown).not.toContain('eyJhbGci');
      expect(shown).not.toContain('s3cr3t');
      expect(shown).not.toContain('9e8d7c6b-5a4f');
    }
  });
  it('scrubPasted: base64 of 40+ characters, eyJ tokens, Basic/Bearer values, UUIDs, password=…, URL userinfo', () => {
    expect(scrubPasted(`x ${key} y`)).toBe('x [REDACTED] y');
    expect(scrubPasted(`${jwe}`)).toBe('[REDACTED]');
    expect(scrubPasted('Authorization: Basic abcdef')).toBe('Authorization: Basic [REDACTED]');
    expect(scrubPasted('password=hunter2&x=1')).toBe('password=[REDACTED]&x=1');
    expect(scrubPasted('https://u:p@h/')).toBe('https://[REDACTED]@h/');
    expect(scrubPasted('RqUID 3f0c1a52-8a43-4d8e-9a7b-2f1c9d0e4b11')).toBe('RqUID [uuid]');
    expect(scrubPasted('File "/usr/lib/python3/dist-packages/urllib3/connectionpool.py", line 12')).toContain('/usr/lib/python3/dist-packages/urllib3/connectionpool.py');
    expect(scrubPasted('SELF_SIGNED_CERT_IN_CHAIN at /usr/lib/python3/dist-packages/urllib3/connectionpool.py')).toContain('connectionpool.py');
  });
  it('an excerpt is cut around the match, on its own line', () => {
    const text = `${'a '.repeat(200)}\nline two ${'b '.repeat(100)}SELF_SIGNED_CERT_IN_CHAIN${' c'.repeat(100)}\nline three`;
    const [m] = explainText(text).matches;
    const shown = excerpt(m, 80);
    expect(shown).toContain('SELF_SIGNED_CERT_IN_CHAIN');
    expect(shown.length).toBeLessThanOrEqual(82);
    expect(shown).not.toContain('line three');
  });
});

describe('findContext', () => {
  it.each([
    ['POST https://ngw.devices.sberbank.ru:9443/api/v2/oauth', 'oauth'],
    ['client.chat("hi")', 'chat'],
    ['GET /api/v1/models', 'models'],
    ['https://gigachat.devices.sberbank.ru/api/v1/balance', 'api'],
    ['nothing', null],
  ])('%s → %s', (text, ctx) => expect(findContext(text).context).toBe(ctx));
});
