import { describe, it, expect } from 'vitest';
import { ALL_CODES, TRANSIENT_CODES, type Code } from '../../../src/catalog/codes.js';
import type { Catalog, Details, RemedyContext, Shell } from '../../../src/catalog/types.js';
import en from '../../../src/catalog/en.js';
import ru from '../../../src/catalog/ru.js';

// ---------- contexts ----------

function shellCtx(shell: Shell): RemedyContext {
  return {
    shell,
    setEnv(name, value) {
      if (shell === 'powershell') return `$env:${name} = "${value}"`;
      if (shell === 'cmd') return `set ${name}=${value}`;
      return `export ${name}='${value}'`;
    },
  };
}

const SHELLS: Shell[] = ['posix', 'powershell', 'cmd'];
const CTXS = SHELLS.map(shellCtx);

/** A ctx whose setEnv output is easy to find in the text. */
const fakeCtx: RemedyContext = { shell: 'posix', setEnv: (name, value) => `SETENV(${name}=${value})` };

// ---------- sample details ----------

const AUTH_URL = 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth';
const BASE_URL = 'https://gigachat.devices.sberbank.ru/api/v1';

const SAMPLE: Details = {
  variable: 'GIGACHAT_CREDENTIALS',
  source: '.env:3',
  length: 100,
  fingerprint: 'sha256:1a2b3c4d',
  kind: 'key',
  envFile: '.env',
  unofficial: ['GIGACHAT_API_KEY'],
  official: 'GIGACHAT_CREDENTIALS',
  winnerSource: 'env',
  fileSource: '.env:3',
  path: '/srv/app/ca.pem',
  reason: 'not-json',
  scope: 'GIGACHAT_API_PERS',
  model: 'GigaChat-2',
  placeholder: '<ваш_токен>',
  quote: '"',
  where: 'trailing',
  chars: ['newline', 'space'],
  position: 37,
  decodedLength: 73,
  segments: 3,
  suggestion: 'GigaChat-2',
  authUrl: AUTH_URL,
  baseUrl: BASE_URL,
  which: 'auth',
  url: AUTH_URL,
  host: 'ngw.devices.sberbank.ru',
  port: 9443,
  correct: AUTH_URL,
  expectedPath: '/api/v2/oauth',
  value: 'htp:/broken',
  hosts: [{ host: 'ngw.devices.sberbank.ru', addresses: ['194.54.14.131', '194.54.14.132'], ms: 12 }],
  timeoutMs: 10000,
  targets: [{ host: 'ngw.devices.sberbank.ru', port: 9443, ms: 40, issuer: 'Russian Trusted Sub CA', validTo: '2027-03-06T00:00:00Z' }],
  errno: 'SELF_SIGNED_CERT_IN_CHAIN',
  proxy: 'http://proxy.corp.example:3128',
  issuer: 'Russian Trusted Sub CA',
  caFile: null,
  certNames: ['*.corp.example', 'corp.example'],
  validTo: '2025-01-01T00:00:00Z',
  validFrom: '2030-01-01T00:00:00Z',
  message: 'scope from db not fully includes consumed scope',
  status: 400,
  code: 7,
  rqUid: '3f0c1a52-8a43-4d8e-9a7b-2f1c9d0e4b11',
  shape: 'access_token',
  expiresAt: '2026-11-20T12:30:00.000Z',
  expiresInSec: 1800,
  tokenLength: 1233,
  requestId: 'req-123',
  flow: 'key',
  otherScopes: ['GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'],
  bodyKind: 'html',
  expectedUrl: `${BASE_URL}/models`,
  location: 'https://login.corp.example/',
  retryAfter: 17,
  field: 'access_token',
  skewSec: 312,
  serverDate: 'Fri, 20 Nov 2026 12:05:12 GMT',
  localDate: 'Fri, 20 Nov 2026 12:00:00 GMT',
  count: 23,
  chatModels: ['GigaChat-2', 'GigaChat-2-Pro', 'GigaChat-2-Max'],
  tokenSource: 'oauth',
  modelVersion: 'GigaChat-2:2.0.28.2',
  finishReason: 'blacklist',
  promptTokens: 17,
  completionTokens: 1,
  totalTokens: 18,
  option: '--no-chat',
  blockedBy: 'oauth',
  deadlineMs: 60000,
};

