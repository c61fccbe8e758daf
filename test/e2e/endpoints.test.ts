/**
 * endpoints, through the built CLI: where the key and the token would go, judged before a byte
 * is sent. The refusals are proven by a loopback proxy that counts connections: every request
 * the CLI might make goes through HTTPS_PROXY / HTTP_PROXY, and none arrives.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import {
  checkOf, emptyDir, expectClean, mockEnv, reportOf, runCli, startConnectionCounter, type CliRun, type ConnectionCounter,
} from './cli.js';

const OFFICIAL_AUTH = 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth';
const OFFICIAL_API = 'https://gigachat.devices.sberbank.ru/api/v1';
const DOWNSTREAM = ['dns', 'tcp', 'tls', 'oauth', 'models', 'chat'];

let mock: MockServer;
let counter: ConnectionCounter;
let before: number;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());
beforeEach(async () => {
  counter = await startConnectionCounter();
  before = mock.requests.length;
});
afterEach(() => counter.close());

/** The CLI with every connection routed to the counting proxy. */
function check(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return runCli(['check', '--json', ...args], {
    env: mockEnv(mock, { HTTPS_PROXY: counter.url, HTTP_PROXY: counter.url, ...env }),
  });
}

/** Refused before any byte: nothing reached the proxy or the mock, everything networked is blocked by endpoints. */
function expectNothingSent(run: CliRun) {
  const report = reportOf(run);
  expect(counter.count(), 'connections the CLI opened').toBe(0);
  expect(mock.requests.length - before, 'requests the mock received').toBe(0);
  for (const id of DOWNSTREAM) {
    expect(checkOf(report, id), id).toMatchObject({ status: 'skip', code: 'BLOCKED', blockedBy: 'endpoints' });
  }
  expect(run.code).toBe(1);
  expect(report.exitCode).toBe(1);
}

describe('endpoints: refused before anything is sent', () => {
  it('control: a run whose endpoints are fine does reach the counting proxy (so a zero below means something)', async () => {
    // The verdicts of a proxy that hangs up belong to the network checks, not to this file.
    const run = await check(['--no-chat']);
    expect(counter.count()).toBeGreaterThan(0);
    expectClean(run, mock);
  });

  it('the guide\'s Yandex OAuth URL: ENDPOINT_KNOWN_WRONG, exit 1, no connection at all', async () => {
    const yandex = 'https://auth.api.cloud.yandex.net/oauth/token';
    const run = await check([], { GIGACHAT_AUTH_URL: yandex });
    const endpoints = checkOf(reportOf(run), 'endpoints');
    expect(endpoints).toMatchObject({
      status: 'fail', code: 'ENDPOINT_KNOWN_WRONG',
      details: { which: 'auth', host: 'auth.api.cloud.yandex.net', url: yandex, correct: OFFICIAL_AUTH, variable: 'GIGACHAT_AUTH_URL' },
    });
    expect(endpoints.summary).toMatch(/sent nothing/);
    expect(endpoints.remediation.join('\n')).toContain(OFFICIAL_AUTH);
    expectNothingSent(run);
    expectClean(run, mock);
  });

  it('the guide\'s api.gigachat.ru given as --base-url: ENDPOINT_KNOWN_WRONG naming the flag, no connection', async () => {
    const wrong = 'https://api.gigachat.ru/core/api/v1';
    const run = await check(['--base-url', wrong]);
    expect(checkOf(reportOf(run), 'endpoints')).toMatchObject({
      status: 'fail', code: 'ENDPOINT_KNOWN_WRONG',
      details: { which: 'api', host: 'api.gigachat.ru', correct: OFFICIAL_API, variable: '--base-url' },
    });
    expectNothingSent(run);
    expectClean(run, mock);
  });

  it('plain http for the OAuth URL: ENDPOINT_NOT_HTTPS, the key is not sent', async () => {
    const plain = mock.authUrl.replace('https://', 'http://');
    const run = await check([], { GIGACHAT_AUTH_URL: plain });
    const endpoints = checkOf(reportOf(run), 'endpoints');
    expect(endpoints).toMatchObject({
      status: 'fail', code: 'ENDPOINT_NOT_HTTPS', details: { which: 'auth', url: plain, variable: 'GIGACHAT_AUTH_URL' },
    });
    expect(endpoints.remediation.join('\n')).toContain(mock.authUrl);
    expectNothingSent(run);
    expectClean(run, mock);
  });

  it('a base URL with /chat/completions on it: ENDPOINT_BAD_PATH with the corrected URL', async () => {
    const run = await check([], { GIGACHAT_BASE_URL: `${mock.baseUrl}/chat/completions` });
    expect(checkOf(reportOf(run), 'endpoints')).toMatchObject({
      status: 'fail', code: 'ENDPOINT_BAD_PATH',
      details: { which: 'api', path: '/api/v1/chat/completions', expectedPath: '/api/v1', suggestion: mock.baseUrl, variable: 'GIGACHAT_BASE_URL' },
    });
    expectNothingSent(run);
    expectClean(run, mock);
  });

  it('the official OAuth host without :9443: ENDPOINT_BAD_PATH suggesting the port', async () => {
    const run = await check(['--only', 'endpoints'], {
      GIGACHAT_AUTH_URL: 'https://ngw.devices.sberbank.ru/api/v2/oauth', GIGACHAT_BASE_URL: undefined,
    });
    const report = reportOf(run);
    expect(checkOf(report, 'endpoints')).toMatchObject({
      status: 'fail', code: 'ENDPOINT_BAD_PATH', details: { which: 'auth', suggestion: OFFICIAL_AUTH, port: null },
    });
    expect(run.code).toBe(1);
    expect(counter.count()).toBe(0);
    expectClean(run, mock);
  });

  it('a URL without a scheme: ENDPOINT_INVALID_URL with the value and the variable', async () => {
    const run = await check([], { GIGACHAT_BASE_URL: 'gigachat.devices.sberbank.ru/api/v1' });
    expect(checkOf(reportOf(run), 'endpoints')).toMatchObject({
      status: 'fail', code: 'ENDPOINT_INVALID_URL',
      details: { which: 'api', value: 'gigachat.devices.sberbank.ru/api/v1', variable: 'GIGACHAT_BASE_URL' },
    });
    expectNothingSent(run);
    expectClean(run, mock);
  });
  it('an unparsable URL with a password in it: ENDPOINT_INVALID_URL shows the value without the password', async () => {
    const password = 'Gw-Passw0rd-in-url';
    const run = await check([], { GIGACHAT_AUTH_URL: `https://svc:${password}@ngw devices.sberbank.ru/api/v2/oauth?key=abc` });
    expect(checkOf(reportOf(run), 'endpoints')).toMatchObject({
      status: 'fail', code: 'ENDPOINT_INVALID_URL',
      details: { which: 'auth', value: 'https://ngw devices.sberbank.ru/api/v2/oauth', variable: 'GIGACHAT_AUTH_URL' },
    });
    expectNothingSent(run);
    expectClean(run, mock, [password]);
  });
});

