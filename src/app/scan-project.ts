import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { monotonicMs } from '../util/elapsed.js';
import { readBounded } from '../util/read-bounded.js';
import { parseIgnore, type IgnoreRules } from './files/ignore-rules.js';
import { listFiles, type Listing } from './files/list-files.js';
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

/** Reads a project's files within the bounds; a folder that is not a project is left alone. */
export function scanProject(dir: string, limits = SCAN_LIMITS): ProjectScan {
  if (!isProject(dir)) return { project: false };
  const started = monotonicMs();
  const deadline = started + limits.timeMs;
  const rules = projectIgnore(dir);
  const listing = listFiles(dir, rules, { maxFiles: limits.maxFiles, maxEntries: limits.maxEntries, deadline });
  const counts: ScanCounts = { files: 0, binary: 0, large: 0, ...listing.counts };
  const findings: Finding[] = [];
  const secrets: Array<SecretFound & { tracked: boolean }> = [];
  const sdks: DeclaredSdk[] = [];
  let partial = listing.partial;
  for (let i = 0; i < listing.files.length; i++) {
    if (monotonicMs() > deadline) {
      partial = { reason: 'time-limit', filesLeftOut: listing.files.length - i + (partial?.filesLeftOut ?? 0), foldersLeftOut: partial?.foldersLeftOut ?? 0 };
      break;
    }
    const file = listing.files[i];
    const text = readText(join(dir, file), /(^|\/)(package-lock\.json|poetry\.lock|Pipfile\.lock)$/i.test(file) ? limits.maxLockBytes : limits.maxFileBytes, counts);
    if (text === null) continue;
    counts.files++;
    const scan = scanFile(file, text);
    findings.push(...scan.findings);
    sdks.push(...scan.sdks);
    for (const s of scan.secrets) secrets.push({ ...s, tracked: listing.tracked?.has(file) ?? false });
  }
  return { project: true, via: listing.via, findings, secrets, sdks, counts, partial, ignoreRules: rules.size };
}

/** A file's text, or null with the reason counted: not a regular file (a link, a FIFO), too large, unreadable, binary. */
function readText(path: string, max: number, counts: ScanCounts): string | null {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    counts.unreadable++;
    return null;
  }
  if (stat.isSymbolicLink()) {
    counts.symlinks++;
    return null;
  }
  if (!stat.isFile()) {
    counts.other++;
    return null;
  }
  if (stat.size > max) {
    counts.large++;
    return null;
  }
  const read = readBounded(path, max);
  if (!read.ok) {
    if (/too large/.test(read.reason)) counts.large++;
    else counts.unreadable++;
    return null;
  }
  if (read.buf.subarray(0, 8192).includes(0)) {
    counts.binary++;
    return null;
  }
  return read.buf.toString('utf8').replace(/^\uFEFF/, '');
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
