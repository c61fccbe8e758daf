/** A tiny HTTPS client for the mock tests: node:https, the mock's CA, a hard client-side timeout. */
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json(): any;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  ca: string;
  /** Give up (reject with code 'TEST_TIMEOUT') after this long. Default 3000 ms. */
  timeoutMs?: number;
}

export class CallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** Whatever had arrived before the failure. */
    readonly partial: { status?: number; headers?: IncomingHttpHeaders; received: number },
  ) {
    super(message);
  }
}

export function call(url: string, opts: CallOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const partial: CallError['partial'] = { received: 0 };
    const req = https.request(url, { method: opts.method ?? 'GET', headers: opts.headers, ca: opts.ca, agent: false });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new CallError('client-side timeout', 'TEST_TIMEOUT', partial));
    }, opts.timeoutMs ?? 3000);
    const fail = (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new CallError(error.message, error.code ?? 'ERROR', partial));
    };
    req.on('error', fail);
    req.on('response', (res) => {
      partial.status = res.statusCode;
      partial.headers = res.headers;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        partial.received += chunk.length;
      });
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
      });
    });
    req.end(opts.body);
  });
}

/** POST the OAuth form the way the SDKs do. Overrides replace or (undefined) drop headers. */
export function oauth(
  authUrl: string,
  ca: string,
  opts: { key?: string; scope?: string | null; headers?: Record<string, string | undefined> } = {},
): Promise<Answer> {
  const headers: Record<string, string | undefined> = {
    Authorization: `Basic ${opts.key ?? ''}`,
    RqUID: '6f0b1291-c7f3-43c6-bb2e-9f3efb2dc98e',
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
    ...opts.headers,
  };
  const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const body = opts.scope === null ? '' : `scope=${opts.scope ?? 'GIGACHAT_API_PERS'}`;
  return call(authUrl, { method: 'POST', headers: clean, body, ca });
}
