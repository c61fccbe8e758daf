/** The probe's own CONNECT tunnel and handshakes, on loopback sockets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, startProxy, startSilentPort, type MockProxy, type MockServer, type SilentPort } from '../../../src/mock/index.js';
import { secureContextFor } from '../../../src/probe/trust-context.js';
import { connectTcp, handshake } from '../../../src/probe/net.js';
import { parseProxyUrl, type ProxyEndpoint } from '../../../src/probe/proxy-route.js';
import { openTunnel } from '../../../src/probe/tunnel.js';
import { emptyDir } from '../../e2e/cli.js';

let mock: MockServer;
let corp: MockServer;
let open: MockProxy;
let authed: MockProxy;
let silent: SilentPort;

beforeAll(async () => {
  [mock, corp, open, authed, silent] = await Promise.all([
    startMock(),
    startMock({ chain: { rootName: 'Corp Proxy CA' } }),
    startProxy(),
    startProxy({ auth: { user: 'u', password: 'p@ss' } }),
    startSilentPort(),
  ]);
});
afterAll(() => Promise.all([mock.close(), corp.close(), open.close(), authed.close(), silent.close()]));

const endpoint = (url: string): ProxyEndpoint => parseProxyUrl({ value: url, name: 'HTTPS_PROXY' }) as ProxyEndpoint;
const port = (m: MockServer) => Number(new URL(m.authUrl).port);

describe('openTunnel', () => {
  it('opens CONNECT host:port and hands back a socket, with timings', async () => {
    const t = await openTunnel(endpoint(open.url), '127.0.0.1', port(mock), 2000);
    expect(t).toMatchObject({ ok: true, value: { status: 200 } });
    if (t.ok) t.value.socket.destroy();
    expect(open.connects.at(-1)).toMatchObject({ target: `127.0.0.1:${port(mock)}`, authorized: true });
  });

  it('sends the login from the proxy URL; without it, 407 with the scheme', async () => {
    const ok = await openTunnel(endpoint(authed.urlWithAuth), '127.0.0.1', port(mock), 2000);
    expect(ok.ok).toBe(true);
    if (ok.ok) ok.value.socket.destroy();
    const denied = await openTunnel(endpoint(authed.url), '127.0.0.1', port(mock), 2000);
    expect(denied).toEqual({
      ok: false,
      failure: { layer: 'proxy', code: 'PROXY_AUTH_REQUIRED', transient: false, details: { proxy: authed.url, target: `127.0.0.1:${port(mock)}`, status: 407, scheme: 'Basic', credentialsSent: false } },
    });
  });

  it('a target the proxy cannot reach is its 502; a proxy that never answers CONNECT times out', async () => {
    expect(await openTunnel(endpoint(open.url), 'example.invalid', 443, 2000)).toMatchObject({ ok: false, failure: { code: 'PROXY_BAD_GATEWAY', transient: true, details: { status: 502 } } });
    const started = Date.now();
    expect(await openTunnel(endpoint(`http://127.0.0.1:${silent.port}`), '127.0.0.1', 443, 300)).toMatchObject({
      ok: false, failure: { code: 'PROXY_TIMEOUT', details: { stage: 'connect-response', timeoutMs: 300 } },
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('connectTcp through the proxy reports what it answered', async () => {
    expect(await connectTcp('127.0.0.1', port(mock), 2000, endpoint(open.url), {})).toMatchObject({ ok: true, value: { proxy: { display: open.url, status: 200 } } });
  });
});

describe('handshake', () => {
  it('through the tunnel: the verified handshake fails on the unknown root, the look reads the chain', async () => {
    const via = endpoint(open.url);
    const verified = await handshake('127.0.0.1', port(mock), { verify: true, timeoutMs: 2000, via });
    expect(verified).toMatchObject({ ok: false, failure: { code: 'TLS_UNTRUSTED_ROOT' } });
    const seen = await handshake('127.0.0.1', port(mock), { verify: false, timeoutMs: 2000, via });
    expect(seen).toMatchObject({ ok: true, value: { authorized: false, viaProxy: open.url } });
    if (seen.ok) expect(seen.value.chain.map((c) => c.subject)).toEqual(['CN=localhost', expect.stringContaining('Russian Trusted Sub CA'), expect.stringContaining('Russian Trusted Root CA')]);
  });

  it('one context trusts the extra CA and re-adds the NODE_EXTRA_CA_CERTS file, which Node drops once a CA is added', async () => {
    const secureContext = secureContextFor({ extraCaPem: corp.caPem, nodeExtraCaCerts: mock.writeCaFile(emptyDir()), insecure: false });
    const a = await handshake('127.0.0.1', port(mock), { verify: true, timeoutMs: 2000, secureContext });
    const b = await handshake('127.0.0.1', port(corp), { verify: true, timeoutMs: 2000, secureContext });
    expect([a.ok, b.ok]).toEqual([true, true]);
    if (a.ok) expect(a.value).toMatchObject({ authorized: true, protocol: 'TLSv1.3' });
    const onlyExtra = secureContextFor({ extraCaPem: corp.caPem, insecure: false });
    expect(await handshake('127.0.0.1', port(mock), { verify: true, timeoutMs: 2000, secureContext: onlyExtra })).toMatchObject({ ok: false });
  });
});
