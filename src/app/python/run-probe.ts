import { spawn } from 'node:child_process';
import type { Interpreter } from './interpreter.js';
import { PROBE_SCRIPT } from './probe-script.js';

export interface ProbeTarget {
  host: string;
  port: number;
  which: 'auth' | 'api';
}

export interface PythonHandshake {
  host: string;
  port: number;
  which: string;
  proxy: string | null;
  ok: boolean;
  protocol?: string;
  kind?: 'verify' | 'timeout' | 'refused' | 'proxy' | 'tls' | 'network';
  error?: string;
  verifyCode?: number;
}

export interface PythonFacts {
  python: string;
  executable: string;
  venv: boolean;
  packages: Record<string, string | null>;
  ca: { file: string | null; source: string; exists: boolean };
  requestsCaBundle: string | null;
  targets: PythonHandshake[];
}

export type ProbeOutcome = { ok: true; facts: PythonFacts } | { ok: false; reason: 'timeout' | 'exit' | 'output' | 'spawn'; detail: string };

const MAX_OUTPUT = 256 * 1024;

/** Runs the probe with the app's interpreter and environment; killed when it outlives `killAfterMs`. */
export function runPythonProbe(
  interpreter: Interpreter,
  input: { targets: ProbeTarget[]; caBundle: string | null; timeoutMs: number; env: Readonly<Record<string, string | undefined>>; cwd: string; killAfterMs: number },
): Promise<ProbeOutcome> {
  const config = JSON.stringify({ targets: input.targets, caBundle: input.caBundle, timeoutMs: input.timeoutMs });
  // -B and PYTHONDONTWRITEBYTECODE: the probe leaves no __pycache__ behind.
  const env = { ...input.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' };
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(interpreter.path, [...interpreter.args, '-B', '-c', PROBE_SCRIPT, config], { cwd: input.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (err) {
      resolve({ ok: false, reason: 'spawn', detail: (err as NodeJS.ErrnoException).code ?? 'cannot start' });
      return;
    }
    let stdout = '';
    let stderr = '';
    let done = false;
    const finish = (outcome: ProbeOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ ok: false, reason: 'timeout', detail: `${input.killAfterMs} ms` });
    }, input.killAfterMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      stdout += d;
      if (stdout.length > MAX_OUTPUT) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 4096) stderr += d;
    });
    child.on('error', (err: NodeJS.ErrnoException) => finish({ ok: false, reason: 'spawn', detail: err.code ?? 'cannot start' }));
    child.on('close', (code) => {
      if (code !== 0) return finish({ ok: false, reason: 'exit', detail: `exit ${code ?? 'signal'}: ${lastLine(stderr)}` });
      try {
        finish({ ok: true, facts: JSON.parse(stdout) as PythonFacts });
      } catch {
        finish({ ok: false, reason: 'output', detail: stdout.slice(0, 120) });
      }
    });
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.slice(0, 200) ?? '';
}
