/**
 * startProxy(): a real HTTP CONNECT proxy on loopback, for tests of the proxy path. It tunnels
 * only to loopback targets (a test must never reach beyond the machine through it), can demand
 * Basic auth (407 with Proxy-Authenticate), can refuse every CONNECT with a status, and can act
 * as a TLS-intercepting corporate proxy that presents its own chain. Every CONNECT is recorded.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo, Socket } from 'node:net';
import type { CertificateChain } from './x509.js';

export interface ProxyOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Demand `Proxy-Authorization: Basic base64(user:password)`; anything else gets 407. */
  auth?: { user: string; password: string };
  /** The Proxy-Authenticate scheme announced with 407. Default 'Basic'. */
  authScheme?: string;
  /** Answer every CONNECT with this status (403, 502 …) instead of tunnelling. */
  refuseWith?: number;
  /**
   * Intercept TLS like a corporate proxy: answer 200, then terminate TLS with this chain's
   * leaf (signed by its own root) instead of tunnelling. HTTP requests that arrive over the
   * intercepted connection are recorded in `intercepted` and answered 502.
   */
  intercept?: CertificateChain;
  /** Serve the proxy itself over TLS (an `https://` proxy) with this chain's leaf. */
  tls?: CertificateChain;
}

export interface ProxyConnect {
  /** host:port as the client asked for it. */
  target: string;
  /** The Proxy-Authorization header was present and right (always true without `auth`). */
  authorized: boolean;
  /** Whether a Proxy-Authorization header came at all. */
  sentCredentials: boolean;
  status: number;
  at: number;
}

export interface InterceptedRequest {
  target: string;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface MockProxy {
  host: string;
  port: number;
  /** http://HOST:PORT (no credentials). */
  url: string;
  /** http://USER:PASSWORD@HOST:PORT when `auth` was given, else the same as url. */
  urlWithAuth: string;
  connects: ProxyConnect[];
  /** Requests that reached the intercepting proxy (only with `intercept`). */
  intercepted: InterceptedRequest[];
  close(): Promise<void>;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Only literal loopback targets: no DNS lookup, so a test can never leave the machine. */
function loopbackTarget(target: string): { host: string; port: number } | null {
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(target);
  if (!m) return null;
  const host = m[1].replace(/^\[|\]$/g, '');
  if (!LOOPBACK_NAMES.has(host) && !(net.isIPv4(host) && host.startsWith('127.'))) return null;
  return { host: host === 'localhost' ? '127.0.0.1' : host, port: Number(m[2]) };
}

export async function startProxy(opts: ProxyOptions = {}): Promise<MockProxy> {
  const host = opts.host ?? '127.0.0.1';
  const connects: ProxyConnect[] = [];
  const intercepted: InterceptedRequest[] = [];
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
  };
  const expected = opts.auth ? `Basic ${Buffer.from(`${opts.auth.user}:${opts.auth.password}`).toString('base64')}` : null;

  const refusePlain = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    // Plain proxied HTTP is not used by GigaChat clients (everything is https): refuse it clearly.
    res.writeHead(405, { 'Content-Type': 'text/plain' }).end('mock proxy: CONNECT only\n');
  };
  const server = opts.tls
    ? https.createServer({ cert: opts.tls.chainPem, key: opts.tls.leafKeyPem }, refusePlain)
    : http.createServer(refusePlain);
  server.on(opts.tls ? 'secureConnection' : 'connection', track);

  server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    track(client);
    const target = req.url ?? '';
    const given = req.headers['proxy-authorization'];
    const authorized = expected === null || given === expected;
    const record = (status: number) => connects.push({ target, authorized, sentCredentials: given !== undefined, status, at: Date.now() });
    const reply = (status: number, text: string, headers: string[] = []) => {
      record(status);
      client.end([`HTTP/1.1 ${status} ${text}`, ...headers, 'Content-Length: 0', '', ''].join('\r\n'));
    };
    if (!authorized) {
      return reply(407, 'Proxy Authentication Required', [`Proxy-Authenticate: ${opts.authScheme ?? 'Basic'} realm="gigadoctor mock proxy"`]);
    }
    if (opts.refuseWith) return reply(opts.refuseWith, http.STATUS_CODES[opts.refuseWith] ?? 'Refused');
    const dest = loopbackTarget(target);
    if (!dest) return reply(502, 'Bad Gateway');
    if (opts.intercept) return interceptTls(client, head, target, opts.intercept, intercepted, () => record(200));

    const upstream = net.connect(dest.port, dest.host);
    track(upstream);
    let open = false;
    upstream.once('connect', () => {
      open = true;
      record(200);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.once('error', () => {
      // Refused before the tunnel opened: say so as a proxy does; afterwards just drop it.
      if (!open) reply(502, 'Bad Gateway');
      else client.destroy();
    });
    client.on('close', () => upstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = net.isIPv6(host) ? `[${host}]` : host;
  const url = `${opts.tls ? 'https' : 'http'}://${shown}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    host,
    port,
    url,
    urlWithAuth: opts.auth ? `http://${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.password)}@${shown}:${port}` : url,
    connects,
    intercepted,
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
      return closed;
    },
  };
}

/** The corporate interceptor: 200 to CONNECT, then TLS with its own certificate, and never a real upstream. */
function interceptTls(client: Socket, head: Buffer, target: string, chain: CertificateChain, seen: InterceptedRequest[], onOpen: () => void): void {
  onOpen();
  client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
  if (head.length) client.unshift(head);
  const secure = new tls.TLSSocket(client, { isServer: true, key: chain.leafKeyPem, cert: chain.fullChainPem });
  secure.on('error', () => client.destroy());
  const http1 = http.createServer((req, res) => {
    seen.push({ target, method: req.method ?? '', path: req.url ?? '', headers: { ...req.headers } });
    res.writeHead(502, { 'Content-Type': 'text/plain' }).end('mock interceptor: no upstream\n');
  });
  http1.emit('connection', secure);
}
