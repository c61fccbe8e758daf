import type { CliIO } from './io.js';

// Placeholder until the mock issue lands.
export async function mockCommand(io: CliIO, _opts: Record<string, unknown>): Promise<number> {
  io.stderr.write('gigadoctor mock: not implemented yet\n');
  return 2;
}
