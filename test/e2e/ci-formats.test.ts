import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { junit10Problems, parseXml } from '../unit/render/junit-xml.js';
import { emptyDir, expectNoSecrets, mockEnv, runCli } from './cli.js';

let ok: MockServer;
let b2b: MockServer;
beforeAll(async () => {
  [ok, b2b] = await Promise.all([startMock(), startMock({ keyScope: 'GIGACHAT_API_B2B' })]);
});
afterAll(async () => {
  await Promise.all([ok?.close(), b2b?.close()]);
});

function github(extra: Record<string, string> = {}) {
  const summary = join(emptyDir(), 'step-summary.md');
  writeFileSync(summary, '');
  return { summary, env: { GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_STEP_SUMMARY: summary, ...extra } };
}

describe('GitHub Actions', () => {
  it('human output: ::error and ::warning annotations on stdout, and a job summary in $GITHUB_STEP_SUMMARY', async () => {
    const gh = github();
    const run = await runCli(['check', '--no-chat'], { env: { ...mockEnv(b2b), ...gh.env } });
    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toMatch(/^::warning title=gigadoctor%3A Endpoints \(ENDPOINT_CUSTOM_HOST\)::ENDPOINT_CUSTOM_HOST: /);
    expect(annotations[1]).toMatch(/^::error title=gigadoctor%3A OAuth token \(OAUTH_SCOPE_MISMATCH\)::OAUTH_SCOPE_MISMATCH: .*%0A→ /);
    // one line each: newlines inside the message are encoded
    for (const a of annotations) expect(a).not.toMatch(/\r/);
    const summary = readFileSync(gh.summary, 'utf8');
    expect(summary).toMatch(/^# gigadoctor: ✗ 1 failed · 1 warning · 5 passed · 4 skipped — exit code 1/);
    expect(summary).toContain('| OAuth token (`oauth`) | ✗ fail | `OAUTH_SCOPE_MISMATCH` |');
    expect(summary).toContain('GIGACHAT_SCOPE=GIGACHAT_API_B2B');
    expect(run.stderr).toBe('');
    expectNoSecrets(run, b2b);
    expectNoSecrets({ ...run, stdout: summary, stderr: '' }, b2b);
  });

  it('--json owns stdout: the annotations go to stderr, which the runner reads too', async () => {
    const gh = github();
    const run = await runCli(['check', '--json', '--no-chat'], { env: { ...mockEnv(b2b), ...gh.env } });
    expect(() => run.json()).not.toThrow();
    expect(run.stdout).not.toMatch(/^::/m);
    expect(run.stderr).toMatch(/^::error title=gigadoctor%3A OAuth token/m);
    expect(readFileSync(gh.summary, 'utf8')).toContain('OAUTH_SCOPE_MISMATCH');
  });

  it('a passing run: no annotation but the warning, a summary that says so; no spinner in CI', async () => {
    const gh = github();
    const run = await runCli(['check', '--no-chat'], { env: { ...mockEnv(ok), ...gh.env } });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(readFileSync(gh.summary, 'utf8')).toMatch(/^# gigadoctor: ! 0 failed · 1 warning/);
    expect(run.stderr).toBe('');
  });

  it('nothing GitHub-specific outside GitHub Actions', async () => {
    const summary = join(emptyDir(), 's.md');
    writeFileSync(summary, '');
    const run = await runCli(['check', '--no-chat'], { env: { ...mockEnv(b2b), GITHUB_STEP_SUMMARY: summary } });
    expect(run.stdout).not.toMatch(/^::/m);
    expect(readFileSync(summary, 'utf8')).toBe('');
  });
});

describe('--format junit', () => {
  it('well-formed JUnit XML on stdout: one testcase per check, the failure with code and remedy', async () => {
    const run = await runCli(['check', '--format', 'junit'], { env: mockEnv(b2b) });
    expect(run.code).toBe(1);
    const root = parseXml(run.stdout);
    expect(root.name).toBe('testsuites');
    expect(junit10Problems(root)).toEqual([]);
    const cases = root.children[0].children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['env', 'format', 'endpoints', 'dns', 'tcp', 'tls', 'oauth', 'models', 'chat', 'code', 'python']);
    const failure = cases[6].children.find((c) => c.name === 'failure')!;
    expect(failure.attrs.message).toMatch(/^OAUTH_SCOPE_MISMATCH: /);
    expect(failure.text).toContain('GIGACHAT_SCOPE=GIGACHAT_API_B2B');
    expect(cases[7].children[0].name).toBe('skipped');
    expect(cases[2].children[0].name).toBe('system-out');
    expectNoSecrets(run, b2b);
  });

  it('--strict turns the warning into a failure', async () => {
    const run = await runCli(['check', '--format', 'junit', '--strict', '--no-chat'], { env: mockEnv(ok) });
    expect(run.code).toBe(1);
    const root = parseXml(run.stdout);
    expect(root.attrs.failures).toBe('1');
    expect(junit10Problems(root)).toEqual([]);
  });
});
