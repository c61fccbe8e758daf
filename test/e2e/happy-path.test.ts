import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { checkOf, expectNoSecrets, mockEnv, runCli } from './cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

describe('gigadoctor check against a healthy stand-in', () => {
  it('passes every check; the custom host is the only warning; exit 0', async () => {
    const run = await runCli(['check', '--json'], { env: mockEnv(mock) });
    expect(run.stderr).toBe('');
    const report = run.json();
    expect(report.schemaVersion).toBe(1);
    expect(run.code).toBe(0);
    expect(report.exitCode).toBe(0);
    expect(report.checks.map((c) => [c.id, c.status, c.code])).toEqual([
      ['env', 'pass', 'CREDENTIALS_FOUND'],
      ['format', 'pass', 'CREDENTIALS_OK'],
      ['endpoints', 'warn', 'ENDPOINT_CUSTOM_HOST'],
      ['dns', 'pass', 'DNS_OK'],
      ['tcp', 'pass', 'TCP_OK'],
      ['tls', 'pass', 'TLS_OK'],
      ['oauth', 'pass', 'OAUTH_OK'],
      ['models', 'pass', 'MODELS_OK'],
      ['chat', 'pass', 'CHAT_OK'],
      // The run's folder is an empty temp folder: no project to scan, no Python app.
      ['code', 'skip', 'CODE_NOT_A_PROJECT'],
      ['python', 'skip', 'PYTHON_NOT_A_PROJECT'],
    ]);
    expect(checkOf(report, 'chat').details).toMatchObject({ finishReason: 'length', modelVersion: expect.stringMatching(/^GigaChat-2:/) });
    expect(mock.issuedTokens.length).toBeGreaterThan(0);
    expectNoSecrets(run, mock);
  });

  it('sent the real protocol: Basic key, uuid4 RqUID, form scope; Bearer only to the API host', async () => {
    const before = mock.requests.length;
    await runCli(['--json'], { env: mockEnv(mock) });
    const reqs = mock.requests.slice(before);
    const oauth = reqs.find((r) => r.server === 'auth')!;
    expect(oauth.method).toBe('POST');
    expect(oauth.headers.authorization).toBe(`Basic ${mock.credentials}`);
    expect(oauth.headers.rquid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(oauth.body.toString()).toBe('scope=GIGACHAT_API_PERS');
    const api = reqs.filter((r) => r.server === 'api');
    expect(api.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/models', 'POST /api/v1/chat/completions']);
    for (const r of api) expect(r.headers.authorization).toMatch(/^Bearer eyJ/);
    expect(JSON.parse(api[1].body.toString())).toMatchObject({ model: 'GigaChat-2', max_tokens: 1 });
  });

  it('human output names every check, says all is well, keeps secrets out', async () => {
    const run = await runCli([], { env: mockEnv(mock, { NO_COLOR: '1' }) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ OAuth token/);
    expect(run.stdout).toMatch(/Everything a GigaChat client needs works from here/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expectNoSecrets(run, mock);
  });

  it('--no-chat spends no tokens', async () => {
    const before = mock.requests.length;
    const run = await runCli(['--json', '--no-chat'], { env: mockEnv(mock) });
    expect(checkOf(run.json(), 'chat')).toMatchObject({ status: 'skip', code: 'SKIPPED_BY_OPTION' });
    expect(mock.requests.slice(before).some((r) => r.path.endsWith('/chat/completions'))).toBe(false);
    expect(run.code).toBe(0);
  });
});

describe('--insecure against a chain this machine does not trust', () => {
  it('goes through, warns loudly, and never claims all is well', async () => {
    const env = { ...mockEnv(mock, { NO_COLOR: '1' }), NODE_EXTRA_CA_CERTS: undefined };
    const run = await runCli(['--insecure'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/! TLS certificate\s+TLS_/);
    expect(run.stdout).toMatch(/with TLS verification off/);
    expect(run.stdout).not.toMatch(/Everything a GigaChat client needs works/);
    expectNoSecrets(run, mock);
  });
});

describe('a TLS problem on both hosts', () => {
  it('names the first and lists the second: --insecure hides neither', async () => {
    const env = { ...mockEnv(mock), NODE_EXTRA_CA_CERTS: undefined };
    const run = await runCli(['--json', '--insecure', '--no-chat'], { env });
    const tls = run.json().checks.find((c) => c.id === 'tls')!;
    const ports = [new URL(mock.authUrl).port, new URL(mock.baseUrl).port];
    expect(tls).toMatchObject({ status: 'warn', code: 'TLS_UNTRUSTED_ROOT' });
    // The same finding on the second host is listed as a place, not repeated as a remedy.
    expect(ports).toContain(String(tls.details.port));
    expect(tls.details.alsoAffected).toEqual([`127.0.0.1:${ports.find((p) => p !== String(tls.details.port))}`]);
    expect((tls.details.notes as Array<{ code: string }>).map((n) => n.code)).toEqual(['TLS_VERIFICATION_DISABLED']);
    expectNoSecrets(run, mock);
  });
});
