import type { Check, Verdict } from '../types.js';
import { invalidProxy, networkTargets, routeDetails } from '../network/targets.js';

/**
 * Each host:port accepts a connection. 9443 is the port corporate firewalls block while 443
 * passes. Through a proxy: the proxy accepts the connection and answers CONNECT host:port,
 * which is where a proxy login (407) or a proxy's refusal shows up.
 */
export const tcpCheck: Check = {
  id: 'tcp',
  needs: ['dns'],
  async run({ settings, probe }): Promise<Verdict> {
    const targets = networkTargets(settings);
    const bad = invalidProxy(targets);
    if (bad) return { status: 'fail', code: 'PROXY_INVALID_URL', details: bad };
    const timeoutMs = settings.timeoutMs.value;
    const results = await Promise.all(targets.map(async (t) => ({ t, result: await probe.connect(t.host, t.port, timeoutMs, t.route.proxy) })));
    const routes = targets.map(routeDetails);
    const reachable = results.filter((r) => r.result.ok).map((r) => `${r.t.host}:${r.t.port}`);
    const failed = results.find((r) => !r.result.ok);
    if (failed && !failed.result.ok) {
      return { status: 'fail', code: failed.result.failure.code, details: { ...failed.result.failure.details, which: failed.t.which, reachable, routes } };
    }
    return {
      status: 'pass',
      code: 'TCP_OK',
      details: {
        targets: results.map(({ t, result }) => {
          const v = result.ok ? result.value : null;
          return {
            host: t.host,
            port: t.port,
            ms: v?.ms ?? null,
            proxy: v?.proxy?.display ?? null,
            ...(v?.proxy ? { proxyStatus: v.proxy.status, proxyConnectMs: v.proxy.proxyConnectMs, connectResponseMs: v.proxy.connectResponseMs } : {}),
          };
        }),
        routes,
      },
    };
  },
};
