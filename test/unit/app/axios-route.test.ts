import fc from 'fast-check';
import { getProxyForUrl } from 'proxy-from-env';
import { afterEach, describe, expect, it } from 'vitest';
import { axiosRoute } from '../../../src/app/axios-route.js';
import { withoutPassword } from '../../../src/probe/proxy-route.js';

const NAMES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'];
const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
afterEach(() => {
  for (const n of NAMES) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
});

/** What the package itself answers for this environment (it reads process.env). */
function packageAnswer(url: string, env: Record<string, string>): string | null {
  for (const n of NAMES) delete process.env[n];
  Object.assign(process.env, env);
  const proxy = getProxyForUrl(url);
  return proxy ? withoutPassword(proxy) : null;
}

describe('the npm SDK\'s proxy route (axios, proxy-from-env 2.x)', () => {
  it.each([
    [{ HTTPS_PROXY: 'http://p:3128' }, 'http://p:3128'],
    [{ HTTP_PROXY: 'http://p:3128' }, null],
    [{ ALL_PROXY: 'http://all:1' }, 'http://all:1'],
    [{ https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' }, 'http://lower:1'],
    [{ HTTPS_PROXY: 'http://p:3128', NO_PROXY: 'sberbank.ru' }, 'http://p:3128'],
    [{ HTTPS_PROXY: 'http://p:3128', NO_PROXY: '.sberbank.ru' }, null],
    [{ HTTPS_PROXY: 'http://p:3128', NO_PROXY: '*' }, null],
    [{ HTTPS_PROXY: 'http://p:3128', NO_PROXY: 'gigachat.devices.sberbank.ru:80' }, 'http://p:3128'],
    [{ HTTPS_PROXY: 'p:3128' }, 'https://p:3128'],
    [{ HTTPS_PROXY: 'http://user:secret@p:3128' }, 'http://p:3128'],
  ])('%j → %s', (env, proxy) => {
    const url = 'https://gigachat.devices.sberbank.ru/api/v1';
    expect(axiosRoute(url, env).proxy).toBe(proxy);
    expect(packageAnswer(url, env)).toBe(proxy);
  });

  it('agrees with the package on any environment', () => {
    const host = fc.constantFrom('ngw.devices.sberbank.ru', 'gigachat.devices.sberbank.ru', 'api.giga.chat', '127.0.0.1', '[::1]');
    const noProxyEntry = fc.constantFrom('sberbank.ru', '.sberbank.ru', '*.sberbank.ru', 'devices.sberbank.ru:9443', '127.0.0.1', '*', '', 'api.giga.chat:443', '[::1]');
    fc.assert(fc.property(
      host, fc.constantFrom('', ':9443', ':443'),
      fc.dictionary(fc.constantFrom(...NAMES), fc.oneof(fc.constantFrom('http://p:1', 'p:2', 'http://u:pw@p:3', ''), fc.array(noProxyEntry, { maxLength: 3 }).map((a) => a.join(',')))),
      (h, port, env) => {
        const url = `https://${h}${port}/x`;
        expect(axiosRoute(url, env).proxy).toBe(packageAnswer(url, env));
      },
    ), { numRuns: 300 });
  });
});
