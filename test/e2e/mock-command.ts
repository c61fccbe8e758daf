/**
 * Runs `gigadoctor mock` (the built CLI) as a child process, the way a user starts it in a
 * terminal, and reads what it prints: the variable lines to paste and the curl commands.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, emptyDir } from './cli.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface MockProcess {
  child: ChildProcess;
  /** The variables of the printed `export NAME=value` lines. */
  vars: Record<string, string>;
  /** The printed curl commands (without the comment marker). */
  curlLines: string[];
  /** https://127.0.0.1:PORT of the API server (the admin endpoint lives there). */
  apiOrigin: string;
  /** The admin token, as the printed curl lines carry it (-H X-Admin-Token:TOKEN). */
  adminToken: string;
  caFile: string;
  caPem: string;
  /** The TMPDIR the child was given: the CA file's folder is made inside it. */
  tmp: string;
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
  setScenario(name: string): Promise<void>;
  expireTokens(): Promise<number>;
  /** Sends the signal and resolves once the process has exited, with how long that took. */
  stop(signal?: NodeJS.Signals): Promise<Exit & { ms: number }>;
}

const running = new Set<ChildProcess>();
const folders = new Set<string>();
// A worker that ends (a timed-out test included) takes its mock processes with it.
process.on('exit', () => killLeftovers());

/**
 * For afterAll: kills (by pid, SIGKILL) any child a failed test left behind, then removes the
 * temporary folders the tests made (after they have asserted those are empty).
 */
export function killLeftovers(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

/** An empty working folder for one mock run, removed by killLeftovers(). */
export function workDir(): string {
  const dir = emptyDir();
  folders.add(dir);
  return dir;
}

/** The environment of a clean shell, plus a private TMPDIR and whatever the test adds. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/** A private TMPDIR for one mock run, removed by killLeftovers(). */
export function freshTmp(): string {
  const dir = fs.mkdtempSync(join(tmpdir(), 'gd-mock-tmp-'));
  folders.add(dir);
  return dir;
}

/** Runs `gigadoctor mock ARGS` to completion (for --list and usage errors). */
export function runMockToEnd(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const tmp = freshTmp();
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, 'mock', ...args], {
    cwd: opts.cwd ?? workDir(),
    env: opts.env ?? cleanEnv({ TMPDIR: tmp }),
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started, tmp };
}

/** `export NAME=value` lines, with sh's single-quote quoting undone. */
export function parseExports(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^export ([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    const raw = m[2];
    vars[m[1]] = raw.startsWith("'") ? raw.slice(1, -1).replace(/'\\''/g, "'") : raw;
  }
  return vars;
}

export async function startMockCommand(
  args: string[] = [],
  opts: { cwd?: string; env?: Record<string, string | undefined>; readyTimeoutMs?: number; tmp?: string; stdin?: 'ignore' | 'pipe' } = {},
): Promise<MockProcess> {
  const tmp = opts.tmp ?? freshTmp();
  const child = spawn(process.execPath, [BIN, 'mock', ...args], {
    cwd: opts.cwd ?? workDir(),
    env: cleanEnv({ TMPDIR: tmp, ...opts.env }),
    // /dev/null by default, as for `gigadoctor mock &`; a pipe for a parent that may go away.
    stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  void exited.then(() => running.delete(child));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gigadoctor mock did not get ready in time\nstdout:\n${out}\nstderr:\n${err}`));
    }, opts.readyTimeoutMs ?? 15_000);
    const poll = setInterval(() => {
      if (out.includes('Ctrl-C to stop.')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 10);
    void exited.then((e) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`gigadoctor mock exited (${e.code ?? e.signal}) before it was ready\nstdout:\n${out}\nstderr:\n${err}`));
    });
  });

  const vars = parseExports(out);
  const caFile = vars.NODE_EXTRA_CA_CERTS;
  const caPem = fs.readFileSync(caFile, 'utf8');
  const apiOrigin = new URL(vars.GIGACHAT_BASE_URL).origin;
  const curlLines = out
    .split('\n')
    .map((line) => /^#\s+(curl .*)$/.exec(line)?.[1])
    .filter((line): line is string => line !== undefined);

  const adminToken = /-H X-Admin-Token:(\S+)/.exec(curlLines[0] ?? '')?.[1];
  if (!adminToken) throw new Error(`no admin token in the printed curl lines:\n${curlLines.join('\n')}`);
  const admin = async (path: string, body: string) => {
    const answer = await post(`${apiOrigin}/__admin/${path}`, body, caPem, { 'X-Admin-Token': adminToken });
    if (answer.status !== 200) throw new Error(`admin ${path}: HTTP ${answer.status} ${answer.text}`);
    return JSON.parse(answer.text) as Record<string, unknown>;
  };

  return {
    child,
    vars,
    curlLines,
    apiOrigin,
    adminToken,
    caFile,
    caPem,
    tmp,
    stdout: () => out,
    stderr: () => err,
    exited,
    async setScenario(name) {
      const answer = await admin('scenario', `scenario=${name}`);
      if (answer.scenario !== name) throw new Error(`admin answered ${JSON.stringify(answer)}`);
    },
    async expireTokens() {
      return (await admin('expire-tokens', '')).expired as number;
    },
    async stop(signal = 'SIGINT') {
      const started = performance.now();
      child.kill(signal);
      const exit = await exited;
      return { ...exit, ms: performance.now() - started };
    },
  };
}

/** A POST with a form body over node:https, trusting only the given CA. */
export function post(url: string, body: string, ca: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, {
      method: 'POST',
      ca,
      agent: false,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      timeout: 5000,
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      res.on('error', reject);
    });
    req.end(body);
  });
}

/** Every file and folder left under dir, relative to it. */
export function leftovers(dir: string): string[] {
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]) : [];
}

export const HAS_CURL = spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0;
