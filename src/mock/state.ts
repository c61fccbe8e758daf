/** The mutable state both servers share: what the handlers read and what tests inspect. */
import type { IncomingHttpHeaders } from 'node:http';
import type { KeyScope } from './fixtures.js';
import type { TimerSet } from './faults.js';
import type { Scenario } from './scenarios.js';
import type { RequestLogLimits } from './request-log.js';
import type { TokenStore } from './tokens.js';

export type ServerKind = 'auth' | 'api';

export interface RecordedRequest {
  server: ServerKind;
  method: string;
  /** The request target as sent, query included. */
  path: string;
  /** Lower-cased names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  /** The body decoded as UTF-8 ('' when there was none), up to the log's limit (request-log.ts). */
  body: string;
  /** The body's whole size in bytes (0 when refused as too large). */
  bodyBytes: number;
  /** Set when `body` holds only the first part. */
  bodyTruncated?: true;
  /** Unix time in milliseconds when the body had arrived. */
  at: number;
}

export interface MockUser {
  user: string;
  password: string;
}

export interface MockState {
  scenario: Scenario;
  latencyMs: number;
  dateOffsetMs: number;
  keyScope: KeyScope;
  clientId: string;
  clientSecret: string;
  users: MockUser[];
  tokens: TokenStore;
  /** What every admin request must carry in X-Admin-Token (admin.ts). */
  adminToken: string;
  /** The last requests (request-log.ts), oldest first. */
  requests: RecordedRequest[];
  requestLog: RequestLogLimits;
  timers: TimerSet;
  /** Filled in once both servers listen: redirects point at the other name of the same host. */
  origins: { auth: string; api: string; authRedirect: string; apiRedirect: string };
}
