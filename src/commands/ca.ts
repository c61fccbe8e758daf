import type { CliIO } from './io.js';

// Placeholder until the network issue lands: `gigadoctor ca` writes the bundled Russian Trusted CAs.
export async function caCommand(io: CliIO, _opts: { out?: string }): Promise<number> {
  io.stderr.write('gigadoctor ca: not implemented yet\n');
  return 2;
}
