// Regenerates test/corpus/captured (see scripts/corpus/main.ts): bundles the TypeScript driver,
// which starts src/mock in-process, and runs it. Needs python3 with httpx and pydantic, and npm.
import { build } from 'esbuild';

await build({
  entryPoints: ['scripts/corpus/main.ts'],
  outfile: '.corpus/main.mjs',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await import(new URL('../../.corpus/main.mjs', import.meta.url).href);
