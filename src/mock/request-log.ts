/**
 * The mock's memory of what it was sent, bounded (issue 12.3): a long-running `gigadoctor mock`
 * that kept every request grew without end (12,400 small requests: +56 MB; 80 bodies of 9 MB:
 * 912 MB). The log keeps the last `size` requests and of each body its first `bodyBytes`.
 *
 * It stays an array, oldest first, so a test can take `requests.length` before a run and read
 * `requests.slice(before)` after it; the oldest entries go once it is full.
 */
import type { IncomingMessage } from 'node:http';
import type { RecordedRequest, ServerKind } from './state.js';

export interface RequestLogLimits {
  /** How many requests are kept. */
  size: number;
  /** How much of each body is kept, in bytes. */
  bodyBytes: number;
}

/**
 * 1000 requests are hundreds of gigadoctor runs, more than any test or a person at a terminal
 * looks back on. 16 KiB holds every body gigadoctor or an SDK's token, models and chat call
 * sends whole. At most ~50 MB even when every entry is full.
 */
export const DEFAULT_REQUEST_LOG: RequestLogLimits = { size: 1000, bodyBytes: 16 * 1024 };

/** One request as the log keeps it: the body cut to the limit, with its full size beside it. */
export function recordOf(server: ServerKind, req: IncomingMessage, body: Buffer | null, limits: RequestLogLimits, at = Date.now()): RecordedRequest {
  const bytes = body ?? Buffer.alloc(0);
  const kept = bytes.length > limits.bodyBytes ? bytes.subarray(0, utf8Boundary(bytes, limits.bodyBytes)) : bytes;
  return {
    server,
    method: req.method ?? '',
    path: req.url ?? '',
    headers: { ...req.headers },
    body: kept.toString('utf8'),
    bodyBytes: bytes.length,
    ...(kept.length < bytes.length ? { bodyTruncated: true } : {}),
    at,
  };
}

/** The last character boundary at or before `at`, so a cut never splits a UTF-8 character. */
function utf8Boundary(bytes: Buffer, at: number): number {
  let end = at;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // a continuation byte: its character began earlier
  return end;
}

/** Appends to the log and drops what falls beyond its size, oldest first. */
export function appendBounded<T>(log: T[], entry: T, size: number): void {
  log.push(entry);
  if (log.length > size) log.splice(0, log.length - size);
}
