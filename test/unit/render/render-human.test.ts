import { describe, expect, it } from 'vitest';
import { renderHuman, terminalHasUnicode } from '../../../src/render/human.js';
import { uiText } from '../../../src/catalog/phrases/ui.js';
import { ruPlural } from '../../../src/catalog/phrases/format.js';
import { check, reportOf, scopeMismatchReport } from './render-fixtures.js';

const base = { lang: 'en' as const, color: false, unicode: true, verbose: false };

describe('human output', () => {
  it('compact by default: what is wrong, then the root cause, its first step and how to confirm', () => {
    const out = renderHuman(scopeMismatchReport(), base);
    expect(out).not.toMatch(/^ +→ /m);
    const tail = out.trimEnd().split('\n').slice(-3);
    expect(tail[0]).toBe('Root cause: OAuth token — The key does not allow scope GIGACHAT_API_PERS');
    expect(tail[1]).toBe('First step: Look up the scope in Studio (1 more step and every remedy: --verbose)');
    expect(tail[2]).toMatch(/^Then confirm: /);
  });

  it('--verbose folds checks that did not run under their cause; one failure: its remedies once, then how to confirm', () => {
    const out = renderHuman(scopeMismatchReport(), { ...base, verbose: true });
    expect(out).toContain('- Models list, Chat probe: not run, because OAuth token failed');
    expect(out).not.toMatch(/^- Models list {2,}/m);
    const tail = out.trimEnd().split('\n').slice(-2);
    expect(tail[0]).toBe('✓ 6 passed · ✗ 1 failed · - 2 skipped · 321 ms');
    expect(out).toMatch(/^ +→ Look up the scope in Studio$/m);
    expect(tail[1]).toBe('Then confirm: run gigadoctor again (this step only: gigadoctor --only oauth); expect ✓ OAuth token');
    expect(out).not.toMatch(/^Root cause:/m);
  });

  it('two failures: the footer names the first as the root cause, with its first step', () => {
    const report = scopeMismatchReport();
    const env = report.checks.find((c) => c.id === 'env')!;
    Object.assign(env, { status: 'fail', code: 'CREDENTIALS_SHADOWED', summary: 'env summary', remediation: ['fix env', 'then this'] });
    const out = renderHuman(report, { ...base, verbose: true });
    expect(out).toMatch(/^Root cause: Credentials — env summary$/m);
    expect(out).toMatch(/^First step: fix env \(1 more step above\)$/m);
  });

  it('says nothing failed in the steps that ran, and names those that did not, when some were skipped', () => {
    const out = renderHuman(reportOf([check('env', 'pass', 'CREDENTIALS_FOUND'), check('chat', 'skip', 'SKIPPED_BY_OPTION')]), base);
    expect(out).not.toContain('Everything a GigaChat client needs works from here.');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^Nothing failed in the steps that ran; not run: \S.*\. That is not the whole path a client takes\.$/);
  });

  it('says all is well when nothing failed', () => {
    const out = renderHuman(reportOf([check('env', 'pass', 'CREDENTIALS_FOUND'), check('endpoints', 'warn', 'ENDPOINT_CUSTOM_HOST')]), base);
    expect(out).toMatch(/^✓ 1 passed · ! 1 warning · \d+ ms$/m);
    expect(out).not.toMatch(/0 failed/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('Everything a GigaChat client needs works from here.');
  });

  it('exit 3 says the run is inconclusive', () => {
    const out = renderHuman(reportOf([check('chat', 'fail', 'CHAT_TIMEOUT', { transient: true })], 3), base);
    expect(out).toContain('Inconclusive: every failure may pass on retry (exit 3).');
  });

  it('ASCII symbols where the terminal lacks unicode', () => {
    const out = renderHuman(scopeMismatchReport(), { ...base, unicode: false, verbose: true });
    expect(out).toMatch(/^\[xx\] OAuth token/m);
    expect(out).toMatch(/^\[ok\] Credentials/m);
    expect(out).toContain('-> Set it: export GIGACHAT_SCOPE=GIGACHAT_API_B2B');
    expect(out).toContain('gigadoctor 0.1.0 | GigaChat connectivity check');
    expect(out).toContain('expect [ok] OAuth token');
    expect(out).not.toMatch(/[✓✗→·—]/);
  });

  it('colour only when asked; none with color off', () => {
    expect(renderHuman(scopeMismatchReport(), base)).not.toMatch(/\u001b\[/);
    expect(renderHuman(scopeMismatchReport(), { ...base, color: true })).toMatch(/\u001b\[31m/);
  });

  it('--verbose shows the request as sent (secrets named, not shown), the answer headers and the timings', () => {
    const out = renderHuman(scopeMismatchReport(), { ...base, verbose: true, credentialVariable: 'GIGACHAT_CREDENTIALS' });
    expect(out).toContain('oauth · OAUTH_SCOPE_MISMATCH · 12 ms');
    expect(out).toContain('POST https://ngw.devices.sberbank.ru:9443/api/v2/oauth → HTTP 400 · 40 ms');
    expect(out).toContain('sent: Authorization: Basic <GIGACHAT_CREDENTIALS: not shown> · RqUID: 3f0c1a52-8a43-4d8e-9a7b-2f1c9d0e4b11');
    expect(out).toContain('received: Date: Wed, 25 Nov 2026 10:00:00 GMT · Server: SynGX · Content-Type: application/json');
    expect(out).toContain('code: 7');
  });

  it('Russian: plurals and words', () => {
    const out = renderHuman(scopeMismatchReport(), { ...base, lang: 'ru' });
    expect(out).toContain('✓ 6 пройдено · ✗ 1 ошибка · - 2 пропущено · 321 мс');
    expect(out).toContain('Как проверить: запустите gigadoctor ещё раз (только этот шаг: gigadoctor --only oauth)');
    expect(ruPlural(2, 'ошибка', 'ошибки', 'ошибок')).toBe('2 ошибки');
    expect(ruPlural(11, 'ошибка', 'ошибки', 'ошибок')).toBe('11 ошибок');
    expect(ruPlural(21, 'ошибка', 'ошибки', 'ошибок')).toBe('21 ошибка');
    expect(ruPlural(104, 'ошибка', 'ошибки', 'ошибок')).toBe('104 ошибки');
    expect(uiText('ru').moreSteps(5)).toBe('(и ещё 5 шагов выше)');
  });
});

describe('terminalHasUnicode', () => {
  it.each([
    ['linux', {}, true],
    ['linux', { TERM: 'linux' }, false],
    ['darwin', { TERM: 'xterm-256color' }, true],
    ['win32', {}, false],
    ['win32', { WT_SESSION: 'abc' }, true],
    ['win32', { TERM_PROGRAM: 'vscode' }, true],
    ['win32', { ConEmuTask: '{cmd::Cmder}' }, true],
  ] as const)('%s %j → %s', (platform, env, expected) => expect(terminalHasUnicode(platform, env)).toBe(expected));
});
