/**
 * Golden files hold what a person reads, with what changes from run to run replaced:
 * times, ports, ids, dates, temp paths, the Node and OS versions, certificate fingerprints.
 * Update them with UPDATE_GOLDEN=1 npx vitest run test/e2e/report-golden.test.ts (the wrapped
 * reports in test/golden/wrap: test/unit/render/render-wrap.test.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { expect } from 'vitest';
import { BIN } from '../e2e/cli.js';

export const GOLDEN_DIR = resolve(__dirname);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function normalise(text: string): string {
  return text
    // Remedies name the CLI as it was run: `node <bin> check …`.
    .replace(new RegExp(escape(BIN), 'g'), '<bin>')
    .replace(new RegExp(`${escape(tmpdir())}/gd-[A-Za-z0-9-]+`, 'g'), '<tmp>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
    .replace(/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT\b/g, '<http-date>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, '<iso-date>')
    // A date as the report shows it to a person, in the machine's time zone: "31 Dec 2026, 12:04 UTC".
    .replace(/\b\d{1,2} [^\s\d,]+ \d{4}(?: г\.)?, \d{2}:\d{2} (?:UTC|GMT[+-]?\d*(?::\d{2})?)/g, '<date>')
    .replace(/\b[0-9A-F]{2}(?::[0-9A-F]{2}){31}\b/g, '<sha256>')
    .replace(/\b[0-9a-f]{64}\b/gi, '<sha256>')
    .replace(/(127\.0\.0\.1|localhost):\d{2,5}/g, '$1:<port>')
    .replace(/\bv\d+\.\d+\.\d+\b/g, '<node>')
    .replace(/^(\| (?:OS|ОС) \| ).*$/gm, '$1<os> |')
    .replace(/\d+(?:\.\d+)? ?(ms|мс)(?![\p{L}\d])/gu, 'N $1')
    .replace(/time="\d+\.\d+"/g, 'time="N"');
}

/** JSON: every duration becomes 0 before the text rules apply. */
export function normaliseJson(text: string): string {
  const doc = JSON.parse(text) as unknown;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => {
        if (/^(ms|\w*Ms|expiresInSec)$/.test(k) && typeof x === 'number') return [k, 0];
        if (k === 'port' && typeof x === 'number') return [k, '<port>'];
        return [k, walk(x)];
      }));
    }
    return v;
  };
  return normalise(`${JSON.stringify(walk(doc), null, 2)}\n`);
}

/** Compares with test/golden/<name>, or writes it when UPDATE_GOLDEN=1; `test` is the file that makes it. */
export function expectGolden(name: string, actual: string, test = 'test/e2e/report-golden.test.ts'): void {
  const file = resolve(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file test/golden/${name}: run UPDATE_GOLDEN=1 npx vitest run ${test}`);
  expect(actual, `golden file test/golden/${name} (UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(file, 'utf8'));
}
