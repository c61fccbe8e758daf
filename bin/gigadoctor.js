#!/usr/bin/env node
// A CommonJS shim (see bin/package.json): `--version` should cost no more than bare node, so it
// is answered here; everything else is the CommonJS bundle in dist/ (see scripts/build.mjs).
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('../dist/cli.cjs').run();
}
