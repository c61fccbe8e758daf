import { request as httpRequest, type Agent, type ClientRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { ClassifiedFailure } from './classified.js';
import { errorCodes } from './classify-network.js';
import type { ProxyEndpoint } from './proxy-route.js';
import type { HostSession } from './session.js';

/** A request as it goes on the wire. */
export interface OutgoingRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** The proxy the route names for this URL, or null. */
  via: ProxyEndpoint | null;
  /** The whole exchange, a connection it has to open included. */
  timeoutMs: number;
}

export interface SentExchange {
  /** Status line and headers are in; the body is still to be read. */
  response: IncomingMessage;
  /** Settles once the exchange is over and its connection back with the session, free for the next request. */
  released: Promise<void>;
}

/**
 * HTTP/1.1 on Node's own client, over a connection the host's session lends. undici was measured
 * against it (Node 20): its WebAssembly parser is compiled again in the background and the process
 * waits for that at exit, ~150 ms and ~35 MiB of peak memory per run; Node's parser is native.
 *
 * The session lends no connection it has seen closed, but a server that ends the connection after
 * its answer (without `Connection: close`) may have its FIN still on the way when the next request
 * leaves. Such a connection ends before the answer's first byte: the request never reached the
 * server, so it goes out again, once, on a new connection (as curl does). An answer that was
 * started and then cut short is a finding, and is not sent again.
 */
export async function send(session: HostSession, req: OutgoingRequest, signal: AbortSignal): Promise<SentExchange> {
  for (;;) {
    const lease = await untilAborted(session.lend(req.url.protocol === 'https:', req.timeoutMs, req.via), signal);
    if (!lease.ok) throw new ClassifiedFailure(lease.failure);
    try {
      return await sendOn(lease.value.socket, req, signal);
    } catch (err) {
      // A new connection is not idled, so this goes round at most once.
      if (!lease.value.idled || signal.aborted || !closedUnanswered(err)) throw err;
    }
  }
}

/** The connection ended (or was reset) before the status line: Node's "socket hang up" and its kin. */
function closedUnanswered(err: unknown): boolean {
  return errorCodes(err).some((code) => code === 'ECONNRESET' || code === 'EPIPE');
}

function sendOn(socket: Socket, req: OutgoingRequest, signal: AbortSignal): Promise<SentExchange> {
  const defaultPort = req.url.protocol === 'https:' ? 443 : 80;
  return new Promise<SentExchange>((resolve, reject) => {
    const r = httpRequest({
      agent: lending(socket),
      host: req.url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(req.url.port) || defaultPort,
      // So the Host header carries no port where the scheme implies it, as every client sends it.
      defaultPort,
      path: `${req.url.pathname}${req.url.search}`,
      method: req.method,
      headers: req.body === undefined ? req.headers : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
      signal,
    });
    // A body can be read before the request's own write has finished: the next request waits for this.
    const released = new Promise<void>((done) => r.once('close', () => done()));
    let response: IncomingMessage | null = null;
    r.once('response', (res) => {
      response = res;
      resolve({ response: res, released });
    });
    // Stays on for the whole exchange: a parser error in the body arrives here, after the
    // response event; it is handed to the body's reader so the cause is not lost.
    r.on('error', (err) => {
      if (response) response.destroy(err);
      else reject(err);
    });
    r.end(req.body);
  });
}

/** Node's http client takes its connection from an agent; this one hands over the lent connection. */
function lending(socket: Socket): Agent {
  const agent = { keepAlive: true, addRequest: (r: ClientRequest) => r.onSocket(socket) };
  return agent as unknown as Agent;
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The body, up to `cap` bytes; more is cut and said so. */
export async function readCapped(body: IncomingMessage, cap: number): Promise<{ body: Buffer; truncated: boolean }> {
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
