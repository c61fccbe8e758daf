import { describe, expect, it } from 'vitest';
import { endpointsCheck } from '../../../src/checks/endpoints-check.js';
import { exitCodeOf } from '../../../src/report.js';
import { resolveSettings } from '../../../src/settings/resolve.js';
import type { CheckContext, Verdict } from '../../../src/types.js';

function endpoints(env: Record<string, string>): Verdict {
  const settings = resolveSettings({ flags: { dotenv: false }, env: { GIGACHAT_CREDENTIALS: 'x', ...env }, cwd: '/', stdoutIsTTY: false });
  return endpointsCheck.run({ settings } as CheckContext) as Verdict;
}

describe('endpointsCheck', () => {
  it('defaults are the official URLs', () => expect(endpoints({})).toMatchObject({ status: 'pass', code: 'ENDPOINTS_OFFICIAL' }));
  it('the guide’s Yandex OAuth URL is refused', () =>
    expect(endpoints({ GIGACHAT_AUTH_URL: 'https://auth.api.cloud.yandex.net/oauth/token' }))
      .toMatchObject({ status: 'fail', code: 'ENDPOINT_KNOWN_WRONG', details: { which: 'auth', correct: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth' } }));
  it('the guide’s api.gigachat.ru is refused', () =>
    expect(endpoints({ GIGACHAT_BASE_URL: 'https://api.gigachat.ru/core/api/v1' })).toMatchObject({ code: 'ENDPOINT_KNOWN_WRONG', details: { which: 'api' } }));
  it('plain http is refused', () => expect(endpoints({ GIGACHAT_BASE_URL: 'http://gigachat.devices.sberbank.ru/api/v1' })).toMatchObject({ code: 'ENDPOINT_NOT_HTTPS' }));
  it('the bare OAuth host (the 403 case) is a bad path with the fix', () =>
    expect(endpoints({ GIGACHAT_AUTH_URL: 'https://ngw.devices.sberbank.ru:9443/' }))
      .toMatchObject({ code: 'ENDPOINT_BAD_PATH', details: { suggestion: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth' } }));
  it('the OAuth URL without port 9443', () =>
    expect(endpoints({ GIGACHAT_AUTH_URL: 'https://ngw.devices.sberbank.ru/api/v2/oauth' }))
      .toMatchObject({ code: 'ENDPOINT_BAD_PATH', details: { suggestion: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth' } }));
  it('a base URL that ends in /models', () =>
    expect(endpoints({ GIGACHAT_BASE_URL: 'https://gigachat.devices.sberbank.ru/api/v1/models' }))
      .toMatchObject({ code: 'ENDPOINT_BAD_PATH', details: { suggestion: 'https://gigachat.devices.sberbank.ru/api/v1' } }));
  it('URLs swapped between auth and API', () =>
    expect(endpoints({ GIGACHAT_AUTH_URL: 'https://gigachat.devices.sberbank.ru/api/v1' })).toMatchObject({ code: 'ENDPOINT_BAD_PATH', details: { which: 'auth' } }));
  it('a custom host is a warning naming it', () =>
    expect(endpoints({ GIGACHAT_BASE_URL: 'https://llm-proxy.corp.example/api/v1' })).toMatchObject({ status: 'warn', code: 'ENDPOINT_CUSTOM_HOST', details: { host: 'llm-proxy.corp.example' } }));
  it('not a URL', () => expect(endpoints({ GIGACHAT_BASE_URL: 'gigachat' })).toMatchObject({ code: 'ENDPOINT_INVALID_URL' }));
  it('api.giga.chat uses /v1', () => expect(endpoints({ GIGACHAT_BASE_URL: 'https://api.giga.chat/v1' })).toMatchObject({ status: 'pass' }));
  it('GigaChat-3-Ultra on the legacy host is a warning', () =>
    expect(endpoints({ GIGACHAT_MODEL: 'GigaChat-3-Ultra' })).toMatchObject({ status: 'warn', code: 'ENDPOINT_MODEL_HOST', details: { suggestion: 'https://api.giga.chat/v1' } }));
  it('a password in a URL never reaches details', () => {
    const v = endpoints({ GIGACHAT_BASE_URL: 'https://user:hunter2pass@llm.example/api/v1' });
    expect(JSON.stringify(v)).not.toContain('hunter2pass');
  });
});

describe('exitCodeOf', () => {
  const c = (status: 'pass' | 'warn' | 'fail' | 'skip', transient = false) => ({ status, transient });
  it('0 when nothing failed, warnings allowed', () => expect(exitCodeOf([c('pass'), c('warn'), c('skip')], false)).toBe(0));
  it('--strict makes a warning fail', () => expect(exitCodeOf([c('pass'), c('warn')], true)).toBe(1));
  it('1 for a definite problem', () => expect(exitCodeOf([c('fail'), c('fail', true)], false)).toBe(1));
  it('3 when every failure may pass on retry', () => expect(exitCodeOf([c('pass'), c('fail', true), c('skip')], false)).toBe(3));
});
