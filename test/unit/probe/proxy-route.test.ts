/** Which proxy a URL takes: our reading of NO_PROXY against undici's EnvHttpProxyAgent, the one the http probe uses. */
import { createServer } from 'node:net';
import { EnvHttpProxyAgent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type MockProxy } from '../../../src/mock/index.js';
import { noProxyMatch, parseProxyUrl, routeFor, withoutPassword, type ProxyConfig } from '../../../src/probe/proxy-route.js';

const cfg = (httpsProxy: string | null, noProxy: string | null = null, httpProxy: string | null = null): ProxyConfig => ({
  httpsProxy: httpsProxy === null ? null : { value: httpsProxy, name: 'HTTPS_PROXY' },
  httpProxy: httpProxy === null ? null : { value: httpProxy, name: 'http_proxy' },
  noProxy: noProxy === null ? null : { value: noProxy, name: 'NO_PROXY' },
});

describe('noProxyMatch (undici semantics)', () => {
  it.each([
    ['ngw.devices.sberbank.ru', 9443, 'ngw.devices.sberbank.ru', 'ngw.devices.sberbank.ru'],
    ['ngw.devices.sberbank.ru', 9443, 'sberbank.ru', 'sberbank.ru'],
    ['ngw.devices.sberbank.ru', 9443, '.sberbank.ru', '.sberbank.ru'],
    ['ngw.devices.sberbank.ru', 9443, '*.sberbank.ru', '*.sberbank.ru'],
    ['ngw.devices.sberbank.ru', 9443, 'SBERBANK.RU', 'SBERBANK.RU'],
    ['ngw.devices.sberbank.ru', 9443, 'example.org,  devices.sberbank.ru', 'devices.sberbank.ru'],
    ['ngw.devices.sberbank.ru', 9443, 'example.org devices.sberbank.ru', 'devices.sberbank.ru'],
    ['ngw.devices.sberbank.ru', 9443, 'ngw.devices.sberbank.ru:9443', 'ngw.devices.sberbank.ru:9443'],
    ['sberbank.ru', 443, '.sberbank.ru', '.sberbank.ru'],
  ])('%s:%s is exempted by %j (entry %j)', (host, port, value, entry) => {
    expect(noProxyMatch(host, port, value)).toEqual({ entry, wildcard: false });
  });

  it.each([
    ['ngw.devices.sberbank.ru', 9443, 'ngw.devices.sberbank.ru:443', 'a port in the entry must match'],
    ['ngw.devices.sberbank.ru', 9443, 'berbank.ru', 'a suffix is not a subdomain'],
    ['ngw.devices.sberbank.ru', 9443, '', 'empty'],
    ['ngw.devices.sberbank.ru', 9443, '*,example.org', 'only the whole value * is a wildcard'],
    ['ngw.devices.sberbank.ru', 9443, 'devices.*', 'no wildcard in the middle or the end'],
    ['10.1.2.3', 443, '10.0.0.0/8', 'no CIDR matching'],
  ])('%s:%s is not exempted by %j (%s)', (host, port, value) => {
    expect(noProxyMatch(host, port, value)).toBeNull();
  });

  it('the whole value * exempts everything', () => {
    expect(noProxyMatch('api.giga.chat', 443, '*')).toEqual({ entry: '*', wildcard: true });
  });
});

