/**
 * One connection and one handshake per host for the whole run (issue 6): the tcp check's
 * connection carries the tls check's handshake, that verified connection carries the requests,
 * and the requests share it. Counted on the stand-in's (and the proxy's) side, through the built CLI.
 */
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import { writeFileSync } from 'node:fs';
import { connect as tcpConnect, createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, startProxy, type MockProxy, type MockServer } from '../../src/mock/index.js';
import { createProbe } from '../../src/probe/probe.js';
import type { ClientCertMaterial } from '../../src/probe/net.js';
import { parseProxyUrl, type ProxyConfig, type ProxyEndpoint } from '../../src/probe/proxy-route.js';
import type { HttpRequest } from '../../src/probe/types.js';
import { checkOf, emptyDir, expectNoSecrets, mockEnv, runCli } from './cli.js';

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
  const connectionsBefore = { ...mock.connections };
  const requestsBefore = mock.requests.length;
  const run = await runCli(args, { env: mockEnv(mock, extra) });
  return {
    run,
    handshakes: { auth: mock.handshakes.auth - before.auth, api: mock.handshakes.api - before.api },
    connections: { auth: mock.connections.auth - connectionsBefore.auth, api: mock.connections.api - connectionsBefore.api },
    requests: mock.requests.slice(requestsBefore).map((r) => `${r.method} ${r.path}`),
  };
}

/** A probe that trusts the stand-in's CA, as a run with --ca-file does. */
function probeTrusting(caPem: string, more: { proxy?: ProxyConfig; clientCert?: ClientCertMaterial } = {}) {
  return createProbe({
    trust: { insecure: false, extraCaPem: caPem, clientCert: more.clientCert },
    proxy: more.proxy ?? { httpsProxy: null, httpProxy: null, noProxy: null },
    connectTimeoutMs: 2000,
  });
}

