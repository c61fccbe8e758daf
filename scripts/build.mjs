// Bundles src/ into dist/:
//  - the CLI as CommonJS: dist/cli.cjs points at dist/cli/main-<hash>.cjs. Node 20 starts
//    CommonJS without its ES module loader, ~20-40 ms less for a full check on this machine
//    (median of 15: 206-235 → 182-211 ms). Code a run may not need (the catalogues, commander,
//    ora, the mock and explain commands) is in files of its own, required on first use.
//  - the programmatic API as an ES module with chunks: dist/index.js, for
//    `import { runChecks } from 'gigadoctor'`.
// Every file name carries a content hash, so a name never changes meaning: new files are added
// beside the old, the two entry points are swapped in last, and (on a full build) what nothing
// points at any more is removed. A CLI started during a rebuild never finds half a bundle.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const dist = resolve(root, 'dist');
const next = resolve(dist, `.next-${process.pid}`);
mkdirSync(next, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  // Less source to compile at start-up; names are kept so an internal error still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

// --- the programmatic API (ES module) ---
await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  outdir: next,
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies bundled into ESM still call require() for node built-ins.
  banner: { js: "import { createRequire as __gdCreateRequire } from 'node:module'; const require = __gdCreateRequire(import.meta.url);" },
});

// --- the CLI (CommonJS) ---
// Files loaded on first use, in build order: a file may require only those before it.
// (renderers: a --json run never needs them; text output loads them while the run waits.)
// Each is reached through a dynamic import() in src; those must read named exports (a default
// export of an ES module reads differently once it is CommonJS).
const lazyUnits = [
  ['catalog-en', 'src/catalog/en.ts'],
  ['catalog-ru', 'src/catalog/ru.ts'],
  ['commander', 'commander'],
  ['spinner', 'src/render/spinner.ts'],
  ['renderers', 'src/render/renderers.ts'],
  ['explain', 'src/commands/explain.ts'],
  ['mock', 'src/commands/mock.ts'],
];
const built = new Map(); // source (absolute path or package name) → output file name
const lazyImports = {
  name: 'lazy-units',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const key = args.path.startsWith('.') ? resolve(dirname(args.importer), args.path.replace(/\.js$/, '.ts')) : args.path;
      const file = built.get(key);
      return file ? { path: `./${file}`, external: true } : undefined;
    });
  },
};
const cjs = async (name, entry) => {
  const result = await build({
    ...common,
    entryPoints: { [name]: entry },
    outdir: resolve(next, 'cli'),
    entryNames: '[name]-[hash]',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // import() of a file of its own becomes require(): no ES module loader at run time.
    supported: { 'dynamic-import': false },
    plugins: [lazyImports],
    metafile: true,
  });
  const [out] = Object.keys(result.metafile.outputs);
  return basename(out);
};
for (const [name, source] of lazyUnits) {
  built.set(source.startsWith('src/') ? resolve(root, source) : source, await cjs(name, source));
}
const main = await cjs('main', 'src/cli.ts');
writeFileSync(resolve(next, 'cli.cjs'), `'use strict';\nmodule.exports = require('./cli/${main}');\n`);

// --- swap in ---
const fresh = {};
for (const dir of ['chunks', 'cli']) {
  fresh[dir] = new Set(readdirSync(resolve(next, dir)));
  mkdirSync(resolve(dist, dir), { recursive: true });
  for (const name of fresh[dir]) renameSync(resolve(next, dir, name), resolve(dist, dir, name));
}
for (const entry of ['index.js', 'cli.cjs']) renameSync(resolve(next, entry), resolve(dist, entry));
// A CLI already running (a parallel test) may still load an old file: prune only on a full build.
if (process.argv.includes('--types')) {
  for (const dir of ['chunks', 'cli']) {
    for (const name of readdirSync(resolve(dist, dir))) if (!fresh[dir].has(name)) rmSync(resolve(dist, dir, name), { force: true });
  }
  // The ES module CLI of earlier builds.
  rmSync(resolve(dist, 'cli.js'), { force: true });
}
rmSync(next, { recursive: true, force: true });

// Type declarations of the programmatic API, for `import { runChecks } from 'gigadoctor'`.
// Only when asked (prepare, build): the test loop does not need them.
if (process.argv.includes('--types')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: root });
}
