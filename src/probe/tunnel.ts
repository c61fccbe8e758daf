import { isIP, connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { errorCodes } from './classify-network.js';
import type { ProxyEndpoint } from './proxy-route.js';
import type { Dial, NetworkFailure } from './types.js';
import { monotonicMs } from '../util/elapsed.js';

export interface Tunnel {
  socket: Socket;
  /** TCP (and TLS, for an https:// proxy) to the proxy. */
  proxyConnectMs: number;
  /** From sending CONNECT to the proxy's answer. */
  connectResponseMs: number;
  status: number;
  /** The proxy's Date header, when it sent one: a witness for the clock. */
  date: string | null;
}

export type TunnelResult = { ok: true; value: Tunnel } | { ok: false; failure: NetworkFailure };

/** An answer larger than this is not a proxy's CONNECT answer. */
const MAX_HEAD_BYTES = 16 * 1024;

/**
 * Opens a CONNECT tunnel to host:port through the proxy, as undici's ProxyAgent does, and
 * reports each way it can fail in the proxy's own terms. The whole exchange is bounded by
 * timeoutMs. On success the caller owns the socket (and must destroy it).
 */
export function openTunnel(
  proxy: ProxyEndpoint, host: string, port: number, timeoutMs: number, { secureContext, lookup }: Dial = {},
): Promise<TunnelResult> {
  const started = monotonicMs();
  const target = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const base = { proxy: proxy.display, target };
  return new Promise((resolve) => {
    let settled = false;
    let connectedAt = 0;
    let sentAt = 0;
    const finish = (r: TunnelResult, keep = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners('data');
      // Kept for a TLS handshake on top: nothing may be read off it until TLS takes over.
      if (keep) socket.pause();
      else socket.destroy();
      resolve(r);
    };
    const socket: Socket = proxy.protocol === 'https:'
      // An https:// proxy is verified with the run's trust: a corporate proxy's private CA comes from --ca-file too.
      ? tlsConnect({ host: proxy.host, port: proxy.port, servername: isIP(proxy.host) ? undefined : proxy.host, secureContext, lookup })
      : tcpConnect({ host: proxy.host, port: proxy.port, noDelay: true, lookup });
    const timer = setTimeout(() => {
      const stage = connectedAt ? 'connect-response' : 'connect';
      finish({ ok: false, failure: { layer: 'proxy', code: 'PROXY_TIMEOUT', transient: true, details: { ...base, timeoutMs, stage } } });
    }, timeoutMs);
    socket.on('error', (err) => {
      const errno = errorCodes(err)[0] ?? 'unknown';
      // Before the proxy answered, any error is about reaching the proxy itself.
      if (!sentAt) return finish({ ok: false, failure: { layer: 'proxy', code: 'PROXY_UNREACHABLE', transient: false, details: { ...base, errno } } });
      finish({ ok: false, failure: { layer: 'proxy', code: 'CONNECTION_RESET', transient: true, details: { host: proxy.host, port: proxy.port, proxy: proxy.display, errno } } });
    });
    socket.once(proxy.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      connectedAt = monotonicMs();
      const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`];
      if (proxy.authorization) lines.push(`Proxy-Authorization: ${proxy.authorization}`);
      sentAt = monotonicMs();
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    let head = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_HEAD_BYTES) {
          finish({ ok: false, failure: { layer: 'proxy', code: 'PROXY_CONNECT_REFUSED', transient: false, details: { ...base, status: null, reason: 'not-http' } } });
        }
        return;
      }
      const answer = parseHead(head.subarray(0, end).toString('latin1'));
      const rest = head.subarray(end + 4);
      if (!answer) {
        return finish({ ok: false, failure: { layer: 'proxy', code: 'PROXY_CONNECT_REFUSED', transient: false, details: { ...base, status: null, reason: 'not-http' } } });
      }
      if (answer.status === 407) {
        const scheme = (answer.headers['proxy-authenticate'] ?? '').split(/[\s,]/)[0] || null;
        return finish({
          ok: false,
          failure: { layer: 'proxy', code: 'PROXY_AUTH_REQUIRED', transient: false, details: { ...base, status: 407, scheme, credentialsSent: Boolean(proxy.authorization) } },
        });
      }
      if (answer.status < 200 || answer.status > 299) {
        // 5xx: the proxy could not reach the target (or is overloaded); may pass on retry.
        const code = answer.status >= 500 ? 'PROXY_BAD_GATEWAY' : 'PROXY_CONNECT_REFUSED';
        return finish({
          ok: false,
          failure: { layer: 'proxy', code, transient: code === 'PROXY_BAD_GATEWAY', details: { ...base, status: answer.status, statusText: answer.statusText } },
        });
      }
      if (rest.length) socket.unshift(rest);
      finish({
        ok: true,
        value: {
          socket,
          proxyConnectMs: Math.round(connectedAt - started),
          connectResponseMs: Math.round(monotonicMs() - sentAt),
          status: answer.status,
          date: answer.headers.date ?? null,
        },
      }, true);
    });
    socket.on('close', () => {
      if (sentAt) {
        finish({ ok: false, failure: { layer: 'proxy', code: 'PROXY_CONNECT_REFUSED', transient: false, details: { ...base, status: null, reason: 'closed' } } });
      }
    });
  });
}

function parseHead(text: string): { status: number; statusText: string; headers: Record<string, string> } | null {
  const [statusLine, ...rest] = text.split('\r\n');
  const m = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.*))?$/.exec(statusLine ?? '');
  if (!m) return null;
  const headers: Record<string, string> = {};
  for (const line of rest) {
    const i = line.indexOf(':');
    if (i > 0) {
      const k = line.slice(0, i).trim().toLowerCase();
      const v = line.slice(i + 1).trim();
      headers[k] = headers[k] ? `${headers[k]}, ${v}` : v;
    }
  }
  return { status: Number(m[1]), statusText: (m[2] ?? '').slice(0, 100), headers };
}
