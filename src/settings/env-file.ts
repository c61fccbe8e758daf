import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
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

export type BoundedRead = { ok: true; buf: Buffer } | { ok: false; reason: string };

/**
 * Reads at most `max` bytes of a regular file. Anything else in its place is a reason, never a
 * wait or a flood: a FIFO would block the open forever, /dev/zero would fill the memory, and a
 * file's size may change between stat and read.
 */
export function readBounded(path: string, max: number): BoundedRead {
  let fd: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > max) return { ok: false, reason: `too large (${stat.size} bytes)` };
    // O_NONBLOCK: should a FIFO be swapped in after the stat, the open still returns at once.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'absent' };
    return { ok: false, reason: code ?? 'cannot read' };
  }
  try {
    const buf = Buffer.alloc(max + 1);
    let size = 0;
    for (;;) {
      const n = readSync(fd, buf, size, buf.length - size, null);
      if (n === 0) break;
      size += n;
      if (size > max) return { ok: false, reason: `too large (more than ${max} bytes)` };
    }
    return { ok: true, buf: buf.subarray(0, size) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'EAGAIN' ? 'not a regular file' : code ?? 'cannot read' };
  } finally {
    closeSync(fd);
  }
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
