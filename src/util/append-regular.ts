import { closeSync, constants, fstatSync, openSync, writeSync } from 'node:fs';
import { errnoReason } from './read-bounded.js';

export type AppendResult = { ok: true } | { ok: false; reason: string };

/**
 * Appends text to a regular file, creating it when absent. Anything else in its place is a
 * reason at once, never a wait: opening a FIFO for writing blocks until a reader comes, so the
 * open does not wait (O_NONBLOCK: no reader is ENXIO) and what it opened must be a regular file.
 */
export function appendRegular(path: string, text: string): AppendResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0), 0o644);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENXIO' ? 'not a regular file' : errnoReason(code, 'cannot write') };
  }
  try {
    if (!fstatSync(fd).isFile()) return { ok: false, reason: 'not a regular file' };
    writeSync(fd, text);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: errnoReason((err as NodeJS.ErrnoException).code, 'cannot write') };
  } finally {
    closeSync(fd);
  }
}
