import crypto from 'node:crypto';
import https from 'node:https';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  RUSSIAN_TRUSTED_ROOT_NAME,
  WRONG_HOST_NAME,
  createCertificate,
  createChain,
  generateKeyPair,
  type CertificateChain,
} from '../../src/mock/index.js';

const servers: https.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(chain: CertificateChain, cert = chain.chainPem): Promise<number> {
  const server = https.createServer({ key: chain.leafKeyPem, cert }, (_req, res) => res.end('hello'));
  server.on('tlsClientError', () => {});
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** Handshake only; resolves with the verification outcome. */
function handshake(port: number, opts: tls.ConnectionOptions): Promise<{ ok: true } | { ok: false; code: string }> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port, ...opts }, () => {
      socket.end();
      resolve({ ok: true });
    });
    socket.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, code: e.code ?? e.message }));
  });
}

describe('createChain', () => {
  it('builds root → intermediate → leaf that verify with X509Certificate', () => {
    const chain = createChain();
    const root = new crypto.X509Certificate(chain.root.pem);
    const intermediate = new crypto.X509Certificate(chain.intermediate.pem);
    const leaf = new crypto.X509Certificate(chain.leaf.pem);

    expect(root.checkIssued(root)).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(intermediate.checkIssued(root)).toBe(true);
    expect(intermediate.verify(root.publicKey)).toBe(true);
    expect(leaf.checkIssued(intermediate)).toBe(true);
    expect(leaf.verify(intermediate.publicKey)).toBe(true);
    expect(leaf.verify(root.publicKey)).toBe(false);

    expect(root.ca).toBe(true);
    expect(intermediate.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(root.subject).toContain('CN=Russian Trusted Root CA');
    expect(intermediate.issuer).toBe(root.subject);
    expect(leaf.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(chain.caPem).toBe(chain.root.pem);
    expect(chain.chainPem).toBe(chain.leaf.pem + chain.intermediate.pem);
    expect(crypto.createPrivateKey(chain.leafKeyPem).asymmetricKeyType).toBe('ec');
  });

  it('is fast (EC keys): a chain in well under 100 ms on average', () => {
    const started = performance.now();
    for (let i = 0; i < 5; i++) createChain();
    expect((performance.now() - started) / 5).toBeLessThan(100);
  });

  it('makes expired, not-yet-valid and wrong-name leaves', () => {
    const now = Date.now();
    const expired = new crypto.X509Certificate(createChain({ leafValidity: 'expired' }).leaf.pem);
    expect(new Date(expired.validTo).getTime()).toBeLessThan(now);
    const future = new crypto.X509Certificate(createChain({ leafValidity: 'not-yet-valid' }).leaf.pem);
    expect(new Date(future.validFrom).getTime()).toBeGreaterThan(now);
    const wrong = new crypto.X509Certificate(createChain({ wrongName: true }).leaf.pem);
    expect(wrong.checkHost('localhost')).toBeUndefined();
    expect(wrong.checkIP('127.0.0.1')).toBeUndefined();
    expect(wrong.subjectAltName).toBe(`DNS:${WRONG_HOST_NAME}`);
  });

  it('names an interceptor root as asked', () => {
    const chain = createChain({ rootName: { CN: 'Corp Proxy CA', O: 'Corp' } });
    const root = new crypto.X509Certificate(chain.root.pem);
    const intermediate = new crypto.X509Certificate(chain.intermediate.pem);
    expect(root.subject).toBe('O=Corp\nCN=Corp Proxy CA');
    expect(intermediate.subject).toBe('O=Corp\nCN=Corp Proxy CA Issuing CA');
    expect(intermediate.issuer).toBe(root.subject);
  });

  it('encodes IPv6 addresses in subjectAltName', () => {
    const leaf = new crypto.X509Certificate(createChain({ ipAddresses: ['127.0.0.1', '::1'] }).leaf.pem);
    expect(leaf.checkIP('::1')).toBe('::1');
  });
});

describe('createCertificate', () => {
  it('self-signs with the subject key when no issuer is given', () => {
    const keys = generateKeyPair();
    const now = Date.now();
    const cert = createCertificate({
      subject: RUSSIAN_TRUSTED_ROOT_NAME,
      publicKey: keys.publicKey,
      privateKey: keys.privateKey,
      notBefore: new Date(now - 1000),
      notAfter: new Date(Date.UTC(2051, 0, 1)), // GeneralizedTime past 2049
      isCA: true,
      pathLen: 1,
      serial: 4660,
    });
    const x = new crypto.X509Certificate(cert.pem);
    expect(x.verify(keys.publicKey)).toBe(true);
    expect(x.serialNumber).toBe('1234');
    expect(new Date(x.validTo).getUTCFullYear()).toBe(2051);
    expect(Buffer.compare(x.raw, cert.der)).toBe(0);
  });
});

describe('Node TLS', () => {
  it('accepts the chain when the root is trusted', async () => {
    const chain = createChain();
    const port = await serve(chain);
    expect(await handshake(port, { ca: chain.caPem, servername: 'localhost' })).toEqual({ ok: true });
    expect(await handshake(port, { ca: chain.caPem })).toEqual({ ok: true }); // by IP SAN
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get({ host: '127.0.0.1', port, ca: chain.caPem, agent: false }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(body).toBe('hello');
  });

  it('reports the failures a doctor must classify', async () => {
    const chain = createChain();
    const port = await serve(chain);
    expect(await handshake(port, {})).toEqual({ ok: false, code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
    const withRoot = await serve(chain, chain.fullChainPem);
    expect(await handshake(withRoot, {})).toEqual({ ok: false, code: 'SELF_SIGNED_CERT_IN_CHAIN' });

    const interceptor = createChain({ rootName: 'Corp Proxy CA' });
    expect(await handshake(port, { ca: interceptor.caPem })).toMatchObject({ ok: false });

    const expired = createChain({ leafValidity: 'expired' });
    expect(await handshake(await serve(expired), { ca: expired.caPem })).toEqual({ ok: false, code: 'CERT_HAS_EXPIRED' });

    const future = createChain({ leafValidity: 'not-yet-valid' });
    expect(await handshake(await serve(future), { ca: future.caPem })).toEqual({ ok: false, code: 'CERT_NOT_YET_VALID' });

    const wrong = createChain({ wrongName: true });
    expect(await handshake(await serve(wrong), { ca: wrong.caPem })).toEqual({
      ok: false,
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });
});
