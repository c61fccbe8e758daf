#!/usr/bin/env node
// A CommonJS shim (see bin/package.json): `--version` should cost no more than bare node, so it
// is answered here; everything else is the CommonJS bundle in dist/ (see scripts/build.mjs).
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // Node 22.8+ keeps the compiled code of these files between runs, in the OS temp folder (~20 ms
  // of a check on Node 22; NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node 20 has no such API.
  try {
    require('node:module').enableCompileCache?.();
  } catch {
    // A cache that cannot be set up only costs the time it would have saved.
  }
  require('../dist/cli.cjs').run();
}
