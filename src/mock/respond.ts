/** Small response writers shared by the auth and API servers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const API_JSON = 'application/json; charset=utf-8';
export const OAUTH_JSON = 'application/json';
export const HTML = 'text/html';

export type ExtraHeaders = Record<string, string | number>;

export function sendBody(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: ExtraHeaders = {},
): void {
  if (res.destroyed || res.headersSent) return;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', bytes.length);
  res.statusCode = status;
  res.end(bytes);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = API_JSON,
  headers: ExtraHeaders = {},
): void {
  sendBody(res, status, contentType, JSON.stringify(body), headers);
}

/** An API-style error: {"status": N, "message": "..."} with the API's content type. */
export function sendApiError(
  res: ServerResponse,
  error: { status: number; message: string },
  headers: ExtraHeaders = {},
): void {
  sendJson(res, error.status, { status: error.status, message: error.message }, API_JSON, headers);
}

/** A redirect that carries no body worth reading, the way nginx answers one. */
export function sendRedirect(res: ServerResponse, status: number, location: string): void {
  sendBody(res, status, HTML, `<html><body>${status} redirect to ${location}</body></html>\r\n`, {
    Location: location,
  });
}

/**
 * Reads the whole request body, up to `limit` bytes; beyond that returns null (and drains).
 * A body declared larger is refused at once: neither collected nor waited for. A declared
 * length is read into one buffer of that size, so a large body is held once, not twice.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    let into = Number.isSafeInteger(declared) && declared > 0 ? Buffer.allocUnsafe(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      if (size + chunk.length > limit) {
        tooLarge = true;
        into = null; // the answer is 413 now: what came so far is not needed
        chunks.length = 0;
        return;
      }
      if (into && size + chunk.length > into.length) {
        // More than declared: node:http does not deliver that, but a short buffer must not throw.
        chunks.push(into.subarray(0, size));
        into = null;
      }
      if (into) chunk.copy(into, size);
      else chunks.push(chunk);
      size += chunk.length;
    });
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      resolve(tooLarge ? null : into ? into.subarray(0, size) : Buffer.concat(chunks));
    };
    req.once('end', done);
    req.once('error', done);
    req.once('close', done);
  });
}

/** The value of `Authorization: <scheme> <value>` when the scheme matches (case-insensitive). */
export function authorizationValue(req: IncomingMessage, scheme: string): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space).toLowerCase() !== scheme.toLowerCase()) return null;
  return header.slice(space + 1).trim();
}

/** The request body as JSON; when it is not, the API's 400 has been sent and undefined returned. */
export function parseJsonBody(res: ServerResponse, body: Buffer, invalidJson: { status: number; message: string }): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    sendApiError(res, invalidJson);
    return undefined;
  }
}
