// The programmatic API: the same checks and the same Report the JSON output shows.
export { runChecks, type RunChecksOptions } from './api.js';
export type { CheckOptions, CheckResult, Report, Status } from './report-types.js';
export type { CheckId } from './catalog/types.js';
export type { Code } from './catalog/codes.js';
