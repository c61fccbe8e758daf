// Runs a TypeScript script of this repository (one that starts src/mock in-process) in a Node
// process of its own: bundled by esbuild to `outfile`, then run; resolves with its exit code.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';

export async function runTs(entry, outfile, args = []) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [outfile, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}
