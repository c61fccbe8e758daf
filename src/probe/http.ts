import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { IncomingMessage } from 'node:http';
import { ClassifiedFailure } from './classified.js';
import { classifyNetworkError } from './classify-network.js';
import { connectTcp, handshake, resolveHost, type ClientCertMaterial, type OpenConnection } from './net.js';
import { routeFor, type ProxyConfig } from './proxy-route.js';
import type { Transport } from './transport.js';
import type { HttpRequest, HttpResult, Probe, ServerDateSeen } from './types.js';
import { monotonicMs } from '../util/elapsed.js';

/** No real GigaChat answer is near this; a larger body is cut and reported. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface TrustOptions {
  /** Extra CA PEM text (from --ca-file / GIGACHAT_CA_BUNDLE_FILE), added to the default trust. */
  extraCaPem?: string;
  /** Path of NODE_EXTRA_CA_CERTS as this process saw it at start. */
  nodeExtraCaCerts?: string;
  insecure: boolean;
  /** GIGACHAT_CERT_FILE / GIGACHAT_KEY_FILE, already read and checked. */
  clientCert?: ClientCertMaterial | null;
}

export interface HttpProbeOptions {
  trust: TrustOptions;
  proxy: ProxyConfig;
  connectTimeoutMs: number;
}

/**
 * The `ca` list for a connection. Node drops its default roots and NODE_EXTRA_CA_CERTS
 * as soon as `ca` is given, so when we add a CA we add those back ourselves.
 */
export function trustedCas(trust: Pick<TrustOptions, 'extraCaPem' | 'nodeExtraCaCerts'>): string[] | undefined {
  if (!trust.extraCaPem) return undefined;
  const extra = readExtraCaCerts(trust.nodeExtraCaCerts);
  return [...rootCertificates, ...(extra ? [extra] : []), trust.extraCaPem];
}

/**
 * One TLS context for every connection of the run, or undefined when Node's default one will
 * do. Node's default roots are copied natively when a CA is added to a default context (about
 * 5 ms), where a `ca` list of ~140 PEM strings costs about 100 ms to parse; NODE_EXTRA_CA_CERTS
 * is not part of that copy, so it is added back like the extra CA.
 */
export function secureContextFor(trust: TrustOptions): SecureContext | undefined {
  const cert = trust.clientCert;
  if (!trust.extraCaPem && !cert) return undefined;
  const keyPair = cert ? { cert: cert.cert, key: cert.key, passphrase: cert.passphrase } : {};
  if (!trust.extraCaPem) return createSecureContext(keyPair);
  const context = createSecureContext(keyPair) as SecureContext & { context?: { addCACert?(pem: string): void } };
  const native = context.context;
  if (typeof native?.addCACert !== 'function') {
    // Not the Node this was written against: the documented, slower way.
    return createSecureContext({ ca: trustedCas(trust), ...keyPair });
  }
  const extra = readExtraCaCerts(trust.nodeExtraCaCerts);
  if (extra) native.addCACert(extra);
  native.addCACert(trust.extraCaPem);
  return context;
}

function readExtraCaCerts(path: string | undefined): string | null {
  if (!path) return null;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; the tls check reports it.
    return null;
  }
}

