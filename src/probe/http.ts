import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { classifyNetworkError } from './classify-network.js';
import { connectTcp, handshake, resolveHost } from './net.js';
import type { HttpRequest, HttpResult, Probe } from './types.js';

/** No real GigaChat answer is near this; a larger body is cut and reported. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface TrustOptions {
  /** Extra CA PEM text (from --ca-file / GIGACHAT_CA_BUNDLE_FILE), added to the default trust. */
  extraCaPem?: string;
  /** Path of NODE_EXTRA_CA_CERTS as this process saw it at start. */
  nodeExtraCaCerts?: string;
  insecure: boolean;
}

export interface ProxyOptions {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

export interface HttpProbeOptions {
  trust: TrustOptions;
  proxy: ProxyOptions;
  connectTimeoutMs: number;
}

/**
 * The `ca` list for a connection. Node drops its default roots and NODE_EXTRA_CA_CERTS
 * as soon as `ca` is given, so when we add a CA we add those back ourselves.
 */
export function trustedCas(trust: TrustOptions): string[] | undefined {
  if (!trust.extraCaPem) return undefined;
  const cas = [...rootCertificates];
  if (trust.nodeExtraCaCerts) {
    try {
      cas.push(readFileSync(trust.nodeExtraCaCerts, 'utf8'));
    } catch {
      // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; the tls check reports it.
    }
  }
  cas.push(trust.extraCaPem);
  return cas;
}

export function createDispatcher(opts: HttpProbeOptions): Dispatcher {
  const connect = {
    ca: trustedCas(opts.trust),
    rejectUnauthorized: !opts.trust.insecure,
    timeout: opts.connectTimeoutMs,
  };
  const common = { connect, keepAliveTimeout: 10_000, headersTimeout: 0, bodyTimeout: 0 };
  const { httpsProxy, httpProxy, noProxy } = opts.proxy;
  if (httpsProxy || httpProxy) {
    return new EnvHttpProxyAgent({
      ...common,
      httpsProxy: httpsProxy ?? httpProxy,
      httpProxy,
      noProxy,
      requestTls: connect,
      proxyTls: { timeout: opts.connectTimeoutMs },
    } as ConstructorParameters<typeof EnvHttpProxyAgent>[0]);
  }
  return new Agent(common);
}

/** HTTP over one keep-alive dispatcher: one TLS handshake per host for the whole run. */
export function createProbe(opts: HttpProbeOptions): Probe {
  let dispatcher: Dispatcher | null = null;
  const get = () => (dispatcher ??= createDispatcher(opts));
  const ca = trustedCas(opts.trust);
  return {
    resolve: resolveHost,
    connect: connectTcp,
    handshake: (host, port, { verify, timeoutMs }) => handshake(host, port, { ca, verify: verify && !opts.trust.insecure, timeoutMs }),
    async http(req: HttpRequest): Promise<HttpResult> {
      const started = performance.now();
      const signal = AbortSignal.timeout(req.timeoutMs);
      try {
        const res = await request(req.url, {
          method: req.method,
          headers: req.headers,
          body: req.body,
          dispatcher: get(),
          signal,
        } as Parameters<typeof request>[1]);
        const { body, truncated } = await readCapped(res.body, MAX_BODY_BYTES);
        return {
          ok: true,
          response: {
            url: req.url,
            status: res.statusCode,
            headers: flattenHeaders(res.headers),
            body,
            truncated,
            ms: Math.round(performance.now() - started),
          },
        };
      } catch (err) {
        return { ok: false, failure: classifyNetworkError(err, req.url, req.timeoutMs) };
      }
    },
    async close() {
      if (dispatcher) await dispatcher.destroy().catch(() => undefined);
    },
  };
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, cap: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > cap) {
      chunks.push(chunk.subarray(0, cap - (size - chunk.length)));
      body.destroy();
      return { body: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(chunk);
  }
  return { body: Buffer.concat(chunks), truncated: false };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