/** Per-code values that make the sample realistic for that code. */
const OVERRIDES: Partial<Record<Code, Details>> = {
  CREDENTIALS_UNOFFICIAL_NAME: { variable: 'GIGACHAT_TOKEN', official: 'GIGACHAT_CREDENTIALS' },
  ACCESS_TOKEN_IS_KEY: { variable: 'GIGACHAT_ACCESS_TOKEN', source: 'env' },
  ACCESS_TOKEN_MALFORMED: { variable: 'GIGACHAT_ACCESS_TOKEN', length: 40 },
  ACCESS_TOKEN_PROVIDED: { variable: 'GIGACHAT_ACCESS_TOKEN' },
  SCOPE_INVALID: { variable: 'GIGACHAT_SCOPE', scope: 'GIGACHAT_API_PER', suggestion: 'GIGACHAT_API_PERS', source: 'env' },
  MODEL_NAME_SUSPICIOUS: { model: 'gigachat-2', suggestion: 'GigaChat-2' },
  ENDPOINT_CUSTOM_HOST: { which: 'api', variable: 'GIGACHAT_BASE_URL', url: 'https://llm-gw.corp.example/v1', host: 'llm-gw.corp.example' },
  ENDPOINT_KNOWN_WRONG: { which: 'auth', variable: 'GIGACHAT_AUTH_URL', url: 'https://wrong.example.org/oauth/token', host: 'wrong.example.org' },
  ENDPOINT_NOT_HTTPS: { which: 'api', variable: 'GIGACHAT_BASE_URL', url: 'http://gigachat.devices.sberbank.ru/api/v1' },
  ENDPOINT_BAD_PATH: { which: 'auth', variable: 'GIGACHAT_AUTH_URL', url: 'https://ngw.devices.sberbank.ru:9443/', path: '/', suggestion: AUTH_URL },
  ENDPOINT_INVALID_URL: { which: 'auth', variable: '--auth-url' },
  ENDPOINT_MODEL_HOST: { model: 'GigaChat-3-Ultra', host: 'gigachat.devices.sberbank.ru', suggestion: 'https://api.giga.chat/v1' },
  TLS_VERIFICATION_DISABLED: { reason: 'GIGACHAT_VERIFY_SSL_CERTS' },
  TLS_INTERCEPTED: { issuer: 'Kaspersky Anti-Virus Personal Root Certificate' },
  CA_FILE_INVALID: { variable: 'GIGACHAT_CA_BUNDLE_FILE', reason: 'der' },
  OAUTH_BAD_CREDENTIALS: { status: 401, code: 6, message: "credentials doesn't match db data" },
  OAUTH_UNDECODABLE_CREDENTIALS: { status: 400, code: 4, message: "Can't decode 'Authorization' header" },
  OAUTH_SCOPE_INVALID: { status: 400, code: 1, message: 'scope data format invalid', scope: 'GIGACHAT_API_PER' },
  OAUTH_FORBIDDEN: { status: 403, url: 'https://ngw.devices.sberbank.ru:9443/', message: 'Forbidden' },
  OAUTH_NOT_FOUND: { status: 404, expectedUrl: AUTH_URL },
  OAUTH_RATE_LIMITED: { status: 429 },
  OAUTH_SERVER_ERROR: { status: 502 },
  API_TOKEN_EXPIRED: { status: 401, message: 'Token has expired', tokenSource: 'GIGACHAT_ACCESS_TOKEN', url: `${BASE_URL}/models` },
  API_TOKEN_REJECTED: { status: 401, message: 'Unauthorized', url: `${BASE_URL}/models` },
  API_RATE_LIMITED: { status: 429, url: `${BASE_URL}/models` },
  API_SERVER_ERROR: { status: 503, url: `${BASE_URL}/models` },
  MODEL_NOT_AVAILABLE: { model: 'gigachat-2', suggestion: 'GigaChat-2' },
  MODEL_DEPRECATED: { model: 'GigaChat-Pro', suggestion: 'GigaChat-2-Pro' },
  CHAT_PAYMENT_REQUIRED: { status: 402, message: 'Payment Required', url: `${BASE_URL}/chat/completions` },
  CHAT_MODEL_NOT_FOUND: { status: 404, message: 'No such model', model: 'GigaChat-3-Ultra' },
  CHAT_RATE_LIMITED: { status: 429, url: `${BASE_URL}/chat/completions` },
};

