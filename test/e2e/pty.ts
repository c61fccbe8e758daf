/**
 * The CLI under a real pseudo-terminal: util-linux `script` gives it a PTY for stdin, stdout and
 * stderr, of the size `stty` sets. Tests that need one skip, with the reason logged, where
 * `script` is not util-linux's (macOS, Windows) or not installed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { BIN, emptyDir } from './cli.js';

/** Why the PTY tests cannot run here, or null when they can. */
export function ptyUnavailable(): string | null {
  if (process.platform !== 'linux') return `script(1) with -qfec is util-linux's; this is ${process.platform}`;
  try {
    const version = execFileSync('script', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return /util-linux/.test(version) ? null : `script is not util-linux's: ${version.trim()}`;
  } catch {
    return 'script(1) is not installed (util-linux); the PTY test needs it';
  }
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the CLI inside `script`, on a PTY of the given size; returns everything the terminal got. */
export function underPty(args: string[], env: Record<string, string | undefined>, size = 'cols 100 rows 40'): Promise<{ code: number | null; out: string }> {
  const cmd = `stty ${size}; exec ${sh(process.execPath)} ${sh(BIN)} ${args.map(sh).join(' ')}`;
  const full: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', TERM: 'xterm-256color' };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) full[k] = v;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { cwd: emptyDir(), env: full, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}
