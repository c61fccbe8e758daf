// Bundles src/ into dist/: one entry for the CLI, one for the programmatic API.
// Code the --version path does not need (checks, undici, ora, the catalogues) is split
// into chunks loaded on demand, so start-up stays close to bare node.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

// Stale chunks would pile up under new hashes; the declarations are left for tsc to replace.
for (const stale of ['chunks', 'cli.js', 'index.js']) rmSync(new URL(`../dist/${stale}`, import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM still call require() for node built-ins.
  banner: { js: "import { createRequire as __gdCreateRequire } from 'node:module'; const require = __gdCreateRequire(import.meta.url);" },
});

// Type declarations of the programmatic API, for `import { runChecks } from 'gigadoctor'`.
// Only when asked (prepare, build): the test loop does not need them.
if (process.argv.includes('--types')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
