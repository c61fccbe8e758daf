import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendStepSummary, escapeData, escapeProperty, githubAnnotations } from '../../../src/render/github.js';
import { Scrubber } from '../../../src/secret/index.js';
import { check, KEY, reportOf, scopeMismatchReport, settingsFor } from './render-fixtures.js';

describe('GitHub workflow commands', () => {
  it('escapes data and properties as actions/toolkit does', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('gigadoctor: OAuth token (A, B)')).toBe('gigadoctor%3A OAuth token (A%2C B)');
    expect(escapeProperty('100%: a,b\nc')).toBe('100%25%3A a%2Cb%0Ac');
  });

  it('one ::error per failed check and one ::warning per warned one, each on one line', () => {
    const report = reportOf([
      check('env', 'pass', 'CREDENTIALS_FOUND'),
      check('endpoints', 'warn', 'ENDPOINT_CUSTOM_HOST', { summary: 'GIGACHAT_AUTH_URL points to 10.0.0.1: not official', remediation: ['a, b', 'c: 100%'] }),
      check('oauth', 'fail', 'OAUTH_SCOPE_MISMATCH', { summary: 'scope mismatch', remediation: ['set GIGACHAT_SCOPE'] }),
      check('models', 'skip', 'BLOCKED', { blockedBy: 'oauth' }),
    ]);
    const lines = githubAnnotations(report).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('::warning title=gigadoctor%3A Endpoints (ENDPOINT_CUSTOM_HOST)::ENDPOINT_CUSTOM_HOST: GIGACHAT_AUTH_URL points to 10.0.0.1: not official%0A→ a, b%0A→ c: 100%25');
    expect(lines[1]).toBe('::error title=gigadoctor%3A OAuth token (OAUTH_SCOPE_MISMATCH)::OAUTH_SCOPE_MISMATCH: scope mismatch%0A→ set GIGACHAT_SCOPE');
  });

  it('--strict makes a warning an error; nothing to say is an empty string', () => {
    const report = reportOf([check('endpoints', 'warn', 'ENDPOINT_CUSTOM_HOST')]);
    expect(githubAnnotations(report, { strict: true })).toMatch(/^::error /);
    expect(githubAnnotations(reportOf([check('env', 'pass', 'CREDENTIALS_FOUND')]))).toBe('');
  });

  it('Russian titles keep their escapes', () => {
    const report = reportOf([check('oauth', 'fail', 'OAUTH_SCOPE_MISMATCH', { title: 'OAuth-токен' })]);
    expect(githubAnnotations(report, { lang: 'ru' })).toMatch(/^::error title=gigadoctor%3A OAuth-токен \(OAUTH_SCOPE_MISMATCH\)::/);
  });
});

describe('the job summary', () => {
  const guard = () => {
    const s = new Scrubber();
    s.add(KEY);
    return s;
  };

  it('appends a short Markdown summary to $GITHUB_STEP_SUMMARY, after what is there', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gd-summary-')), 'summary.md');
    writeFileSync(file, '# earlier step\n');
    const problem = await appendStepSummary(file, scopeMismatchReport(), { settings: settingsFor(), env: {}, platform: 'linux' }, guard());
    expect(problem).toBeNull();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# earlier step\n# gigadoctor: ✗ 1 failed')).toBe(true);
    expect(text).toContain('| OAuth token (`oauth`) | ✗ fail | `OAUTH_SCOPE_MISMATCH` |');
    expect(text).toContain('2. Set it: export GIGACHAT_SCOPE=GIGACHAT_API_B2B');
    expect(text).toContain('gigadoctor report');
    // The summary is short: no settings table, no curl.
    expect(text).not.toContain('## Settings');
    expect(text).not.toContain('curl -sS');
  });

  it('no variable, no file; an unwritable file is a line for stderr, not a crash', async () => {
    const ctx = { settings: settingsFor(), env: {}, platform: 'linux' };
    expect(await appendStepSummary(undefined, scopeMismatchReport(), ctx, guard())).toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'gd-summary-'));
    expect(await appendStepSummary(dir, scopeMismatchReport(), ctx, guard())).toMatch(/cannot append the job summary.*EISDIR/);
  });

  it('refuses to write a summary that holds a secret', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gd-summary-')), 'summary.md');
    const leaky = scopeMismatchReport();
    leaky.checks[6].summary = `server echoed ${KEY}`;
    const g = guard();
    const problem = await appendStepSummary(file, leaky, { settings: settingsFor(), env: {}, platform: 'linux' }, { scrub: (t) => t, finds: (t) => g.finds(t) });
    expect(problem).toMatch(/job summary not written/);
    expect(() => readFileSync(file)).toThrow();
  });
});
