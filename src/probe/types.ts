import type { DnsAnswer, NetResult, TcpAnswer, TlsAnswer } from './net.js';
import type { Code } from '../catalog/codes.js';
import type { Details } from '../catalog/types.js';

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
  ms: number;
}

/** Why a request got no HTTP answer, at the layer where it broke. */
export interface NetworkFailure {
  layer: 'dns' | 'tcp' | 'tls' | 'proxy' | 'timeout' | 'connection';
  code: Code;
  transient: boolean;
  details: Details;
}

export type HttpResult = { ok: true; response: HttpResponse } | { ok: false; failure: NetworkFailure };

/** The only door to the network. Checks receive it; tests may hand in another. */
export interface Probe {
  http(req: HttpRequest): Promise<HttpResult>;
  resolve(host: string, timeoutMs: number): Promise<NetResult<DnsAnswer>>;
  connect(host: string, port: number, timeoutMs: number): Promise<NetResult<TcpAnswer>>;
  /** A handshake with the trust the run uses (`verify: true`), or one that only reads the chain. */
  handshake(host: string, port: number, opts: { verify: boolean; timeoutMs: number }): Promise<NetResult<TlsAnswer>>;
  close(): Promise<void>;
}
