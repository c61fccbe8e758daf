import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/** Proxies through the built CLI: a real CONNECT proxy on loopback, with and without a login, refusing, intercepting. */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChain, startMock, startProxy, type MockProxy, type MockServer } from '../../src/mock/index.js';
import { checkOf, expectNoSecrets, mockEnv, runCli } from './cli.js';

const PASSWORD = 'pr0xy-Secret-Pa55';
let mock: MockServer;
let open: MockProxy;
let authed: MockProxy;
let refusing: MockProxy;
let intercepting: MockProxy;
let closedPort: number;

beforeAll(async () => {
  [mock, open, authed, refusing, intercepting, closedPort] = await Promise.all([
    startMock(),
    startProxy(),
    startProxy({ auth: { user: 'dev', password: PASSWORD } }),
    startProxy({ refuseWith: 403 }),
    // A corporate TLS-inspecting proxy: its own root, a leaf for any loopback name.
    startProxy({ intercept: createChain({ rootName: 'Corp Proxy CA' }) }),
    freePort(),
  ]);
});
afterAll(() => Promise.all([mock, open, authed, refusing, intercepting].map((x) => x.close())));

/** A port nothing listens on: bound, then released. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function secretRequests(from: number) {
  return mock.requests.slice(from).filter((r) => String(r.headers.authorization ?? '').length > 0);
}

const steps = (c: { remediation: string[] }) => c.remediation.join('\n');
const authPort = () => Number(new URL(mock.authUrl).port);
const apiPort = () => Number(new URL(mock.baseUrl).port);

describe('through a proxy', () => {
  it('an open CONNECT proxy: dns resolves the proxy, tcp gets CONNECT 200, tls and the requests go through the tunnel', async () => {
    const before = open.connects.length;
    const run = await runCli(['--json', '--no-chat'], { env: mockEnv(mock, { HTTPS_PROXY: open.url }) });
    const report = run.json();
    expect(run.code).toBe(0);
    const dns = checkOf(report, 'dns');
    expect(dns).toMatchObject({ status: 'pass', code: 'DNS_OK', details: { resolvedByProxy: ['127.0.0.1'] } });
    expect(dns.details.routes).toEqual([
      expect.objectContaining({ which: 'auth', proxy: open.url, reason: 'proxy', variable: 'HTTPS_PROXY' }),
      expect.objectContaining({ which: 'api', proxy: open.url, reason: 'proxy', variable: 'HTTPS_PROXY' }),
    ]);
    expect(checkOf(report, 'tcp').details.targets).toEqual([
      expect.objectContaining({ port: authPort(), proxy: open.url, proxyStatus: 200 }),
      expect.objectContaining({ port: apiPort(), proxy: open.url, proxyStatus: 200 }),
    ]);
    expect(checkOf(report, 'tls')).toMatchObject({ status: 'pass', code: 'TLS_OK' });
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'pass', details: { http: { proxy: open.url } } });
    expect(checkOf(report, 'models').status).toBe('pass');
    const targets = open.connects.slice(before).map((c) => c.target);
    expect(targets).toContain(`127.0.0.1:${authPort()}`);
    expect(targets).toContain(`127.0.0.1:${apiPort()}`);
    expectNoSecrets(run, mock);
  });

  it('a proxy that wants a login, none given: PROXY_AUTH_REQUIRED at tcp; nothing reaches the stand-in; exit 1', async () => {
    const before = mock.requests.length;
    const run = await runCli(['--json'], { env: mockEnv(mock, { https_proxy: authed.url }) });
    const tcp = checkOf(run.json(), 'tcp');
    expect(tcp).toMatchObject({ status: 'fail', code: 'PROXY_AUTH_REQUIRED', details: { proxy: authed.url, scheme: 'Basic', credentialsSent: false } });
    expect(steps(tcp)).toContain(`HTTPS_PROXY='http://<user>:<password>@${new URL(authed.url).host}'`);
    expect(run.code).toBe(1);
    expect(secretRequests(before)).toEqual([]);
    expectNoSecrets(run, mock);
  });

  it('the login in the proxy URL: passes, and neither the password nor the user:password pair is printed', async () => {
    const run = await runCli(['--json', '--no-chat', '--verbose'], { env: mockEnv(mock, { HTTPS_PROXY: authed.urlWithAuth }) });
    const report = run.json();
    expect(run.code).toBe(0);
    expect(checkOf(report, 'tcp').details.targets).toEqual([
      expect.objectContaining({ proxy: authed.url, proxyStatus: 200 }),
      expect.objectContaining({ proxy: authed.url, proxyStatus: 200 }),
    ]);
    expect(report.environment.proxy).toBe(`HTTPS_PROXY=${authed.url}`);
    expect(run.stdout).not.toContain('dev:');
    expectNoSecrets(run, mock, [PASSWORD, `dev:${PASSWORD}`]);
    const human = await runCli(['--no-chat', '--verbose', '--no-color'], { env: mockEnv(mock, { HTTPS_PROXY: authed.urlWithAuth }) });
    expectNoSecrets(human, mock, [PASSWORD, `dev:${PASSWORD}`]);
  });

  it('a wrong proxy password: PROXY_AUTH_REQUIRED that says the login was refused', async () => {
    const wrong = authed.urlWithAuth.replace(encodeURIComponent(PASSWORD), 'not-the-password');
    const run = await runCli(['--json'], { env: mockEnv(mock, { HTTPS_PROXY: wrong }) });
    const tcp = checkOf(run.json(), 'tcp');
    expect(tcp).toMatchObject({ code: 'PROXY_AUTH_REQUIRED', details: { credentialsSent: true } });
    expect(tcp.summary).toMatch(/rejected the login/);
    expectNoSecrets(run, mock, ['not-the-password']);
  });

  it('an unreachable proxy: PROXY_UNREACHABLE naming the proxy; exit 1', async () => {
    const url = `http://127.0.0.1:${closedPort}`;
    const run = await runCli(['--json'], { env: mockEnv(mock, { HTTPS_PROXY: url }) });
    const tcp = checkOf(run.json(), 'tcp');
    expect(tcp).toMatchObject({ status: 'fail', code: 'PROXY_UNREACHABLE', details: { proxy: url, errno: 'ECONNREFUSED' } });
    expect(steps(tcp)).toContain('NO_PROXY');
    expect(run.code).toBe(1);
  });

  it('a proxy host that does not resolve: PROXY_UNREACHABLE at dns', async () => {
    const run = await runCli(['--json'], { env: mockEnv(mock, { HTTPS_PROXY: 'http://proxy.gigadoctor-test.invalid:3128' }) });
    expect(checkOf(run.json(), 'dns')).toMatchObject({ code: 'PROXY_UNREACHABLE', details: { stage: 'dns', errno: 'ENOTFOUND' } });
    expect(run.code).toBe(1);
  });

  it('a proxy that refuses CONNECT (403): PROXY_CONNECT_REFUSED with the status', async () => {
    const run = await runCli(['--json'], { env: mockEnv(mock, { HTTPS_PROXY: refusing.url }) });
    const tcp = checkOf(run.json(), 'tcp');
    expect(tcp).toMatchObject({ code: 'PROXY_CONNECT_REFUSED', details: { status: 403, target: `127.0.0.1:${authPort()}` } });
    expect(steps(tcp)).toContain('CONNECT');
    expect(run.code).toBe(1);
  });

  it('HTTPS_PROXY without a scheme: PROXY_INVALID_URL with the fixed value', async () => {
    const run = await runCli(['--json'], { env: mockEnv(mock, { HTTPS_PROXY: new URL(open.url).host }) });
    const dns = checkOf(run.json(), 'dns');
    expect(dns).toMatchObject({ code: 'PROXY_INVALID_URL', details: { reason: 'no-scheme', variable: 'HTTPS_PROXY' } });
    expect(steps(dns)).toContain(`HTTPS_PROXY=${open.url}`);
    expect(run.code).toBe(1);
  });

  it('a TLS-intercepting proxy: TLS_INTERCEPTED naming its root and the proxy; no request went into the interception', async () => {
    const before = mock.requests.length;
    const run = await runCli(['--json'], { env: mockEnv(mock, { HTTPS_PROXY: intercepting.url }) });
    const tls = checkOf(run.json(), 'tls');
    expect(tls).toMatchObject({ status: 'fail', code: 'TLS_INTERCEPTED', details: { issuer: 'Corp Proxy CA', proxy: intercepting.url, claimsRussianRoot: false } });
    expect(tls.summary).toContain('Corp Proxy CA');
    expect(steps(tls)).toContain('NODE_EXTRA_CA_CERTS');
    expect(intercepting.intercepted).toEqual([]);
    expect(secretRequests(before)).toEqual([]);
    expect(run.code).toBe(1);
    expectNoSecrets(run, mock);
  });
});

describe('NO_PROXY', () => {
  it('a matching entry sends the host around the proxy (which is dead here): everything passes, and the route says why', async () => {
    const run = await runCli(['--json', '--no-chat'], { env: mockEnv(mock, { HTTPS_PROXY: `http://127.0.0.1:${closedPort}`, no_proxy: 'example.org, 127.0.0.1' }) });
    const report = run.json();
    expect(run.code).toBe(0);
    expect(checkOf(report, 'dns').details.routes).toEqual([
      expect.objectContaining({ which: 'auth', proxy: null, reason: 'no-proxy-match', noProxyEntry: '127.0.0.1', variable: 'no_proxy' }),
      expect.objectContaining({ which: 'api', proxy: null, reason: 'no-proxy-match', noProxyEntry: '127.0.0.1' }),
    ]);
  });

  it('an entry with a port exempts only that port: the auth host goes direct, the API host into the dead proxy', async () => {
    const url = `http://127.0.0.1:${closedPort}`;
    const run = await runCli(['--json'], { env: mockEnv(mock, { HTTPS_PROXY: url, NO_PROXY: `127.0.0.1:${authPort()}` }) });
    const tcp = checkOf(run.json(), 'tcp');
    expect(tcp).toMatchObject({ code: 'PROXY_UNREACHABLE', details: { proxy: url, target: `127.0.0.1:${apiPort()}`, reachable: [`127.0.0.1:${authPort()}`] } });
    expect(run.code).toBe(1);
  });

  it('NO_PROXY=* bypasses every proxy', async () => {
    const run = await runCli(['--json', '--no-chat'], { env: mockEnv(mock, { HTTPS_PROXY: `http://127.0.0.1:${closedPort}`, NO_PROXY: '*' }) });
    expect(checkOf(run.json(), 'tcp').details.routes).toEqual([
      expect.objectContaining({ reason: 'no-proxy-wildcard', noProxyEntry: '*' }),
      expect.objectContaining({ reason: 'no-proxy-wildcard' }),
    ]);
    expect(run.code).toBe(0);
  });
});

describe('an https:// proxy with a private CA', () => {
  it('is verified with the run’s trust: --ca-file names its CA, and everything goes through it', async () => {
    const proxyChain = createChain({ rootName: 'Corp Proxy CA' });
    const secure = await startProxy({ tls: proxyChain });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'gd-https-proxy-'));
      const proxyCa = join(dir, 'corp-proxy-ca.pem');
      writeFileSync(proxyCa, proxyChain.caPem);
      const before = secure.connects.length;
      const run = await runCli(['--json', '--no-chat', '--ca-file', proxyCa], { env: mockEnv(mock, { HTTPS_PROXY: secure.url }) });
      expect(run.code).toBe(0);
      expect(checkOf(run.json(), 'oauth')).toMatchObject({ status: 'pass', details: { http: { proxy: secure.url } } });
      expect(secure.connects.length - before).toBeGreaterThan(0);
      expectNoSecrets(run, mock);

      // Without the proxy's CA the proxy itself is not trusted: a failed verdict, no request sent.
      const untrusted = await runCli(['--json', '--no-chat'], { env: mockEnv(mock, { HTTPS_PROXY: secure.url }) });
      expect(untrusted.code).toBe(1);
      expect(checkOf(untrusted.json(), 'tcp').status).toBe('fail');
      expectNoSecrets(untrusted, mock);
    } finally {
      await secure.close();
    }
  });
});
