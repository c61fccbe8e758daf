import type { Check, Verdict } from '../types.js';
import { networkTargets } from './network-targets.js';

/** Each host:port accepts a connection. 9443 is the port corporate firewalls block while 443 passes. */
export const tcpCheck: Check = {
  id: 'tcp',
  needs: ['dns'],
  async run({ settings, probe }): Promise<Verdict> {
    const targets = networkTargets(settings);
    const results = await Promise.all(targets.map(async (t) => ({ ...t, result: await probe.connect(t.host, t.port, settings.timeoutMs.value) })));
    const reachable = results.filter((r) => r.result.ok).map((r) => `${r.host}:${r.port}`);
    const failed = results.find((r) => !r.result.ok);
    if (failed && !failed.result.ok) {
      return { status: 'fail', code: failed.result.failure.code, details: { ...failed.result.failure.details, which: failed.which, reachable } };
    }
    return {
      status: 'pass',
      code: 'TCP_OK',
      details: { targets: results.map((r) => ({ host: r.host, port: r.port, ms: r.result.ok ? r.result.value.ms : null })) },
    };
  },
};
