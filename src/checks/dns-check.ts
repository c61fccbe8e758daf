import type { Check, Verdict } from '../types.js';
import { displayUrl } from './endpoints-check.js';
import { networkTargets } from './network-targets.js';

/** Each host resolves; the time it took is kept for the report. */
export const dnsCheck: Check = {
  id: 'dns',
  needs: ['endpoints'],
  async run({ settings, probe }): Promise<Verdict> {
    const targets = networkTargets(settings);
    const hosts = [...new Set(targets.map((t) => t.host))];
    const results = await Promise.all(hosts.map(async (host) => ({ host, result: await probe.resolve(host, settings.timeoutMs.value) })));
    const failed = results.find((r) => !r.result.ok);
    if (failed && !failed.result.ok) {
      const which = targets.find((t) => t.host === failed.host)?.which;
      const url = which === 'auth' ? settings.authUrl.value : settings.baseUrl.value;
      return { status: 'fail', code: failed.result.failure.code, details: { ...failed.result.failure.details, which, url: displayUrl(url) } };
    }
    return {
      status: 'pass',
      code: 'DNS_OK',
      details: { hosts: results.map(({ host, result }) => (result.ok ? { host, addresses: result.value.addresses, ms: result.value.ms } : { host })) },
    };
  },
};
