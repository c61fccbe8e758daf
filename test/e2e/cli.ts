/** Runs the built CLI as a user would, and checks its output for every secret the scenario knows. */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { MockServer, RecordedRequest } from '../../src/mock/index.js';
import type { Report } from '../../src/types.js';

/**
 * The built CLI. GIGADOCTOR_E2E_BIN may name another copy of bin/gigadoctor.js (with its dist/
 * beside it): a snapshot that a concurrent `node scripts/build.mjs` cannot delete mid-run.
 */
export const BIN = process.env.GIGADOCTOR_E2E_BIN ? resolve(process.env.GIGADOCTOR_E2E_BIN) : resolve(__dirname, '../../bin/gigadoctor.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  json(): Report;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Kill the process after this long: a hang must fail the test, not the suite. */
  killAfterMs?: number;
}

/** A fresh empty folder: the CLI reads ./.env, so never run it where the repo's files are. */
export function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'gd-e2e-'));
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  const started = Date.now();
  // Only what a clean shell would have: no GIGACHAT_* or proxy leaking in from the machine.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' };
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v !== undefined) env[k] = v;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? emptyDir(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr, ms: Date.now() - started, json: () => JSON.parse(stdout) as Report });
    });
  });
}

/** The environment that points the CLI at the mock, trusting its CA the way a user would (NODE_EXTRA_CA_CERTS). */
export function mockEnv(mock: MockServer, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    GIGACHAT_CREDENTIALS: mock.credentials,
    GIGACHAT_AUTH_URL: mock.authUrl,
    GIGACHAT_BASE_URL: mock.baseUrl,
    NODE_EXTRA_CA_CERTS: mock.writeCaFile(emptyDir()),
    ...extra,
  };
}

/** Every form of every secret: raw, base64, base64url, URL-encoded, and the id and secret inside the key. */
export function secretForms(secrets: string[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s || s.length < 8) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
    forms.add(Buffer.from(s).toString('base64').replace(/=+$/, ''));
    forms.add(Buffer.from(s).toString('base64url'));
  }
  return [...forms];
}

/** Neither the key, nor the client secret inside it, nor any issued token appears anywhere in the output. */
export function expectNoSecrets(run: CliRun, mock: MockServer | null, extra: string[] = []): void {
  const secrets = [...extra, ...(mock ? [mock.credentials, mock.clientSecret, ...mock.issuedTokens] : [])];
  const out = run.stdout + run.stderr;
  const flat = out.replace(/\s+/g, '');
  for (const form of secretForms(secrets)) {
    expect(out.includes(form), `a secret form (${form.length} chars) leaked into the output`).toBe(false);
    expect(flat.includes(form), 'a secret leaked, split across lines').toBe(false);
  }
}

export function checkOf(report: Report, id: string) {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in report`);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Helpers added for the per-check e2e files (credentials, endpoints, oauth, api, usage).

/** No stack trace ever reaches a user: not on stderr, not on stdout. */
export function expectNoStackTrace(run: CliRun): void {
  expect(run.stderr, 'a stack frame on stderr').not.toMatch(/^ {4}at /m);
  expect(run.stdout, 'a stack frame on stdout').not.toMatch(/^ {4}at /m);
}

/** The checks every e2e test makes of a run: no secret in any form, no stack trace. */
export function expectClean(run: CliRun, mock: MockServer | null, extra: string[] = []): void {
  expectNoSecrets(run, mock, extra);
  expectNoStackTrace(run);
}

/** The parsed JSON report; fails with the CLI's stderr when stdout is not JSON (a crash, a missing build). */
export function reportOf(run: CliRun): Report {
  try {
    return run.json();
  } catch {
    throw new Error(`stdout is not the JSON report (exit ${run.code}).\nstdout: ${run.stdout.slice(0, 500)}\nstderr: ${run.stderr.slice(0, 500)}`);
  }
}

/** id → [status, code] of every check, for compact assertions. */
export function verdicts(report: Report): Record<string, [string, string]> {
  return Object.fromEntries(report.checks.map((c) => [c.id, [c.status, c.code]]));
}

/** Requests the mock recorded from index `from` on. */
export function requestsSince(mock: MockServer, from: number): RecordedRequest[] {
  return mock.requests.slice(from);
}

/**
 * Runs `action` when the mock records a request that matches, before the mock answers it:
 * the recording happens synchronously right before the route runs, so a scenario switched
 * here applies to that very request. Returns a function that removes the hook.
 */
export function onMockRequest(mock: MockServer, match: (r: RecordedRequest) => boolean, action: (r: RecordedRequest) => void): () => void {
  const list = mock.requests;
  const original = list.push;
  list.push = function push(this: RecordedRequest[], ...items: RecordedRequest[]): number {
    const n = original.apply(this, items);
    for (const item of items) if (match(item)) action(item);
    return n;
  };
  return () => {
    list.push = original;
  };
}

/** Exchanges the mock's key for an access token the way an app would, outside the CLI. */
export function issueToken(mock: MockServer, scope = mock.keyScope): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const body = `scope=${scope}`;
    const req = httpsRequest(
      mock.authUrl,
      {
        method: 'POST',
        ca: mock.caPem,
        headers: {
          Authorization: `Basic ${mock.credentials}`,
          RqUID: randomUUID(),
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          try {
            const token = (JSON.parse(text) as { access_token?: string }).access_token;
            if (res.statusCode === 200 && token) resolvePromise(token);
            else reject(new Error(`token request answered ${res.statusCode}`));
          } catch (err) {
            reject(err as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface ConnectionCounter {
  /** http://127.0.0.1:PORT — use as HTTPS_PROXY: every connection the CLI makes lands here. */
  url: string;
  count(): number;
  close(): Promise<void>;
}

/** A loopback port that counts the connections it gets and closes each at once. */
export async function startConnectionCounter(): Promise<ConnectionCounter> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.destroy();
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => connections,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolvePromise());
      }),
  };
}

/** A folder holding the given files (name → content), for .env tests. */
export function dirWith(files: Record<string, string | Buffer>): string {
  const dir = emptyDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
