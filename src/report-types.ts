// The report's contract (JSON schema v1), and the types of the programmatic API: nothing here
// may need Node's types or a development dependency, so a consumer's TypeScript compiles it alone.
import type { Code } from './catalog/codes.js';
import type { CheckId, Details } from './catalog/types.js';

export type Status = 'pass' | 'warn' | 'fail' | 'skip';

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