describe('routeFor', () => {
  it('https uses HTTPS_PROXY, else HTTP_PROXY; http uses only HTTP_PROXY', () => {
    expect(routeFor('https://api.giga.chat', cfg('http://p1:3128')).proxy?.display).toBe('http://p1:3128');
    expect(routeFor('https://api.giga.chat', cfg(null, null, 'http://p2:8080'))).toMatchObject({ reason: 'proxy', variable: 'http_proxy', proxy: { host: 'p2', port: 8080 } });
    expect(routeFor('http://example.org', cfg('http://p1:3128'))).toMatchObject({ proxy: null, reason: 'no-proxy-set' });
    expect(routeFor('https://api.giga.chat', cfg(null))).toMatchObject({ proxy: null, reason: 'no-proxy-set', variable: null });
  });

  it('says which NO_PROXY entry exempted the host', () => {
    expect(routeFor('https://ngw.devices.sberbank.ru:9443', cfg('http://p:1', 'localhost,.sberbank.ru'))).toEqual({
      proxy: null, reason: 'no-proxy-match', variable: 'NO_PROXY', noProxyEntry: '.sberbank.ru',
    });
    expect(routeFor('https://ngw.devices.sberbank.ru:9443', cfg('http://p:1', '*'))).toMatchObject({ reason: 'no-proxy-wildcard' });
  });

  it('builds Proxy-Authorization from the URL as undici does, and shows the proxy without it', () => {
    const r = routeFor('https://api.giga.chat', cfg('http://d%40v:p%3Ass@proxy.corp:3128'));
    expect(r.proxy).toMatchObject({ display: 'http://proxy.corp:3128', authorization: `Basic ${Buffer.from('d@v:p:ss').toString('base64')}` });
    expect(JSON.stringify({ ...r.proxy, authorization: undefined })).not.toContain('p%3Ass');
  });

  it('refuses what undici cannot use: no scheme, a non-URL, socks (shown without the password)', () => {
    expect(routeFor('https://api.giga.chat', cfg('user:secret@proxy.corp:3128'))).toMatchObject({
      reason: 'invalid-proxy', invalid: { reason: 'no-scheme', value: 'proxy.corp:3128' },
    });
    expect(parseProxyUrl({ value: 'http://', name: 'HTTPS_PROXY' })).toMatchObject({ invalid: { reason: 'unparsable' } });
    expect(parseProxyUrl({ value: 'socks5://u:pw@127.0.0.1:1080', name: 'HTTPS_PROXY' })).toEqual({
      invalid: { reason: 'unsupported-scheme', value: 'socks5://127.0.0.1:1080' },
    });
  });

  it('withoutPassword drops userinfo from URLs and from things that are not URLs', () => {
    expect(withoutPassword('http://u:pw@[::1]:3128/')).toBe('http://[::1]:3128');
    expect(withoutPassword('u:pw@host:1')).toBe('host:1');
  });
});

/**
 * The same questions put to undici itself: a proxy that refuses every CONNECT (so a proxied
 * request fails with "Proxy response (403)") and a closed port as the target (so a direct one
 * fails with ECONNREFUSED). Whatever undici did must be what routeFor predicted.
 */
describe('routeFor agrees with undici EnvHttpProxyAgent', () => {
  let proxy: MockProxy;
  let port: number;
  beforeAll(async () => {
    proxy = await startProxy({ refuseWith: 403 });
    port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
  });
  afterAll(() => proxy.close());

  const cases = (p: () => number): Array<[string, string]> => [
    ['localhost', 'localhost'],
    ['localhost', '.localhost'],
    ['localhost', '*.localhost'],
    ['localhost', 'LOCALHOST'],
    ['localhost', 'sub.localhost'],
    ['localhost', ''],
    ['localhost', '*'],
    ['localhost', '*, example.org'],
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.1', `127.0.0.1:${p()}`],
    ['127.0.0.1', `127.0.0.1:${p() + 1}`],
    ['127.0.0.1', '127.0.0.0/8'],
    ['127.0.0.1', 'example.org 127.0.0.1'],
  ];

  it('for every case', async () => {
    for (const [host, noProxy] of cases(() => port)) {
      const url = `http://${host}:${port}/`;
      const agent = new EnvHttpProxyAgent({ httpProxy: proxy.url, httpsProxy: proxy.url, noProxy, connect: { timeout: 2000 } });
      const before = proxy.connects.length;
      const err = await request(url, { dispatcher: agent }).then(() => null, (e: unknown) => e);
      await agent.close();
      const viaUndici = proxy.connects.length > before;
      expect(err, `${host} / ${noProxy}`).toBeTruthy();
      const predicted = routeFor(url, cfg(proxy.url, noProxy, proxy.url)).proxy !== null;
      expect(predicted, `NO_PROXY=${JSON.stringify(noProxy)} for ${url}`).toBe(viaUndici);
    }
  });
});
