// The local stand-in as a user starts it: `gigadoctor mock --env-out FILE`, then the variables
// read back from FILE (the same .env syntax the mock writes on Linux and on Windows).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** NAME=value lines of a .env file the mock wrote: values bare, 'single' or "double" quoted. */
export function parseEnvFile(text) {
  const vars = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!m) continue;
    const raw = m[2];
    if (/^'.*'$/.test(raw)) vars[m[1]] = raw.slice(1, -1);
    else if (/^".*"$/.test(raw)) vars[m[1]] = raw.slice(1, -1).replace(/\\"/g, '"');
    else vars[m[1]] = raw;
  }
  return vars;
}

/** Resolves with the file's variables once the mock has written them (it reserves the file empty first). */
export function waitForEnvFile(file, { timeoutMs, exited }) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const vars = parseEnvFile(text);
      if (vars.GIGACHAT_CREDENTIALS && vars.GIGACHAT_BASE_URL) return resolve(vars);
      if (exited()) return reject(new Error(`the mock exited before writing ${file}`));
      if (Date.now() > deadline) return reject(new Error(`no variables in ${file} after ${timeoutMs} ms`));
      setTimeout(poll, 100);
    };
    poll();
  });
}

/** `node bin/gigadoctor.js mock --env-out FILE` with this machine's Node; TMPDIR decides where its CA file goes. */
export async function startLinuxMock(bin, envOut, { tmpDir, cwd }) {
  const child = spawn(process.execPath, [bin, 'mock', '--env-out', envOut], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TMPDIR: tmpDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let exited = false;
  child.stderr.on('data', (d) => (stderr += d));
  const gone = new Promise((resolve) => child.on('exit', () => resolve((exited = true))));
  try {
    const vars = await waitForEnvFile(envOut, { timeoutMs: 20_000, exited: () => exited });
    return { vars, stop: () => (child.kill('SIGTERM'), gone) };
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${err.message}${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}`);
  }
}
