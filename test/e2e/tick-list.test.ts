/**
 * The human report fills in as the run goes (issue 15): each check's line is written as soon as it
 * and the checks before it have a verdict. With 300 ms added to every answer, the token, models
 * and chat lines arrive in separate writes, in order; the footer says what a person needs.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { BIN, emptyDir, expectNoSecrets, mockEnv, runCli } from './cli.js';

let slow: MockServer;
let mock: MockServer;
beforeAll(async () => {
  [slow, mock] = await Promise.all([startMock({ latencyMs: 300 }), startMock()]);
});
afterAll(async () => {
  await Promise.all([slow.close(), mock.close()]);
});

/** The CLI's stdout as the writes arrived, each with the time it came (ms since start). */
function chunks(args: string[], env: Record<string, string | undefined>): Promise<Array<{ at: number; text: string }>> {
  const started = Date.now();
  const full: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) full[k] = v;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: emptyDir(), env: full, stdio: ['ignore', 'pipe', 'pipe'] });
    const got: Array<{ at: number; text: string }> = [];
    child.stdout.on('data', (d: Buffer) => got.push({ at: Date.now() - started, text: String(d) }));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
  });
}

const firstWith = (got: Array<{ text: string }>, needle: string) => got.findIndex((c) => c.text.includes(needle));

describe('the tick list', () => {
  it('off a terminal too, each step is written when it is known, in order: OAuth before models before chat', async () => {
    const got = await chunks(['--no-color'], mockEnv(slow));
    const heading = firstWith(got, 'GigaChat connectivity check');
    const oauth = firstWith(got, '✓ OAuth token');
    const models = firstWith(got, '✓ Models list');
    const chat = firstWith(got, '✓ Chat probe');
    expect(heading).toBe(0);
    expect(oauth).toBeGreaterThan(heading);
    // Each answer waits 300 ms at the stand-in: the three lines cannot come in one write.
    expect(models).toBeGreaterThan(oauth);
    expect(chat).toBeGreaterThan(models);
    expect(got[chat].at - got[oauth].at).toBeGreaterThanOrEqual(500);
    // The whole is the same report as before, line for line, footer last.
    const all = got.map((c) => c.text).join('');
    expect(all.indexOf('✓ Credentials')).toBeLessThan(all.indexOf('✓ DNS'));
    expect(all.trimEnd().split('\n').at(-1)).toMatch(/works from here/);
  });

  it('a green run\'s counts start with what passed, and no "0 failed"', async () => {
    const run = await runCli(['--no-color', '--no-chat'], { env: mockEnv(mock) });
    expect(run.code).toBe(0);
    const counts = run.stdout.split('\n').find((l) => /passed/.test(l))!;
    expect(counts).toMatch(/^✓ \d+ passed · ! 1 warning · - \d+ skipped · \d+ ms$/);
    expect(run.stdout).not.toMatch(/0 failed/);
    expectNoSecrets(run, mock);
  });

  it('--only env: the steps left out are one line, not a skipped line each', async () => {
    const run = await runCli(['--no-color', '--only', 'env'], { env: mockEnv(mock) });
    const skippedLines = run.stdout.split('\n').filter((l) => /Skipped by|Not run/.test(l));
    expect(skippedLines).toEqual([expect.stringMatching(/^- Not run \(--only\): Credential format, Endpoints, DNS, TCP connect, TLS certificate, OAuth token, Models list, Chat probe/)]);
  });

  it('compact by default: no remedy lines, the root cause and its first step at the end', async () => {
    const run = await runCli(['--no-color', '--no-dotenv'], { env: mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined }) });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/^ +→ /m);
    expect(run.stdout).toMatch(/^Root cause: Credentials — /m);
    expect(run.stdout).toMatch(/^First step: Get the key in GigaChat Studio.*--verbose\)$/m);
  });

  it('--verbose, one failure: its remedies are shown once, the footer does not repeat them', async () => {
    const run = await runCli(['--no-color', '--no-dotenv', '--verbose'], { env: mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined }) });
    expect(run.code).toBe(1);
    expect(run.stdout.match(/Get the key in GigaChat Studio/g)).toHaveLength(1);
    expect(run.stdout).not.toMatch(/^Root cause:/m);
    expect(run.stdout).toMatch(/^Then confirm: .*--only env/m);
  });
});