/** HTTP over one keep-alive pool: one TLS handshake per host for the whole run, the tls check's included. */
export function createProbe(opts: HttpProbeOptions): Probe {
  // Built on first use: with a CA file it costs ~50 ms, which a run that stays offline
  // (`--only env,format`) should not pay.
  let context: { value: SecureContext | undefined } | null = null;
  const secureContext = () => (context ??= { value: secureContextFor(opts.trust) }).value;
  // Node's http client is loaded only by a run that goes on the network (see resolve).
  let transport: Promise<Transport> | null = null;
  const loadTransport = () => (transport ??= import('./transport.js').then(({ createTransport }) => createTransport({
    proxy: opts.proxy,
    secureContext,
    rejectUnauthorized: !opts.trust.insecure,
    connectTimeoutMs: opts.connectTimeoutMs,
  })));
  /** Connections the tcp step made, waiting for the tls step's handshake. */
  const connected = new Map<string, OpenConnection>();
  let lastDate: ServerDateSeen | null = null;
  const sawDate = (date: string | null | undefined) => {
    if (date && !Number.isNaN(Date.parse(date))) lastDate = { date, receivedAt: Date.now() };
  };
  return {
    resolve(host, timeoutMs) {
      // The first network step: load Node's http client now, while lookups and handshakes are in flight.
      void loadTransport();
      return resolveHost(host, timeoutMs);
    },
    // The connection stays open for the tls step, which runs its handshake on it.
    async connect(host, port, timeoutMs, via) {
      const r = await connectTcp(host, port, timeoutMs, via, secureContext(), (open) => {
        connected.get(`${host}:${port}`)?.socket.destroy();
        connected.set(`${host}:${port}`, open);
      });
      if (r.ok) sawDate(r.value.proxy?.date);
      return r;
    },
    // The check decides whether to verify: with --insecure it still verifies, to report what it would have found.
    // A verified connection is kept for the requests that follow: the run makes one connection and
    // one handshake per host, from the tcp step to the chat probe.
    async handshake(host, port, { verify, timeoutMs, via }) {
      const key = `${host}:${port}`;
      const open = verify ? connected.get(key) : undefined;
      connected.delete(key);
      const usable = open && !open.socket.destroyed && open.socket.readable && open.socket.writable ? open : null;
      if (open && !usable) open.socket.destroy();
      const attempt = (connection: OpenConnection | null) => handshake(host, port, {
        secureContext: secureContext(),
        verify,
        timeoutMs,
        via,
        clientCert: Boolean(opts.trust.clientCert),
        connected: connection,
        keep: verify ? (socket) => void loadTransport().then((t) => t.adopt(host, port, socket)) : undefined,
      });
      const r = await attempt(usable);
      // A server may drop a connection that sat idle since the tcp step: that says nothing about TLS, so try a fresh one.
      if (usable && !r.ok && r.failure.code === 'CONNECTION_RESET') return attempt(null);
      return r;
    },
    serverDate: () => lastDate,
    async http(req: HttpRequest): Promise<HttpResult> {
      const started = monotonicMs();
      const signal = AbortSignal.timeout(req.timeoutMs);
      let proxy: string | null = null;
      try {
        const route = routeFor(req.url, opts.proxy);
        proxy = route.proxy?.display ?? null;
        if (route.reason === 'invalid-proxy') {
          return { ok: false, failure: { layer: 'proxy', code: 'PROXY_INVALID_URL', transient: false, details: { variable: route.variable, ...route.invalid } } };
        }
        const { response: res, released } = await (await loadTransport()).send({ url: req.url, method: req.method, headers: req.headers, body: req.body, signal, whileWaiting: req.whileWaiting });
        // The response event fires when the status line and headers are in: the time to first byte.
        const ttfbMs = Math.round(monotonicMs() - started);

        const headers = flattenHeaders(res.headers);
        sawDate(headers.date);
        const { body, truncated } = await readCapped(res, MAX_BODY_BYTES);
        const ms = Math.round(monotonicMs() - started);
        // The next step's request should find this connection free: wait for it to be released.
        await released;

        return {
          ok: true,
          response: {
            url: req.url,
            status: res.statusCode ?? 0,
            headers,
            body,
            truncated,
            ms,
            ttfbMs,
            viaProxy: proxy,
            tlsVerified: !opts.trust.insecure,
          },
        };
      } catch (err) {
        if (err instanceof ClassifiedFailure) return { ok: false, failure: err.failure };
        // Aborted by the deadline, whatever the socket said as it went down.
        const cause = signal.aborted ? Object.assign(new Error('timed out'), { name: 'TimeoutError', cause: err }) : err;
        return { ok: false, failure: classifyNetworkError(cause, req.url, req.timeoutMs, { proxy, clientCert: Boolean(opts.trust.clientCert) }) };
      }
    },
    async close() {
      for (const open of connected.values()) open.socket.destroy();
      connected.clear();
      if (transport) (await transport).close();
    },
  };
}

async function readCapped(body: IncomingMessage, cap: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > cap) {
        chunks.push(chunk.subarray(0, cap - (size - chunk.length)));
        body.destroy();
        return { body: Buffer.concat(chunks), truncated: true };
      }
      chunks.push(chunk);
    }
  } catch (err) {
    // Node says only "aborted" when the connection closes mid-body: a connection cut, as curl's
    // "transfer closed with bytes remaining" (undici called it a socket error too).
    if ((err as { message?: string }).message === 'aborted') throw cutShort(err);
    throw err;
  }
  if (!body.complete) throw cutShort(null);
  return { body: Buffer.concat(chunks), truncated: false };
}

function cutShort(cause: unknown) {
  return Object.assign(new Error('the connection closed before the response was complete'), { code: 'ECONNRESET', cause });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
