/**
 * `gigadoctor mock` as a process: it stops within a second of SIGINT/SIGTERM even with hung
 * client connections, leaves no file behind (CA file, its folder, the --env-out file), lists
 * its scenarios, and refuses bad options with exit 2 and a one-line reason.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { parse } from 'dotenv';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/mock/index.js';
import { BIN } from './cli.js';
import { cleanEnv, freshTmp, killLeftovers, leftovers, runMockToEnd, startMockCommand, workDir, type MockProcess } from './mock-command.js';

afterAll(() => killLeftovers());

/** A request the mock accepts and never answers, plus a bare TCP connection that says nothing. */
async function hangConnections(mock: MockProcess): Promise<() => void> {
  await mock.setScenario('api-hang');
  const req = https.request(`${mock.vars.GIGACHAT_BASE_URL}/models`, { ca: mock.caPem, agent: false });
  const ended = new Promise<void>((resolve) => {
    req.on('error', () => resolve());
    req.on('close', () => resolve());
  });
  req.end();
  const raw = net.connect(Number(new URL(mock.vars.GIGACHAT_AUTH_URL).port), '127.0.0.1');
  raw.on('error', () => {});
  await new Promise<void>((resolve) => raw.once('connect', () => resolve()));
  // Give the hung request time to reach the handler.
  await new Promise((r) => setTimeout(r, 150));
  return () => {
    req.destroy();
    raw.destroy();
    void ended;
  };
}

