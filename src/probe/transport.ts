import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { isIP, connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type SecureContext, type TLSSocket } from 'node:tls';
import { ClassifiedFailure } from './classified.js';
import { routeFor, type ProxyConfig, type ProxyEndpoint } from './proxy-route.js';
import { openTunnel } from './tunnel.js';

/**
 * HTTP/1.1 for the probe on Node's own client. undici was measured against it (Node 20, the
 * three requests of a check against the local stand-in): its WebAssembly HTTP parser is
 * compiled a second time in the background and the process waits for that at exit, ~150 ms and
 * ~35 MiB of peak memory per run; Node's parser is native and already loaded. Connections are
 * opened here, so the tls check's verified sockets can be handed over and proxies go through
 * the same tunnel code the tcp and tls checks use.
 */

export interface TransportOptions {
  proxy: ProxyConfig;
  /** The run's TLS context (built on first use), or undefined for Node's default one. */
  secureContext: () => SecureContext | undefined;
  rejectUnauthorized: boolean;
  connectTimeoutMs: number;
}

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /** Called once the request has been handed to the socket. */
  whileWaiting?: () => unknown;
}

export interface SentExchange {
  response: IncomingMessage;
  /**
   * Settles once the request is over and its connection back in the pool. A body can be read
   * before the request's own write has finished; a request sent before then would open a new
   * connection (seen under load: a second handshake to the API host for the chat probe).
   */
  released: Promise<void>;
}

export interface Transport {
  /** Resolves when the status line and headers are in. */
  send(req: SentRequest): Promise<SentExchange>;
  /** A verified TLS socket to host:port (the tls check's), used by the next request there. */
  adopt(host: string, port: number, socket: TLSSocket): void;
  close(): void;
}

type Callback = (err: Error | null, socket?: Socket) => void;
interface ConnectionOptions { host?: string; port?: number | string }

export function createTransport(opts: TransportOptions): Transport {
  const sockets = new Set<Socket>();
  const warm = new Map<string, TLSSocket>();
  const track = <S extends Socket>(s: S): S => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    return s;
  };

  const open = async (host: string, port: number, secure: boolean): Promise<Socket> => {
    const key = `${host}:${port}`;
    const adopted = warm.get(key);
    warm.delete(key);
    if (secure && adopted && !adopted.destroyed && adopted.readable && adopted.writable) {
      // The tls check ends inside this socket's own TLS callback (its session ticket arriving), and
      // the request can follow within the same tick: a write made there stays in Node's TLS layer
      // and never reaches the wire (the request then hangs until its timeout, ~1 run in 4). Handing
      // the socket over on a later turn of the event loop writes from outside that callback.
      await new Promise((resolve) => setImmediate(resolve));
      if (!adopted.destroyed && adopted.readable && adopted.writable) return adopted;
    }
    adopted?.destroy();
    const via = routeFor(`${secure ? 'https' : 'http'}://${isIP(host) === 6 ? `[${host}]` : host}:${port}/`, opts.proxy).proxy;
    return connectTo(host, port, secure, via);
  };

  const connectTo = async (host: string, port: number, secure: boolean, via: ProxyEndpoint | null): Promise<Socket> => {
    let tunnel: Socket | undefined;
    if (via) {
      const t = await openTunnel(via, host, port, opts.connectTimeoutMs, opts.secureContext());
      if (!t.ok) throw new ClassifiedFailure(t.failure);
      tunnel = track(t.value.socket);
      if (!secure) {
        tunnel.resume();
        return tunnel;
      }
    }
    const socket = track(secure
      ? tlsConnect({
        ...(tunnel ? { socket: tunnel } : { host, port }),
        host,
        servername: isIP(host) ? undefined : host,
        secureContext: opts.secureContext(),
        rejectUnauthorized: opts.rejectUnauthorized,
        ALPNProtocols: ['http/1.1'],
      })
      : tcpConnect({ host, port }));
    socket.setNoDelay(true);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        tunnel?.destroy();
        reject(Object.assign(new Error(`connect to ${host}:${port} timed out`), { code: 'CONNECT_TIMEOUT' }));
      }, opts.connectTimeoutMs);
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      // Stays on: an error between this and the request taking the socket must not go uncaught.
      socket.on('error', (err) => {
        clearTimeout(timer);
        tunnel?.destroy();
        reject(err);
      });
    });
  };

  // One keep-alive pool per scheme: a connection is made once per host and reused by every request after.
  const agentFor = (secure: boolean) => {
    const agent = new Agent({ keepAlive: true, keepAliveMsecs: 10_000 });
    Object.assign(agent, {
      createConnection(o: ConnectionOptions, cb: Callback) {
        open(String(o.host), Number(o.port), secure).then((s) => cb(null, s), (err: Error) => cb(err));
        return undefined;
      },
    });
    return agent;
  };
  const agents = { https: agentFor(true), http: agentFor(false) };

  return {
    send(req) {
      const u = new URL(req.url);
      const secure = u.protocol === 'https:';
      const defaultPort = secure ? 443 : 80;
      return new Promise<SentExchange>((resolve, reject) => {
        const r = httpRequest({
          agent: secure ? agents.https : agents.http,
          host: u.hostname.replace(/^\[|\]$/g, ''),
          port: Number(u.port) || defaultPort,
          // So the Host header carries no port where the scheme implies it, as every client sends it.
          defaultPort,
          path: `${u.pathname}${u.search}`,
          method: req.method,
          headers: req.body === undefined ? req.headers : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
          signal: req.signal,
        });
        let response: IncomingMessage | null = null;
        const released = new Promise<void>((done) => r.once('close', () => done()));
        r.once('response', (res) => {
          response = res;
          resolve({ response: res, released });
        });
        // Stays on for the whole exchange: a parser error in the body arrives here, after the
        // response event; it is handed to the body's reader so the cause is not lost.
        r.on('error', (err) => {
          if (response) response.destroy(err);
          else reject(err);
        });
        const { whileWaiting } = req;
        if (whileWaiting) {
          r.once('finish', () => {
            try {
              whileWaiting();
            } catch {
              // Only a head start: whoever needs the result makes it again, and reports what goes wrong.
            }
          });
        }
        r.end(req.body);
      });
    },
    adopt(host, port, socket) {
      warm.get(`${host}:${port}`)?.destroy();
      warm.set(`${host}:${port}`, track(socket));
    },
    close() {
      agents.https.destroy();
      agents.http.destroy();
      for (const s of sockets) s.destroy();
      warm.clear();
    },
  };
}
