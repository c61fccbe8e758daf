/**
 * `gigadoctor explain` through the built CLI: a log from --file (UTF-16 from PowerShell, CP1251),
 * from stdin, followed with --follow; the --json shape; usage errors on files that are not logs;
 * and no secret pasted as NAME=value, lower-cased or without dashes coming back (issue 12.8).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, dirWith, emptyDir, expectNoStackTrace, runCli } from './cli.js';
import { explainStdin } from './explain-kit.js';

const HANDWRITTEN = path.resolve(__dirname, '../corpus/handwritten');

interface JsonFinding {
  code: string; title: string; summary: string; remediation: string[]; count: number; lines: number[];
  firstSeen?: string; lastSeen?: string; runtime: string | null;
}


const findingsOf = (stdout: string) => (JSON.parse(stdout) as { schemaVersion: number; findings: JsonFinding[] });

describe('explain --file', () => {
  it('a PowerShell (UTF-16 LE, BOM, CRLF) log: findings with lines, timestamps and runtime, causes first', async () => {
    const run = await runCli(['explain', '--json', '--file', path.join(HANDWRITTEN, 'powershell-utf16.log')]);
    expect(run.code).toBe(0);
    const doc = findingsOf(run.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.findings.map((f) => f.code)).toEqual(['TCP_TIMEOUT', 'OAUTH_BAD_CREDENTIALS', 'API_RATE_LIMITED']);
    const [tcp] = doc.findings;
    expect(tcp).toMatchObject({ count: 1, lines: [2], firstSeen: '2026-11-28 09:15:07,530', lastSeen: '2026-11-28 09:15:07,530', runtime: 'python' });
    expect(Object.keys(tcp).sort()).toEqual(['code', 'count', 'excerpt', 'firstSeen', 'lastSeen', 'lines', 'pattern', 'remediation', 'runtime', 'summary', 'title'].sort());
    expect(tcp.summary).toContain('ngw.devices.sberbank.ru:9443');
    expect(tcp.remediation.join('\n')).not.toMatch(/ngw\.devices\.sberbank\.ru:? 443\b/);
  });

  it('a CP1251 log from Russian Windows, in Russian', async () => {
    const run = await runCli(['explain', '--lang', 'ru', '--file', path.join(HANDWRITTEN, 'russian-windows-cp1251.log')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('TCP_REFUSED');
    expect(run.stdout).toContain('Токен истёк');
    expect(run.stdout).not.toContain('\uFFFD');
    expect(run.stdout.indexOf('TCP_REFUSED')).toBeLessThan(run.stdout.indexOf('API_TOKEN_EXPIRED'));
  });

  it('broken and mixed bytes never crash', async () => {
    const bytes = Buffer.concat([Buffer.from('ERROR caf\xe9 \xff\xfe\x00 '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('\nError: connect ECONNREFUSED 127.0.0.1:9443\n'), Buffer.from('ОШИБКА Токен истёк\n', 'utf8')]);
    const dir = dirWith({ 'mixed.log': bytes });
    const run = await runCli(['explain', '--json', '--file', path.join(dir, 'mixed.log')]);
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    expect(findingsOf(run.stdout).findings.map((f) => f.code)).toEqual(['TCP_REFUSED', 'API_TOKEN_EXPIRED']);
  });

  it('what is not a log file is a usage error (exit 2), never a hang or a stack trace', async () => {
    const dir = emptyDir();
    for (const [file, words] of [[path.join(dir, 'missing.log'), /no such file/], [dir, /is a folder/], ['/dev/zero', /not a regular file/]] as const) {
      const run = await runCli(['explain', '--file', file], { killAfterMs: 10_000 });
      expect(run.code, file).toBe(2);
      expect(run.stderr).toMatch(words);
      expectNoStackTrace(run);
    }
    const follow = await runCli(['explain', '--follow']);
    expect(follow.code).toBe(2);
    expect(follow.stderr).toMatch(/--follow needs --file/);
  });

  it('an empty file: nothing known, exit 1', async () => {
    const dir = dirWith({ 'empty.log': '' });
    const run = await runCli(['explain', '--file', path.join(dir, 'empty.log')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/No known GigaChat problem/);
  });
});

describe('explain from stdin', () => {
  it('a whole multi-problem log: grouped, one finding per code with its count', async () => {
    const log = fs.readFileSync(path.join(HANDWRITTEN, 'multi-problem-python.log'), 'utf8');
    const twice = `${log}\n${log}`;
    const run = await explainStdin(twice, ['--json']);
    expect(run.code).toBe(0);
    const { findings } = findingsOf(run.stdout);
    const lines = log.split('\n').length;
    const reset = findings.find((f) => f.code === 'CONNECTION_RESET')!;
    expect(reset).toMatchObject({ count: 2, lines: [7, 7 + lines] });
    expect(findings[0].code).toBe('DNS_NOT_FOUND');
    const oauth = findings.find((f) => f.code === 'OAUTH_BAD_CREDENTIALS')!;
    expect(oauth.firstSeen).toBe('2026-11-30 09:58:04,002');
  });

  it('Python TLS failures get the Python remedies first, never verify=False', async () => {
    const run = await explainStdin("httpx.ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)\n", ['--json']);
    const [f] = findingsOf(run.stdout).findings;
    expect(f.code).toBe('TLS_UNTRUSTED_ROOT');
    expect(f.runtime).toBe('python');
    expect(f.remediation[0]).toContain('GIGACHAT_CA_BUNDLE_FILE');
    expect(f.remediation.join('\n')).toContain('REQUESTS_CA_BUNDLE');
    expect(f.remediation.join('\n')).toContain('certifi');
    // verify=False appears only as what not to do.
    for (const step of f.remediation.filter((r) => /verify=False|--insecure/.test(r))) expect(step).toMatch(/^Do not/);
    const node = await explainStdin('Error: self-signed certificate in certificate chain\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1677:34) {\n  code: \'SELF_SIGNED_CERT_IN_CHAIN\'\n}\n', ['--json']);
    expect(findingsOf(node.stdout).findings[0].remediation[0]).toContain('NODE_EXTRA_CA_CERTS');
  });
});

describe('explain --follow', () => {
  it('prints each new finding once, soon after it is written, and stops on SIGTERM', async () => {
    const dir = dirWith({ 'app.log': '2026-11-30 10:00:00 INFO app: started\n' });
    const file = path.join(dir, 'app.log');
    const child = spawn(process.execPath, [BIN, 'explain', '--follow', '--json', '--file', file], { cwd: dir, env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const waitFor = async (re: RegExp, ms: number) => {
      const until = Date.now() + ms;
      while (!re.test(stdout) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return re.test(stdout);
    };
    try {
      // Give it time to start and read what is there (nothing known yet).
      await new Promise((r) => setTimeout(r, 1500));
      expect(stdout).toBe('');
      const line = '2026-11-30 10:00:05 ERROR app: Error: connect ECONNREFUSED 127.0.0.1:9443\n';
      fs.appendFileSync(file, line);
      const written = Date.now();
      // 1 s is the goal on an idle machine; the bound here allows for a loaded one.
      expect(await waitFor(/TCP_REFUSED/, 5000)).toBe(true);
      expect(Date.now() - written).toBeLessThan(5000);
      fs.appendFileSync(file, line);
      fs.appendFileSync(file, '2026-11-30 10:00:09 ERROR app: Токен истёк\n');
      expect(await waitFor(/API_TOKEN_EXPIRED/, 5000)).toBe(true);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      clearTimeout(killer);
      child.kill('SIGKILL');
    }
    const events = stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonFinding);
    expect(events.map((e) => e.code)).toEqual(['TCP_REFUSED', 'API_TOKEN_EXPIRED']);
    expect(events[0].lines).toEqual([2]);
  });
});

describe('explain never echoes a secret (issue 12.8)', () => {
  const ID = '6f1d2c3b-4a5e-4f70-8a9b-0c1d2e3f4a5b';
  const SECRET = '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b';
  const KEY = Buffer.from(`${ID}:${SECRET}`).toString('base64');
  const forms: Array<[string, string, string]> = [
    ['GIGACHAT_PASSWORD=…', 'GIGACHAT_PASSWORD=Winter2026!pass ECONNREFUSED', 'Winter2026!pass'],
    ['GIGACHAT_KEY_FILE_PASSWORD=…', 'GIGACHAT_KEY_FILE_PASSWORD=kfp-x7Q2 TLSV13_ALERT_CERTIFICATE_REQUIRED', 'kfp-x7Q2'],
    ['GIGACHAT_ACCESS_TOKEN=…', 'GIGACHAT_ACCESS_TOKEN=tok_93jd83 Token has expired', 'tok_93jd83'],
    ['GIGACHAT_CREDENTIALS="…"', `GIGACHAT_CREDENTIALS="${KEY}" OAuth failed with status 401`, KEY.slice(10, 40)],
    ['a secret-named variable of the app', 'MY_APP_SECRET: s3kr1t-v4l ECONNRESET', 's3kr1t-v4l'],
    ['PowerShell $env:', '$env:GIGACHAT_PASSWORD = "pw-in-ps-1" ; ECONNREFUSED', 'pw-in-ps-1'],
    ['JSON "password"', '{"password": "js0n-pw-22", "error": "ECONNREFUSED"}', 'js0n-pw-22'],
    ['a lower-cased key', `auth failed for ${KEY.toLowerCase()}: 401 Unauthorized`, KEY.toLowerCase().slice(10, 40)],
    ['an upper-cased key', `auth failed for ${KEY.toUpperCase()}: 401 Unauthorized`, KEY.toUpperCase().slice(10, 40)],
    ['a UUID without dashes', `client ${SECRET.replace(/-/g, '')} rejected: 401 Unauthorized`, SECRET.replace(/-/g, '').slice(0, 16)],
    ['an upper-case UUID', `client_id ${SECRET.toUpperCase()} ECONNREFUSED`, SECRET.toUpperCase().slice(0, 16)],
  ];
  it.each(forms)('%s', async (_name, text, secret) => {
    for (const args of [['explain', text], ['explain', '--json', text]]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });
});