describe('stopping', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const)('%s: exits 0 within a second, hung connections and all, leaving no files', async (signal) => {
    const cwd = workDir();
    const mock = await startMockCommand(['--env-out', 'app.env'], { cwd });
    const envOut = path.join(cwd, 'app.env');
    expect(fs.existsSync(mock.caFile)).toBe(true);
    expect(path.dirname(mock.caFile).startsWith(mock.tmp)).toBe(true);
    expect(fs.existsSync(envOut)).toBe(true);
    const release = await hangConnections(mock);
    try {
      const exit = await mock.stop(signal);
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.ms).toBeLessThan(1000);
    } finally {
      release();
    }
    expect(mock.stdout().trimEnd().split('\n').at(-1)).toBe(`gigadoctor mock: stopped (${signal}); servers closed, files removed`);
    expect(fs.existsSync(mock.caFile)).toBe(false);
    expect(fs.existsSync(path.dirname(mock.caFile))).toBe(false);
    expect(fs.existsSync(envOut)).toBe(false);
    expect(leftovers(mock.tmp)).toEqual([]);
    expect(leftovers(cwd)).toEqual([]);
  });

  it('its stdin pipe closing (the parent that started it went away): stops and leaves nothing', async () => {
    const cwd = workDir();
    const mock = await startMockCommand(['--env-out', 'app.env'], { cwd, stdin: 'pipe' });
    mock.child.stdin!.write('anything typed is read and dropped\n');
    await new Promise((r) => setTimeout(r, 100));
    expect(mock.child.exitCode).toBeNull();
    mock.child.stdin!.end();
    expect(await mock.exited).toEqual({ code: 0, signal: null });
    expect(mock.stdout().trimEnd().split('\n').at(-1)).toBe('gigadoctor mock: stopped (stdin closed); servers closed, files removed');
    expect(leftovers(mock.tmp)).toEqual([]);
    expect(leftovers(cwd)).toEqual([]);
  });

  it('after SIGKILL (no chance to clean up), the next mock with the same --env-out removes what was left and says where', async () => {
    const cwd = workDir();
    const tmp = freshTmp();
    const first = await startMockCommand(['--env-out', 'app.env'], { cwd, tmp });
    const left = path.dirname(first.caFile);
    expect((await first.stop('SIGKILL')).signal).toBe('SIGKILL');
    expect(fs.existsSync(left)).toBe(true);
    expect(fs.readFileSync(path.join(cwd, 'app.env'), 'utf8')).toMatch(new RegExp(`^# Written by \`gigadoctor mock\` \\(pid ${first.child.pid}\\)`));

    const second = await startMockCommand(['--env-out', 'app.env'], { cwd, tmp });
    try {
      expect(second.stderr()).toContain(`gigadoctor mock: took over ${path.join(cwd, 'app.env')}, left by a mock (pid ${first.child.pid}) that could not clean up\n`);
      expect(second.stderr()).toContain(`gigadoctor mock: removed ${left}, left by a mock that could not clean up\n`);
      expect(fs.existsSync(left)).toBe(false);
      expect(fs.readFileSync(path.join(cwd, 'app.env'), 'utf8')).toContain(`(pid ${second.child.pid})`);
    } finally {
      expect((await second.stop('SIGINT')).code).toBe(0);
    }
    expect(leftovers(tmp)).toEqual([]);
    expect(leftovers(cwd)).toEqual([]);
  });

  it('a leftover --env-out file edited since (a variable added) is the user\'s: not taken over, exit 2', async () => {
    const cwd = workDir();
    const first = await startMockCommand(['--env-out', 'app.env'], { cwd });
    await first.stop('SIGKILL');
    fs.appendFileSync(path.join(cwd, 'app.env'), 'MY_OWN=1\n');
    const second = runMockToEnd(['--env-out', 'app.env'], { cwd });
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(`gigadoctor mock: --env-out ${path.join(cwd, 'app.env')} already exists; refusing to overwrite it\n`);
    expect(fs.readFileSync(path.join(cwd, 'app.env'), 'utf8')).toContain('MY_OWN=1');
  });

  it('an --env-out file of a mock that still runs is not taken: exit 2, the pid named', async () => {
    const cwd = workDir();
    const running = await startMockCommand(['--env-out', 'app.env'], { cwd });
    try {
      const second = runMockToEnd(['--env-out', 'app.env'], { cwd });
      expect(second.code).toBe(2);
      expect(second.stderr).toBe(`gigadoctor mock: --env-out ${path.join(cwd, 'app.env')} is in use by a running gigadoctor mock (pid ${running.child.pid}); stop it or choose another name\n`);
      expect(fs.readFileSync(path.join(cwd, 'app.env'), 'utf8')).toContain(`(pid ${running.child.pid})`);
    } finally {
      await running.stop();
    }
  });

  it('a signal during start-up still leaves nothing behind', async () => {
    for (const afterMs of [100, 250, 400]) {
      const tmp = freshTmp();
      const cwd = workDir();
      const child = spawn(process.execPath, [BIN, 'mock', '--env-out', 'x.env'], { cwd, env: cleanEnv({ TMPDIR: tmp }), stdio: 'ignore' });
      const exited = new Promise<void>((r) => child.on('exit', () => r()));
      await new Promise((r) => setTimeout(r, afterMs));
      child.kill('SIGINT');
      await exited;
      expect(leftovers(tmp), `signal after ${afterMs} ms`).toEqual([]);
      expect(leftovers(cwd), `signal after ${afterMs} ms`).toEqual([]);
    }
  });

  it('keeps an --env-out file the user edited since, and says so', async () => {
    const cwd = workDir();
    const mock = await startMockCommand(['--env-out', 'app.env'], { cwd });
    fs.appendFileSync(path.join(cwd, 'app.env'), 'MY_OWN=1\n');
    expect((await mock.stop('SIGINT')).code).toBe(0);
    expect(mock.stdout()).toMatch(/kept .*app\.env: it was changed since the mock wrote it/);
    expect(fs.existsSync(path.join(cwd, 'app.env'))).toBe(true);
    expect(leftovers(mock.tmp)).toEqual([]);
  });
});

