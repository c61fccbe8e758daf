import { readFileSync, statSync } from 'node:fs';
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
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { status: 'unreadable', reason: 'is a directory' };
    size = stat.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { status: 'absent' };
    return { status: 'unreadable', reason: code ?? 'cannot stat' };
  }
  if (size > MAX_ENV_FILE_BYTES) return { status: 'unreadable', reason: `too large (${size} bytes)` };
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    return { status: 'unreadable', reason: (err as NodeJS.ErrnoException).code ?? 'cannot read' };
  }
  let text: string;
  // PowerShell's `>` writes UTF-16 LE with a BOM: read it as the text it is.
  if (buf[0] === 0xff && buf[1] === 0xfe) text = buf.subarray(2).toString('utf16le');
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
