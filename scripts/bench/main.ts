/**
 * Measures the goals of the performance issues side by side, in one run:
 *  1. start-up: `gigadoctor --version` against bare `node -e 0`;
 *  2. a full passing check against a plain script that does only token + models + chat, on the
 *     same local stand-in, without and with 40 ms added to every answer; peak memory too;
 *  3. the same over a 50 ms round-trip link (a relay delaying every chunk 25 ms each way in front
 *     of each server), with the official npm client making the same three calls beside them;
 *     then over a link that also makes each TCP handshake cost its round trip, as a real one does.
 * Medians of repeated runs; prints a table. Numbers, never assertions: tests do not time things.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMock } from '../../src/mock/index.js';
import { startRelay } from './relay.js';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const BIN = join(ROOT, 'bin/gigadoctor.js');
const BASELINE = join(ROOT, 'scripts/bench/baseline.mjs');
const SDK = join(ROOT, 'scripts/bench/sdk.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Sample { ms: number; rssKb: number | null }

/** Async spawn: the stand-in runs in this process and must keep answering while the child runs. */
function timeOnce(args: string[], env: Record<string, string>, cwd: string): Promise<Sample> {
  const cmd = GNU_TIME ? GNU_TIME : process.execPath;
  const argv = GNU_TIME ? ['-f', '%M', process.execPath, ...args] : args;
  const t0 = process.hrtime.bigint();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, argv, { env: { PATH: process.env.PATH ?? '', ...env }, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-400)}`));
      const rss = GNU_TIME ? Number(stderr.trim().split('\n').pop()) : NaN;
      resolvePromise({ ms, rssKb: Number.isFinite(rss) ? rss : null });
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

type Median = { ms: number; rssKb: number | null };

/** Alternates the commands so drift on a busy machine hits all alike. */
async function compare(commands: Array<() => Promise<Sample>>, runs: number): Promise<Median[]> {
  for (const c of commands) await c(); // warm the file cache
  const samples: Sample[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [n, c] of commands.entries()) samples[n].push(await c());
  }
  return samples.map((s) => ({ ms: median(s.map((x) => x.ms)), rssKb: s[0].rssKb === null ? null : median(s.map((x) => x.rssKb!)) }));
}

const rows: string[][] = [];
const cwd = mkdtempSync(join(tmpdir(), 'gd-bench-'));

const [version, bareNode] = await compare([() => timeOnce([BIN, '--version'], {}, cwd), () => timeOnce(['-e', '0'], {}, cwd)], RUNS * 2);
rows.push(['gigadoctor --version vs node -e 0', fmt(version.ms), fmt(bareNode.ms), ratio(version.ms, bareNode.ms), '≤ 1.30', mem(version.rssKb, bareNode.rssKb)]);

for (const latencyMs of [0, 40]) {
  const mock = await startMock({ latencyMs });
  const env = envFor(mock, mock.authUrl, mock.baseUrl);
  const [full, plain] = await compare([() => timeOnce([BIN, 'check', '--json'], env, cwd), () => timeOnce([BASELINE], env, cwd)], RUNS);
  rows.push([
    `full check vs plain script, +${latencyMs} ms/answer`,
    fmt(full.ms), fmt(plain.ms), ratio(full.ms, plain.ms), latencyMs ? '≤ 1.25' : '≤ 1.60 (RSS ≤ 1.20)', mem(full.rssKb, plain.rssKb),
  ]);
  await mock.close();
}

// The link as the goal measures it, then one that also delays each TCP handshake by a round trip.
for (const handshake of [false, true]) {
  const mock = await startMock();
  const relay = (url: string) => startRelay(Number(new URL(url).port), 25, { handshake });
  const [auth, api] = await Promise.all([relay(mock.authUrl), relay(mock.baseUrl)]);
  const env = envFor(mock, `https://127.0.0.1:${auth.port}/api/v2/oauth`, `https://127.0.0.1:${api.port}/api/v1`);
  const [full, plain, sdk] = await compare([
    () => timeOnce([BIN, 'check', '--json'], env, cwd),
    () => timeOnce([BASELINE], env, cwd),
    () => timeOnce([SDK], env, cwd),
  ], RUNS);
  const link = handshake ? '50 ms RTT link, TCP handshakes too' : '50 ms RTT link';
  rows.push([`full check vs plain script, ${link}`, fmt(full.ms), fmt(plain.ms), ratio(full.ms, plain.ms), handshake ? 'printed' : '≤ 0.90', mem(full.rssKb, plain.rssKb)]);
  rows.push(['official npm SDK vs plain script, same link', fmt(sdk.ms), fmt(plain.ms), ratio(sdk.ms, plain.ms), 'printed', mem(sdk.rssKb, plain.rssKb)]);
  await Promise.all([auth.close(), api.close(), mock.close()]);
}

const header = ['measure (median)', 'gigadoctor', 'baseline', 'ratio', 'goal', 'peak RSS (ratio)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`gigadoctor bench · node ${process.version} · ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'} · ${RUNS} runs each`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
process.exit(0);

/** The stand-in's key and CA, with the URLs the client is to use (the servers' own, or relays in front of them). */
function envFor(mock: Awaited<ReturnType<typeof startMock>>, authUrl: string, baseUrl: string): Record<string, string> {
  const caFile = mock.writeCaFile(cwd);
  return { GIGACHAT_CREDENTIALS: mock.credentials, GIGACHAT_AUTH_URL: authUrl, GIGACHAT_BASE_URL: baseUrl, NODE_EXTRA_CA_CERTS: caFile, BENCH_CA: caFile };
}

function fmt(ms: number) { return `${ms.toFixed(1)} ms`; }
function ratio(a: number, b: number) { return (a / b).toFixed(2); }
function mem(a: number | null, b: number | null) {
  return a === null || b === null ? 'n/a' : `${(a / 1024).toFixed(1)} / ${(b / 1024).toFixed(1)} MiB (${(a / b).toFixed(2)})`;
}
