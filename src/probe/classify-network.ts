import type { NetworkFailure } from './types.js';

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_UNTRUSTED',
]);

/** Error codes of Node and of the probe, collected along the `cause` chain. */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  let cur: unknown = err;
  for (let depth = 0; cur && depth < 6; depth++) {
    const e = cur as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof e.code === 'string') codes.push(e.code);
    if (typeof e.name === 'string' && (e.name === 'TimeoutError' || e.name === 'AbortError')) codes.push(e.name);
    if (Array.isArray(e.errors)) for (const inner of e.errors) codes.push(...errorCodes(inner));
    cur = e.cause;
  }
  return codes;
}

/** TLS alerts a server sends about the client's certificate (OpenSSL names, as Node reports them). */
const CLIENT_CERT_ALERTS = [
  'ALERT_BAD_CERTIFICATE', 'ALERT_UNKNOWN_CA', 'ALERT_CERTIFICATE_UNKNOWN', 'ALERT_UNSUPPORTED_CERTIFICATE',
  'ALERT_CERTIFICATE_REVOKED', 'ALERT_CERTIFICATE_EXPIRED', 'ALERT_ACCESS_DENIED',
];

export interface ClassifyContext {
  /** The connection went through this proxy (shown without password). */
  proxy?: string | null;
  /** A client certificate was offered. */
  clientCert?: boolean;
}

/**
 * Puts a failed request at the layer where it broke. TLS codes are Node's
 * (`SELF_SIGNED_CERT_IN_CHAIN` is what GigaChat gives a Node process without the
 * Russian Trusted Root CA); the rest are socket, http parser and probe codes. A proxy's own
 * refusals arrive already classified by the tunnel; what is left of a proxied failure is here.
 */
export function classifyNetworkError(err: unknown, url: string, timeoutMs: number, ctx: ClassifyContext = {}): NetworkFailure {
  const codes = errorCodes(err);
  const { hostname: rawHost, port: rawPort, protocol } = new URL(url);
  const host = rawHost.replace(/^\[|\]$/g, '');
  const port = Number(rawPort) || (protocol === 'https:' ? 443 : 80);
  const has = (...c: string[]) => c.some((x) => codes.includes(x));
  const errno = codes[0] ?? 'unknown';

  const clientAlert = codes.find((c) => c.includes('ALERT_CERTIFICATE_REQUIRED') || CLIENT_CERT_ALERTS.some((a) => c.endsWith(a)));
  if (clientAlert) {
    // "certificate required" is unambiguous; the other alerts mean a certificate was refused.
    const code = clientAlert.includes('CERTIFICATE_REQUIRED') || !ctx.clientCert ? 'TLS_CLIENT_CERT_REQUIRED' : 'TLS_CLIENT_CERT_REJECTED';
    return { layer: 'tls', code, transient: false, details: { host, port, errno: clientAlert, clientCertSent: Boolean(ctx.clientCert) } };
  }
  if (ctx.proxy) {
    const proxied = classifyProxied(codes, ctx.proxy, `${host}:${port}`, timeoutMs);
    if (proxied) return proxied;
  }

  if (has('ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA')) {
    return { layer: 'dns', code: 'DNS_NOT_FOUND', transient: false, details: { host, url } };
  }
  if (has('EAI_AGAIN')) return { layer: 'dns', code: 'DNS_TIMEOUT', transient: true, details: { host, timeoutMs } };
  if (has('ECONNREFUSED')) return { layer: 'tcp', code: 'TCP_REFUSED', transient: false, details: { host, port, url } };
  if (has('CONNECT_TIMEOUT', 'ETIMEDOUT')) {
    return { layer: 'tcp', code: 'TCP_TIMEOUT', transient: true, details: { host, port, timeoutMs } };
  }
  if (has('EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL')) {
    return { layer: 'tcp', code: 'TCP_UNREACHABLE', transient: false, details: { host, port, errno } };
  }
  const tlsCode = codes.find((c) => UNTRUSTED.has(c));
  if (tlsCode) return { layer: 'tls', code: 'TLS_UNTRUSTED_ROOT', transient: false, details: { host, port, errno: tlsCode } };
  if (has('ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH')) {
    return { layer: 'tls', code: 'TLS_HOSTNAME_MISMATCH', transient: false, details: { host, port } };
  }
  if (has('CERT_HAS_EXPIRED')) return { layer: 'tls', code: 'TLS_EXPIRED', transient: false, details: { host, port } };
  if (has('CERT_NOT_YET_VALID')) return { layer: 'tls', code: 'TLS_NOT_YET_VALID', transient: false, details: { host, port } };
  if (codes.some((c) => c.startsWith('ERR_SSL') || c.startsWith('ERR_TLS') || c.includes('CERT'))) {
    return { layer: 'tls', code: 'TLS_HANDSHAKE_FAILED', transient: false, details: { host, port, errno, message: messageOf(err) } };
  }
  if (has('TimeoutError', 'AbortError', 'ABORT_ERR')) {
    return { layer: 'timeout', code: 'OAUTH_TIMEOUT', transient: true, details: { url, timeoutMs } };
  }
  // The server answered, but not in HTTP: a broken chunk size, a header flood, bytes that are no
  // status line. That is a bad response (the caller names the code), not an unreachable host.
  if (codes.some((c) => c.startsWith('HPE_'))) {
    return { layer: 'protocol', code: 'OAUTH_BAD_RESPONSE', transient: false, details: { url, reason: 'not-http', errno, message: messageOf(err) } };
  }
  if (has('ECONNRESET', 'EPIPE')) {
    return { layer: 'connection', code: 'CONNECTION_RESET', transient: true, details: { host, port, url } };
  }
  return { layer: 'connection', code: 'TCP_UNREACHABLE', transient: false, details: { host, port, errno, message: messageOf(err) } };
}

/** Through a proxy, a connection that never got going is the proxy's (the tunnel reports the rest itself). */
function classifyProxied(codes: string[], proxy: string, target: string, timeoutMs: number): NetworkFailure | null {
  const errno = codes[0] ?? null;
  if (errno && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'].includes(errno)) {
    return { layer: 'proxy', code: 'PROXY_UNREACHABLE', transient: false, details: { proxy, target, errno } };
  }
  if (codes.includes('CONNECT_TIMEOUT')) {
    return { layer: 'proxy', code: 'PROXY_TIMEOUT', transient: true, details: { proxy, target, timeoutMs, stage: 'connect' } };
  }
  return null;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message.slice(0, 300) : String(err).slice(0, 300);
}
