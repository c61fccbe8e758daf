// The programmatic API: the same checks and the same Report the JSON output shows.
export { runChecks, type RunChecksOptions } from './api.js';
export type { CheckResult, Report, Status, CheckId } from './types.js';