/** The token request as the oauth step sends it. */
function tokenRequest(url: string, credentials: string, timeoutMs = 2000): HttpRequest {
  return {
    url,
    method: 'POST',
    headers: { Authorization: `Basic ${credentials}`, RqUID: crypto.randomUUID(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'scope=GIGACHAT_API_PERS',
    timeoutMs,
  };
}

// Sequential: the counters belong to one shared stand-in.
describe('connections a passing check makes', () => {
  it('a full check: one TCP connection and one TLS handshake per host, and one request per step', async () => {
    const { run, handshakes, connections, requests } = await counted(['--json']);
    expect(run.code).toBe(0);
    const report = run.json();
    expect(checkOf(report, 'tls').status).toBe('pass');
    expect(checkOf(report, 'chat').status).toBe('pass');
    expect(handshakes).toEqual({ auth: 1, api: 1 });
    expect(connections).toEqual({ auth: 1, api: 1 });
    expect(requests).toEqual(['POST /api/v2/oauth', 'GET /api/v1/models', 'POST /api/v1/chat/completions']);
    expectNoSecrets(run, mock);
  });

  it('without the tls check the requests still share one connection per host: the tcp check\'s, secured by the first request', async () => {
    const { run, handshakes, connections, requests } = await counted(['--json', '--skip', 'tls']);
    expect(run.code).toBe(0);
    expect(handshakes).toEqual({ auth: 1, api: 1 });
    expect(connections).toEqual({ auth: 1, api: 1 });
    expect(requests).toHaveLength(3);
    expectNoSecrets(run, mock);
  });

  it('--insecure: the verified connection of the tls check is still the one the requests use', async () => {
    const { run, handshakes } = await counted(['--json', '--insecure']);
    expect(checkOf(run.json(), 'chat').status).toBe('pass');
    expect(handshakes).toEqual({ auth: 1, api: 1 });
    expectNoSecrets(run, mock);
  });

  it('each host is looked up once, by the dns check: the connections go to what it found', async () => {
    // Every lookup the process makes, counted by name (dns and dns/promises, as net and tls call them).
    const dir = emptyDir();
    const counter = join(dir, 'count-lookups.cjs');
    writeFileSync(counter, [
      "const counts = {};",
      "for (const mod of [require('dns'), require('dns/promises')]) {",
      "  const original = mod.lookup;",
      "  mod.lookup = function (host, ...rest) { counts[host] = (counts[host] || 0) + 1; return original.call(this, host, ...rest); };",
      "}",
      "process.on('exit', () => process.stderr.write(`LOOKUPS ${JSON.stringify(counts)}\\n`));",
    ].join('\n'));
    const byName = (url: string) => url.replace('127.0.0.1', 'localhost');
    const { run, handshakes, requests } = await counted(['--json'], {
      GIGACHAT_AUTH_URL: byName(mock.authUrl),
      GIGACHAT_BASE_URL: byName(mock.baseUrl),
      NODE_OPTIONS: `--require ${counter}`,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(checkOf(run.json(), 'dns').details).toMatchObject({ hosts: [{ host: 'localhost', role: 'target' }] });
    // One host behind both URLs: one lookup, not one more for each of its two connections.
    expect(JSON.parse(/LOOKUPS (.*)/.exec(run.stderr)![1])).toEqual({ localhost: 1 });
    expect(handshakes).toEqual({ auth: 1, api: 1 });
    expect(requests).toHaveLength(3);
    expectNoSecrets(run, mock);
  });

  it('through a proxy: one tunnel per host, the tcp check\'s, which the tls check and the requests then use', async () => {
    const connects = proxy.connects.length;
    const { run, handshakes } = await counted(['--json'], { HTTPS_PROXY: proxy.url });
    expect(run.code).toBe(0);
    expect(checkOf(run.json(), 'oauth')).toMatchObject({ status: 'pass', details: { http: { proxy: proxy.url } } });
    const targets = proxy.connects.slice(connects).map((c) => c.target);
    const auth = `127.0.0.1:${new URL(mock.authUrl).port}`;
    const api = `127.0.0.1:${new URL(mock.baseUrl).port}`;
    expect(targets.filter((t) => t === auth)).toHaveLength(1);
    expect(targets.filter((t) => t === api)).toHaveLength(1);
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

describe('the verified connection carries the next request at once (the probe, against the stand-in)', () => {
  // A server that asks for a client certificate makes the TLS 1.3 handshake wait for its session
  // ticket. Node's TLS layer keeps back a write made while it delivers that ticket: a request
  // chained onto a handshake settled there hung until its timeout, every time.
  it('after the client-certificate grace ended by the session ticket, a chained request is answered on that connection', async () => {
    const mtls = await startMock({ requestCert: true });
    const { hostname, port } = new URL(mtls.authUrl);
    const cert = mtls.clientCertificate!;
    try {
      for (let i = 0; i < 5; i++) {
        const probe = probeTrusting(mtls.caPem, { clientCert: { cert: cert.certPem, key: cert.keyPem } });
        const before = mtls.handshakes.auth;
        const answer = await probe.handshake(hostname, Number(port), { verify: true, timeoutMs: 2000 }).then((hs) => {
          expect(hs).toMatchObject({ ok: true, value: { protocol: 'TLSv1.3' } });
          return probe.http(tokenRequest(mtls.authUrl, mtls.credentials, 1000));
        });
        await probe.close();
        expect(answer).toMatchObject({ ok: true, response: { status: 200 } });
        expect(mtls.handshakes.auth - before).toBe(1);
      }
    } finally {
      await mtls.close();
    }
  });
});

describe('a connection the server dropped between the tcp and the tls step', () => {
  // A server (or a middlebox) may drop a connection that sat idle since the tcp step; that is no TLS finding.
  it('is replaced by a fresh one for the handshake, which then passes', async () => {
    const target = Number(new URL(mock.authUrl).port);
    let accepted = 0;
    const sockets = new Set<Socket>();
    // The first connection is closed by the "server" when the ClientHello arrives; the others reach the stand-in.
    const front = createServer((client) => {
      sockets.add(client);
      if (++accepted === 1) return void client.once('data', () => client.destroy());
      const upstream = tcpConnect({ host: '127.0.0.1', port: target });
      sockets.add(upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const port = (front.address() as { port: number }).port;
    const probe = probeTrusting(mock.caPem);
    try {
      expect(await probe.connect('127.0.0.1', port, 2000)).toMatchObject({ ok: true });
      const hs = await probe.handshake('127.0.0.1', port, { verify: true, timeoutMs: 2000 });
      expect(hs).toMatchObject({ ok: true, value: { authorized: true } });
      expect(accepted).toBe(2);
    } finally {
      await probe.close();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => front.close(resolve));
    }
  });
});

/**
 * A server that ends the connection right after each complete answer, without saying
 * `Connection: close` (some gateways do). It fronts the stand-in: each request is passed on to
 * it, its answer is sent back whole, then the socket is ended. Counts the connections it accepts.
 */
async function startClosingFront(upstreamOrigin: string) {
  const accepted = { count: 0 };
  const sockets = new Set<Socket>();
  const server = createHttpsServer({ key: mock.chain.leafKeyPem, cert: mock.chain.fullChainPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = { ...req.headers, host: new URL(upstreamOrigin).host };
      const up = httpsRequest(`${upstreamOrigin}${req.url}`, { method: req.method, headers, ca: mock.caPem, agent: false }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          const { connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, ...passed } = answer.headers;
          res.writeHead(answer.statusCode ?? 502, passed);
          res.end(Buffer.concat(body));
          res.socket?.end();
        });
      });
      up.on('error', () => res.destroy());
      up.end(Buffer.concat(chunks));
    });
  });
  server.on('connection', (s: Socket) => {
    accepted.count++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    accepted,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

describe('a server that closes the connection after each answer (without Connection: close)', () => {
  // The closed connection must be replaced before the next request, not read as a reset (it was, 6 runs in 6).
  it('the probe sends each request on a live connection: every answer arrives', async () => {
    const front = await startClosingFront(mock.authOrigin);
    const { hostname, port } = new URL(front.origin);
    const probe = probeTrusting(mock.caPem);
    try {
      expect(await probe.connect(hostname, Number(port), 2000)).toMatchObject({ ok: true });
      expect(await probe.handshake(hostname, Number(port), { verify: true, timeoutMs: 2000 })).toMatchObject({ ok: true });
      for (let i = 0; i < 4; i++) {
        const answer = await probe.http(tokenRequest(`${front.origin}/api/v2/oauth`, mock.credentials));
        expect(answer).toMatchObject({ ok: true, response: { status: 200 } });
      }
      // The tcp step's connection carried the handshake and the first request; each later one needed a new one.
      expect(front.accepted.count).toBe(4);
    } finally {
      await probe.close();
      await front.close();
    }
  });

  it('through a proxy, each new connection is a new tunnel through it, secured with the run\'s trust', async () => {
    const front = await startClosingFront(mock.authOrigin);
    const { hostname, port } = new URL(front.origin);
    const via = parseProxyUrl({ value: proxy.url, name: 'HTTPS_PROXY' }) as ProxyEndpoint;
    const probe = probeTrusting(mock.caPem, { proxy: { httpsProxy: { value: proxy.url, name: 'HTTPS_PROXY' }, httpProxy: null, noProxy: null } });
    const connects = proxy.connects.length;
    try {
      expect(await probe.connect(hostname, Number(port), 2000, via)).toMatchObject({ ok: true });
      expect(await probe.handshake(hostname, Number(port), { verify: true, timeoutMs: 2000, via })).toMatchObject({ ok: true });
      for (let i = 0; i < 3; i++) {
        const answer = await probe.http(tokenRequest(`${front.origin}/api/v2/oauth`, mock.credentials));
        expect(answer).toMatchObject({ ok: true, response: { status: 200, viaProxy: proxy.url } });
      }
      expect(proxy.connects.slice(connects).map((c) => c.target)).toEqual(Array(3).fill(`${hostname}:${port}`));
      expect(front.accepted.count).toBe(3);
    } finally {
      await probe.close();
      await front.close();
    }
  });

  it('a full check through the built CLI passes, one connection per answer', async () => {
    const [auth, api] = await Promise.all([startClosingFront(mock.authOrigin), startClosingFront(mock.apiOrigin)]);
    try {
      for (let i = 0; i < 3; i++) {
        const run = await runCli(['--json'], { env: mockEnv(mock, { GIGACHAT_AUTH_URL: `${auth.origin}/api/v2/oauth`, GIGACHAT_BASE_URL: `${api.origin}/api/v1` }) });
        const report = run.json();
        expect(['oauth', 'models', 'chat'].map((id) => [id, checkOf(report, id).status, checkOf(report, id).code])).toEqual([
          ['oauth', 'pass', expect.anything()], ['models', 'pass', expect.anything()], ['chat', 'pass', expect.anything()],
        ]);
        expect(run.code).toBe(0);
        expectNoSecrets(run, mock);
      }
      expect({ auth: auth.accepted.count, api: api.accepted.count }).toEqual({ auth: 3, api: 6 });
    } finally {
      await Promise.all([auth.close(), api.close()]);
    }
  });
});

describe('a server that closes every connection as a request arrives, answering nothing', () => {
  it('is a reset: the request goes out once more on a new connection, not again and again', async () => {
    let accepted = 0;
    let requests = 0;
    const sockets = new Set<Socket>();
    const server = createHttpsServer({ key: mock.chain.leafKeyPem, cert: mock.chain.fullChainPem }, (req) => {
      requests++;
      req.socket.destroy();
    });
    server.on('connection', (s: Socket) => {
      accepted++;
      sockets.add(s);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const probe = probeTrusting(mock.caPem);
    try {
      expect(await probe.handshake('127.0.0.1', port, { verify: true, timeoutMs: 2000 })).toMatchObject({ ok: true });
      const answer = await probe.http({ url: `https://127.0.0.1:${port}/api/v1/models`, method: 'GET', headers: {}, timeoutMs: 2000 });
      expect(answer).toMatchObject({ ok: false, failure: { code: 'CONNECTION_RESET' } });
      // The verified connection, then one new one for the second try.
      expect({ accepted, requests }).toEqual({ accepted: 2, requests: 2 });
    } finally {
      await probe.close();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('both hosts at once', () => {
  /** A relay in front of one server that holds each chunk back and notes, in order, what crossed it first. */
  async function startLoggingRelay(name: string, targetPort: number, log: string[], delayMs: number) {
    const sockets = new Set<Socket>();
    const server = createServer((client) => {
      const upstream = tcpConnect({ host: '127.0.0.1', port: targetPort });
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
      }
      log.push(`connect ${name}`);
      client.once('data', () => log.push(`client hello ${name}`));
      upstream.once('data', () => log.push(`server hello ${name}`));
      client.on('data', (c: Buffer) => setTimeout(() => upstream.destroyed || upstream.write(c), delayMs));
      upstream.on('data', (c: Buffer) => setTimeout(() => client.destroyed || client.write(c), delayMs));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      close: () => new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
    };
  }

  it('the tcp step connects to both before either handshake starts, and both handshakes start before either server answers', async () => {
    const log: string[] = [];
    const [auth, api] = await Promise.all([
      startLoggingRelay('auth', Number(new URL(mock.authUrl).port), log, 100),
      startLoggingRelay('api', Number(new URL(mock.baseUrl).port), log, 100),
    ]);
    try {
      const run = await runCli(['--json'], {
        env: mockEnv(mock, { GIGACHAT_AUTH_URL: `https://127.0.0.1:${auth.port}/api/v2/oauth`, GIGACHAT_BASE_URL: `https://127.0.0.1:${api.port}/api/v1` }),
      });
      expect(run.code).toBe(0);
      const at = (event: string) => log.filter((e) => e.startsWith(event)).map((e) => log.indexOf(e));
      expect(at('connect')).toHaveLength(2);
      expect(at('server hello')).toHaveLength(2);
      expect(Math.max(...at('connect'))).toBeLessThan(Math.min(...at('client hello')));
      expect(Math.max(...at('client hello'))).toBeLessThan(Math.min(...at('server hello')));
      expectNoSecrets(run, mock);
    } finally {
      await Promise.all([auth.close(), api.close()]);
    }
  });
});
