import { loadCatalog } from './catalog/index.js';
import type { Shell } from './catalog/types.js';
import { isKnownPlaceholder } from './credential/lint.js';
import { CHECKS } from './checks/registry.js';
import { createProbe } from './probe/probe.js';
import type { Probe } from './probe/types.js';
import { remedyContext } from './render/shell.js';
import { buildReport } from './report.js';
import { runGraph } from './runner.js';
import { Scrubber } from './secret.js';
import { sanitizeDeep } from './util/sanitize.js';
import type { Settings } from './settings/types.js';
import type { Check, Report } from './types.js';
import { monotonicMs } from './util/elapsed.js';

export interface DiagnoseOptions {
  settings: Settings;
  shell: Shell;
  platform: string;
  nodeVersion: string;
  /** NODE_EXTRA_CA_CERTS as this process saw it when node started. */
  nodeExtraCaCerts?: string;
  checks?: readonly Check[];
  probe?: Probe;
}

/**
 * settings → checks → report. The report is scrubbed data: every secret the run
 * knew of, including tokens it was issued, is replaced before anything renders it.
 */
export async function diagnose(opts: DiagnoseOptions): Promise<{ report: Report; scrubber: Scrubber }> {
  const { settings } = opts;
  const scrubber = new Scrubber();
  // A known placeholder in the key's place ("your_token") is nobody's secret, and hiding it would
  // hide the finding itself; every other value, even `changeme` as a password, stays secret.
  const placeholderKey = settings.credential && settings.credential.kind !== 'password' && isKnownPlaceholder(settings.credential.secret.reveal())
    ? settings.credential.secret.reveal()
    : null;
  for (const value of settings.secretValues) if (value !== placeholderKey) scrubber.add(value);
  if (settings.credential && !placeholderKey) scrubber.add(settings.credential.secret);

  const cert = settings.clientCert?.read;
  const probe = opts.probe ?? createProbe({
    trust: {
      extraCaPem: settings.caFileRead?.ok ? settings.caFileRead.pem : undefined,
      nodeExtraCaCerts: opts.nodeExtraCaCerts,
      insecure: settings.insecure,
      // A pair that did not read cleanly is reported by the tls check and never offered.
      clientCert: cert?.ok ? { cert: cert.cert, key: cert.key.reveal(), passphrase: cert.passphrase?.reveal() } : null,
    },
    proxy: settings.proxy,
    connectTimeoutMs: settings.timeoutMs.value,
  });
  const started = monotonicMs();
  const { results, products } = await runGraph({ checks: opts.checks ?? CHECKS, settings, probe }).finally(() => probe.close());
  const catalog = await loadCatalog(settings.lang);
  scrubber.add(products.oauth?.secret);
  const report = buildReport(results, settings, catalog, remedyContext(opts.shell), {
    durationMs: Math.round(monotonicMs() - started),
    node: opts.nodeVersion,
    platform: opts.platform,
  });
  // Server messages, headers and certificate names are text from outside: no escape sequence
  // or bidi control from them may reach a terminal or a pasted report.
  return { report: sanitizeDeep(JSON.parse(scrubber.scrub(JSON.stringify(report))) as Report), scrubber };
}
