/**
 * What a `gigadoctor mock` that could not clean up (SIGKILL, a power cut) left behind: its temp
 * folder and its --env-out file. Both carry the process id of the mock that made them, so the
 * next mock can tell a leftover (that process is gone) from a file in use (it still runs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { envFileOwner, pasteVariables } from '../mock/paste.js';
import { readBounded } from '../util/read-bounded.js';

/** The temp folder's name: the pid, then mkdtemp's random part. */
export const TEMP_PREFIX = 'gigadoctor-mock-';
const TEMP_NAME = /^gigadoctor-mock-(\d+)-[A-Za-z0-9]{6}$/;

/** Whether a process lives (one of another user's counts: it cannot be ours to clean up). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Every name a mock writes into its --env-out file. */
const WRITTEN_NAMES = new Set(pasteVariables({ authUrl: '', baseUrl: '', credentials: '', scope: '', caFile: '', noProxy: '' }).map(([name]) => name));

/**
 * Who wrote an --env-out file: the pid of the mock when the file is as a mock writes it, 'edited'
 * when a mock wrote it and someone added a variable since (then it is theirs), null otherwise.
 */
export function envOutOwner(file: string): number | 'edited' | null {
  const read = readBounded(file, 64 * 1024);
  if (!read.ok) return null;
  const text = read.buf.toString('utf8');
  const pid = envFileOwner(text);
  if (pid === null) return null;
  return Object.keys(parse(text)).every((name) => WRITTEN_NAMES.has(name)) ? pid : 'edited';
}

/**
 * Removes the temp folders of mocks that are gone: named by us, owned by this user, a real
 * folder (not a link), its pid not running. Returns what was removed, to tell the user.
 */
export function removeStaleTempDirs(tmp: string, alive: (pid: number) => boolean = processAlive): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    return [];
  }
  const uid = process.getuid?.();
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    const dir = path.join(tmp, name);
    try {
      const stat = fs.lstatSync(dir);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // Gone meanwhile, or not ours to remove: nothing to report.
    }
  }
  return removed;
}
