import { lookup as lookupCallback, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP, connect as tcpConnect, type LookupFunction, type Socket } from 'node:net';
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { classifyNetworkError } from './classify-network.js';
import type { ProxyEndpoint } from './proxy-route.js';
import { openTunnel } from './tunnel.js';
import type { Dial, NetworkFailure } from './types.js';
import { monotonicMs } from '../util/elapsed.js';

export interface DnsAnswer { addresses: string[]; ms: number }
export interface TcpAnswer {
  ms: number;
  /** Set when the connection went through a proxy: what the proxy answered to CONNECT. */
  proxy?: { display: string; status: number; proxyConnectMs: number; connectResponseMs: number; date: string | null };
}
export interface PresentedCert {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  sha256: string;
  names: string[];
  /** The certificate itself, to verify the chain offline; never rendered. */
  pem: string;
}
export interface TlsAnswer {
  /** Whole handshake: connect (or tunnel) plus TLS. */
  ms: number;
  /** TCP connect, or the CONNECT tunnel through a proxy. */
  connectMs: number;
  /** TLS alone, from the connected socket to a finished handshake. */
  tlsMs: number;
  authorized: boolean;
  authorizationError: string | null;
  protocol: string | null;
  chain: PresentedCert[];
  viaProxy: string | null;
}

export type NetResult<T> = { ok: true; value: T } | { ok: false; failure: NetworkFailure };

