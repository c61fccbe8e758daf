// Bundles src/ into dist/: one entry for the CLI, one for the programmatic API.
// Code the --version path does not need (checks, undici, ora, the catalogues) is split
// into chunks loaded on demand, so start-up stays close to bare node.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
// Build beside dist/ and swap in: a CLI started during a rebuild never finds half a bundle.
const next = new URL(`../dist/.next-${process.pid}/`, import.meta.url);
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: next.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  // Less source to compile at start-up; names are kept so an internal error still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM still call require() for node built-ins.
  banner: { js: "import { createRequire as __gdCreateRequire } from 'node:module'; const require = __gdCreateRequire(import.meta.url);" },
});
// Chunks are content-hashed, so a name never changes meaning: add the new ones, swap the
// entries in, then (on a full build) drop the chunks nothing points at any more.
const chunks = new URL('chunks/', dist);
mkdirSync(chunks, { recursive: true });
const fresh = new Set(readdirSync(new URL('chunks/', next)));
for (const name of fresh) renameSync(new URL(`chunks/${name}`, next), new URL(name, chunks));
for (const entry of ['cli.js', 'index.js']) renameSync(new URL(entry, next), new URL(entry, dist));
// A CLI already running (a parallel test) may still lazy-load an old chunk: prune only on a full build.
if (process.argv.includes('--types')) {
  for (const name of readdirSync(chunks)) if (!fresh.has(name)) rmSync(new URL(name, chunks), { force: true });
}
rmSync(next, { recursive: true, force: true });

// Type declarations of the programmatic API, for `import { runChecks } from 'gigadoctor'`.
// Only when asked (prepare, build): the test loop does not need them.
if (process.argv.includes('--types')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
