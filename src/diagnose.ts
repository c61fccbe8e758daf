import { loadCatalog } from './catalog/index.js';
import type { Shell } from './catalog/types.js';
import { isKnownPlaceholder } from './credential/lint.js';
import { CHECKS } from './checks/registry.js';
import { createProbe } from './probe/probe.js';
import type { Probe } from './probe/types.js';
import { remedyContext } from './render/shell.js';
import { buildReport, checkResult } from './report.js';
import { runGraph } from './runner.js';
import { Scrubber } from './secret/index.js';
import { sanitizeDeep } from './util/sanitize.js';
import type { Settings } from './settings/types.js';
import type { Check, CheckId, CheckResult, Report } from './types.js';
import { monotonicMs } from './util/elapsed.js';

export interface DiagnoseOptions {
  settings: Settings;
  shell: Shell;
  /** The command that runs gigadoctor here, for the remedies (src/commands/invoked-as.ts). */
  self?: string;
  platform: string;
  nodeVersion: string;
  /** NODE_EXTRA_CA_CERTS as this process saw it when node started. */
  nodeExtraCaCerts?: string;
  checks?: readonly Check[];
  probe?: Probe;
  /** A check starts its work. */
  onStart?: (id: CheckId) => void;
  /** A check's result, scrubbed like the report, as soon as it has one (in the order they finish), and the run's scrubber as it is then. */
  onCheck?: (check: CheckResult, scrubber: Scrubber) => void;
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
  for (const secret of settings.secretValues) if (secret.reveal() !== placeholderKey) scrubber.add(secret);
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
  const catalog = await loadCatalog(settings.lang);
  const remedy = remedyContext(opts.shell, opts.self);
  const { onCheck } = opts;
  const { results, products } = await runGraph({
    checks: opts.checks ?? CHECKS,
    settings,
    probe,
    onStart: opts.onStart,
    // The issued token joins the scrubber before any text that could hold it is shown.
    onResult: onCheck && ((raw, handed) => {
      scrubber.add(handed.oauth?.secret);
      onCheck(sanitizeDeep(scrubber.redactReport(checkResult(raw, catalog, remedy))), scrubber);
    }),
  }).finally(() => probe.close());
  scrubber.add(products.oauth?.secret);
  const report = buildReport(results, settings, catalog, remedy, {
    durationMs: Math.round(monotonicMs() - started),
    node: opts.nodeVersion,
    platform: opts.platform,
  });
  // Scrubbed as data, never as its JSON text: no secret can rename a field or break the document.
  // Server messages, headers and certificate names are text from outside: no escape sequence
  // or bidi control from them may reach a terminal or a pasted report.
  return { report: sanitizeDeep(scrubber.redactReport(report)), scrubber };
}
