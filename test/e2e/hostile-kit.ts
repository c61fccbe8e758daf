/**
 * Shared by the hostile*.test.ts and secrets*.test.ts files: the guarantees every run must keep,
 * a recording proxy that notices any connection, a hand-made hostile HTTPS server, and a way to
 * read a child's peak memory.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { MockServer } from '../../src/mock/index.js';
import type { CliRun } from './cli.js';

/** A line of a JavaScript stack trace, as Node prints one. */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

export interface Guarantees {
  /** The run must end within this long (wall clock, spawn included). */
  withinMs: number;
  /** Exit codes allowed; default 0–3. */
  codes?: number[];
  /** Secrets that must not appear in any form (the mock's are added by expectNoSecrets). */
  secrets?: string[];
}

/** Every run: an exit code 0–3, no stack trace, no internal error, a bounded time. */
export function expectGuarantees(run: CliRun, g: Guarantees): void {
  const where = `exit ${run.code} after ${run.ms} ms\nstderr: ${run.stderr.slice(0, 2000)}`;
  expect(g.codes ?? [0, 1, 2, 3], where).toContain(run.code);
  expect(run.stderr, where).not.toMatch(STACK_LINE);
  expect(run.stdout, where).not.toMatch(STACK_LINE);
  expect(run.stderr, where).not.toMatch(/internal error|Unhandled|FATAL ERROR|heap out of memory/i);
  expect(run.ms, where).toBeLessThan(g.withinMs);
}

/**
 * No raw terminal control reaches the output: no ESC, BEL, CR, backspace, C1 or bidi control.
 * With `allowColour`, a one-parameter foreground-colour/bold/dim SGR (what the renderer itself
 * writes, and what the output gate lets through) is allowed.
 */
export function expectNoRawControls(text: string, opts: { allowColour?: boolean } = {}): void {
  const pattern = opts.allowColour
    ? /\u001b(?!\[(?:0|1|2|3|4|22|23|24|3[1-7]|39|9[0-7])m)|[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/
    : /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;
  const found = pattern.exec(text);
  expect(found, found ? `raw U+${found[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, found.index - 40), found.index + 20))}` : '').toBeNull();
}

/** Not even a fragment: no `length` consecutive characters of any secret, across lines or not. */
export function expectNoFragments(text: string, secrets: string[], length = 12): void {
  const flat = text.replace(/\s+/g, '');
  for (const s of secrets) {
    for (let i = 0; i + length <= s.length; i += 3) {
      const piece = s.slice(i, i + length);
      expect(flat.includes(piece), `${length} characters of a secret (at ${i} of ${s.length}) in the output`).toBe(false);
    }
  }
}

// ---------------------------------------------------------------------------------------------

export interface RecordedConnection {
  at: number;
  /** What the client said first (for a proxy: `CONNECT host:port HTTP/1.1`). */
  firstLine: string;
}

export interface RecordingProxy {
  url: string;
  connections: RecordedConnection[];
  close(): Promise<void>;
}

/**
 * A TCP listener used as HTTPS_PROXY: it records every connection and the first line said on
 * it, then refuses (403) and hangs up. It never connects anywhere itself.
 */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const connections: RecordedConnection[] = [];
  const sockets = new Set<Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const record: RecordedConnection = { at: Date.now(), firstLine: '' };
    connections.push(record);
    let head = '';
    socket.on('data', (d) => {
      head += d.toString('latin1');
      if (!record.firstLine && head.includes('\r\n')) {
        record.firstLine = head.slice(0, head.indexOf('\r\n'));
        socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------

export interface HostileServer {
  origin: string;
  baseUrl: string;
  /** Bytes of body written, over all requests. */
  bytesWritten: number;
  /** Requests received: method and path. */
  requests: Array<{ method: string; path: string; authorization: string | undefined }>;
  /** Set when a client hung up before the answer was complete. */
  clientHungUp: boolean;
  close(): Promise<void>;
}

export type HostileHandler = (req: IncomingMessage, res: ServerResponse, server: HostileServer, timers: Set<NodeJS.Timeout>) => void;

/**
 * An API host of our own making, presenting the mock's certificate chain (so the CLI trusts it
 * with the mock's CA), for answers the mock has no scenario for: an endless body, headers that
 * never end, a flood of headers.
 */
export async function startHostileServer(mock: MockServer, handler: HostileHandler): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const state: HostileServer = {
    origin: '',
    baseUrl: '',
    bytesWritten: 0,
    requests: [],
    clientHungUp: false,
    close: async () => undefined,
  };
  const server = https.createServer({ key: mock.chain.leafKeyPem, cert: mock.chain.fullChainPem }, (req, res) => {
    state.requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
    res.on('close', () => {
      if (!res.writableFinished) state.clientHungUp = true;
    });
    req.resume();
    handler(req, res, state, timers);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.origin = `https://127.0.0.1:${port}`;
  state.baseUrl = `${state.origin}/api/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

/** Writes `chunk` for as long as the client reads, honouring back-pressure; never ends. */
export function endlessBody(res: ServerResponse, head: string, chunk: string, server: HostileServer): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  const piece = Buffer.from(chunk);
  res.write(head);
  const pump = () => {
    while (!res.destroyed) {
      server.bytesWritten += piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

// ---------------------------------------------------------------------------------------------

/**
 * Env additions that make a spawned node write its peak resident memory (KiB) on exit, and a
 * reader for it. Works because the CLI ends with process.exit(), which runs 'exit' listeners.
 */
export function peakMemoryProbe(): { env: Record<string, string>; readKiB(): number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'gd-rss-'));
  const hook = join(dir, 'rss-hook.mjs');
  const out = join(dir, 'rss.txt');
  writeFileSync(
    hook,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { try { writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)); } catch {} });\n`,
  );
  return {
    env: { NODE_OPTIONS: `--import=${hook}` },
    readKiB: () => {
      try {
        return Number(readFileSync(out, 'utf8'));
      } catch {
        return null;
      }
    },
  };
}
