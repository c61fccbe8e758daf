import type { Code } from './catalog/codes.js';
import type { CheckId, Details, Lang } from './catalog/types.js';
import type { Settings } from './settings/types.js';
import type { Probe } from './probe/types.js';
import type { Secret } from './secret.js';

export type { CheckId, Code, Details, Lang };
export type Status = 'pass' | 'warn' | 'fail' | 'skip';

/** A finding beyond the one a check is named by: shown under it, never changes its status. */
export interface Note {
  code: Code;
  details?: Details;
}

/** What a check decides. Plain data: every renderer reads the same facts. */
export interface Verdict {
  status: Status;
  code: Code;
  details?: Details;
  notes?: Note[];
  /** A skip that still lets dependents run (oauth skipped because a ready token was given). */
  satisfiesNeeds?: boolean;
}

/** What checks hand to the checks that need them; never rendered. */
export interface Handoff {
  token?: { secret: Secret; source: 'oauth' | 'GIGACHAT_ACCESS_TOKEN' };
  models?: string[];
}

export interface CheckContext {
  settings: Settings;
  probe: Probe;
  results: ReadonlyMap<CheckId, Verdict>;
  handoff: Handoff;
  now(): number;
}

export interface Check {
  id: CheckId;
  needs: CheckId[];
  /** Checks to wait for without needing them to pass: their verdicts are read from `results`. */
  after?: CheckId[];
  run(ctx: CheckContext): Promise<Verdict> | Verdict;
}

export interface CheckResult {
  id: CheckId;
  title: string;
  status: Status;
  code: Code;
  summary: string;
  remediation: string[];
  transient: boolean;
  blockedBy: CheckId | null;
  durationMs: number;
  details: Details;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'gigadoctor'; version: string };
  ok: boolean;
  exitCode: 0 | 1 | 3;
  counts: Record<Status, number>;
  durationMs: number;
  environment: {
    node: string;
    platform: string;
    proxy: string | null;
    extraCa: string[];
  };
  checks: CheckResult[];
}
