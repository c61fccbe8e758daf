/**
 * The README's "Try it without an account": `gigadoctor mock` in one process, `gigadoctor check`
 * in another with what the mock printed; all checks pass; then a fault is switched (with the
 * printed curl command where curl exists) and check names it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, checkOf, runCli } from './cli.js';
import { HAS_CURL, killLeftovers, leftovers, startMockCommand, workDir, type MockProcess } from './mock-command.js';

let mock: MockProcess;
let cwd: string;

beforeAll(async () => {
  cwd = workDir();
  mock = await startMockCommand(['--env-out', 'mock.env'], { cwd });
});

afterAll(async () => {
  if (mock) {
    expect((await mock.stop('SIGTERM')).code).toBe(0);
    expect(leftovers(mock.tmp)).toEqual([]);
    expect(fs.existsSync(path.join(cwd, 'mock.env'))).toBe(false);
  }
  killLeftovers();
});

const HEALTHY = [
  ['env', 'pass', 'CREDENTIALS_FOUND'],
  ['format', 'pass', 'CREDENTIALS_OK'],
  ['endpoints', 'warn', 'ENDPOINT_CUSTOM_HOST'],
  ['dns', 'pass', 'DNS_OK'],
  ['tcp', 'pass', 'TCP_OK'],
  ['tls', 'pass', 'TLS_OK'],
  ['oauth', 'pass', 'OAUTH_OK'],
  ['models', 'pass', 'MODELS_OK'],
  ['chat', 'pass', 'CHAT_OK'],
];

describe('gigadoctor check against gigadoctor mock', () => {
  it('with the printed variables every check passes; the loopback host is the only warning', async () => {
    const run = await runCli(['check', '--json'], { env: mock.vars, cwd });
    expect(run.stderr).toBe('');
    const report = run.json();
    expect(report.checks.map((c) => [c.id, c.status, c.code])).toEqual(HEALTHY);
    expect(run.code).toBe(0);
    // The CA is trusted the way a user's shell would: NODE_EXTRA_CA_CERTS and GIGACHAT_CA_BUNDLE_FILE.
    expect(checkOf(report, 'tls').status).toBe('pass');
  });

  it('the --env-out file alone is enough: check --dotenv mock.env passes too', async () => {
    const run = await runCli(['check', '--json', '--dotenv', 'mock.env'], { cwd });
    expect(run.json().checks.map((c) => [c.id, c.status, c.code])).toEqual(HEALTHY);
    expect(run.code).toBe(0);
  });

  it.runIf(HAS_CURL)('the README steps: source mock.env, check, switch a fault with curl, check again', () => {
    const script = [
      'set -a; . ./mock.env; set +a',
      `node ${JSON.stringify(BIN)} check --json > ok.json; echo "exit=$?"`,
      `curl -sS --cacert "$GIGACHAT_CA_BUNDLE_FILE" -d scenario=chat-payment-required ${mock.apiOrigin}/__admin/scenario`,
      `node ${JSON.stringify(BIN)} check --json > fault.json; echo "exit=$?"`,
      `curl -sS --cacert "$GIGACHAT_CA_BUNDLE_FILE" -d scenario=ok ${mock.apiOrigin}/__admin/scenario`,
    ].join('\n');
    const sh = spawnSync('sh', ['-c', script], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(sh.stderr).toBe('');
    expect(sh.stdout).toBe(
      'exit=0\n{"scenario":"chat-payment-required"}\nexit=1\n{"scenario":"ok"}\n',
    );
    const fault = JSON.parse(fs.readFileSync(path.join(cwd, 'fault.json'), 'utf8'));
    expect(fault.checks.find((c: { id: string }) => c.id === 'chat')).toMatchObject({ status: 'fail', code: 'CHAT_PAYMENT_REQUIRED' });
  });

  it.runIf(HAS_CURL)('the printed curl command switches the fault as printed', () => {
    const line = mock.curlLines.find((l) => l.includes('scenario=chat-payment-required'));
    expect(line).toBeDefined();
    expect(line).toContain(`--cacert ${mock.caFile}`);
    const sh = spawnSync('sh', ['-c', `${line} -sS`], { encoding: 'utf8', timeout: 10_000 });
    expect(sh.stdout).toBe('{"scenario":"chat-payment-required"}\n');
    const back = mock.curlLines.find((l) => l.includes('scenario=ok'));
    expect(spawnSync('sh', ['-c', `${back} -sS`], { encoding: 'utf8', timeout: 10_000 }).stdout).toBe('{"scenario":"ok"}\n');
  });

  // Each fault switched while the mock runs, and the diagnosis check gives for it.
  it.each([
    ['chat-payment-required', 'chat', 'CHAT_PAYMENT_REQUIRED', 1],
    ['chat-model-not-found', 'chat', 'CHAT_MODEL_NOT_FOUND', 1],
    ['auth-bad-key', 'oauth', 'OAUTH_BAD_CREDENTIALS', 1],
    ['auth-wrong-scope', 'oauth', 'OAUTH_SCOPE_MISMATCH', 1],
    ['token-expired', 'models', 'API_TOKEN_EXPIRED', 1],
    ['chat-rate-limited', 'chat', 'CHAT_RATE_LIMITED', 3],
    ['api-server-error', 'models', 'API_SERVER_ERROR', 3],
    ['chat-bad-json', 'chat', 'CHAT_BAD_RESPONSE', 1],
    ['chat-hang', 'chat', 'CHAT_TIMEOUT', 3],
    ['chat-trickle', 'chat', 'CHAT_TIMEOUT', 3],
  ] as const)('%s → %s %s, exit %i', async (scenario, checkId, code, exit) => {
    await mock.setScenario(scenario);
    try {
      const run = await runCli(['check', '--json', '--timeout', '1000'], { env: mock.vars, cwd });
      const report = run.json();
      expect(checkOf(report, checkId)).toMatchObject({ status: 'fail', code });
      expect(run.code).toBe(exit);
    } finally {
      await mock.setScenario('ok');
    }
  });
});
