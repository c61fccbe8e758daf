/** What the mock looks like below HTTP: the served chain, hosts, redirects, silent ports. */
import tls from 'node:tls';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createChain, startMock, startSilentPort, type MockServer } from '../../src/mock/index.js';
import { call, CallError, oauth } from './http.js';

function handshake(url: string, opts: tls.ConnectionOptions): Promise<{ ok: boolean; code?: string; peer?: tls.DetailedPeerCertificate }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = tls.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port), ...opts }, () => {
      const peer = socket.getPeerCertificate(true);
      socket.end();
      resolve({ ok: socket.authorized, code: socket.authorizationError?.toString(), peer });
    });
    socket.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, code: e.code }));
  });
}

async function withMock(opts: Parameters<typeof startMock>[0], fn: (m: MockServer) => Promise<void>) {
  const m = await startMock(opts);
  try {
    await fn(m);
  } finally {
    await m.close();
  }
}

describe('TLS as served', () => {
  it('sends leaf + intermediate + root, like the real hosts (SELF_SIGNED_CERT_IN_CHAIN untrusted)', () =>
    withMock({}, async (m) => {
      expect((await handshake(m.authUrl, { ca: m.caPem })).ok).toBe(true);
      expect((await handshake(m.baseUrl, { ca: m.caPem, servername: 'localhost' })).ok).toBe(true);
      expect(await handshake(m.authUrl, {})).toEqual({ ok: false, code: 'SELF_SIGNED_CERT_IN_CHAIN' });
      const seen = await handshake(m.authUrl, { rejectUnauthorized: false });
      expect(seen.peer?.subject.CN).toBe('localhost');
      expect(seen.peer?.issuerCertificate.subject.CN).toBe('Russian Trusted Sub CA');
      expect(seen.peer?.issuerCertificate.issuerCertificate.subject.CN).toBe('Russian Trusted Root CA');
    }));

  it('serveRoot: false sends leaf + intermediate only', () =>
    withMock({ serveRoot: false }, async (m) => {
      expect(await handshake(m.authUrl, {})).toEqual({ ok: false, code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
      expect((await handshake(m.authUrl, { ca: m.caPem })).ok).toBe(true);
    }));

  it('passes chain options through: expired leaf, wrong name, interceptor root', async () => {
    await withMock({ chain: { leafValidity: 'expired' } }, async (m) => {
      expect(await handshake(m.authUrl, { ca: m.caPem })).toEqual({ ok: false, code: 'CERT_HAS_EXPIRED' });
    });
    await withMock({ chain: { wrongName: true } }, async (m) => {
      expect(await handshake(m.authUrl, { ca: m.caPem })).toEqual({ ok: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    });
    await withMock({ chain: { rootName: 'Corp Proxy CA' } }, async (m) => {
      const seen = await handshake(m.apiOrigin, { rejectUnauthorized: false });
      expect(seen.peer?.issuerCertificate.issuerCertificate.subject.CN).toBe('Corp Proxy CA');
      expect(new crypto.X509Certificate(m.caPem).subject).toBe('CN=Corp Proxy CA');
    });
  });
});

describe('hosts and ports', () => {
  it('binds the ports asked for, and formats IPv6 origins', async () => {
    const probe = await startMock();
    const [authPort, apiPort] = [Number(new URL(probe.authUrl).port), Number(new URL(probe.baseUrl).port)];
    await probe.close();
    await withMock({ authPort, apiPort }, async (m) => {
      expect(m.authUrl).toBe(`https://127.0.0.1:${authPort}/api/v2/oauth`);
      expect(m.baseUrl).toBe(`https://127.0.0.1:${apiPort}/api/v1`);
    });
    await withMock({ host: '::1' }, async (m) => {
      expect(m.authUrl).toMatch(/^https:\/\/\[::1\]:\d+\/api\/v2\/oauth$/);
      expect((await oauth(m.authUrl, m.caPem, { key: m.credentials })).status).toBe(200);
    });
  });

  it('a followed redirect lands back in the mock, recorded under /__redirected', () =>
    withMock({ scenario: 'auth-redirect' }, async (m) => {
      const first = await oauth(m.authUrl, m.caPem, { key: m.credentials });
      const location = first.headers['location']!;
      expect(new URL(location).hostname).toBe('localhost');
      // A careless client would follow with the key; the mock shows it arrived.
      await call(location.replace('//localhost:', '//127.0.0.1:'), { method: 'POST', ca: m.caPem, headers: { Authorization: 'Basic x' } });
      expect(m.requests.some((r) => r.path.startsWith('/__redirected/') && r.headers['authorization'] === 'Basic x')).toBe(true);
    }));

  it('startSilentPort accepts TCP and never speaks', async () => {
    const silent = await startSilentPort();
    try {
      const result = await call(`${silent.origin}/api/v2/oauth`, { ca: createChain().caPem, timeoutMs: 300 }).catch((e) => e);
      expect(result).toBeInstanceOf(CallError);
      expect((result as CallError).code).toBe('TEST_TIMEOUT');
    } finally {
      await silent.close();
    }
  });
});
