/**
 * Every package the bundles carry has its licence in dist/THIRD-PARTY-NOTICES.md. The list of
 * bundled packages is worked out here again, from esbuild's own account of the bundles' inputs.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, no types
import { bundledPackages } from '../../scripts/notices.mjs';

const ROOT = join(__dirname, '../..');

describe('third-party notices', () => {
  it('name, version, licence and licence text of every bundled package', async () => {
    const inputs: string[] = [];
    for (const entry of ['src/cli.ts', 'src/index.ts']) {
      const result = await build({ entryPoints: [join(ROOT, entry)], bundle: true, platform: 'node', write: false, metafile: true, logLevel: 'silent', absWorkingDir: ROOT });
      inputs.push(...Object.keys(result.metafile.inputs));
    }
    const packages = bundledPackages(ROOT, inputs) as Array<{ dir: string; name: string; version: string; license: string }>;
    expect(packages.map((p) => p.name)).toEqual(expect.arrayContaining(['commander', 'chalk', 'ora', 'dotenv', 'zod']));
    const notices = readFileSync(join(ROOT, 'dist/THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const p of packages) {
      expect(notices, p.name).toContain(`## ${p.name}@${p.version} (${p.license})`);
      const licence = readFileSync(join(ROOT, p.dir, readdirSync(join(ROOT, p.dir)).find((f) => /^licen[cs]e/i.test(f))!), 'utf8');
      expect(notices, `${p.name}: licence text`).toContain(licence.trim().split('\n')[0]);
    }
  });
});
