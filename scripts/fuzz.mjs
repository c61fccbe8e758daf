#!/usr/bin/env node
// The long fuzz pass (issue 5): every property in test/fuzz, FUZZ_RUNS times each (default
// 20000) with a fresh seed, printed by fast-check on failure. `npm test` runs the same files
// briefly with a fixed seed.
//
//   npm run fuzz                          20000 runs per property, a fresh seed
//   npm run fuzz -- 100000                as many runs as given
//   FUZZ_SEED=123 FUZZ_PATH=45 npm run fuzz   replay a failure fast-check reported
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
process.exit(result.status ?? 1);
