// The report's contract (JSON schema v1), and the types of the programmatic API: nothing here
// may need Node's types or a development dependency, so a consumer's TypeScript compiles it alone.
import type { Code } from './catalog/codes.js';
import type { CheckId, Details } from './catalog/types.js';

export type Status = 'pass' | 'warn' | 'fail' | 'skip';

/** The options the command line and the programmatic API share (each adds its own few). */
export interface CheckOptions {
  /** A .env file to read (default ./.env in the folder run from, when present), or false for none. */
  dotenv?: string | false;
  authUrl?: string;
  baseUrl?: string;
  scope?: string;
  model?: string;
  caFile?: string;
  insecure?: boolean;
  /** false: no chat probe. */
  chat?: boolean;
  /** Check ids, comma-separated, as on the command line. */
  only?: string;
  skip?: string;
  strict?: boolean;
  verbose?: boolean;
  /** The app's folder the code and python checks look at. */
  project?: string;
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
