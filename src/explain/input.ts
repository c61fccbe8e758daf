/**
 * Where the log comes from: a file read as a stream, stdin, or a file followed as it grows
 * (`tail -f`, `Get-Content -Wait`). Memory stays bounded whatever the size; nothing here waits
 * forever: stdin ends after a minute of silence, a followed file ends when the user interrupts.
 */
import fs from 'node:fs';
import type { Finding } from './findings.js';
import type { LogReader } from './reader.js';

const CHUNK = 64 * 1024;
/** With nothing on stdin this long, stop waiting: a CI step must never hang on an inherited pipe. */
export const STDIN_IDLE_MS = 60_000;
/** How often a followed file is looked at, besides the change events fs.watch may give. */
const FOLLOW_POLL_MS = 200;
/** A followed file quiet this long: its last record is complete. */
const FOLLOW_SETTLE_MS = 300;

export type FileProblem = 'missing' | 'directory' | 'not-regular' | 'unreadable';

/** Why a path cannot be read as a log, or null when it can (a regular file or a pipe). */
export function fileProblem(path: string): FileProblem | null {
  let st: fs.Stats;
  try {
    st = fs.statSync(path);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  if (st.isDirectory()) return 'directory';
  // A device such as /dev/zero never ends; a pipe (`--file <(cmd)`) does.
  if (!st.isFile() && !st.isFIFO()) return 'not-regular';
  try {
    fs.accessSync(path, fs.constants.R_OK);
  } catch {
    return 'unreadable';
  }
  return null;
}

/** Reads a whole stream into the reader. Resolves false when it failed to read. */
export function readStream(stream: NodeJS.ReadableStream, reader: LogReader, idleMs?: number): Promise<boolean> {
  return new Promise((resolve) => {
    let idle: NodeJS.Timeout | null = null;
    const arm = () => {
      if (!idleMs) return;
      if (idle) clearTimeout(idle);
      // Silence is measured from the last chunk: `tail -f log | gigadoctor explain` must end too.
      idle = setTimeout(() => done(true), idleMs);
    };
    const onData = (chunk: Buffer | string) => {
      reader.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      arm();
    };
    const done = (ok: boolean) => {
      if (idle) clearTimeout(idle);
      idle = null;
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.pause();
      reader.flush(true);
      resolve(ok);
    };
    const onEnd = () => done(true);
    const onError = () => done(false);
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    arm();
    stream.resume();
  });
}

export function readFile(path: string, reader: LogReader, idleMs?: number): Promise<boolean> {
  return readStream(fs.createReadStream(path, { highWaterMark: CHUNK }), reader, idleMs);
}

/**
 * Follows a file from its start: what is there now, then what is appended, each new finding
 * handed to `onNew` once. Ends when `stop` resolves; a truncated file is read again from its start.
 */
export async function followFile(path: string, reader: LogReader, onNew: (found: Finding[]) => Promise<void>, stop: Promise<unknown>): Promise<void> {
  let position = 0;
  let busy = false;
  let settle: NodeJS.Timeout | null = null;
  let stopped = false;
  const buffer = Buffer.alloc(CHUNK);

  const readMore = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      let size: number;
      try {
        size = fs.statSync(path).size;
      } catch {
        return; // rotated away for a moment: look again on the next tick
      }
      if (size < position) position = 0;
      if (size === position) return;
      const fd = fs.openSync(path, 'r');
      const fresh: Finding[] = [];
      try {
        while (position < size) {
          const n = fs.readSync(fd, buffer, 0, Math.min(CHUNK, size - position), position);
          if (n <= 0) break;
          position += n;
          fresh.push(...reader.push(Buffer.from(buffer.subarray(0, n))));
        }
      } finally {
        fs.closeSync(fd);
      }
      if (fresh.length) await onNew(fresh);
      if (settle) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = null;
        const last = reader.flush();
        if (last.length) void onNew(last);
      }, FOLLOW_SETTLE_MS);
    } finally {
      busy = false;
    }
  };

  let watcher: fs.FSWatcher | null = null;
  try {
    watcher = fs.watch(path, () => void readMore());
    watcher.on('error', () => {});
  } catch {
    // polling alone then
  }
  const poll = setInterval(() => void readMore(), FOLLOW_POLL_MS);
  await readMore();
  await stop;
  stopped = true;
  clearInterval(poll);
  if (settle) clearTimeout(settle);
  watcher?.close();
  const last = reader.flush();
  if (last.length) await onNew(last);
}
