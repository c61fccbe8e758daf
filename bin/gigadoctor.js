#!/usr/bin/env node
// A CommonJS shim (see bin/package.json): `--version` is answered from package.json, the rest by
// the bundled CLI in dist/ (scripts/build.mjs).
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('../dist/cli.cjs').run();
}
