import { TRANSIENT_CODES } from './catalog/codes.js';
import type { Catalog, RemedyContext } from './catalog/types.js';
import type { RawResult } from './runner.js';
import type { Settings } from './settings/types.js';
import type { CheckResult, Details, Report, Status, Verdict } from './types.js';
import { withoutPassword } from './probe/proxy-route.js';
import { VERSION } from './version.js';

export interface ReportMeta {
  durationMs: number;
  node: string;
  platform: string;
}

/** The checks' entries (results with their catalogue text) in a frame: the one document every renderer reads. */
export function buildReport(checks: CheckResult[], settings: Settings, meta: ReportMeta): Report {
  const counts: Record<Status, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const c of checks) counts[c.status]++;
  const exitCode = exitCodeOf(checks, settings.strict);
  return {
    schemaVersion: 1,
    tool: { name: 'gigadoctor', version: VERSION },
    ok: exitCode === 0,
    exitCode,
    counts,
    durationMs: meta.durationMs,
    environment: {
      node: meta.node,
      platform: meta.platform,
      proxy: proxyShown(settings),
      extraCa: [
        ...(settings.nodeExtraCaCerts?.source === 'env' ? ['NODE_EXTRA_CA_CERTS'] : []),
        ...(settings.caFile ? [settings.caFile.name] : []),
      ],
    },
    checks,
  };
}

/** One check's verdict with its text in the report's language. */
export function checkResult(r: RawResult, catalog: Catalog, remedy: RemedyContext): CheckResult {
  const verdict = knownCode(r.verdict, catalog);
  const text = catalog.codes[verdict.code];
  const details: Details = { ...(verdict.details ?? {}) };
  if (verdict.notes?.length) {
    details.notes = verdict.notes.filter((n) => catalog.codes[n.code]).map((n) => ({
      code: n.code,
      summary: catalog.codes[n.code].summary(n.details ?? {}),
      remediation: catalog.codes[n.code].remediation(n.details ?? {}, remedy),
    }));
  }
  return {
    id: r.id,
    title: catalog.checks[r.id],
    status: verdict.status,
    code: verdict.code,
    summary: text.summary(verdict.details ?? {}),
    remediation: verdict.status === 'pass' ? [] : text.remediation(verdict.details ?? {}, remedy),
    transient: verdict.status === 'fail' && TRANSIENT_CODES.has(verdict.code),
    blockedBy: r.blockedBy,
    durationMs: r.durationMs,
    details,
  };
}

/** A code the catalogue does not know is our bug: report it as one rather than crash the report. */
function knownCode(verdict: Verdict, catalog: Catalog): Verdict {
  if (catalog.codes[verdict.code]) return verdict;
  return { status: 'fail', code: 'INTERNAL_ERROR', details: { ...verdict.details, message: `no catalogue text for ${verdict.code}`, unknownCode: verdict.code } };
}

/** 0 nothing failed · 1 a definite problem · 3 every failure may pass on retry. --strict makes a warning a failure. */
export function exitCodeOf(checks: Pick<CheckResult, 'status' | 'transient'>[], strict: boolean): 0 | 1 | 3 {
  const failures = checks.filter((c) => c.status === 'fail' || (strict && c.status === 'warn'));
  if (failures.length === 0) return 0;
  return failures.every((c) => c.status === 'fail' && c.transient) ? 3 : 1;
}

function proxyShown(settings: Settings): string | null {
  const p = settings.proxy.httpsProxy ?? settings.proxy.httpProxy;
  return p ? `${p.name}=${withoutPassword(p.value)}` : null;
}
