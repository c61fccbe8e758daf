import type { Check, CheckOutcome, Details } from '../types.js';
import { displayUrl } from '../util/display-url.js';
import { invalidProxy, networkTargets, routeDetails, unreachableEndpoint } from '../network/targets.js';

/**
 * Each host this machine must resolve does; the time it took is kept for the report. Through
 * a proxy that is the proxy's host: the proxy resolves the GigaChat hosts itself, so a
 * local resolver that cannot is no fault then.
 */
export const dnsCheck: Check<'dns'> = {
  id: 'dns',
  needs: ['endpoints'],
  async run({ settings, probe }): Promise<CheckOutcome<'dns'>> {
    const unreachable = unreachableEndpoint(settings);
    if (unreachable) return unreachable;
    const targets = networkTargets(settings);
    const bad = invalidProxy(targets);
    if (bad) return { status: 'fail', code: 'PROXY_INVALID_URL', details: bad };

    const lookups = new Map<string, { role: 'target' | 'proxy'; proxy?: string }>();
    for (const t of targets) {
      const p = t.route.proxy;
      if (p) {
        if (!lookups.has(p.host)) lookups.set(p.host, { role: 'proxy', proxy: p.display });
      } else if (!lookups.has(t.host)) {
        lookups.set(t.host, { role: 'target' });
      }
    }
    const timeoutMs = settings.timeoutMs.value;
    const results = await Promise.all([...lookups].map(async ([host, info]) => ({ host, ...info, result: await probe.resolve(host, timeoutMs) })));
    const routes = targets.map(routeDetails);

    const failed = results.find((r) => !r.result.ok);
    if (failed && !failed.result.ok) {
      const { failure } = failed.result;
      if (failed.role === 'proxy' && failure.code === 'DNS_NOT_FOUND') {
        return { status: 'fail', code: 'PROXY_UNREACHABLE', details: { proxy: failed.proxy, host: failed.host, errno: 'ENOTFOUND', stage: 'dns', routes } };
      }
      const target = targets.find((t) => t.host === failed.host);
      const which = target?.which;
      const url = which === 'auth' ? settings.authUrl.value : settings.baseUrl.value;
      const extra: Details = failed.role === 'proxy' ? { proxy: failed.proxy } : { which, url: displayUrl(url) };
      return { status: 'fail', code: failure.code, details: { ...failure.details, ...extra, routes } };
    }
    return {
      status: 'pass',
      code: 'DNS_OK',
      details: {
        hosts: results.map(({ host, role, result }) => (result.ok ? { host, role, addresses: result.value.addresses, ms: result.value.ms } : { host, role })),
        routes,
        resolvedByProxy: [...new Set(targets.filter((t) => t.route.proxy).map((t) => t.host))],
      },
      product: { lookupMs: new Map(results.flatMap(({ host, result }) => (result.ok ? [[host, result.value.ms] as const] : []))) },
    };
  },
};
