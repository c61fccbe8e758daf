import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Interpreter {
  path: string;
  /** Arguments before the script (`-3` for the Windows launcher). */
  args: string[];
  found: 'VIRTUAL_ENV' | '.venv' | 'venv' | 'PATH';
}

type Env = Readonly<Record<string, string | undefined>>;

/** bin/python on POSIX, Scripts\python.exe on Windows: whichever the environment has. */
function inEnvironment(dir: string): string | null {
  for (const p of [join(dir, 'bin', 'python'), join(dir, 'Scripts', 'python.exe')]) if (isFile(p)) return p;
  return null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The interpreter the app runs with: an active virtual environment, the project's .venv or
 * venv, then — only for a project that is a Python one — python3, python or `py -3` on PATH.
 */
export function findInterpreter(project: string, env: Env, pythonProject: boolean): Interpreter | null {
  if (env.VIRTUAL_ENV) {
    const p = inEnvironment(env.VIRTUAL_ENV);
    if (p) return { path: p, args: [], found: 'VIRTUAL_ENV' };
  }
  for (const name of ['.venv', 'venv'] as const) {
    const p = existsSync(join(project, name)) ? inEnvironment(join(project, name)) : null;
    if (p) return { path: p, args: [], found: name };
  }
  if (!pythonProject) return null;
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  for (const [name, args] of [['python3', []], ['python3.exe', []], ['python', []], ['python.exe', []], ['py.exe', ['-3']]] as const) {
    for (const dir of dirs) {
      const p = join(dir, name);
      if (isFile(p)) return { path: p, args: [...args], found: 'PATH' };
    }
  }
  return null;
}
