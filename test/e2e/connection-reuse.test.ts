/**
 * One handshake per host for the whole run (issue 6): the tls check's verified connection carries
 * the requests after it, and the requests share one keep-alive connection per host. Counted on
 * the stand-in's side, through the built CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, startProxy, type MockProxy, type MockServer } from '../../src/mock/index.js';
import { createProbe } from '../../src/probe/http.js';
import { checkOf, expectNoSecrets, mockEnv, runCli } from './cli.js';

let mock: MockServer;
let proxy: MockProxy;
let authed: MockProxy;

beforeAll(async () => {
  [mock, proxy, authed] = await Promise.all([startMock(), startProxy(), startProxy({ auth: { user: 'dev', password: 'pr0xy-Pa55' } })]);
});
afterAll(() => Promise.all([mock.close(), proxy.close(), authed.close()]));

/** Handshakes and requests made by one run, and the run. */
async function counted(args: string[], extra: Record<string, string> = {}) {
  const before = { ...mock.handshakes };
  const requestsBefore = mock.requests.length;
  const run = await runCli(args, { env: mockEnv(mock, extra) });
  return {
    run,
    handshakes: { auth: mock.handshakes.auth - before.auth, api: mock.handshakes.api - before.api },
    requests: mock.requests.slice(requestsBefore).map((r) => `${r.method} ${r.path}`),
  };
}

// Sequential: the counters belong to one shared stand-in.
describe('connections a passing check makes', () => {
  it('a full check: one TLS handshake per host, the tls check\'s, and one request per step', async () => {
    const { run, handshakes, requests } = await counted(['--json']);
    expect(run.code).toBe(0);
    const report = run.json();
    expect(checkOf(report, 'tls').status).toBe('pass');
    expect(checkOf(report, 'chat').status).toBe('pass');
    expect(handshakes).toEqual({ auth: 1, api: 1 });
    expect(requests).toEqual(['POST /api/v2/oauth', 'GET /api/v1/models', 'POST /api/v1/chat/completions']);
    expectNoSecrets(run, mock);
  });

  it('without the tls check the requests still share one connection per host', async () => {
    const { run, handshakes, requests } = await counted(['--json', '--skip', 'tls']);
    expect(run.code).toBe(0);
    expect(handshakes).toEqual({ auth: 1, api: 1 });
    expect(requests).toHaveLength(3);
    expectNoSecrets(run, mock);
  });

  it('--insecure: the verified connection of the tls check is still the one the requests use', async () => {
    const { run, handshakes } = await counted(['--json', '--insecure']);
    expect(checkOf(run.json(), 'chat').status).toBe('pass');
    expect(handshakes).toEqual({ auth: 1, api: 1 });
    expectNoSecrets(run, mock);
  });

  it('through a proxy: the tcp check\'s tunnel and the tls check\'s, which the requests then use', async () => {
    const connects = proxy.connects.length;
    const { run, handshakes } = await counted(['--json'], { HTTPS_PROXY: proxy.url });
    expect(run.code).toBe(0);
    expect(checkOf(run.json(), 'oauth')).toMatchObject({ status: 'pass', details: { http: { proxy: proxy.url } } });
    const targets = proxy.connects.slice(connects).map((c) => c.target);
    const auth = `127.0.0.1:${new URL(mock.authUrl).port}`;
    const api = `127.0.0.1:${new URL(mock.baseUrl).port}`;
    expect(targets.filter((t) => t === auth)).toHaveLength(2);
    expect(targets.filter((t) => t === api)).toHaveLength(2);
    expect(handshakes).toEqual({ auth: 1, api: 1 });
    expectNoSecrets(run, mock);
  });
});

describe('a proxy that refuses the request\'s own tunnel', () => {
  it('is named at the step that met it, in the proxy\'s own terms (scheme, login sent or not)', async () => {
    // The tcp and tls checks are skipped, so the first tunnel is the token request's.
    const { run, requests } = await counted(['--json', '--skip', 'tcp,tls'], { HTTPS_PROXY: authed.url });
    const oauth = checkOf(run.json(), 'oauth');
    expect(oauth).toMatchObject({
      status: 'fail',
      code: 'PROXY_AUTH_REQUIRED',
      details: { proxy: authed.url, status: 407, scheme: 'Basic', credentialsSent: false },
    });
    expect(requests).toEqual([]);
    expect(run.code).toBe(1);
    expectNoSecrets(run, mock);
  });
});

describe('the hand-over itself (the probe, against the stand-in)', () => {
  // The tls check can end inside the socket's own TLS callback (its session ticket arriving) and
  // the token request follow in the same tick; a write made there stayed in Node's TLS layer and
  // the request hung until its timeout (about one run in four, when the auth host finished last).
  it('a request chained straight onto the verifying handshake is answered, on that connection', async () => {
    const { hostname, port } = new URL(mock.authUrl);
    for (let i = 0; i < 5; i++) {
      const probe = createProbe({
        trust: { insecure: false, extraCaPem: mock.caPem },
        proxy: { httpsProxy: null, httpProxy: null, noProxy: null },
        connectTimeoutMs: 2000,
      });
      const before = mock.handshakes.auth;
      const answer = await probe.handshake(hostname, Number(port), { verify: true, timeoutMs: 2000 }).then((hs) => {
        expect(hs.ok).toBe(true);
        return probe.http({
          url: mock.authUrl,
          method: 'POST',
          headers: { Authorization: `Basic ${mock.credentials}`, RqUID: crypto.randomUUID(), 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'scope=GIGACHAT_API_PERS',
          timeoutMs: 2000,
        });
      });
      await probe.close();
      expect(answer).toMatchObject({ ok: true, response: { status: 200 } });
      expect(mock.handshakes.auth - before).toBe(1);
    }
  });
});
