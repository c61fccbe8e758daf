import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { monotonicMs } from '../../util/elapsed.js';
import type { IgnoreRules } from './ignore-rules.js';

/** Folders no user wants read: version control, dependencies, virtual environments, caches, build output. */
const SKIPPED_FOLDERS = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', '.venv', 'venv', '.tox', '.nox', '__pycache__', 'site-packages',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.cache', 'dist', 'build', 'out', '.next', '.nuxt', 'coverage', 'target',
  '.idea', '.terraform', '.ipynb_checkpoints',
]);

/** Source and config files that may hold a GigaChat URL, a key or a setting (the list). */
const SCANNED_NAME = new RegExp([
  String.raw`\.(py|pyw|ipynb|js|mjs|cjs|jsx|ts|mts|cts|tsx|json|jsonc|ya?ml|toml|ini|cfg|conf|properties|sh|bash|zsh|ps1|psm1|bat|cmd|env)$`,
  String.raw`^\.env(\..+)?$`,
  String.raw`^(Dockerfile|Containerfile)(\..+)?$`,
  String.raw`\.dockerfile$`,
  String.raw`^requirements.*\.txt$`,
  String.raw`^Pipfile(\.lock)?$`,
  String.raw`^poetry\.lock$`,
].join('|'), 'i');
const NOT_SCANNED = /\.min\.(js|css)$|\.map$|\.d\.ts$/i;

export interface ListLimits {
  /** Files to read at most. */
  maxFiles: number;
  /** Directory entries to look at at most (a walk through a huge tree stops here). */
  maxEntries: number;
  /** monotonicMs() after which the listing stops. */
  deadline: number;
}

export interface Listing {
  /** Relative paths with `/`, in the order found. */
  files: string[];
  /** What git tracks (relative paths), or null without git. */
  tracked: Set<string> | null;
  via: 'git' | 'walk';
  counts: { skippedFolders: number; ignored: number; symlinks: number; unreadable: number; other: number };
  partial: { reason: 'file-limit' | 'entry-limit' | 'time-limit'; filesLeftOut: number; foldersLeftOut: number } | null;
}

export function isScannedName(name: string): boolean {
  return SCANNED_NAME.test(name) && !NOT_SCANNED.test(name);
}

/**
 * The files to scan. With git, what `git ls-files -co --exclude-standard` lists (tracked and
 * untracked, minus what .gitignore ignores, at every level); without it, a walk that reads the
 * root .gitignore. Either way: skipped folders and the project's own ignore rules left out,
 * symbolic links never followed (so no loop), and every bound kept.
 */
export async function listFiles(dir: string, rules: IgnoreRules, limits: ListLimits): Promise<Listing> {
  const fromGit = existsSync(join(dir, '.git')) ? await gitListing(dir, rules, limits) : null;
  return fromGit ?? walk(dir, rules, limits);
}

function git(dir: string, args: string[], limits: ListLimits): Promise<string[] | null> {
  const timeout = Math.max(200, Math.round(limits.deadline - monotonicMs()));
  return new Promise((resolve) => {
    execFile('git', ['-C', dir, ...args], { timeout, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', windowsHide: true }, (err, out) => {
      resolve(err ? null : out.split('\0').filter(Boolean));
    });
  });
}

async function gitListing(dir: string, rules: IgnoreRules, limits: ListLimits): Promise<Listing | null> {
  const [listed, tracked] = await Promise.all([git(dir, ['ls-files', '-z', '-co', '--exclude-standard'], limits), git(dir, ['ls-files', '-z'], limits)]);
  if (!listed || !tracked) return null;
  const listing = emptyListing('git');
  listing.tracked = new Set(tracked);
  const seen = new Set<string>();
  for (const path of listed) {
    if (seen.has(path)) continue;
    seen.add(path);
    const parts = path.split('/');
    if (parts.slice(0, -1).some((p) => SKIPPED_FOLDERS.has(p)) || ancestorIgnored(parts, rules)) {
      listing.counts.ignored++;
      continue;
    }
    if (rules.ignores(path, false)) {
      listing.counts.ignored++;
      continue;
    }
    if (!isScannedName(parts[parts.length - 1])) continue;
    if (listing.files.length >= limits.maxFiles) {
      listing.partial = { reason: 'file-limit', filesLeftOut: (listing.partial?.filesLeftOut ?? 0) + 1, foldersLeftOut: 0 };
      continue;
    }
    listing.files.push(path);
  }
  return listing;
}

function ancestorIgnored(parts: string[], rules: IgnoreRules): boolean {
  if (!rules.size) return false;
  for (let i = 1; i < parts.length; i++) if (rules.ignores(parts.slice(0, i).join('/'), true)) return true;
  return false;
}

/** Folders read between two yields to the event loop: the network checks run meanwhile. */
const FOLDERS_PER_TURN = 50;

async function walk(root: string, rules: IgnoreRules, limits: ListLimits): Promise<Listing> {
  const listing = emptyListing('walk');
  const stack: string[] = [''];
  let entries = 0;
  let folders = 0;
  while (stack.length) {
    if (++folders % FOLDERS_PER_TURN === 0) await yieldTurn();
    if (monotonicMs() > limits.deadline || entries > limits.maxEntries) {
      listing.partial = { reason: monotonicMs() > limits.deadline ? 'time-limit' : 'entry-limit', filesLeftOut: 0, foldersLeftOut: stack.length };
      break;
    }
    const rel = stack.pop() as string;
    let dirents;
    try {
      dirents = readdirSync(rel ? join(root, rel) : root, { withFileTypes: true });
    } catch {
      listing.counts.unreadable++;
      continue;
    }
    // A virtual environment is a folder of someone else's code, whatever its name.
    if (rel && dirents.some((d) => d.name === 'pyvenv.cfg')) {
      listing.counts.skippedFolders++;
      continue;
    }
    for (const d of dirents) {
      entries++;
      const path = rel ? `${rel}/${d.name}` : d.name;
      if (d.isSymbolicLink()) {
        listing.counts.symlinks++;
      } else if (d.isDirectory()) {
        if (SKIPPED_FOLDERS.has(d.name) || rules.ignores(path, true)) listing.counts.skippedFolders++;
        else stack.push(path);
      } else if (!d.isFile()) {
        listing.counts.other++;
      } else if (rules.ignores(path, false)) {
        listing.counts.ignored++;
      } else if (isScannedName(d.name)) {
        if (listing.files.length >= limits.maxFiles) {
          listing.partial = { reason: 'file-limit', filesLeftOut: (listing.partial?.filesLeftOut ?? 0) + 1, foldersLeftOut: 0 };
        } else {
          listing.files.push(path);
        }
      }
    }
  }
  if (listing.partial?.reason === 'file-limit') listing.partial.foldersLeftOut = stack.length;
  return listing;
}

export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function emptyListing(via: Listing['via']): Listing {
  return { files: [], tracked: null, via, counts: { skippedFolders: 0, ignored: 0, symlinks: 0, unreadable: 0, other: 0 }, partial: null };
}
