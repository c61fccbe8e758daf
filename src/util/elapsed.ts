/**
 * A monotonic clock in milliseconds, for durations. `performance.now()` would do the same, but
 * its first use loads Node's perf_hooks (~2 ms of a run that measures a handful of steps).
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
