/** What a command may touch of the outside world: handed in by cli.ts, so commands stay testable. */
export interface CliIO {
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  platform: NodeJS.Platform;
  nodeVersion: string;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Read only by `explain`, for text piped in. */
  stdin: NodeJS.ReadStream;
  /** Resolves when the user asks to stop (a signal, or a closed stdin pipe: stop-signals.ts); only long-running commands call it. */
  waitForInterrupt(): Promise<string>;
  /** How the user ran gigadoctor (`npx gigadoctor`, `node bin/gigadoctor.js`), for the remedies; `gigadoctor` when not given. */
  self?: string;
}

export function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}
