/** Runs the built CLI as a user would, and checks its output for every secret the scenario knows. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { MockServer } from '../../src/mock/index.js';
import type { Report } from '../../src/types.js';

export const BIN = resolve(__dirname, '../../bin/gigadoctor.js');

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
