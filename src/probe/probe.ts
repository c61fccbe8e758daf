import type { SecureContext } from 'node:tls';
import { ClassifiedFailure } from './classified.js';
import { classifyNetworkError } from './classify-network.js';
import { readCapped, send } from './exchange.js';
import { answeringLookup, resolveHost } from './net.js';
import { routeFor, type ProxyConfig } from './proxy-route.js';
import { HostSession } from './session.js';
import { secureContextFor, type TrustOptions } from './trust-context.js';
import type { HttpRequest, HttpResult, Probe, ServerDateSeen } from './types.js';
import { monotonicMs } from '../util/elapsed.js';

/** No real GigaChat answer is near this; a larger body is cut and reported. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ProbeOptions {
  trust: TrustOptions;
  proxy: ProxyConfig;
  /** Bounds opening a connection for a request (the tcp and tls steps bring their own). */
  connectTimeoutMs: number;
}

/**
 * The network as the checks see it: one session per host:port, which the tcp step opens, the
 * tls step verifies and the requests use, so a run makes one connection and one handshake per
 * host. The steps open both hosts at once (the checks ask in parallel); every wait has its
 * deadline here.
 */
export function createProbe(opts: ProbeOptions): Probe {
  // Built on first use: with a CA file it costs ~50 ms, which a run that stays offline
  // (`--only env,format`) should not pay.
  let context: { value: SecureContext | undefined } | null = null;
  const trust = {
    secureContext: () => (context ??= { value: secureContextFor(opts.trust) }).value,
    verifyRequests: !opts.trust.insecure,
    clientCert: Boolean(opts.trust.clientCert),
  };
  // Each host is looked up once, by the dns step: every connection after goes to what it found.
  const answers = new Map<string, readonly string[]>();
  const lookup = answeringLookup((host) => answers.get(host));
  const sessions = new Map<string, HostSession>();
  const sessionFor = (host: string, port: number) => {
    const key = `${host}:${port}`;
    let session = sessions.get(key);
    if (!session) sessions.set(key, (session = new HostSession(host, port, trust, lookup)));
    return session;
  };
  let lastDate: ServerDateSeen | null = null;
  const sawDate = (date: string | null | undefined) => {
    if (date && !Number.isNaN(Date.parse(date))) lastDate = { date, receivedAt: Date.now() };
  };

  return {
    async resolve(host, timeoutMs) {
      const r = await resolveHost(host, timeoutMs);
      if (r.ok) answers.set(host, r.value.addresses);
      return r;
    },
    async connect(host, port, timeoutMs, via) {
      const r = await sessionFor(host, port).connect(timeoutMs, via ?? null);
      if (r.ok) sawDate(r.value.proxy?.date);
      return r;
    },
    // The check decides whether to verify: with --insecure it still verifies, to report what it would have found.
    handshake(host, port, { verify, timeoutMs, via }) {
      const session = sessionFor(host, port);
      return verify ? session.verify(timeoutMs, via ?? null) : session.look(timeoutMs, via ?? null);
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
        const url = new URL(req.url);
        const secure = url.protocol === 'https:';
        const session = sessionFor(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port) || (secure ? 443 : 80));
        const { response: res, released } = await send(session, {
          url,
          method: req.method,
          headers: req.headers,
          body: req.body,
          via: route.proxy,
          timeoutMs: Math.min(req.timeoutMs, opts.connectTimeoutMs),
        }, signal);
        // The response event fires when the status line and headers are in: the time to first byte.
        const ttfbMs = Math.round(monotonicMs() - started);
        const headers = flattenHeaders(res.headers);
        sawDate(headers.date);
        const { body, truncated } = await readCapped(res, MAX_BODY_BYTES);
        const ms = Math.round(monotonicMs() - started);
        await released;
        return {
          ok: true,
          response: { url: req.url, status: res.statusCode ?? 0, headers, body, truncated, ms, ttfbMs, viaProxy: proxy, tlsVerified: !opts.trust.insecure },
        };
      } catch (err) {
        if (err instanceof ClassifiedFailure) return { ok: false, failure: err.failure };
        // Aborted by the deadline, whatever the socket said as it went down.
        const cause = signal.aborted ? Object.assign(new Error('timed out'), { name: 'TimeoutError', cause: err }) : err;
        return { ok: false, failure: classifyNetworkError(cause, req.url, req.timeoutMs, { proxy, clientCert: trust.clientCert }) };
      }
    },
    async close() {
      for (const session of sessions.values()) session.close();
      sessions.clear();
    },
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
