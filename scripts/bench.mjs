// npm run bench: bundles the TypeScript benchmark (it starts src/mock in-process) and runs it.
import { build } from 'esbuild';

await build({
  entryPoints: ['scripts/bench/main.ts'],
  outfile: '.bench/main.mjs',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await import(new URL('../.bench/main.mjs', import.meta.url).href);
// explain on a 100 MB app log (issue 13): its own row, after the table.
await import(new URL('./bench-explain.mjs', import.meta.url).href);
