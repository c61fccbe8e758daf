#!/usr/bin/env node
// A CommonJS shim (see bin/package.json): Node starts a CommonJS entry faster than an ES module,
// and `--version` should cost no more than bare node. Everything else lives in dist/.
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  import('../dist/cli.js').then((cli) => cli.run());
}
