#!/usr/bin/env node
// The long fuzz pass (issue 5): every property in test/fuzz, FUZZ_RUNS times each (default
// 20000) with a fresh seed, printed by fast-check on failure. `npm test` runs the same files
// briefly with a fixed seed.
//
// Then the load section (scripts/fuzz-mock-load.mjs): `gigadoctor mock` under 50,000 requests
// and 100 bodies of 9 MB stays under 150 MiB of memory. It needs the built CLI (npm run build).
//
//   npm run fuzz                          20000 runs per property, a fresh seed, then the load
//   npm run fuzz -- 100000                as many runs as given
//   FUZZ_SEED=123 FUZZ_PATH=45 npm run fuzz   replay a failure fast-check reported
//   FUZZ_LOAD=0 npm run fuzz              the properties only
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '20000';
if (!/^\d+$/.test(runs)) {
  console.error(`fuzz: runs must be a whole number, got '${runs}'`);
  process.exit(2);
}
// The package's own bin, by path: vitest's exports do not expose it, and npx would add a shell.
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const started = Date.now();
console.error(`fuzz: ${runs} runs per property${process.env.FUZZ_SEED ? `, seed ${process.env.FUZZ_SEED}` : ''}`);
const result = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz'], {
  stdio: 'inherit',
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  env: { ...process.env, FUZZ_RUNS: runs },
});
console.error(`fuzz: ${((Date.now() - started) / 1000).toFixed(1)} s`);
let load = { status: 0 };
if (process.env.FUZZ_LOAD !== '0') {
  const script = fileURLToPath(new URL('./fuzz-mock-load.mjs', import.meta.url));
  load = spawnSync(process.execPath, [script], { stdio: 'inherit' });
}
// A run killed by a signal has no status: that is a failure too.
const failed = [result, load].find((r) => r.status !== 0);
process.exit(failed ? (failed.status ?? 1) : 0);
