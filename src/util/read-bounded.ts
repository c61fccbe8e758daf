import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';

export type BoundedRead = { ok: true; buf: Buffer } | { ok: false; reason: string };

/**
 * Reads at most `max` bytes of a regular file. Anything else in its place is a reason, never a
 * wait or a flood: a FIFO would block the open forever, /dev/zero would fill the memory, and a
 * file's size may change between stat and read.
 */
export function readBounded(path: string, max: number): BoundedRead {
  let fd: number;
  let statSize: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > max) return { ok: false, reason: `too large (${stat.size} bytes)` };
    statSize = stat.size;
    // O_NONBLOCK: should a FIFO be swapped in after the stat, the open still returns at once.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'absent' };
    return { ok: false, reason: errnoReason(code) };
  }
  try {
    // Sized by the stat, not by the cap: a 4 MiB buffer for a 2 KiB PEM is memory every run pays.
    // A file that grew since the stat gets a larger buffer, up to the cap.
    let buf = Buffer.allocUnsafe(Math.min(max + 1, statSize + 1));
    let size = 0;
    for (;;) {
      if (size === buf.length) {
        const bigger = Buffer.allocUnsafe(Math.min(max + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, size);
        buf = bigger;
      }
      const n = readSync(fd, buf, size, buf.length - size, null);
      if (n === 0) break;
      size += n;
      if (size > max) return { ok: false, reason: `too large (more than ${max} bytes)` };
    }
    return { ok: true, buf: buf.subarray(0, size) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'EAGAIN' ? 'not a regular file' : errnoReason(code) };
  } finally {
    closeSync(fd);
  }
}


/** Words for the errors a path can give, for messages people read; other codes as they are. */
export function errnoReason(code: string | undefined, fallback = 'cannot read'): string {
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? fallback;
}
