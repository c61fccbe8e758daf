import { fstatSync } from 'node:fs';

/**
 * What ends a long-running command (`gigadoctor mock`) so that it can clean up first: Ctrl-C,
 * `kill`, the terminal closing (SIGHUP), Ctrl-\ (SIGQUIT); on Windows, the console closing
 * (SIGHUP) and Ctrl-Break. A second signal is not caught: it ends the process at once.
 */
export function stopSignals(platform: NodeJS.Platform): NodeJS.Signals[] {
  return platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
}

/**
 * Resolves with the name of what asked the process to stop: a signal, or 'stdin closed' when
 * stdin is a pipe and its writer went away (a parent process that started the mock and died).
 * A terminal or /dev/null on stdin is no such sign: `gigadoctor mock &` must keep running.
 */
export function waitForStop(proc: NodeJS.Process): Promise<string> {
  return new Promise((resolve) => {
    const signals = stopSignals(proc.platform);
    const handlers = new Map<NodeJS.Signals, () => void>();
    const stop = (reason: string) => {
      for (const [signal, handler] of handlers) proc.off(signal, handler);
      resolve(reason);
    };
    for (const signal of signals) {
      const handler = () => stop(signal);
      handlers.set(signal, handler);
      proc.on(signal, handler);
    }
    if (stdinIsPipe()) {
      proc.stdin.on('end', () => stop('stdin closed'));
      proc.stdin.on('error', () => stop('stdin closed'));
      proc.stdin.resume(); // read (and drop) what comes, to see the end
    }
  });
}

function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}
