import type { CliIO } from './io.js';

// Placeholder until the reports issue lands.
export async function explainCommand(io: CliIO, _text: string, _opts: { lang?: string; json?: boolean }): Promise<number> {
  io.stderr.write('gigadoctor explain: not implemented yet\n');
  return 2;
}
