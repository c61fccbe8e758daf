/**
 * Where secrets go, proved on the wire: the key only to the auth URL, the token only to the API
 * URL, only over verified https; known-wrong hosts refused before a single byte (a recording
 * proxy would see any connection); plain http refused; redirects reported and never followed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { checkOf, emptyDir, expectNoSecrets, mockEnv, runCli } from './cli.js';
import { expectGuarantees, startRecordingProxy, type RecordingProxy } from './hostile-kit.js';

let mock: MockServer;
let proxy: RecordingProxy;
beforeAll(async () => {
  [mock, proxy] = await Promise.all([startMock({ users: { user: 'alice', password: 'alice-password-123' } }), startRecordingProxy()]);
});
afterAll(() => Promise.all([mock.close(), proxy.close()]));

const YANDEX = 'https://auth.api.cloud.yandex.net/oauth/token';
const GIGACHAT_RU = 'https://api.gigachat.ru/core/api/v1';

/**
 * Runs with every request routed through the recording proxy (NO_PROXY unset) and with the
 * dns, tcp and tls checks skipped: nothing but the host policy stands between the key and the
 * host, so a connection the policy failed to stop would reach the proxy and be recorded.
 */
async function throughProxy(env: Record<string, string | undefined>, args: string[] = []) {
  const before = proxy.connections.length;
  const run = await runCli(['check', '--json', '--timeout', '2000', '--skip', 'dns,tcp,tls', ...args], {
    env: { GIGACHAT_CREDENTIALS: mock.credentials, HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: undefined, ...env },
  });
  expectGuarantees(run, { withinMs: 10_000 });
  expectNoSecrets(run, mock);
  return { run, report: run.json(), connections: proxy.connections.slice(before) };
}

describe('known-wrong hosts are refused before any byte is sent', () => {
  it('the control: a custom host does reach the proxy (so a zero below means something)', async () => {
    const { connections, report } = await throughProxy({ GIGACHAT_AUTH_URL: 'https://gigachat-gateway.example.test/api/v2/oauth' });
    expect(checkOf(report, 'endpoints')).toMatchObject({ status: 'warn', code: 'ENDPOINT_CUSTOM_HOST' });
    expect(connections.length).toBeGreaterThan(0);
    expect(connections[0].firstLine).toMatch(/^CONNECT gigachat-gateway\.example\.test:443 /);
  });

  it.each([
    ['the guide’s Yandex OAuth URL in GIGACHAT_AUTH_URL', { GIGACHAT_AUTH_URL: YANDEX }, []],
    ['the same via --auth-url', {}, ['--auth-url', YANDEX]],
    ['in capitals, with an explicit port', { GIGACHAT_AUTH_URL: 'https://AUTH.API.Cloud.Yandex.NET:443/oauth/token' }, []],
    ['behind a user-info that names the real host', { GIGACHAT_AUTH_URL: 'https://ngw.devices.sberbank.ru@auth.api.cloud.yandex.net/oauth/token' }, []],
    ['with blanks around it (as pasted)', { GIGACHAT_AUTH_URL: `  ${YANDEX}\t` }, []],
    ['api.gigachat.ru as the base URL', { GIGACHAT_BASE_URL: GIGACHAT_RU }, []],
    ['api.gigachat.ru with a ready access token', { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_ACCESS_TOKEN: `eyJhbGciOiJub25lIn0.${'a'.repeat(40)}.b`, GIGACHAT_BASE_URL: GIGACHAT_RU }, []],
  ])('%s: ENDPOINT_KNOWN_WRONG, zero connections', async (_name, env, args) => {
    const { report, connections, run } = await throughProxy(env as Record<string, string>, args as string[]);
    expect(checkOf(report, 'endpoints')).toMatchObject({ status: 'fail', code: 'ENDPOINT_KNOWN_WRONG' });
    expect(checkOf(report, 'oauth').status).toBe('skip');
    expect(checkOf(report, 'models').status).toBe('skip');
    expect(connections).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('the full run (dns, tcp and tls not skipped) makes no connection either', async () => {
    const before = proxy.connections.length;
    const run = await runCli(['check', '--json', '--timeout', '2000'], {
      env: { GIGACHAT_CREDENTIALS: mock.credentials, GIGACHAT_AUTH_URL: YANDEX, HTTPS_PROXY: proxy.url },
    });
    expectGuarantees(run, { withinMs: 10_000, codes: [1] });
    const report = run.json();
    for (const id of ['dns', 'tcp', 'tls', 'oauth', 'models', 'chat']) expect(checkOf(report, id)).toMatchObject({ status: 'skip', blockedBy: 'endpoints' });
    expect(proxy.connections.length).toBe(before);
  });

  // `new URL(...).hostname` keeps a trailing dot: the same host, fully qualified, must not slip past.
  it('the Yandex host written fully qualified (trailing dot) is refused too', async () => {
    const { report, connections } = await throughProxy({ GIGACHAT_AUTH_URL: 'https://auth.api.cloud.yandex.net./oauth/token' });
    expect(connections).toEqual([]);
    expect(checkOf(report, 'endpoints')).toMatchObject({ status: 'fail', code: 'ENDPOINT_KNOWN_WRONG' });
  });
});

describe('plain http with a credential is refused before any byte is sent', () => {
  it.each([
    ['the auth URL, with a key', { GIGACHAT_AUTH_URL: 'PLAIN/api/v2/oauth' }],
    ['the API URL, with a ready token', { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_ACCESS_TOKEN: `eyJhbGciOiJub25lIn0.${'a'.repeat(40)}.b`, GIGACHAT_BASE_URL: 'PLAIN/api/v1' }],
  ])('%s: ENDPOINT_NOT_HTTPS, the listener there sees nothing', async (_name, env) => {
    // The recording proxy doubles as a plain-http server here: it records anything that connects.
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v?.replace('PLAIN', proxy.url)]));
    const before = proxy.connections.length;
    const run = await runCli(['check', '--json', '--timeout', '2000'], { env: { GIGACHAT_CREDENTIALS: mock.credentials, ...resolved } });
    expectGuarantees(run, { withinMs: 10_000, codes: [1] });
    expect(checkOf(run.json(), 'endpoints')).toMatchObject({ status: 'fail', code: 'ENDPOINT_NOT_HTTPS' });
    expect(proxy.connections.length).toBe(before);
  });
});

