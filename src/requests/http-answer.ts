import type { Code } from '../catalog/codes.js';
import type { Details } from '../catalog/types.js';
import type { HttpResponse, NetworkFailure } from '../probe/types.js';
import type { Verdict } from '../types.js';
import { displayUrl } from '../util/display-url.js';

export type BodyKind = 'json' | 'html' | 'text' | 'empty';

/** An HTTP answer reduced to what classification needs. */
export interface Answer {
  status: number;
  kind: BodyKind;
  json: unknown;
  /** `message` of a GigaChat error body: `{code, message}` on the OAuth host, `{status, message}` on the API host. */
  message: string | null;
  /** `code` of an OAuth-host error body. */
  errorCode: number | null;
  invalidUtf8: boolean;
  truncated: boolean;
  headers: Record<string, string>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function readAnswer(res: HttpResponse): Answer {
  let text = '';
  let invalidUtf8 = false;
  try {
    text = decoder.decode(res.body);
  } catch {
    invalidUtf8 = true;
    text = res.body.toString('latin1');
  }
  const trimmed = text.trim();
  let json: unknown = undefined;
  let kind: BodyKind = trimmed ? 'text' : 'empty';
  if (trimmed && !res.truncated && !invalidUtf8 && /^[[{]/.test(trimmed)) {
    try {
      json = JSON.parse(trimmed);
      kind = 'json';
    } catch {
      kind = 'text';
    }
  }
  if (kind === 'text' && /^<(!doctype|html|head|body|\?xml)/i.test(trimmed)) kind = 'html';
  const obj = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  return {
    status: res.status,
    kind,
    json,
    message: typeof obj?.message === 'string' ? obj.message.slice(0, 300) : null,
    errorCode: typeof obj?.code === 'number' ? obj.code : null,
    invalidUtf8,
    truncated: res.truncated,
    headers: res.headers,
  };
}

/** Retry-After in seconds: a number of seconds or an HTTP date. */
export function retryAfterSeconds(headers: Record<string, string>, now: number): number | null {
  const raw = headers['retry-after'];
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw.trim())) return Math.ceil(Number(raw));
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** What a report needs to let support find the call: ids sent and received, time, status. */
export function exchangeDetails(method: string, res: HttpResponse, sentHeader: string, sentId: string | null): Details {
  return {
    http: {
      method,
      url: displayUrl(res.url),
      status: res.status,
      ms: res.ms,
      // Time to the status line and headers; DNS, connect and TLS are in the dns/tcp/tls checks.
      ttfbMs: res.ttfbMs ?? null,
      ...(res.viaProxy ? { proxy: res.viaProxy } : {}),
      ...(res.tlsVerified === false ? { tlsVerified: false } : {}),
      ...(sentId ? { [sentHeader]: sentId } : {}),
      requestId: res.headers['x-request-id'] ?? null,
      sessionId: res.headers['x-session-id'] ?? null,
      date: res.headers.date ?? null,
      server: res.headers.server ?? null,
      contentType: res.headers['content-type'] ?? null,
    },
  };
}

/** A request that got no HTTP answer becomes the verdict of the layer that broke. */
export function failureVerdict(failure: NetworkFailure, codes: { timeout: Code; badResponse: Code }, url: string): Verdict {
  const code = failure.layer === 'timeout' ? codes.timeout : failure.layer === 'protocol' ? codes.badResponse : failure.code;
  return { status: 'fail', code, details: { url: displayUrl(url), layer: failure.layer, ...failure.details } };
}

/** Answers that are not the endpoint's own: a status HTTP does not define, a redirect, a too-large or broken body. */
export function malformedAnswer(answer: Answer, url: string, badResponse: Code, redirect: Code): Verdict | null {
  const shown = displayUrl(url);
  // 999 is no server error to retry (exit 3) but a server that does not speak HTTP properly.
  if (answer.status < 100 || answer.status > 599) {
    return { status: 'fail', code: badResponse, details: { url: shown, status: answer.status, reason: 'unexpected-status' } };
  }
  if (answer.status >= 300 && answer.status < 400) {
    const location = answer.headers.location ? displayUrl(answer.headers.location) : null;
    return { status: 'fail', code: redirect, details: { url: shown, status: answer.status, location } };
  }
  if (answer.truncated) return { status: 'fail', code: badResponse, details: { url: shown, status: answer.status, reason: 'too-large' } };
  if (answer.invalidUtf8) return { status: 'fail', code: badResponse, details: { url: shown, status: answer.status, reason: 'invalid-utf8' } };
  return null;
}

/** Clock skew from the Date header: a clock off by minutes breaks token lifetimes and TLS validity. */
export function clockSkewSeconds(headers: Record<string, string>, now: number): number | null {
  const date = headers.date ? Date.parse(headers.date) : NaN;
  if (Number.isNaN(date)) return null;
  return Math.round((date - now) / 1000);
}

/** Names the first field that broke a zod parse: `data[0].id`. */
export function firstIssuePath(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): string {
  const path = issues[0]?.path ?? [];
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '') || '(root)';
}
