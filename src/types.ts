import type { Code } from './catalog/codes.js';
import type { CheckId, Details, Lang } from './catalog/types.js';
import type { Settings } from './settings/types.js';
import type { Probe } from './probe/types.js';
import type { Secret } from './secret.js';

export type { CheckId, Code, Details, Lang };
export type { CheckResult, Report, Status } from './report-types.js';
import type { Status } from './report-types.js';

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

/** An access token the API checks call with: issued by the oauth check, or given ready. */
export interface AccessToken {
  secret: Secret;
  source: 'oauth' | 'GIGACHAT_ACCESS_TOKEN';
}

/** What a check hands to the checks after it, beside its verdict; never rendered. */
export interface Products {
  /** Lookup time by host name, for the tls check's curl-style timings. */
  dns: { lookupMs: ReadonlyMap<string, number> };
  oauth: AccessToken;
}

export type ProductOf<Id extends CheckId> = Id extends keyof Products ? Products[Id] : never;

/** A verdict, and for the checks that have one, their product. */
export type CheckOutcome<Id extends CheckId = CheckId> = Verdict & { product?: ProductOf<Id> };

export interface CheckContext {
  settings: Settings;
  probe: Probe;
  results: ReadonlyMap<CheckId, Verdict>;
  products: Readonly<Partial<Products>>;
  now(): number;
}

export interface Check<Id extends CheckId = CheckId> {
  id: Id;
  needs: CheckId[];
  run(ctx: CheckContext): Promise<CheckOutcome<Id>> | CheckOutcome<Id>;
}