describe('each secret goes to its own host only', () => {
  it('the key only to the auth URL, the token only to the API URL', async () => {
    mock.setScenario('ok');
    const before = mock.requests.length;
    const run = await runCli(['check', '--json'], { env: mockEnv(mock) });
    expectGuarantees(run, { withinMs: 10_000, codes: [0] });
    expectNoSecrets(run, mock);
    const reqs = mock.requests.slice(before);
    const token = mock.issuedTokens[mock.issuedTokens.length - 1];
    const auth = reqs.filter((r) => r.server === 'auth');
    const api = reqs.filter((r) => r.server === 'api');
    expect(auth).toHaveLength(1);
    expect(api.length).toBeGreaterThanOrEqual(1);
    expect(auth[0].headers.authorization).toBe(`Basic ${mock.credentials}`);
    for (const r of api) expect(r.headers.authorization).toBe(`Bearer ${token}`);
    const carries = (r: (typeof reqs)[number], secret: string) => JSON.stringify(r.headers).includes(secret) || r.body.includes(secret) || r.path.includes(secret);
    for (const r of api) for (const s of [mock.credentials, mock.clientId, mock.clientSecret]) expect(carries(r, s)).toBe(false);
    for (const r of auth) expect(carries(r, token)).toBe(false);
  });

  it('with a ready access token, the auth host gets nothing at all', async () => {
    mock.setScenario('ok');
    const token = mock.issuedTokens[mock.issuedTokens.length - 1];
    const before = mock.requests.length;
    const run = await runCli(['check', '--json'], { env: mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_ACCESS_TOKEN: token }) });
    expectGuarantees(run, { withinMs: 10_000, codes: [0] });
    expectNoSecrets(run, mock, [token]);
    const reqs = mock.requests.slice(before);
    expect(reqs.filter((r) => r.server === 'auth')).toEqual([]);
    for (const r of reqs) expect(r.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('user and password go to the API host’s /token only, never to the auth host', async () => {
    mock.setScenario('ok');
    const before = mock.requests.length;
    const run = await runCli(['check', '--json'], {
      env: mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_USER: 'alice', GIGACHAT_PASSWORD: 'alice-password-123' }),
    });
    expectGuarantees(run, { withinMs: 10_000 });
    expectNoSecrets(run, mock, ['alice-password-123']);
    const reqs = mock.requests.slice(before);
    expect(reqs.filter((r) => r.server === 'auth')).toEqual([]);
    const basic = reqs.filter((r) => /^Basic /.test(String(r.headers.authorization)));
    expect(basic.map((r) => r.path)).toEqual(['/api/v1/token']);
  });

  it('over TLS the run does not trust, nothing is sent: the key stays home', async () => {
    mock.setScenario('ok');
    const before = mock.requests.length;
    const run = await runCli(['check', '--json', '--timeout', '2000'], { env: { ...mockEnv(mock), NODE_EXTRA_CA_CERTS: undefined }, cwd: emptyDir() });
    expectGuarantees(run, { withinMs: 10_000, codes: [1] });
    const report = run.json();
    expect(checkOf(report, 'tls').status).toBe('fail');
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'skip', blockedBy: 'tls' });
    expect(mock.requests.length).toBe(before);
  });

  it('--insecure sends only with a loud warning in the report', async () => {
    mock.setScenario('ok');
    const run = await runCli(['check', '--json', '--insecure', '--no-chat'], { env: { ...mockEnv(mock), NODE_EXTRA_CA_CERTS: undefined } });
    expectGuarantees(run, { withinMs: 10_000 });
    expectNoSecrets(run, mock);
    expect(JSON.stringify(run.json())).toContain('TLS_VERIFICATION_DISABLED');
  });
});

describe('redirects are reported and never followed with credentials', () => {
  it.each([
    ['auth-redirect', 'oauth', 'OAUTH_REDIRECT'],
    ['redirect-api', 'models', 'API_REDIRECT'],
  ] as const)('%s: %s is %s with status and Location; nothing arrives under /__redirected', async (scenario, id, code) => {
    mock.setScenario(scenario);
    const before = mock.requests.length;
    const run = await runCli(['check', '--json', '--timeout', '2000'], { env: mockEnv(mock) });
    expectGuarantees(run, { withinMs: 10_000, codes: [1] });
    expectNoSecrets(run, mock);
    const check = checkOf(run.json(), id);
    expect(check).toMatchObject({ status: 'fail', code, details: { status: 302 } });
    expect(String(check.details.location)).toMatch(/^https:\/\/localhost:\d+\/__redirected\//);
    // Wait a moment: a follow-up request, had one been made, would have arrived by now.
    await new Promise((r) => setTimeout(r, 200));
    expect(mock.requests.slice(before).filter((r) => r.path.includes('/__redirected'))).toEqual([]);
    mock.setScenario('ok');
  });
});
