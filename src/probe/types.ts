import type { DnsAnswer, NetResult, TcpAnswer, TlsAnswer } from './net.js';
import type { LookupFunction } from 'node:net';
import type { SecureContext } from 'node:tls';
import type { ProxyEndpoint } from './proxy-route.js';
import type { Code } from '../catalog/codes.js';
import type { Details } from '../catalog/types.js';

/** How a connection is made. */
export interface Dial {
  /** The run's trust and client certificate, for the server and a TLS proxy alike; Node's default context when absent. */
  secureContext?: SecureContext;
  /** The run's resolver (answeringLookup in net.ts); Node's own when absent. */
  lookup?: LookupFunction;
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The body was longer than the cap and was cut. */
  truncated: boolean;
  /** Request sent to body read. */
  ms: number;
  /** Request sent to status line and headers in (curl's time_starttransfer, less DNS/connect on a reused connection). */
  ttfbMs?: number;
  /** The proxy the request went through (without password), or null. */
  viaProxy?: string | null;
  /** false under --insecure: the answer came over a connection whose certificate was not checked. */
  tlsVerified?: boolean;
}

/** Why a request got no HTTP answer, at the layer where it broke. */
export interface NetworkFailure {
  layer: 'dns' | 'tcp' | 'tls' | 'proxy' | 'timeout' | 'connection' | 'protocol';
  code: Code;
  transient: boolean;
  details: Details;
}

export type HttpResult = { ok: true; response: HttpResponse } | { ok: false; failure: NetworkFailure };

/** A Date header some server sent during the run, with the local time it arrived. */
export interface ServerDateSeen {
  date: string;
  receivedAt: number;
}

/** The only door to the network. Checks receive it; tests may hand in another. */
export interface Probe {
  http(req: HttpRequest): Promise<HttpResult>;
  resolve(host: string, timeoutMs: number): Promise<NetResult<DnsAnswer>>;
  /** TCP to host:port; with `via`, to the proxy and a CONNECT to host:port through it. The connection is kept for the handshake. */
  connect(host: string, port: number, timeoutMs: number, via?: ProxyEndpoint | null): Promise<NetResult<TcpAnswer>>;
  /**
   * A handshake with the trust the run uses (`verify: true`), on the connection `connect` kept,
   * which then carries the requests to host:port; or (`verify: false`) one that only reads the chain.
   */
  handshake(host: string, port: number, opts: { verify: boolean; timeoutMs: number; via?: ProxyEndpoint | null }): Promise<NetResult<TlsAnswer>>;
  /** The last Date header any response (or proxy) gave, for judging the local clock. */
  serverDate?(): ServerDateSeen | null;
  close(): Promise<void>;
}
