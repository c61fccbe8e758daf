import type { LookupFunction, Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';
import type { Dial } from './types.js';
import { connectTcp, handshake, type NetResult, type OpenConnection, type TcpAnswer, type TlsAnswer } from './net.js';
import type { ProxyEndpoint } from './proxy-route.js';

/** What every session of a run shares. */
export interface SessionTrust {
  /** The run's TLS context (built on first use), or undefined for Node's default one. */
  secureContext: () => SecureContext | undefined;
  /** false under --insecure: a request's own connection accepts any certificate (the tls step still verifies). */
  verifyRequests: boolean;
  /** A client certificate is in the context. */
  clientCert: boolean;
}

/** A connection lent to one request. `idled`: it waited before this request, so the server may have closed it since. */
export interface Lease {
  socket: Socket;
  idled: boolean;
}

/**
 * One host:port for the whole run. The tcp step opens its connection (directly or through the
 * proxy's CONNECT tunnel), the tls step verifies a handshake on that same connection, and the
 * requests then use the verified connection one after the other. A connection the server has
 * closed is never lent: the next request gets a new one, opened and secured the same way.
 */
export class HostSession {
  /** The tcp step's connection, waiting for its handshake. */
  private opened: OpenConnection | null = null;
  /** A connection ready for a request (secured, for https) and not in use. */
  private idle: Socket | null = null;
  private readonly owned = new Set<Socket>();

  constructor(
    readonly host: string,
    readonly port: number,
    private readonly trust: SessionTrust,
    /** The run's resolver (answeringLookup): the host is not looked up again after the dns step. */
    private readonly lookup?: LookupFunction,
  ) {}

  /** The tcp step: a connection to host:port, or a tunnel to it through `via`, kept for the handshake. */
  connect(timeoutMs: number, via: ProxyEndpoint | null): Promise<NetResult<TcpAnswer>> {
    return connectTcp(this.host, this.port, timeoutMs, via, this.dial(), (open) => {
      this.drop(this.opened?.socket);
      this.opened = { ...open, socket: this.own(open.socket) };
    });
  }

  /** The tls step: a verified handshake on the tcp step's connection; the verified connection waits for the requests. */
  async verify(timeoutMs: number, via: ProxyEndpoint | null): Promise<NetResult<TlsAnswer>> {
    return this.secureOpened(true, timeoutMs, via, (socket) => this.giveBack(socket));
  }

  /** A handshake that only reads the presented chain, on a connection of its own that is closed after. */
  look(timeoutMs: number, via: ProxyEndpoint | null): Promise<NetResult<TlsAnswer>> {
    return this.secure(null, false, timeoutMs, via);
  }

  /**
   * A connection for one request: the idle one while the server keeps it open, else the tcp
   * step's (secured now), else a new one. Bounded by timeoutMs.
   */
  async lend(secure: boolean, timeoutMs: number, via: ProxyEndpoint | null): Promise<NetResult<Lease>> {
    const idle = this.idle;
    this.idle = null;
    if (idle && usable(idle)) return this.lent(idle, true);
    this.drop(idle);
    if (!secure) {
      const open = this.takeOpened();
      if (open) return this.lent(open.socket, true);
      let socket: Socket | null = null;
      const r = await connectTcp(this.host, this.port, timeoutMs, via, this.dial(), (o) => (socket = this.own(o.socket)));
      return r.ok ? this.lentNew(socket) : r;
    }
    let socket: TLSSocket | null = null;
    const r = await this.secureOpened(this.trust.verifyRequests, timeoutMs, via, (s) => (socket = s));
    return r.ok ? this.lentNew(socket) : r;
  }

  close(): void {
    // Newest first: a TLS socket goes before the TCP socket it was made on. The other order
    // frees the connection under the TLS layer that still uses it, and Node crashes at exit (SIGSEGV).
    for (const socket of [...this.owned].reverse()) socket.destroy();
    this.owned.clear();
    this.opened = null;
    this.idle = null;
  }

  /** A handshake on the tcp step's connection if it is still open, else on a new one. */
  private async secureOpened(
    verify: boolean, timeoutMs: number, via: ProxyEndpoint | null, keep: (socket: TLSSocket) => void,
  ): Promise<NetResult<TlsAnswer>> {
    const open = this.takeOpened();
    const r = await this.secure(open, verify, timeoutMs, via, keep);
    // A server may drop a connection that sat idle since the tcp step: that says nothing about TLS, so try a fresh one.
    if (open && !r.ok && r.failure.code === 'CONNECTION_RESET') return this.secure(null, verify, timeoutMs, via, keep);
    return r;
  }

  private secure(
    connected: OpenConnection | null, verify: boolean, timeoutMs: number, via: ProxyEndpoint | null, keep?: (socket: TLSSocket) => void,
  ): Promise<NetResult<TlsAnswer>> {
    return handshake(this.host, this.port, {
      ...this.dial(),
      verify,
      timeoutMs,
      via,
      clientCert: this.trust.clientCert,
      connected,
      keep: keep && ((socket) => keep(this.own(socket))),
    });
  }

  private dial(): Dial {
    return { secureContext: this.trust.secureContext(), lookup: this.lookup };
  }

  private takeOpened(): OpenConnection | null {
    const open = this.opened;
    this.opened = null;
    if (open && usable(open.socket)) return open;
    this.drop(open?.socket);
    return null;
  }

  /** Node's http client says 'free' when an exchange is over and the connection may carry another. */
  private lent(socket: Socket, idled: boolean): NetResult<Lease> {
    socket.once('free', () => this.giveBack(socket));
    return { ok: true, value: { socket, idled } };
  }

  /** A connection just made; the server may have closed it in the same moment. */
  private lentNew(socket: Socket | null): NetResult<Lease> {
    if (socket && usable(socket)) return this.lent(socket, false);
    return { ok: false, failure: { layer: 'connection', code: 'CONNECTION_RESET', transient: true, details: { host: this.host, port: this.port } } };
  }

  private giveBack(socket: Socket): void {
    if (this.idle || !usable(socket)) return this.drop(socket);
    this.idle = socket;
  }

  private own<S extends Socket>(socket: S): S {
    if (this.owned.has(socket)) return socket;
    this.owned.add(socket);
    // An error on a connection between requests has nobody else to hear it; the next lend sees it closed.
    socket.on('error', () => undefined);
    socket.once('close', () => {
      this.owned.delete(socket);
      if (this.idle === socket) this.idle = null;
    });
    return socket;
  }

  private drop(socket: Socket | null | undefined): void {
    if (!socket) return;
    socket.destroy();
    this.owned.delete(socket);
  }
}

/** Still open both ways: a server that closed it has been heard (its FIN ends the readable side). */
function usable(socket: Socket): boolean {
  return !socket.destroyed && socket.readable && socket.writable && !socket.readableEnded;
}
