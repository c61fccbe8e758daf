// npm run pack-test: proves the published package works without the repository around it.
// `npm pack`, install the tarball into an empty folder (production dependencies only), then on
// this machine's node and on Node 22 and 24 (the `node` npm package): `npx gigadoctor --version`,
// and a full `check --json` against the package's own `gigadoctor mock`.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const work = mkdtempSync(join(tmpdir(), 'gd-pack-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function fail(message) {
  console.error(`pack-test: ${message}`);
  process.exit(1);
}

/** Node binaries to try: this one, then 22 and 24 from the npm registry (the `node` package ships the binary). */
function runtimes() {
  const list = [{ name: `node ${process.version} (machine)`, bin: process.execPath }];
  for (const major of (process.env.PACK_TEST_NODES ?? '22,24').split(',').filter(Boolean)) {
    const prefix = join(work, `node${major}`);
    npm(['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `node@${major}`], ROOT);
    const bin = join(prefix, 'node_modules', '.bin', 'node');
    if (!existsSync(bin)) fail(`node@${major} did not install a binary`);
    list.push({ name: `node ${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()} (npm node@${major})`, bin });
  }
  return list;
}

function run(bin, args, { cwd, env, timeoutMs = 60_000 }) {
  return new Promise((resolvePromise) => {
    const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Starts the installed package's `gigadoctor mock` and waits for its .env file. */
async function startMock(node, app, env) {
  const envOut = join(mkdtempSync(join(tmpdir(), 'gd-pack-env-')), 'mock.env');
  const child = spawn(node, [join(app, 'node_modules/gigadoctor/bin/gigadoctor.js'), 'mock', '--env-out', envOut], { cwd: app, env, stdio: 'ignore' });
  // The name is reserved first and filled once the servers listen: wait for the content.
  const ready = () => existsSync(envOut) && readFileSync(envOut, 'utf8').includes('GIGACHAT_CREDENTIALS=');
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!ready()) {
    child.kill('SIGKILL');
    fail('gigadoctor mock did not write its --env-out file within 10 s');
  }
  const vars = {};
  for (const line of readFileSync(envOut, 'utf8').split(/\r?\n/)) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) vars[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
  }
  return { vars, stop: () => new Promise((r) => { child.on('close', r); child.kill('SIGINT'); }) };
}

npm(['pack', '--pack-destination', work, '--silent'], ROOT);
const tarball = join(work, `gigadoctor-${VERSION}.tgz`);
if (!existsSync(tarball)) fail(`npm pack did not produce ${tarball}`);

const app = join(work, 'app');
execFileSync('mkdir', ['-p', app]);
writeFileSync(join(app, 'package.json'), '{ "name": "pack-test-app", "private": true }\n');
npm(['install', '--omit=dev', '--no-audit', '--no-fund', tarball], app);

let failures = 0;

// A TypeScript consumer with nothing but the package installed (no zod, no @types/node):
// the published types compile without skipLibCheck, for `import` and for `require`.
writeFileSync(join(app, 'esm.mts'), "import { runChecks, type Report, type CheckId } from 'gigadoctor';\nconst r: Report = await runChecks({ chat: false, only: 'env' });\nconst id: CheckId = r.checks[0].id;\nexport { id };\n");
writeFileSync(join(app, 'cjs.cts'), "import gd = require('gigadoctor');\nexport const p: Promise<gd.Report> = gd.runChecks({ dotenv: false });\n");
writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: [], skipLibCheck: false }, files: ['esm.mts', 'cjs.cts'] }));
try {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  console.log('ok   types: a consumer with no devDependencies compiles import and require without skipLibCheck');
} catch (err) {
  console.log(`FAIL types: ${String(err.stdout ?? err.message).slice(0, 1500)}`);
  failures++;
}

const tried = runtimes();
for (const { name, bin } of tried) {
  const env = { PATH: `${dirname(bin)}${delimiter}${process.env.PATH}`, HOME: process.env.HOME ?? work, LANG: 'C.UTF-8' };
  const version = await run('npx', ['--no-install', 'gigadoctor', '--version'], { cwd: app, env });
  const versionOk = version.code === 0 && version.stdout.trim() === VERSION;
  const required = await run(bin, ['-e', "require('gigadoctor').runChecks({ env: {}, dotenv: false, only: 'env' }).then((r) => console.log(r.checks[0].code))"], { cwd: app, env });
  const requireOk = required.code === 0 && required.stdout.trim() === 'CREDENTIALS_MISSING';

  const mock = await startMock(bin, app, env);
  const check = await run(bin, [join(app, 'node_modules/gigadoctor/bin/gigadoctor.js'), 'check', '--json'], { cwd: app, env: { ...env, ...mock.vars } });
  await mock.stop();
  let checkOk = false;
  let problems = check.stderr.slice(0, 300);
  try {
    const report = JSON.parse(check.stdout);
    // The stand-in is a custom host; the empty app folder is no project for the code and python checks.
    const odd = report.checks.filter((c) => c.status !== 'pass' && c.code !== 'ENDPOINT_CUSTOM_HOST' && !(c.status === 'skip' && c.code.endsWith('_NOT_A_PROJECT')));
    checkOk = check.code === 0 && report.tool.version === VERSION && odd.length === 0;
    problems += odd.map((c) => `${c.id}:${c.code} ${c.summary}`).join('; ');
  } catch {
    checkOk = false;
  }
  const ok = versionOk && checkOk && requireOk;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: --version ${versionOk ? 'ok' : `failed (${version.code}: ${version.stderr.slice(0, 200)})`}, ` +
    `require ${requireOk ? 'ok' : `failed (${required.code}: ${required.stderr.slice(0, 200)})`}, check --json ${checkOk ? 'ok' : `failed (exit ${check.code}: ${problems})`}`);
  if (!ok) failures++;
}
rmSync(work, { recursive: true, force: true });
console.log(`${tried.length + 1 - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