const sampleFor = (code: Code): Details => ({ ...SAMPLE, ...(OVERRIDES[code] ?? {}) });

/** Every key set to a value of the wrong type: the text must still render. */
const HOSTILE: Details = Object.fromEntries(
  Object.keys(SAMPLE).map((k, i) => [k, [{}, [], 0, '', NaN, { nested: true }, ['a', 1, null], true][i % 8]]),
);

// ---------- errata ----------

const ERRATA_STRINGS = [
  'auth.api.cloud.yandex.net',
  'api.gigachat.ru',
  'grant_type=client_credentials',
  'client_id=',
  'verify=false',
  '--insecure',
  'node_tls_reject_unauthorized',
  'rejectunauthorized: false',
  'rejectunauthorized:false',
  'verify_ssl_certs=false',
  'console.gigachat.ai',
  'gigachat.ai/docs',
  'support@gigachat.ai',
  'gigachat.ai',
  '100+',
];
const ERRATA_PATTERNS: RegExp[] = [
  /\bcurl\b[^\n]*\s-k\b/i, // curl -k as a "fix"
  /\bGIGACHAT_TOKEN\s*=/, // GIGACHAT_TOKEN being set as if it were the right variable
  /SETENV\(GIGACHAT_TOKEN=/,
  /\$env:GIGACHAT_TOKEN\b/,
];

function errataIn(text: string): string[] {
  const lower = text.toLowerCase();
  return [
    ...ERRATA_STRINGS.filter((s) => lower.includes(s)),
    ...ERRATA_PATTERNS.filter((re) => re.test(text)).map(String),
  ];
}

// ---------- helpers ----------

const CATALOGS: Array<[string, Catalog]> = [
  ['en', en],
  ['ru', ru],
];

const PASS_LIKE = new Set<Code>(['ENDPOINTS_OFFICIAL', 'ACCESS_TOKEN_PROVIDED', 'SKIPPED_BY_OPTION', 'BLOCKED']);
const isPassLike = (code: Code): boolean => code.endsWith('_OK') || code.endsWith('_FOUND') || PASS_LIKE.has(code);

function render(cat: Catalog, code: Code, d: Details, ctx: RemedyContext): { summary: string; steps: string[]; all: string } {
  const entry = cat.codes[code];
  const summary = entry.summary(d);
  const steps = entry.remediation(d, ctx);
  return { summary, steps, all: [entry.title, summary, ...steps].join('\n') };
}

// ---------- tests ----------

describe('catalogue check titles', () => {
  it('has the English titles from the brief', () => {
    expect(en.checks).toEqual({
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
    });
  });
  it('has a non-empty Russian title for every check', () => {
    expect(Object.keys(ru.checks).sort()).toEqual(Object.keys(en.checks).sort());
    for (const title of Object.values(ru.checks)) expect(title.trim()).not.toBe('');
    expect(ru.lang).toBe('ru');
    expect(en.lang).toBe('en');
  });
});

describe.each(CATALOGS)('%s catalogue', (_lang, cat) => {
  it('has an entry for every code and nothing else', () => {
    expect(Object.keys(cat.codes).sort()).toEqual([...ALL_CODES].sort());
  });

  it.each(ALL_CODES)('%s renders with empty, sample and hostile details', (code) => {
    const entry = cat.codes[code];
    expect(entry.title.trim()).not.toBe('');
    for (const d of [{}, sampleFor(code), HOSTILE]) {
      for (const ctx of [...CTXS, fakeCtx]) {
        const { summary, steps } = render(cat, code, d, ctx);
        expect(typeof summary).toBe('string');
        expect(summary.trim()).not.toBe('');
        expect(summary).not.toMatch(/\n/);
        expect(Array.isArray(steps)).toBe(true);
        expect(steps.length).toBeLessThanOrEqual(4);
        for (const s of steps) {
          expect(typeof s).toBe('string');
          expect(s.trim()).not.toBe('');
        }
      }
    }
  });

  it.each(ALL_CODES)('%s never prints undefined/null/[object Object] for missing details', (code) => {
    for (const d of [{}, sampleFor(code)]) {
      for (const ctx of CTXS) {
        const { all } = render(cat, code, d, ctx);
        expect(all).not.toMatch(/\bundefined\b|\bnull\b|\[object Object\]|\bNaN\b/);
      }
    }
  });

  it.each(ALL_CODES)('%s contains none of the guide errata', (code) => {
    for (const d of [{}, sampleFor(code)]) {
      for (const ctx of [...CTXS, fakeCtx]) {
        const { all } = render(cat, code, d, ctx);
        expect(errataIn(all), all).toEqual([]);
      }
    }
  });

  it.each(ALL_CODES.filter((c) => !isPassLike(c)))('%s (a failure) has at least one remediation step', (code) => {
    for (const d of [{}, sampleFor(code)]) {
      for (const ctx of CTXS) expect(render(cat, code, d, ctx).steps.length).toBeGreaterThan(0);
    }
  });

  it('CREDENTIALS_MISSING remediation names GIGACHAT_CREDENTIALS', () => {
    for (const ctx of CTXS) {
      const steps = cat.codes.CREDENTIALS_MISSING.remediation({ envFile: '.env', unofficial: [] }, ctx).join('\n');
      expect(steps).toContain('GIGACHAT_CREDENTIALS');
      expect(cat.codes.CREDENTIALS_MISSING.remediation({}, ctx).join('\n')).toContain('GIGACHAT_CREDENTIALS');
    }
  });

  it('OAUTH_SCOPE_MISMATCH names GIGACHAT_SCOPE and sets it through ctx.setEnv', () => {
    const d = sampleFor('OAUTH_SCOPE_MISMATCH');
    const { all } = render(cat, 'OAUTH_SCOPE_MISMATCH', d, fakeCtx);
    expect(all).toContain('GIGACHAT_SCOPE');
    expect(all).toContain('SETENV(GIGACHAT_SCOPE=GIGACHAT_API_B2B)');
    expect(all).toContain('SETENV(GIGACHAT_SCOPE=GIGACHAT_API_CORP)');
    // without otherScopes it still offers the two scopes that were not tried
    const bare = render(cat, 'OAUTH_SCOPE_MISMATCH', { scope: 'GIGACHAT_API_B2B' }, fakeCtx).all;
    expect(bare).toContain('SETENV(GIGACHAT_SCOPE=GIGACHAT_API_PERS)');
    expect(bare).not.toContain('SETENV(GIGACHAT_SCOPE=GIGACHAT_API_B2B)');
  });

  it('TLS_UNTRUSTED_ROOT names NODE_EXTRA_CA_CERTS, the official page and the fingerprint', () => {
    for (const ctx of CTXS) {
      const { all } = render(cat, 'TLS_UNTRUSTED_ROOT', sampleFor('TLS_UNTRUSTED_ROOT'), ctx);
      expect(all).toContain('NODE_EXTRA_CA_CERTS');
      expect(all).toContain('https://www.gosuslugi.ru/crt');
      expect(all).toContain('D2:6D:2D:02');
      expect(all).toContain('CF:31');
    }
    expect(render(cat, 'TLS_UNTRUSTED_ROOT', {}, fakeCtx).all).toContain('SETENV(NODE_EXTRA_CA_CERTS=');
  });

  it('CREDENTIALS_SHADOWED prints the ctx.setEnv command and names the .env line', () => {
    const { summary, all } = render(cat, 'CREDENTIALS_SHADOWED', sampleFor('CREDENTIALS_SHADOWED'), fakeCtx);
    expect(summary).toContain('.env:3');
    expect(all).toContain('SETENV(GIGACHAT_CREDENTIALS=');
  });

  it('CREDENTIALS_UNOFFICIAL_NAME renames to the official variable, never sets the unofficial one', () => {
    const d = sampleFor('CREDENTIALS_UNOFFICIAL_NAME');
    const inFile = render(cat, 'CREDENTIALS_UNOFFICIAL_NAME', d, fakeCtx).all;
    expect(inFile).toContain('GIGACHAT_TOKEN');
    expect(inFile).toContain('GIGACHAT_CREDENTIALS');
    const inEnv = render(cat, 'CREDENTIALS_UNOFFICIAL_NAME', { ...d, source: 'env' }, fakeCtx).all;
    expect(inEnv).toContain('SETENV(GIGACHAT_CREDENTIALS=');
    expect(inEnv).not.toContain('SETENV(GIGACHAT_TOKEN=');
  });

  it('a format finding in an unofficial variable is fixed under the official name', () => {
    for (const code of ['CREDENTIALS_QUOTED', 'CREDENTIALS_WHITESPACE', 'CREDENTIALS_TRUNCATED'] as const) {
      const inEnv = render(cat, code, { variable: 'GIGACHAT_TOKEN', source: 'env', quote: '"' }, fakeCtx).steps.join('\n');
      expect(inEnv, code).toContain('SETENV(GIGACHAT_CREDENTIALS=');
      expect(errataIn(inEnv), code).toEqual([]);
      const inFile = render(cat, code, { variable: 'GIGACHAT_TOKEN', source: '.env:2', quote: '"' }, fakeCtx).steps.join('\n');
      expect(inFile, code).toContain('GIGACHAT_CREDENTIALS=<');
      expect(errataIn(inFile), code).toEqual([]);
    }
  });

  it('with the official variable set too, an unofficial one is said to be ignored, not to be set', () => {
    const d = { variable: 'GIGACHAT_API_KEY', official: 'GIGACHAT_CREDENTIALS', source: 'env', inUse: 'GIGACHAT_CREDENTIALS' };
    const { summary, steps } = render(cat, 'CREDENTIALS_UNOFFICIAL_NAME', d, fakeCtx);
    expect(summary).toMatch(cat.lang === 'ru' ? /GIGACHAT_API_KEY.* не используется: задана и GIGACHAT_CREDENTIALS, берётся она/ : /GIGACHAT_API_KEY.* is ignored: GIGACHAT_CREDENTIALS is set too and is the one used/);
    expect(steps.join('\n')).toContain('unset GIGACHAT_API_KEY');
    expect(steps.join('\n')).not.toContain('SETENV(GIGACHAT_CREDENTIALS=');
    const inFile = render(cat, 'CREDENTIALS_UNOFFICIAL_NAME', { ...d, source: '.env:4' }, fakeCtx).steps.join('\n');
    expect(inFile).toContain('.env:4');
    expect(inFile).not.toContain('unset GIGACHAT_API_KEY');
  });

  it('a setting other than the key shadowed by the environment is not described as a key', () => {
    const credential = { variable: 'GIGACHAT_CREDENTIALS', source: 'env', length: 100, fingerprint: '1a2b3c4d', kind: 'key' };
    const d = { variable: 'GIGACHAT_SCOPE', winnerSource: 'env', fileSource: '.env:1', envFile: '/app/.env', credential };
    const { all } = render(cat, 'CREDENTIALS_SHADOWED', d, fakeCtx);
    expect(all).not.toContain(render(cat, 'CREDENTIALS_MISSING', {}, fakeCtx).all.match(/<[^>]+Studio>/)![0]);
    expect(all).not.toMatch(/1a2b3c4d|\b100\b/);
    expect(all).toMatch(/SETENV\(GIGACHAT_SCOPE=<[^>]+>\)/);
    expect(all).toContain('GIGACHAT_API_CORP');
    const other = render(cat, 'CREDENTIALS_SHADOWED', { ...d, variable: 'GIGACHAT_MODEL' }, fakeCtx).all;
    expect(other).toMatch(/SETENV\(GIGACHAT_MODEL=<[^>]+>\)/);
    expect(other).not.toContain('Studio');
  });

  it('summaries are exact: variable, source, host:port, status, scope', () => {
    expect(cat.codes.CREDENTIALS_EMPTY.summary({ variable: 'GIGACHAT_CREDENTIALS', source: '.env:7' })).toContain('.env:7');
    expect(cat.codes.TCP_TIMEOUT.summary({ host: 'ngw.devices.sberbank.ru', port: 9443, timeoutMs: 10000 })).toContain(
      'ngw.devices.sberbank.ru:9443',
    );
    expect(cat.codes.OAUTH_SCOPE_MISMATCH.summary(sampleFor('OAUTH_SCOPE_MISMATCH'))).toContain('GIGACHAT_API_PERS');
    expect(cat.codes.OAUTH_BAD_CREDENTIALS.summary(sampleFor('OAUTH_BAD_CREDENTIALS'))).toContain('401');
    expect(cat.codes.BLOCKED.summary({ blockedBy: 'oauth' })).toContain('oauth');
    expect(cat.codes.TLS_INTERCEPTED.summary(sampleFor('TLS_INTERCEPTED'))).toContain('Kaspersky');
    expect(cat.codes.TLS_INTERCEPTED.remediation(sampleFor('TLS_INTERCEPTED'), fakeCtx).join('\n')).toContain(
      'SETENV(NODE_EXTRA_CA_CERTS=',
    );
  });

  it('port 9443 timeouts point at a firewall or VPN', () => {
    const text = render(cat, 'TCP_TIMEOUT', { host: 'ngw.devices.sberbank.ru', port: 9443 }, fakeCtx).all;
    expect(text).toContain('9443');
    expect(text).toMatch(/VPN/);
    expect(text).toContain('HTTPS_PROXY');
  });

  it('transient codes say the failure may pass on retry', () => {
    const retryWord = cat.lang === 'ru' ? /повтор/i : /retry/i;
    for (const code of TRANSIENT_CODES) {
      expect(cat.codes[code].summary(sampleFor(code)), code).toMatch(retryWord);
      expect(cat.codes[code].summary({}), code).toMatch(retryWord);
    }
  });

  it('a failure that exits 1 (not transient) does not promise that a retry may pass', () => {
    const retry = cat.lang === 'ru' ? /при повторном запуске может пройти/ : /may pass on retry/;
    const runAgain = cat.lang === 'ru' ? 'Запустите ещё раз' : 'Run again';
    for (const code of ALL_CODES.filter((c) => !TRANSIENT_CODES.has(c))) {
      const { summary, steps } = render(cat, code, sampleFor(code), fakeCtx);
      expect(summary, code).not.toMatch(retry);
      expect(steps, code).not.toContain(runAgain);
    }
  });

  it("a remedy that sets a proxy variable says Node's fetch needs NODE_USE_ENV_PROXY=1 to read it", () => {
    let setsProxy = 0;
    for (const code of ALL_CODES) {
      const proxyVariable = code === 'PROXY_INVALID_URL' ? [{ variable: 'HTTP_PROXY', reason: 'no-scheme', value: 'proxy:3128' }] : [];
      for (const d of [sampleFor(code), {}, ...proxyVariable]) {
        const steps = render(cat, code, d, fakeCtx).steps.join('\n');
        if (!/SETENV\((HTTPS?_PROXY|https?_proxy)=/.test(steps)) continue;
        setsProxy++;
        expect(steps, code).toContain('SETENV(NODE_USE_ENV_PROXY=1)');
      }
    }
    expect(setsProxy).toBeGreaterThan(10);
  });

  it('no openssl in a PowerShell or cmd remedy: certutil, curl.exe and node do its jobs there', () => {
    const reasons = ['der', 'missing', 'not-pem', 'key-mismatch', 'unusable', 'double-base64'];
    for (const code of ALL_CODES) {
      const variants = [sampleFor(code), {}, ...reasons.map((reason) => ({ ...sampleFor(code), reason })), { ...sampleFor(code), reason: 'der', which: 'key' }];
      for (const shell of ['powershell', 'cmd'] as const) {
        for (const d of variants) expect(render(cat, code, d, shellCtx(shell)).steps.join('\n'), `${code} ${shell}`).not.toMatch(/\bopenssl\b/i);
      }
    }
    const der = (shell: Shell, which: string) =>
      render(cat, 'CLIENT_CERT_INVALID', { which, reason: 'der', path: 'C:\\certs\\client.der' }, shellCtx(shell)).steps.join('\n');
    expect(der('powershell', 'cert')).toContain("certutil -encode 'C:\\certs\\client.der' client.crt");
    expect(der('cmd', 'key')).toMatch(/node -e "[^"]+" "C:\\certs\\client\.der" client\.key/);
    expect(der('posix', 'cert')).toContain('openssl x509 -inform der');
    expect(render(cat, 'CA_FILE_INVALID', { reason: 'der', path: 'ca.der' }, shellCtx('cmd')).steps.join('\n')).toContain('certutil -encode ca.der');
    expect(render(cat, 'TLS_HANDSHAKE_FAILED', { host: 'gigachat.devices.sberbank.ru', port: 443 }, shellCtx('powershell')).steps.join('\n'))
      .toContain('curl.exe -v https://gigachat.devices.sberbank.ru:443/');
  });

  it('a remedy that runs gigadoctor names it as the user ran it', () => {
    const npx: RemedyContext = { ...fakeCtx, self: 'npx gigadoctor' };
    let named = 0;
    for (const code of ALL_CODES) {
      const variants = [sampleFor(code), {}, { ...sampleFor(code), variable: '--ca-file' }, { ...sampleFor(code), reason: 'unreadable' }, { reason: 'no-python-project' }];
      for (const d of variants) {
        const steps = render(cat, code, d, npx).steps.join('\n');
        expect(steps.replace(/npx gigadoctor/g, ''), code).not.toMatch(/\bgigadoctor (ca|check|--)/);
        if (steps.includes('npx gigadoctor')) named++;
      }
    }
    expect(named).toBeGreaterThan(20);
    expect(render(cat, 'CA_FILE_INVALID', { variable: '--ca-file', reason: 'der' }, npx).all).toContain('npx gigadoctor --ca-file /path/to/');
    expect(render(cat, 'ENV_FILE_UNREADABLE', { path: '/app/.env' }, npx).all).toMatch(/npx gigadoctor --dotenv <[^>]+>.*npx gigadoctor --no-dotenv/);
  });

  it('rate-limit codes quote Retry-After when present', () => {
    for (const code of ['OAUTH_RATE_LIMITED', 'API_RATE_LIMITED', 'CHAT_RATE_LIMITED'] as const) {
      const { summary, steps } = render(cat, code, { status: 429, retryAfter: 17 }, fakeCtx);
      expect(summary).toContain('17');
      expect(steps.join('\n')).toContain('17');
      expect(render(cat, code, { status: 429, retryAfter: null }, fakeCtx).summary).not.toContain('null');
    }
  });

  it('proxy codes mention HTTPS_PROXY and NO_PROXY and never invent a password', () => {
    for (const code of ['PROXY_UNREACHABLE', 'PROXY_AUTH_REQUIRED'] as const) {
      const { all } = render(cat, code, { proxy: 'http://proxy.corp.example:3128' }, fakeCtx);
      expect(all).toContain('HTTPS_PROXY');
      expect(all).toContain('NO_PROXY');
    }
    const auth = render(cat, 'PROXY_AUTH_REQUIRED', { proxy: 'http://proxy.corp.example:3128' }, fakeCtx).all;
    expect(auth).toMatch(/SETENV\(HTTPS_PROXY=http:\/\/<[^>]+>:<[^>]+>@proxy\.corp\.example:3128\)/);
  });

  it('a known-wrong host is never recommended, only replaced by the official URL', () => {
    const d = { which: 'auth', variable: 'GIGACHAT_AUTH_URL', host: 'auth.api.cloud.yandex.net', url: 'https://auth.api.cloud.yandex.net/oauth/token', correct: AUTH_URL };
    const steps = cat.codes.ENDPOINT_KNOWN_WRONG.remediation(d, fakeCtx).join('\n');
    expect(errataIn(steps)).toEqual([]);
    expect(steps).toContain(`SETENV(GIGACHAT_AUTH_URL=${AUTH_URL})`);
  });

  it('a flag-named endpoint setting is fixed through its environment variable', () => {
    const steps = cat.codes.ENDPOINT_INVALID_URL.remediation({ which: 'api', variable: '--base-url', value: 'x' }, fakeCtx).join('\n');
    expect(steps).toContain(`SETENV(GIGACHAT_BASE_URL=${BASE_URL})`);
    expect(steps).not.toContain('SETENV(--');
  });

  it('TLS_VERIFICATION_DISABLED remedies never suggest turning verification off', () => {
    for (const reason of ['--insecure', 'GIGACHAT_VERIFY_SSL_CERTS']) {
      for (const ctx of CTXS) {
        const steps = cat.codes.TLS_VERIFICATION_DISABLED.remediation({ reason }, ctx).join('\n');
        expect(errataIn(steps)).toEqual([]);
        expect(steps).toContain('NODE_EXTRA_CA_CERTS');
      }
    }
  });

  it('the key variable is described as Base64 of ClientID:ClientSecret, never as an eyJ token', () => {
    const text = render(cat, 'CREDENTIALS_MISSING', {}, fakeCtx).all;
    expect(text).toContain('ClientID:ClientSecret');
    expect(text).not.toMatch(/eyJ/);
  });

  it('remedies use the shell of the context', () => {
    const ps = render(cat, 'CREDENTIALS_SHADOWED', sampleFor('CREDENTIALS_SHADOWED'), shellCtx('powershell')).all;
    expect(ps).toContain('Remove-Item Env:GIGACHAT_CREDENTIALS');
    expect(ps).toContain('$env:GIGACHAT_CREDENTIALS = "');
    const sh = render(cat, 'CREDENTIALS_SHADOWED', sampleFor('CREDENTIALS_SHADOWED'), shellCtx('posix')).all;
    expect(sh).toContain('unset GIGACHAT_CREDENTIALS');
    const winStore = render(cat, 'TLS_UNTRUSTED_ROOT', {}, shellCtx('cmd')).all;
    expect(winStore).toContain('certutil -addstore Root');
    const nixStore = render(cat, 'TLS_UNTRUSTED_ROOT', {}, shellCtx('posix')).all;
    expect(nixStore).toContain('update-ca-certificates');
  });

  it('no secret-looking value is invented: placeholders only', () => {
    for (const code of ALL_CODES) {
      const { all } = render(cat, code, sampleFor(code), fakeCtx);
      // a real key is ~100 chars of Base64; a real token starts with the JWE header
      expect(all, code).not.toMatch(/[A-Za-z0-9+/]{60,}={0,2}/);
      expect(all, code).not.toMatch(/eyJlbmMi/);
    }
  });
});

describe('ru text is Russian', () => {
  it.each(ALL_CODES)('%s has a Cyrillic title and summary', (code) => {
    expect(ru.codes[code].title).toMatch(/[А-Яа-яЁё]/);
    expect(ru.codes[code].summary(sampleFor(code))).toMatch(/[А-Яа-яЁё]/);
  });
});

describe('the OAuth host is named with its own port', () => {
  // A finding that names the OAuth host but no port (or no host at all) must not send the user to 443.
  const AUTH_HOST = 'ngw.devices.sberbank.ru';
  const wrong = new RegExp(`${AUTH_HOST.replace(/\./g, '\\.')}(:| -Port | )443\\b`);
  it.each(CATALOGS)('%s', (_lang, cat) => {
    for (const code of ALL_CODES) {
      for (const details of [{ host: AUTH_HOST }, {}]) {
        for (const ctx of CTXS) {
          const text = [cat.codes[code].summary(details), ...cat.codes[code].remediation(details, ctx)].join('\n');
          expect(text, code).not.toMatch(wrong);
        }
      }
    }
    const tcp = cat.codes.TCP_REFUSED.remediation({ host: AUTH_HOST }, shellCtx('posix')).join('\n');
    expect(tcp).toContain(`nc -vz -w 5 ${AUTH_HOST} 9443`);
  });
});

describe('remedies written once, phrases per language', () => {
  it('both phrase tables have the same messages, and a title for every remedy', async () => {
    const { phrases: enPhrases } = await import('../../../src/catalog/phrases/en.js');
    const { phrases: ruPhrases } = await import('../../../src/catalog/phrases/ru.js');
    const { REMEDIES } = await import('../../../src/catalog/remedies/index.js');
    expect(Object.keys(ruPhrases.say).sort()).toEqual(Object.keys(enPhrases.say).sort());
    const remedies = Object.keys(REMEDIES).sort();
    expect(Object.keys(enPhrases.titles).sort()).toEqual(remedies);
    expect(Object.keys(ruPhrases.titles).sort()).toEqual(remedies);
  });
});
