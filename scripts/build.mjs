// Bundles src/ into dist/:
//  - the CLI as one CommonJS file, dist/cli.cjs: every module once, so module state (the
//    scrubber's known secrets, zod's configuration) is never split between copies;
//  - the programmatic API as an ES module, dist/index.js (`import`), and as CommonJS,
//    dist/index.cjs (`require`), each with its source map;
//  - dist/THIRD-PARTY-NOTICES.md: the licence of every package the bundles carry.
// Each is written beside its final name and renamed into place, so a CLI started during a
// rebuild (a parallel test) never reads half a file.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { thirdPartyNotices } from './notices.mjs';
import { resolve } from 'node:path';

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
  logLevel: 'warning',
};

const library = { ...common, entryPoints: { index: 'src/index.ts' }, outdir: next, sourcemap: true, metafile: true };
const builds = await Promise.all([
  build({
    ...library,
    format: 'esm',
    // CommonJS dependencies bundled into ESM still call require() for node built-ins.
    banner: { js: "import { createRequire as __gdCreateRequire } from 'node:module'; const require = __gdCreateRequire(import.meta.url);" },
  }),
  build({ ...library, format: 'cjs', outExtension: { '.js': '.cjs' } }),
  build({ ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: next, outExtension: { '.js': '.cjs' }, format: 'cjs', metafile: true }),
]);
writeFileSync(resolve(next, 'THIRD-PARTY-NOTICES.md'), thirdPartyNotices(root, builds.flatMap((b) => Object.keys(b.metafile.inputs))));
asciiOnly(resolve(next, 'cli.cjs'));

const outputs = ['index.js', 'index.js.map', 'index.cjs', 'index.cjs.map', 'cli.cjs', 'THIRD-PARTY-NOTICES.md'];
for (const entry of outputs) renameSync(resolve(next, entry), resolve(dist, entry));
rmSync(next, { recursive: true, force: true });
// What earlier builds split into chunks.
for (const old of ['chunks', 'cli', 'cli.js']) rmSync(resolve(dist, old), { recursive: true, force: true });

/**
 * The CLI bundle as ASCII text. Node holds a script's source in memory for as long as it runs,
 * and one character outside Latin-1 makes V8 store all of it two bytes a character: 2.3 MiB
 * instead of 1.2 (and ~1 MiB more peak RSS per run). esbuild escapes strings and identifiers
 * but leaves regular expressions (the Russian patterns of `explain`) and comments as written;
 * `\uXXXX` means the same character in both. The one place it would not is the raw text of a
 * tagged template (String.raw), so such a template must stay ASCII in src/ (checked here).
 */
function asciiOnly(file) {
  const offender = rawTemplatesWithNonAscii(resolve(root, 'src'));
  if (offender) throw new Error(`${offender}: a String.raw template with non-ASCII text would change meaning once the bundle is escaped to ASCII`);
  const text = readFileSync(file, 'utf8');
  // `\ж` (a needless escape) is `ж` too: an odd run of backslashes before the character loses one.
  const escaped = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) =>
    `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, escaped);
}

function rawTemplatesWithNonAscii(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = resolve(entry.parentPath ?? entry.path, entry.name);
    if (/String\.raw`[^`]*[^\x00-\x7f]/.test(readFileSync(path, 'utf8'))) return path;
  }
  return null;
}

// Type declarations of the programmatic API, for `import { runChecks } from 'gigadoctor'`.
// Only when asked (prepare, build): the test loop does not need them.
if (process.argv.includes('--types')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: root });
}
