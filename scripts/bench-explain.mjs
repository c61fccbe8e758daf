// Bench row for `explain`: a 100 MB app log (mostly INFO lines, an error with a traceback every
// few thousand lines, several problems) explained by the built CLI through --file. Prints wall time
// and peak RSS; the goal is <= 3 s and <= 150 MiB (issue 13). Run after `node scripts/build.mjs`.
// Usage: node scripts/bench-explain.mjs [sizeMiB=100]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const sizeMiB = Number(process.argv[2] ?? 100);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gigadoctor-bench-explain-'));
const log = path.join(dir, 'app.log');
const preload = path.join(dir, 'rss.cjs');
// The child reports its own peak RSS as it exits (the CLI ends with process.exit).
fs.writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`));\n");

const problems = [
  '{ts} WARNING app: OAuth failed with status 401: {"code":6,"message":"credentials doesn\'t match db data"}',
  '{ts} ERROR app: ❌ No access token available',
  '{ts} INFO httpx: HTTP Request: POST https://gigachat.devices.sberbank.ru/api/v1/chat/completions "HTTP/1.1 429 Too Many Requests"',
  '{ts} ERROR app: chat failed\nTraceback (most recent call last):\n  File "/srv/bot/.venv/lib/python3.11/site-packages/gigachat/client.py", line 321, in chat\n    return self._decorator(lambda: post_chat.sync(self._client, chat=chat, access_token=self.token))\n  File "/srv/bot/.venv/lib/python3.11/site-packages/httpx/_transports/default.py", line 77, in map_httpcore_exceptions\n    raise mapped_exc(message) from exc\nhttpx.ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)',
  '{ts} ERROR app: Превышен лимит запросов',
];
const normal = [
  '{ts} INFO app: user 48213 asked a question (312 chars), routing to GigaChat-2',
  '{ts} INFO httpx: HTTP Request: POST https://gigachat.devices.sberbank.ru/api/v1/chat/completions "HTTP/1.1 200 OK"',
  '{ts} DEBUG app.cache: hit ratio 0.82 over the last 1000 lookups, 17 evictions',
  '{ts} INFO app: answered in 812 ms, 154 tokens',
];

const target = sizeMiB * 1024 * 1024;
const fd = fs.openSync(log, 'w');
let written = 0;
let n = 0;
let chunk = [];
const start = Date.parse('2026-11-30T00:00:00Z');
while (written < target) {
  const ts = new Date(start + n * 37).toISOString().replace('T', ' ').replace('Z', '');
  const tpl = n % 4000 === 3999 ? problems[(n / 4000) % problems.length | 0] : normal[n % normal.length];
  const line = `${tpl.replace('{ts}', ts)}\n`;
  chunk.push(line);
  written += Buffer.byteLength(line);
  n++;
  if (chunk.length === 10000) {
    fs.writeSync(fd, chunk.join(''));
    chunk = [];
  }
}
fs.writeSync(fd, chunk.join(''));
fs.closeSync(fd);

const t0 = process.hrtime.bigint();
const child = spawn(process.execPath, ['--require', preload, path.join(root, 'bin/gigadoctor.js'), 'explain', '--json', '--file', log], { stdio: ['ignore', 'pipe', 'pipe'] });
let stdout = '';
let stderr = '';
child.stdout.on('data', (d) => (stdout += d));
child.stderr.on('data', (d) => (stderr += d));
const code = await new Promise((resolve) => child.on('close', resolve));
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const rssKiB = Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN);
if (!process.env.KEEP_BENCH_LOG) fs.rmSync(dir, { recursive: true, force: true });
else console.log(log);
const findings = code === 0 ? JSON.parse(stdout).findings.map((f) => `${f.code}×${f.count}`).join(' ') : stderr.trim();
const mib = rssKiB / 1024;
const ok = ms <= 3000 && mib <= 150;
console.log(`explain --file ${sizeMiB} MiB (${n} lines): ${(ms / 1000).toFixed(2)} s, peak RSS ${mib.toFixed(0)} MiB — ${ok ? 'within' : 'OVER'} the goal (3 s, 150 MiB)`);
console.log(`  ${findings}`);
process.exitCode = ok && code === 0 ? 0 : 1;