describe('what it writes and prints', () => {
  it('--env-out holds the printed variables as dotenv reads them; ports, scenario and latency are honoured', async () => {
    const cwd = workDir();
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const free = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const mock = await startMockCommand(['--env-out', 'app.env', '--port', String(free), '--scenario', 'chat-payment-required', '--latency', '25'], { cwd });
    try {
      const written = parse(fs.readFileSync(path.join(cwd, 'app.env'), 'utf8'));
      // NODE_EXTRA_CA_CERTS is left out of a .env on purpose: Node reads it before dotenv runs.
      const { NODE_EXTRA_CA_CERTS: nodeCa, ...rest } = mock.vars;
      expect(written).toEqual(rest);
      expect(nodeCa).toBe(rest.GIGACHAT_CA_BUNDLE_FILE);
      expect(mock.vars.GIGACHAT_BASE_URL).toBe(`https://127.0.0.1:${free}/api/v1`);
      expect(mock.stdout()).toContain('scenario chat-payment-required; key scope GIGACHAT_API_PERS; latency 25 ms; tokens live 30 min');
      const admin = await fetchJson(`${mock.apiOrigin}/__admin/scenario`, mock.caPem, { 'X-Admin-Token': mock.adminToken });
      expect(admin.scenario).toBe('chat-payment-required');
      // Everything but the variable lines is a shell comment: the whole block pastes harmlessly.
      for (const line of mock.stdout().split('\n').filter(Boolean)) expect(line).toMatch(/^(#|export [A-Z_]+=)/);
      expect(mock.stdout()).toContain('Ctrl-C to stop.');
    } finally {
      await mock.stop();
    }
  });

  it('a proxy in the environment gets a NO_PROXY line that keeps loopback direct', async () => {
    const mock = await startMockCommand([], { env: { HTTPS_PROXY: 'http://127.0.0.1:9', NO_PROXY: 'internal.example' } });
    try {
      expect(mock.vars.NO_PROXY).toBe('127.0.0.1,localhost,internal.example');
    } finally {
      await mock.stop();
    }
  });
});

function fetchJson(url: string, ca: string, headers: Record<string, string> = {}): Promise<any> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, agent: false, headers }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(JSON.parse(text)));
      })
      .on('error', reject);
  });
}

describe('--list and usage errors', () => {
  it('--list prints every scenario with its description, exit 0, nothing written', () => {
    const run = runMockToEnd(['--list']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const s of SCENARIOS) expect(run.stdout).toMatch(new RegExp(`^  ${s.name} +${escape(s.description)}$`, 'm'));
    expect(leftovers(run.tmp)).toEqual([]);
  });

  const valid = SCENARIOS.map((s) => s.name).join(', ');
  it.each([
    [['--port', 'abc'], '--port must be a whole number 0–65535 (0 picks a free port), got "abc"'],
    [['--port', '70000'], '--port must be a whole number 0–65535 (0 picks a free port), got "70000"'],
    [['--auth-port', '-1'], '--auth-port must be a whole number 0–65535 (0 picks a free port), got "-1"'],
    [['--port', '18555', '--auth-port', '18555'], '--port and --auth-port must differ, both are 18555'],
    [['--latency', '1.5'], '--latency must be a whole number 0–600000 (ms), got "1.5"'],
    [['--latency', 'slow'], '--latency must be a whole number 0–600000 (ms), got "slow"'],
    [['--scenario', 'nope'], `unknown scenario "nope"; valid: ${valid}`],
  ])('%j → exit 2: %s', (args, reason) => {
    const run = runMockToEnd(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`gigadoctor mock: ${reason}\n`);
    expect(leftovers(run.tmp)).toEqual([]);
  });

  it('an unknown option → exit 2 (commander)', () => {
    const run = runMockToEnd(['--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('--env-out refuses to overwrite an existing file: exit 2, the file untouched, nothing left', () => {
    const cwd = workDir();
    fs.writeFileSync(path.join(cwd, '.env'), 'GIGACHAT_CREDENTIALS=mine\n');
    const run = runMockToEnd(['--env-out', '.env'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`gigadoctor mock: --env-out ${path.join(cwd, '.env')} already exists; refusing to overwrite it\n`);
    expect(fs.readFileSync(path.join(cwd, '.env'), 'utf8')).toBe('GIGACHAT_CREDENTIALS=mine\n');
    expect(leftovers(run.tmp)).toEqual([]);
  });

  it('--env-out into a missing folder → exit 2', () => {
    const run = runMockToEnd(['--env-out', 'no/such/dir/app.env']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^gigadoctor mock: --env-out .*app\.env: its folder does not exist\n$/);
  });

  it('a port in use → exit 2 with the reason, nothing left behind', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const cwd = workDir();
      const run = runMockToEnd(['--port', String(port), '--env-out', 'app.env'], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`gigadoctor mock: port ${port} is already in use; pick another, or 0 for a free one\n`);
      expect(leftovers(run.tmp)).toEqual([]);
      expect(leftovers(cwd)).toEqual([]);
    } finally {
      await new Promise<void>((r) => busy.close(() => r()));
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
