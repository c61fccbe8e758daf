import { lookup } from 'node:dns/promises';
import { isIP, connect as tcpConnect } from 'node:net';
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { classifyNetworkError } from './classify-network.js';
import type { NetworkFailure } from './types.js';

export interface DnsAnswer { addresses: string[]; ms: number }
export interface TcpAnswer { ms: number }
export interface PresentedCert {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  sha256: string;
  names: string[];
}
export interface TlsAnswer {
  ms: number;
  authorized: boolean;
  authorizationError: string | null;
  protocol: string | null;
  chain: PresentedCert[];
}

export type NetResult<T> = { ok: true; value: T } | { ok: false; failure: NetworkFailure };

const urlOf = (host: string, port: number) => `https://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;

export async function resolveHost(host: string, timeoutMs: number): Promise<NetResult<DnsAnswer>> {
  const started = performance.now();
  if (isIP(host)) return { ok: true, value: { addresses: [host], ms: 0 } };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('DNS timeout'), { code: 'DNS_TIMEOUT' })), timeoutMs);
  });
  try {
    const found = await Promise.race([lookup(host, { all: true }), timeout]);
    return { ok: true, value: { addresses: found.map((a) => a.address), ms: Math.round(performance.now() - started) } };
  } catch (err) {
    if ((err as { code?: string }).code === 'DNS_TIMEOUT') {
      return { ok: false, failure: { layer: 'dns', code: 'DNS_TIMEOUT', transient: true, details: { host, timeoutMs } } };
    }
    const failure = classifyNetworkError(err, urlOf(host, 443), timeoutMs);
    const { url: _url, port: _port, ...details } = failure.details;
    return { ok: false, failure: { ...failure, details } };
  } finally {
    clearTimeout(timer);
  }
}

export function connectTcp(host: string, port: number, timeoutMs: number): Promise<NetResult<TcpAnswer>> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, failure: { layer: 'tcp', code: 'TCP_TIMEOUT', transient: true, details: { host, port, timeoutMs } } });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: true, value: { ms: Math.round(performance.now() - started) } });
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, failure: classifyNetworkError(err, urlOf(host, port), timeoutMs) });
    });
  });
}

export interface HandshakeOptions {
  ca?: string[];
  verify: boolean;
  timeoutMs: number;
}

/**
 * A TLS handshake that sends no request. With `verify: false` it still completes
 * and reads the presented chain, which is how a failed verification gets explained.
 */
export function handshake(host: string, port: number, opts: HandshakeOptions): Promise<NetResult<TlsAnswer>> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: NetResult<TlsAnswer>, socket?: TLSSocket) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve(r);
    };
    const socket = tlsConnect({
      host,
      port,
      servername: isIP(host) ? undefined : host,
      ca: opts.ca,
      rejectUnauthorized: opts.verify,
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => {
      done({ ok: false, failure: { layer: 'tls', code: 'TLS_TIMEOUT', transient: true, details: { host, port, timeoutMs: opts.timeoutMs } } }, socket);
    }, opts.timeoutMs);
    socket.once('secureConnect', () => {
      done({
        ok: true,
        value: {
          ms: Math.round(performance.now() - started),
          authorized: socket.authorized,
          authorizationError: socket.authorizationError ? String(socket.authorizationError) : null,
          protocol: socket.getProtocol(),
          chain: presentedChain(socket),
        },
      }, socket);
    });
    socket.once('error', (err) => done({ ok: false, failure: classifyNetworkError(err, urlOf(host, port), opts.timeoutMs) }, socket));
  });
}

function presentedChain(socket: TLSSocket): PresentedCert[] {
  const chain: PresentedCert[] = [];
  let cert = socket.getPeerCertificate(true) as PeerCertificate & { issuerCertificate?: PeerCertificate };
  const seen = new Set<string>();
  while (cert && cert.fingerprint256 && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push({
      subject: dn(cert.subject),
      issuer: dn(cert.issuer),
      validFrom: new Date(cert.valid_from).toISOString(),
      validTo: new Date(cert.valid_to).toISOString(),
      sha256: cert.fingerprint256,
      names: (cert.subjectaltname ?? '').split(', ').filter(Boolean).map((n) => n.replace(/^(DNS|IP Address):/, '')),
    });
    cert = cert.issuerCertificate as typeof cert;
  }
  return chain;
}

function dn(name: object | undefined): string {
  if (!name) return '';
  return Object.entries(name).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ');
}
