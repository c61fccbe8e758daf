import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { emptyDir, expectNoSecrets, mockEnv, runCli } from './cli.js';

let ok: MockServer;
let b2b: MockServer;
beforeAll(async () => {
  [ok, b2b] = await Promise.all([startMock(), startMock({ keyScope: 'GIGACHAT_API_B2B' })]);
});
afterAll(async () => {
  await Promise.all([ok?.close(), b2b?.close()]);
});

describe('gigadoctor report', () => {
  it('a paste-ready Markdown report: versions, settings with sources, checks, the ids GigaChat support needs', async () => {
    const before = ok.requests.length;
    const run = await runCli(['report'], { env: mockEnv(ok) });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const md = run.stdout;
    expect(md).toMatch(/^# gigadoctor report\n/);
    expect(md).toMatch(/\| Node\.js \| v\d+\.\d+\.\d+ \|/);
    expect(md).toMatch(/\| OS \| \S.* · linux \|/);
    expect(md).toMatch(/\| Credential \| `GIGACHAT_CREDENTIALS`: present, \d+ characters, SHA-256 `[0-9a-f]{8}` \(authorization key\) \| environment \(GIGACHAT_CREDENTIALS\) \|/);
    expect(md).toContain('| Scope | `GIGACHAT_API_PERS` | default |');
    expect(md).toMatch(/\| NODE_EXTRA_CA_CERTS \| `[^`]+gigadoctor-mock-ca\.pem` \| environment \(NODE_EXTRA_CA_CERTS\) \|/);
    for (const id of ['env', 'format', 'endpoints', 'dns', 'tcp', 'tls', 'oauth', 'models', 'chat']) expect(md).toMatch(new RegExp(`\\| [^|]+ \\(\`${id}\`\\) \\| [✓!] \\w+ \\| \`[A-Z_]+\` \\| \\d+ ms \\|`));

    // The ids in the report are the ids the servers saw.
    const reqs = ok.requests.slice(before);
    const oauth = reqs.find((r) => r.server === 'auth')!;
    expect(md).toContain(`RqUID \`${oauth.headers.rquid as string}\``);
    for (const api of reqs.filter((r) => r.server === 'api')) expect(md).toContain(`X-Request-ID \`${api.headers['x-request-id'] as string}\``);
    expect(md).toMatch(/\| `models` \| GET https:\/\/127\.0\.0\.1:\d+\/api\/v1\/models \| HTTP 200 \| X-Request-ID `[0-9a-f-]{36}` \| `[0-9a-f-]{36}` \| \w{3}, \d{2} \w{3} \d{4} [\d:]{8} GMT \| \d+ ms \|/);
    expectNoSecrets(run, ok);
  });

  it('a failed OAuth step comes with a curl line that reads the key from the environment, never -k', async () => {
    const run = await runCli(['report'], { env: mockEnv(b2b) });
    expect(run.code).toBe(1);
    const md = run.stdout;
    expect(md).toContain('**Root cause:** OAuth token — `OAUTH_SCOPE_MISMATCH`');
    expect(md).toContain('-H "Authorization: Basic $GIGACHAT_CREDENTIALS"');
    expect(md).toContain('--cacert "$NODE_EXTRA_CA_CERTS"');
    expect(md).not.toMatch(/\s-k\b|--insecure/);
    expectNoSecrets(run, b2b);
  });

  it('the curl line really reproduces the failure (when curl is here)', async () => {
    const { execFile, execFileSync } = await import('node:child_process');
    const { promisify } = await import('node:util');
    try {
      execFileSync('curl', ['--version'], { stdio: 'ignore' });
    } catch {
      console.log('skipped: curl is not installed');
      return;
    }
    const run = await runCli(['report'], { env: mockEnv(b2b) });
    const script = /```sh\n([\s\S]*?)\n```/.exec(run.stdout.slice(run.stdout.indexOf('OAUTH_SCOPE_MISMATCH')))![1];
    const env = mockEnv(b2b) as Record<string, string>;
    // Asynchronously: the stand-in answers from this very process.
    const { stdout: out } = await promisify(execFile)('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
    expect(out).toMatch(/^HTTP\/1\.1 400/);
    expect(out).toContain('"code":7');
  });

  it('the home directory is shown as ~', async () => {
    const home = emptyDir();
    const project = join(home, 'project');
    mkdirSync(project);
    writeFileSync(join(project, '.env'), 'GIGACHAT_SCOPE=GIGACHAT_API_PERS\n');
    const run = await runCli(['report'], { cwd: project, env: { ...mockEnv(ok, { NODE_EXTRA_CA_CERTS: ok.writeCaFile(home) }), HOME: home } });
    expect(run.stdout).toContain('`~/project/.env` — read');
    expect(run.stdout).toContain('`~/gigadoctor-mock-ca.pem`');
    expect(run.stdout).not.toContain(home);
  });

  it('follows the locale: ru_RU → Russian', async () => {
    const run = await runCli(['report'], { env: { ...mockEnv(ok), LANG: 'ru_RU.UTF-8' } });
    expect(run.stdout).toMatch(/^# Отчёт gigadoctor\n/);
    expect(run.stdout).toContain('| Учётные данные | `GIGACHAT_CREDENTIALS`: задана');
  });

  it('check --format markdown is the same report', async () => {
    const run = await runCli(['check', '--format', 'markdown', '--no-chat'], { env: mockEnv(ok) });
    expect(run.stdout).toMatch(/^# gigadoctor report\n/);
    expect(run.stdout).toContain('| Chat probe | off (--no-chat) | flag --no-chat |');
  });
});
