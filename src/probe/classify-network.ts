import type { NetworkFailure } from './types.js';

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_UNTRUSTED',
]);

/** Error codes of undici and Node, collected along the `cause` chain. */
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

/**
 * Puts a failed request at the layer where it broke. TLS codes are Node's
 * (`SELF_SIGNED_CERT_IN_CHAIN` is what GigaChat gives a Node process without the
 * Russian Trusted Root CA); the rest are socket and undici codes.
 */
export function classifyNetworkError(err: unknown, url: string, timeoutMs: number): NetworkFailure {
  const codes = errorCodes(err);
  const { hostname: host, port: rawPort, protocol } = new URL(url);
  const port = Number(rawPort) || (protocol === 'https:' ? 443 : 80);
  const has = (...c: string[]) => c.some((x) => codes.includes(x));
  const errno = codes.find((c) => !c.startsWith('UND_ERR')) ?? codes[0] ?? 'unknown';

  if (has('ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA')) {
    return { layer: 'dns', code: 'DNS_NOT_FOUND', transient: false, details: { host, url } };
  }
  if (has('EAI_AGAIN')) return { layer: 'dns', code: 'DNS_TIMEOUT', transient: true, details: { host, timeoutMs } };
  if (has('ECONNREFUSED')) return { layer: 'tcp', code: 'TCP_REFUSED', transient: false, details: { host, port, url } };
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) {
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
  if (has('TimeoutError', 'AbortError', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_ABORTED')) {
    return { layer: 'timeout', code: 'OAUTH_TIMEOUT', transient: true, details: { url, timeoutMs } };
  }
  if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED')) {
    return { layer: 'connection', code: 'CONNECTION_RESET', transient: true, details: { host, port, url } };
  }
  return { layer: 'connection', code: 'TCP_UNREACHABLE', transient: false, details: { host, port, errno, message: messageOf(err) } };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message.slice(0, 300) : String(err).slice(0, 300);
}
