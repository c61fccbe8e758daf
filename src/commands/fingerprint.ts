import { Secret } from '../secret.js';
import type { CliIO } from './io.js';

const MAX_INPUT = 64 * 1024;

/**
 * `gigadoctor fingerprint`: the fingerprint the report shows for a key, of a value read from
 * stdin (piped, or typed with the echo off), so a user can tell which of two keys is the one in
 * use without either ever being printed. Compared with GIGACHAT_CREDENTIALS when that is set.
 */
export async function fingerprintCommand(io: CliIO): Promise<number> {
  if (io.stdin.isTTY) io.stderr.write('Paste the key and press Enter (it is not shown): ');
  const read = await readValue(io.stdin);
  if (io.stdin.isTTY) io.stderr.write('\n');
  if (read === null) {
    io.stderr.write('gigadoctor: nothing read (or more than 64 KiB); pipe the key in, e.g. printf %s "$KEY" | gigadoctor fingerprint\n');
    return 2;
  }
  const candidate = new Secret(read);
  const fp = candidate.fingerprint;
  if (!fp) {
    io.stdout.write(`length ${read.length}: too short for a fingerprint (the report shows none either)\n`);
    return 1;
  }
  const lines = [`length ${read.length}, fingerprint ${fp}`];
  const current = io.env.GIGACHAT_CREDENTIALS;
  if (current) lines.push(new Secret(current).fingerprint === fp ? 'the same as GIGACHAT_CREDENTIALS in this environment' : 'not the value of GIGACHAT_CREDENTIALS in this environment');
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** The first line of stdin without its line ending; on a terminal, read with the echo off. */
function readValue(stdin: NodeJS.ReadStream): Promise<string | null> {
  return new Promise((resolve) => {
    let text = '';
    const raw = Boolean(stdin.isTTY && stdin.setRawMode);
    if (raw) stdin.setRawMode(true);
    const finish = (value: string | null) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      if (raw) stdin.setRawMode(false);
      stdin.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      text += String(chunk);
      // Ctrl-C or Ctrl-D on a raw terminal: the user gave up.
      if (raw && /[\u0003\u0004]/.test(text)) return finish(null);
      const end = text.search(/[\r\n]/);
      if (end >= 0) return finish(text.slice(0, end) || null);
      if (text.length > MAX_INPUT) finish(null);
    };
    const onEnd = () => finish(text.length > 0 && text.length <= MAX_INPUT ? text : null);
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.resume();
  });
}