const urlOf = (host: string, port: number) => `https://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;

export async function resolveHost(host: string, timeoutMs: number): Promise<NetResult<DnsAnswer>> {
  const started = monotonicMs();
  if (isIP(host)) return { ok: true, value: { addresses: [host], ms: 0 } };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('DNS timeout'), { code: 'DNS_TIMEOUT' })), timeoutMs);
  });
  try {
    const found = await Promise.race([lookup(host, { all: true }), timeout]);
    return { ok: true, value: { addresses: found.map((a) => a.address), ms: Math.round(monotonicMs() - started) } };
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

/**
 * A resolver for net and tls that answers a host the run has looked up already with that
 * answer (the dns step's), so that each host costs one lookup and the connection goes to the
 * addresses the report shows. Any other host is looked up as Node would.
 */
export function answeringLookup(answers: (host: string) => readonly string[] | undefined): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    const known = (answers(hostname) ?? [])
      .map((address) => ({ address, family: isIP(address) }))
      .filter((a) => !options.family || a.family === options.family);
    if (known.length === 0) return lookupCallback(hostname, options, callback as never);
    if (options.all) callback(null, known);
    else callback(null, known[0].address, known[0].family);
  };
}

/** A connection left open for the TLS handshake after it, and what it cost to make. */
export interface OpenConnection {
  socket: Socket;
  ms: number;
}

/**
 * A TCP connection to host:port, or through `via` a CONNECT tunnel to it; closed at once, or
 * handed to `keep` for the TLS handshake that follows.
 */
export async function connectTcp(
  host: string, port: number, timeoutMs: number, via: ProxyEndpoint | null, dial: Dial,
  keep?: (open: OpenConnection) => void,
): Promise<NetResult<TcpAnswer>> {
  if (via) {
    const started = monotonicMs();
    const t = await openTunnel(via, host, port, timeoutMs, dial);
    if (!t.ok) return t;
    if (keep) keep({ socket: t.value.socket, ms: Math.round(monotonicMs() - started) });
    else t.value.socket.destroy();
    const { proxyConnectMs, connectResponseMs, status, date } = t.value;
    return { ok: true, value: { ms: Math.round(monotonicMs() - started), proxy: { display: via.display, status, proxyConnectMs, connectResponseMs, date } } };
  }
  const started = monotonicMs();
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port, noDelay: true, lookup: dial.lookup });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, failure: { layer: 'tcp', code: 'TCP_TIMEOUT', transient: true, details: { host, port, timeoutMs } } });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      const ms = Math.round(monotonicMs() - started);
      if (keep) keep({ socket, ms });
      else socket.destroy();
      resolve({ ok: true, value: { ms } });
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, failure: classifyNetworkError(err, urlOf(host, port), timeoutMs) });
    });
  });
}

export interface ClientCertMaterial {
  cert: string;
  key: string;
  passphrase?: string;
}

export interface HandshakeOptions extends Dial {
  verify: boolean;
  timeoutMs: number;
  via?: ProxyEndpoint | null;
  /** A client certificate is in the context (so a refusal of it can be told from a demand for one). */
  clientCert?: boolean;
  /** Takes over the socket of a successful handshake instead of closing it. */
  keep?: (socket: TLSSocket) => void;
  /** A connection the tcp step opened (directly or through the proxy): TLS runs on it instead of a new one. */
  connected?: OpenConnection | null;
}

/**
 * A TLS handshake that sends no request. With `verify: false` it still completes and reads
 * the presented chain, which is how a failed verification gets explained. Through a proxy
 * the tunnel is opened first (bounded by its own timeout), then TLS runs inside it; on a
 * connection the tcp step left open, TLS runs on that.
 */
export async function handshake(host: string, port: number, opts: HandshakeOptions): Promise<NetResult<TlsAnswer>> {
  const started = monotonicMs();
  let preconnected: Socket | undefined;
  let connectMs: number | null = null;
  if (opts.connected) {
    preconnected = opts.connected.socket;
    connectMs = opts.connected.ms;
  } else if (opts.via) {
    const t = await openTunnel(opts.via, host, port, opts.timeoutMs, opts);
    if (!t.ok) return t;
    preconnected = t.value.socket;
    connectMs = Math.round(monotonicMs() - started);
  }
  const tlsStarted = monotonicMs();
  const viaProxy = opts.via?.display ?? null;
  const ctx = { clientCert: Boolean(opts.clientCert), proxy: viaProxy };
  return new Promise((resolve) => {
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const done = (r: NetResult<TlsAnswer>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      // With `verify`, a handshake that succeeded was verified (an unverified one ends in an error).
      if (r.ok && opts.keep && !socket.destroyed && socket.writable) {
        // Its listeners stay: done() is settled, and an error on the idle socket must not go uncaught.
        opts.keep(socket);
      } else {
        socket.destroy();
        preconnected?.destroy();
      }
      resolve(r);
    };
    const socket: TLSSocket = tlsConnect({
      ...(preconnected ? { socket: preconnected } : { host, port, lookup: opts.lookup }),
      servername: isIP(host) ? undefined : host,
      // A host given by IP is checked against the certificate's IP names, as undici does.
      host,
      secureContext: opts.secureContext,
      rejectUnauthorized: opts.verify,
      ALPNProtocols: ['http/1.1'],
    });
    // The connection may carry the requests after: each is written whole, and nothing should wait for an ACK.
    socket.setNoDelay(true);
    let tcpConnectedAt = preconnected ? tlsStarted : 0;
    if (!preconnected) socket.once('connect', () => (tcpConnectedAt = monotonicMs()));
    const timer = setTimeout(() => {
      done({ ok: false, failure: { layer: 'tls', code: 'TLS_TIMEOUT', transient: true, details: { host, port, timeoutMs: opts.timeoutMs, proxy: viaProxy } } });
    }, opts.timeoutMs);
    socket.once('secureConnect', () => {
      // A throw in this listener would escape as an uncaught exception: a certificate with a
      // date no Date can hold must become a verdict, not a stack trace.
      try {
        onSecure();
      } catch (err) {
        done({ ok: false, failure: { layer: 'tls', code: 'TLS_HANDSHAKE_FAILED', transient: false, details: { host, port, message: err instanceof Error ? err.message : String(err) } } });
      }
    });
    const onSecure = () => {
      const now = monotonicMs();
      const answer: TlsAnswer = {
        ms: Math.round(now - started),
        connectMs: connectMs ?? Math.round((tcpConnectedAt || now) - tlsStarted),
        tlsMs: Math.round(now - (tcpConnectedAt || tlsStarted)),
        authorized: socket.authorized,
        authorizationError: socket.authorizationError ? String(socket.authorizationError) : null,
        protocol: socket.getProtocol(),
        chain: presentedChain(socket),
        viaProxy,
      };
      if (answer.protocol !== 'TLSv1.3') return done({ ok: true, value: answer });
      // A server that did not ask for a client certificate cannot refuse one: OpenSSL works out
      // the signature algorithms shared with the server, on the client's side, only from a
      // CertificateRequest (none: an empty list). No reason to wait then.
      if (!certificateRequested(socket)) return done({ ok: true, value: answer });
      // In TLS 1.3 the client finishes first: a server that demands a client certificate says
      // so one round trip later (alert "certificate required"). Wait for that alert, or for the
      // session ticket a server sends once it has accepted us, or about two round trips.
      const grace = Math.min(1000, Math.max(100, answer.tlsMs + 50), Math.max(0, opts.timeoutMs - (now - started)));
      const accepted = () => done({ ok: true, value: answer });
      graceTimer = setTimeout(accepted, grace);
      // The ticket ends the grace through its timer, not from its own event: Node's TLS layer keeps
      // back a write made while it delivers a ticket (the 'session' event and the promise callbacks
      // after it), so a request chained onto a handshake settled there would never be sent (Node 20,
      // every time). A ticket read along with the handshake's end is emitted right after secureConnect,
      // so this listener still hears it.
      socket.once('session', () => {
        clearTimeout(graceTimer);
        graceTimer = setTimeout(accepted, 0);
      });
      socket.once('end', accepted);
    };
    socket.on('error', (err) => done({ ok: false, failure: classifyNetworkError(err, urlOf(host, port), opts.timeoutMs, ctx) }));
  });
}

/** Did the server send a CertificateRequest? Unknown (an older Node) counts as yes. */
function certificateRequested(socket: TLSSocket): boolean {
  try {
    return typeof socket.getSharedSigalgs !== 'function' || socket.getSharedSigalgs().length > 0;
  } catch {
    return true;
  }
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
      pem: toPem(cert.raw),
    });
    cert = cert.issuerCertificate as typeof cert;
  }
  return chain;
}

function toPem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
}

function dn(name: object | undefined): string {
  if (!name) return '';
  return Object.entries(name).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ');
}
