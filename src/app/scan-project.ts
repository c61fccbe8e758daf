import { closeSync, constants, lstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { monotonicMs } from '../util/elapsed.js';
import { readBounded } from '../util/read-bounded.js';
import { parseIgnore, type IgnoreRules } from './files/ignore-rules.js';
import { listFiles, yieldTurn, type Listing } from './files/list-files.js';
import { isProject } from './project.js';
import type { Finding } from './scan/finding.js';
import { scanFile, type SecretFound } from './scan/scan-file.js';
import type { DeclaredSdk } from './scan/sdks.js';

/** How much a scan may take: it is one check of a run that should feel instant. */
export const SCAN_LIMITS = { maxFiles: 30_000, maxEntries: 300_000, timeMs: 3_000, maxFileBytes: 1024 * 1024, maxLockBytes: 16 * 1024 * 1024 };

/** The file a project writes its own skip rules in (gitignore syntax); also `"gigadoctor": {"ignore": [...]}` in package.json. */
export const IGNORE_FILE = '.gigadoctorignore';

export interface ScanCounts {
  files: number;
  skippedFolders: number;
  ignored: number;
  symlinks: number;
  unreadable: number;
  binary: number;
  large: number;
  other: number;
}

export type ProjectScan =
  | { project: false }
  | {
    project: true;
    via: Listing['via'];
    findings: Finding[];
    secrets: Array<SecretFound & { tracked: boolean }>;
    sdks: DeclaredSdk[];
    counts: ScanCounts;
    partial: Listing['partial'];
    ignoreRules: number;
  };

/** Files read between two yields to the event loop: the network checks run meanwhile. */
const FILES_PER_TURN = 500;

/** Reads a project's files within the bounds; a folder that is not a project is left alone. */
export async function scanProject(dir: string, limits = SCAN_LIMITS): Promise<ProjectScan> {
  if (!isProject(dir)) return { project: false };
  const deadline = monotonicMs() + limits.timeMs;
  const rules = projectIgnore(dir);
  const listing = await listFiles(dir, rules, { maxFiles: limits.maxFiles, maxEntries: limits.maxEntries, deadline });
  const counts: ScanCounts = { files: 0, binary: 0, large: 0, ...listing.counts };
  const findings: Finding[] = [];
  const secrets: Array<SecretFound & { tracked: boolean }> = [];
  const sdks: DeclaredSdk[] = [];
  const reader = new TextReader(limits.maxFileBytes);
  let partial = listing.partial;
  for (let i = 0; i < listing.files.length; i++) {
    if (i % FILES_PER_TURN === FILES_PER_TURN - 1) await yieldTurn();
    if (monotonicMs() > deadline) {
      partial = { reason: 'time-limit', filesLeftOut: listing.files.length - i + (partial?.filesLeftOut ?? 0), foldersLeftOut: partial?.foldersLeftOut ?? 0 };
      break;
    }
    const file = listing.files[i];
    const lock = /(^|\/)(package-lock\.json|poetry\.lock|Pipfile\.lock)$/i.test(file);
    const text = reader.read(join(dir, file), lock ? limits.maxLockBytes : limits.maxFileBytes, counts);
    if (text === null) continue;
    counts.files++;
    const scan = scanFile(file, text);
    findings.push(...scan.findings);
    sdks.push(...scan.sdks);
    for (const s of scan.secrets) secrets.push({ ...s, tracked: listing.tracked?.has(file) ?? false });
  }
  return { project: true, via: listing.via, findings, secrets, sdks, counts, partial, ignoreRules: rules.size };
}

/**
 * Reads small text files with as few system calls as the platform allows — open, read, close —
 * into one reused buffer: at 20,000 files the calls are the cost. O_NOFOLLOW refuses a link
 * (no loop, no escape), O_NONBLOCK a FIFO's wait; a read that fills the buffer is a file too large.
 */
class TextReader {
  #buffer: Buffer;
  constructor(size: number) {
    this.#buffer = Buffer.allocUnsafe(size + 1);
  }

  read(path: string, max: number, counts: ScanCounts): string | null {
    if (this.#buffer.length < max + 1) this.#buffer = Buffer.allocUnsafe(max + 1);
    if (!constants.O_NOFOLLOW && lstatIsLink(path)) {
      counts.symlinks++;
      return null;
    }
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOOP') counts.symlinks++;
      else counts.unreadable++;
      return null;
    }
    let size: number;
    try {
      size = readSync(fd, this.#buffer, 0, max + 1, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EISDIR' || code === 'EAGAIN') counts.other++;
      else counts.unreadable++;
      return null;
    } finally {
      closeSync(fd);
    }
    if (size > max) {
      counts.large++;
      return null;
    }
    const text = this.#buffer.subarray(0, size);
    if (text.subarray(0, 8192).includes(0)) {
      counts.binary++;
      return null;
    }
    return text.toString('utf8').replace(/^\uFEFF/, '');
  }
}

function lstatIsLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The root .gitignore (git applies every level itself), .gigadoctorignore, and package.json's "gigadoctor.ignore". */
function projectIgnore(dir: string): IgnoreRules {
  const lines: string[] = [];
  for (const name of ['.gitignore', IGNORE_FILE]) {
    const read = readBounded(join(dir, name), 256 * 1024);
    if (read.ok) lines.push(...read.buf.toString('utf8').split('\n'));
  }
  lines.push(...packageJsonIgnore(dir));
  return parseIgnore(lines);
}

function packageJsonIgnore(dir: string): string[] {
  const read = readBounded(join(dir, 'package.json'), SCAN_LIMITS.maxFileBytes);
  if (!read.ok) return [];
  try {
    const pkg = JSON.parse(read.buf.toString('utf8')) as { gigadoctor?: { ignore?: unknown } };
    const ignore = pkg.gigadoctor?.ignore;
    return Array.isArray(ignore) ? ignore.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
