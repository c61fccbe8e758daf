/**
 * Each GigaChat fact is written once, in src/gigachat/. This test reads every source file
 * outside that folder and fails on a restated host, OAuth port, scope or CA fingerprint, so a new
 * host stays one edit. Comments may name a host (they explain, they do not decide).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTH_PORT, KNOWN_WRONG_HOSTS, OFFICIAL_HOSTS, RUSSIAN_ROOT_CA, RUSSIAN_SUB_CA, SCOPES } from '../../../src/gigachat/index.js';

const SRC = join(import.meta.dirname, '../../../src');
const FACTS = join(SRC, 'gigachat');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === FACTS ? [] : sourceFiles(path);
    return /\.ts$/.test(e.name) ? [path] : [];
  });
}

/** The code of a file without its comment lines. */
function codeLines(path: string): Array<[number, string]> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i): [number, string] => [i + 1, line])
    .filter(([, line]) => !/^\s*(\/\/|\/\*|\*)/.test(line));
}

const LITERALS = [
  ...OFFICIAL_HOSTS,
  // …and as a regular expression writes them.
  ...OFFICIAL_HOSTS.map((h) => h.replace(/\./g, '\\.')),
  `:${AUTH_PORT}`,
  ...SCOPES,
  RUSSIAN_ROOT_CA.sha256,
  RUSSIAN_SUB_CA.sha256,
];

describe('GigaChat facts live in src/gigachat only', () => {
  it('no source file outside src/gigachat restates a host, the OAuth port, a scope or a CA fingerprint', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      for (const [n, line] of codeLines(file)) {
        for (const literal of LITERALS) {
          if (line.includes(literal)) found.push(`${relative(SRC, file)}:${n}: ${literal}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('the known-wrong hosts are the facts’ own too', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      // src/explain recognises them in logs by pattern; the pattern is not a second copy of the fact's use.
      if (relative(SRC, file).startsWith('explain')) continue;
      for (const [n, line] of codeLines(file)) {
        for (const host of Object.keys(KNOWN_WRONG_HOSTS)) {
          if (new RegExp(`['"\`/]${host.replace(/\./g, '\\.')}`).test(line)) found.push(`${relative(SRC, file)}:${n}: ${host}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('the test sees a restated fact (it can fail)', () => {
    const line = `const url = 'https://${OFFICIAL_HOSTS[1]}/api/v1';`;
    expect(LITERALS.some((l) => line.includes(l))).toBe(true);
    const pattern = String.raw`if (/ngw\.devices\.sberbank\.ru|:9443\b/i.test(text))`;
    expect(LITERALS.filter((l) => pattern.includes(l)).length).toBe(2);
  });
});
