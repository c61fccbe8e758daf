import type { Probe } from './probe/types.js';
import type { Settings } from './settings/types.js';
import type { Check, CheckContext, CheckId, CheckOutcome, Products, Verdict } from './types.js';
import { monotonicMs } from './util/elapsed.js';

export interface RawResult {
  id: CheckId;
  verdict: Verdict;
  blockedBy: CheckId | null;
  durationMs: number;
}

export interface RunInput {
  checks: readonly Check[];
  settings: Settings;
  probe: Probe;
  now?: () => number;
  /** A check starts its own work (not called for one skipped or blocked). */
  onStart?: (id: CheckId) => void;
  /** A check has its verdict, with what the checks handed on so far: for a report that fills in as it goes. */
  onResult?: (result: RawResult, products: Readonly<Partial<Products>>) => void;
}

export interface RunOutput {
  /** In the order of `checks`. */
  results: RawResult[];
  /** What the checks handed on (the access token among them): the caller scrubs output with it. */
  products: Partial<Products>;
}

/**
 * Runs the check graph: each check starts as soon as what it needs is done, so
 * independent checks overlap; results come back in registry order. A check that
 * throws or outlives the run's deadline becomes a verdict; nothing stops the run.
 */
export async function runGraph({ checks, settings, probe, now = Date.now, onStart, onResult }: RunInput): Promise<RunOutput> {
  const results = new Map<CheckId, Verdict>();
  const raw = new Map<CheckId, RawResult>();
  const products: Partial<Products> = {};
  const ctx: CheckContext = { settings, probe, results, products, now };
  const byId = new Map(checks.map((c) => [c.id, c]));
  const selected = selectChecks(checks, settings);

  let deadlineTimer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    deadlineTimer = setTimeout(() => resolve('deadline'), settings.deadlineMs);
  });

  const started = new Map<CheckId, Promise<void>>();
  const start = (check: Check): Promise<void> => {
    let p = started.get(check.id);
    if (p) return p;
    p = (async () => {
      await Promise.all([...check.needs, ...(check.after ?? [])].filter((n) => byId.has(n)).map((n) => start(byId.get(n)!)));
      const t0 = monotonicMs();
      const skip = selected.get(check.id);
      let verdict: Verdict;
      let blockedBy: CheckId | null = null;
      const blocker = findBlocker(check, results, raw);
      if (skip) {
        verdict = { status: 'skip', code: 'SKIPPED_BY_OPTION', details: { option: skip }, satisfiesNeeds: true };
      } else if (blocker) {
        blockedBy = blocker;
        verdict = { status: 'skip', code: 'BLOCKED', details: { blockedBy: blocker } };
      } else {
        onStart?.(check.id);
        const { product, ...outcome } = await runGuarded(check, ctx, deadline, settings.deadlineMs);
        verdict = outcome;
        if (product !== undefined) (products as Record<string, unknown>)[check.id] = product;
        if (verdict.code === 'BLOCKED') blockedBy = (verdict.details?.blockedBy as CheckId) ?? null;
      }
      results.set(check.id, verdict);
      const result = { id: check.id, verdict, blockedBy, durationMs: Math.round(monotonicMs() - t0) };
      raw.set(check.id, result);
      onResult?.(result, products);
    })();
    started.set(check.id, p);
    return p;
  };

  try {
    await Promise.all(checks.map(start));
  } finally {
    clearTimeout(deadlineTimer);
  }
  return { results: checks.map((c) => raw.get(c.id)!), products };
}

/** The first need that failed or could not run, named by the root cause. */
function findBlocker(check: Check, results: Map<CheckId, Verdict>, raw: Map<CheckId, RawResult>): CheckId | null {
  for (const need of check.needs) {
    const v = results.get(need);
    if (!v) continue;
    if (v.status === 'fail') return need;
    if (v.status === 'skip' && !v.satisfiesNeeds) return raw.get(need)?.blockedBy ?? need;
  }
  return null;
}

async function runGuarded(check: Check, ctx: CheckContext, deadline: Promise<'deadline'>, deadlineMs: number): Promise<CheckOutcome> {
  try {
    const outcome = await Promise.race([Promise.resolve().then(() => check.run(ctx)), deadline]);
    if (outcome === 'deadline') return { status: 'fail', code: 'DEADLINE_EXCEEDED', details: { deadlineMs } };
    return outcome;
  } catch (err) {
    return { status: 'fail', code: 'INTERNAL_ERROR', details: { message: err instanceof Error ? err.message : String(err) } };
  }
}

/** Checks left out by --only, --skip or --no-chat, with the option that left them out. */
function selectChecks(checks: readonly Check[], settings: Settings): Map<CheckId, string> {
  const skipped = new Map<CheckId, string>();
  if (settings.only) {
    // --only keeps what the named checks need: a TLS check without its TCP connect would say nothing.
    const keep = new Set<CheckId>();
    const byId = new Map(checks.map((c) => [c.id, c]));
    const add = (id: CheckId) => {
      if (keep.has(id)) return;
      keep.add(id);
      byId.get(id)?.needs.forEach(add);
    };
    (settings.only as CheckId[]).forEach(add);
    for (const c of checks) if (!keep.has(c.id)) skipped.set(c.id, '--only');
  }
  for (const id of settings.skip as CheckId[]) skipped.set(id, '--skip');
  if (!settings.chat) skipped.set('chat', '--no-chat');
  return skipped;
}
