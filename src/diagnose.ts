import { loadCatalog } from './catalog/index.js';
import type { Catalog, Shell } from './catalog/types.js';
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
import { nextTurn } from './util/next-turn.js';

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
  /** A check's result, scrubbed like the report, as soon as it has one (in the order they finish), the run's scrubber as it is then, and the catalogue it was written from. */
  onCheck?: (check: CheckResult, scrubber: Scrubber, catalog: Catalog) => void;
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
  // The catalogue loads, and each finished check's entry is written, while later checks wait on
  // the network: what is left when the last answer arrives is the report's frame. Each is a turn
  // of the event loop of its own, after the one before: the checks a result lets go send their
  // requests first, and an answer that arrives meanwhile is read between two entries, so neither
  // a request nor the time the report gives an answer waits behind the report's writing.
  const catalog = nextTurn().then(() => loadCatalog(settings.lang));
  const remedy = remedyContext(opts.shell, opts.self);
  let written: Promise<unknown> = catalog;
  const entries = new Map<CheckId, Promise<CheckResult>>();
  const shown: Promise<void>[] = [];
  const { onCheck } = opts;
  const { results, products } = await runGraph({
    checks: opts.checks ?? CHECKS,
    settings,
    probe,
    onStart: opts.onStart,
    onResult: (raw, handed) => {
      // The issued token joins the scrubber before any text that could hold it is written.
      scrubber.add(handed.oauth?.secret);
      const entry = awaitedLater(written.then(() => nextTurn()).then(async () => {
        const c = await catalog;
        // The forms of a secret just learnt are worked out here too, not when the report is scrubbed.
        scrubber.prepare();
        return checkResult(raw, c, remedy);
      }));
      written = entry.catch(() => undefined);
      entries.set(raw.id, entry);
      if (onCheck) shown.push(awaitedLater(Promise.all([entry, catalog]).then(([e, c]) => onCheck(sanitizeDeep(scrubber.redactReport(e)), scrubber, c))));
    },
  }).finally(() => probe.close());
  await Promise.all(shown);
  scrubber.add(products.oauth?.secret);
  const checks = await Promise.all(results.map((r) => entries.get(r.id)!));
  const report = buildReport(checks, settings, {
    durationMs: Math.round(monotonicMs() - started),
    node: opts.nodeVersion,
    platform: opts.platform,
  });
  // Scrubbed as data, never as its JSON text: no secret can rename a field or break the document.
  // Server messages, headers and certificate names are text from outside: no escape sequence
  // or bidi control from them may reach a terminal or a pasted report.
  return { report: sanitizeDeep(scrubber.redactReport(report)), scrubber };
}

/**
 * A promise this run awaits once the checks are done: marked handled now, so that a failure is
 * not taken for an unhandled rejection before then. The await still throws it.
 */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
