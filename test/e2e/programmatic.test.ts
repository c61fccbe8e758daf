import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';

// The package's own entry (dist/index.js via package.json "exports"), as a project importing gigadoctor sees it.
const { runChecks } = await import('gigadoctor');

let mock: MockServer;
let caFile: string;
beforeAll(async () => {
  mock = await startMock();
  caFile = mock.writeCaFile(mkdtempSync(join(tmpdir(), 'gd-api-')));
});
afterAll(() => mock.close());

describe("import { runChecks } from 'gigadoctor'", () => {
  it('returns the typed Report the JSON output shows', async () => {
    const report = await runChecks({
      env: { GIGACHAT_CREDENTIALS: mock.credentials },
      authUrl: mock.authUrl,
      baseUrl: mock.baseUrl,
      caFile,
      chat: false,
      dotenv: false,
      cwd: tmpdir(),
    });
    expect(report.schemaVersion).toBe(1);
    expect(report.exitCode).toBe(0);
    expect(report.checks.find((c) => c.id === 'oauth')).toMatchObject({ status: 'pass', code: 'OAUTH_OK' });
    expect(report.checks.find((c) => c.id === 'chat')).toMatchObject({ status: 'skip', code: 'SKIPPED_BY_OPTION' });
    // Its remedies name gigadoctor as a project that depends on it runs it.
    const code = report.checks.find((c) => c.id === 'code')!;
    expect(code.code).toBe('CODE_NOT_A_PROJECT');
    expect(code.remediation.join('\n')).toContain('npx gigadoctor check --project');
    const text = JSON.stringify(report);
    for (const secret of [mock.credentials, mock.clientSecret, ...mock.issuedTokens]) expect(text).not.toContain(secret);
  });

  it('options mirror the flags and are validated like them', async () => {
    await expect(runChecks({ env: {}, only: 'bogus', dotenv: false })).rejects.toThrow(/--only/);
  });

  it('a failure is data, not an exception', async () => {
    const report = await runChecks({ env: {}, dotenv: false, cwd: tmpdir(), only: 'env' });
    expect(report.exitCode).toBe(1);
    expect(report.checks[0]).toMatchObject({ id: 'env', status: 'fail', code: 'CREDENTIALS_MISSING' });
  });
});

describe("require('gigadoctor') from CommonJS", () => {
  it('a CommonJS script gets the same runChecks, in a process of its own', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = `const { runChecks } = require('gigadoctor');
      runChecks({ env: {}, dotenv: false, only: 'env' }).then((r) => process.stdout.write(JSON.stringify([typeof runChecks, r.checks[0].code])));`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: join(__dirname, '../..'), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['function', 'CREDENTIALS_MISSING']);
  });
});

describe('a process that used runChecks ends cleanly', () => {
  it('exit 0 after a run with a CA file (the probe closes a TLS socket before the TCP socket under it; the other order crashed Node at exit)', async () => {
    const { spawn } = await import('node:child_process');
    const options = { env: { GIGACHAT_CREDENTIALS: 'placeholder' }, dotenv: false, only: 'tls', cwd: tmpdir(), authUrl: mock.authUrl, baseUrl: mock.baseUrl, caFile };
    const script = `require('gigadoctor').runChecks(${JSON.stringify(options)}).then((r) => process.stdout.write(r.checks.find((c) => c.id === 'tls').code));`;
    for (let i = 0; i < 3; i++) {
      const r = await new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['-e', script], { cwd: join(__dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('close', (code, signal) => resolve({ code, signal, out }));
      });
      expect(r).toEqual({ code: 0, signal: null, out: 'TLS_OK' });
    }
  });
});
