import { readBounded } from '../util/read-bounded.js';
import { parse } from 'dotenv';

export const MAX_ENV_FILE_BYTES = 1024 * 1024;

export interface EnvFileEntry {
  value: string;
  line: number;
}

export type EnvFileRead =
  | { status: 'loaded'; entries: Map<string, EnvFileEntry> }
  | { status: 'absent' }
  | { status: 'unreadable'; reason: string };

/**
 * Reads a .env file the way dotenv does (the last assignment of a name wins) and
 * remembers the line of each value, so a report can say `.env:3`.
 */
export function readEnvFile(path: string): EnvFileRead {
  const read = readBounded(path, MAX_ENV_FILE_BYTES);
  if (!read.ok) return read.reason === 'absent' ? { status: 'absent' } : { status: 'unreadable', reason: read.reason };
  const buf = read.buf;
  let text: string;
  // PowerShell's `>` writes UTF-16 LE with a BOM: read it as the text it is (and BE likewise).
  if (buf[0] === 0xff && buf[1] === 0xfe) text = buf.subarray(2).toString('utf16le');
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  else if (buf.includes(0)) return { status: 'unreadable', reason: 'contains NUL bytes (a binary file, or UTF-16 without a BOM)' };
  else text = buf.toString('utf8');
  // Windows editors save a BOM; dotenv would make it part of the first name.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const values = parse(text);
  const lines = lineNumbers(text);
  const entries = new Map<string, EnvFileEntry>();
  for (const [name, value] of Object.entries(values)) {
    entries.set(name, { value, line: lines.get(name) ?? 0 });
  }
  return { status: 'loaded', entries };
}

/** The line of the last assignment of each name (dotenv: the last one wins). */
function lineNumbers(text: string): Map<string, number> {
  const found = new Map<string, number>();
  const assignment = /^\s*(?:export\s+)?([\w.-]+)\s*[=:]/;
  text.split(/\r?\n|\r/).forEach((line, i) => {
    const m = assignment.exec(line);
    if (m) found.set(m[1], i + 1);
  });
  return found;
}