describe('endpoints: warnings and the official addresses', () => {
  it('a non-official host (the stand-in) is a warning that names where the key and the token go', async () => {
    const run = await runCli(['check', '--json'], { env: mockEnv(mock) });
    const report = reportOf(run);
    const endpoints = checkOf(report, 'endpoints');
    expect(endpoints).toMatchObject({
      status: 'warn', code: 'ENDPOINT_CUSTOM_HOST',
      details: { which: 'auth', host: '127.0.0.1', url: mock.authUrl, variable: 'GIGACHAT_AUTH_URL' },
    });
    expect(endpoints.summary).toMatch(/127\.0\.0\.1.*authorization key will be sent there/);
    const notes = endpoints.details.notes as Array<{ code: string; summary: string }>;
    expect(notes.map((n) => n.code)).toEqual(['ENDPOINT_CUSTOM_HOST']);
    expect(notes[0].summary).toMatch(/GIGACHAT_BASE_URL.*access token will be sent there/);
    // A warning does not stop the run.
    expect(checkOf(report, 'chat')).toMatchObject({ status: 'pass', code: 'CHAT_OK' });
    expect(run.code).toBe(0);
    expectClean(run, mock);
  });

  it('a non-official host from .env: delete the .env line, not a variable that is not in the environment', async () => {
    const cwd = emptyDir();
    writeFileSync(join(cwd, '.env'), `GIGACHAT_AUTH_URL=${mock.authUrl}\n`);
    for (const shell of ['/bin/bash', '/usr/bin/pwsh']) {
      const run = await runCli(['check', '--json', '--only', 'endpoints'], { cwd, env: { ...mockEnv(mock), GIGACHAT_AUTH_URL: undefined, SHELL: shell } });
      const endpoints = checkOf(reportOf(run), 'endpoints');
      expect(endpoints).toMatchObject({ code: 'ENDPOINT_CUSTOM_HOST', details: { variable: 'GIGACHAT_AUTH_URL', source: '.env:1' } });
      expect(endpoints.remediation[0]).toMatch(/delete the line GIGACHAT_AUTH_URL=… in \.env:1/);
      expect(endpoints.remediation.join('\n')).not.toMatch(/unset GIGACHAT_AUTH_URL|Remove-Item Env:GIGACHAT_AUTH_URL/);
      // The base URL still comes from the environment: that one is removed there.
      const notes = endpoints.details.notes as Array<{ remediation: string[] }>;
      expect(notes[0].remediation[0]).toContain(shell.endsWith('pwsh') ? 'Remove-Item Env:GIGACHAT_BASE_URL' : 'unset GIGACHAT_BASE_URL');
      expectClean(run, mock);
    }
  });

  it('GigaChat-3-Ultra on the default API host: ENDPOINT_MODEL_HOST names api.giga.chat (no network with --only)', async () => {
    const run = await check(['--only', 'endpoints', '--model', 'GigaChat-3-Ultra'], {
      GIGACHAT_AUTH_URL: undefined, GIGACHAT_BASE_URL: undefined,
    });
    const report = reportOf(run);
    expect(checkOf(report, 'endpoints')).toMatchObject({
      status: 'warn', code: 'ENDPOINT_MODEL_HOST',
      details: { model: 'GigaChat-3-Ultra', host: 'gigachat.devices.sberbank.ru', suggestion: 'https://api.giga.chat/v1' },
    });
    expect(run.code).toBe(0);
    expect(counter.count()).toBe(0);
    expectClean(run, mock);

    const strict = await check(['--only', 'endpoints', '--model', 'GigaChat-3-Ultra', '--strict'], {
      GIGACHAT_AUTH_URL: undefined, GIGACHAT_BASE_URL: undefined,
    });
    expect(checkOf(reportOf(strict), 'endpoints').code).toBe('ENDPOINT_MODEL_HOST');
    expect(strict.code).toBe(1);
    expectClean(strict, mock);
  });

  it('the official addresses (and GigaChat-3-Ultra on api.giga.chat) pass: ENDPOINTS_OFFICIAL', async () => {
    const run = await check(['--only', 'endpoints'], { GIGACHAT_AUTH_URL: undefined, GIGACHAT_BASE_URL: undefined });
    expect(checkOf(reportOf(run), 'endpoints')).toMatchObject({
      status: 'pass', code: 'ENDPOINTS_OFFICIAL', details: { authUrl: OFFICIAL_AUTH, baseUrl: OFFICIAL_API },
    });
    expect(run.code).toBe(0);
    expectClean(run, mock);

    const ultra = await check(['--only', 'endpoints', '--model', 'GigaChat-3-Ultra', '--base-url', 'https://api.giga.chat/v1'], {
      GIGACHAT_AUTH_URL: undefined, GIGACHAT_BASE_URL: undefined,
    });
    expect(checkOf(reportOf(ultra), 'endpoints')).toMatchObject({
      status: 'pass', code: 'ENDPOINTS_OFFICIAL', details: { baseUrl: 'https://api.giga.chat/v1' },
    });
    expect(ultra.code).toBe(0);
    expect(counter.count()).toBe(0);
    expectClean(ultra, mock);
  });
});

describe('the credential gate holds even when --skip takes the endpoints check out', () => {
  it('plain http: the key is never sent, the oauth check itself refuses', async () => {
    const plain = `http://127.0.0.1:${new URL(counter.url).port}/api/v2/oauth`;
    const run = await runCli(['check', '--json', '--skip', 'endpoints,dns,tcp,tls'], {
      env: mockEnv(mock, { GIGACHAT_AUTH_URL: plain }),
    });
    const report = reportOf(run);
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'fail', code: 'ENDPOINT_NOT_HTTPS' });
    expect(counter.count(), 'connections to the plain-http listener').toBe(0);
    expect(run.code).toBe(1);
    expectClean(run, mock);
  });

  it("the guide's Yandex OAuth URL: refused at the request too", async () => {
    const run = await check(['--skip', 'endpoints,dns,tcp,tls'], { GIGACHAT_AUTH_URL: 'https://auth.api.cloud.yandex.net/oauth/token' });
    expect(checkOf(reportOf(run), 'oauth')).toMatchObject({ status: 'fail', code: 'ENDPOINT_KNOWN_WRONG' });
    expect(counter.count()).toBe(0);
    expectClean(run, mock);
  });
});
