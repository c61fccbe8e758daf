/**
 * The CLI bundle stays ASCII (scripts/build.mjs, asciiOnly): one character outside Latin-1 would
 * double the memory its source takes for the whole run. That its Russian patterns still match
 * once escaped is shown through the binary, by the explain e2e tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the CLI bundle', () => {
  it('is ASCII text, its Russian patterns and comments escaped', () => {
    const bundle = readFileSync(join(__dirname, '../../dist/cli.cjs'));
    const at = bundle.findIndex((byte) => byte > 0x7f);
    expect(at, at >= 0 ? bundle.subarray(Math.max(0, at - 60), at + 20).toString() : '').toBe(-1);
    // The escaping really happened: the Russian rate-limit pattern of explain is in it, escaped.
    expect(bundle.toString()).toContain('\\u041f\\u0440\\u0435\\u0432\\u044b\\u0448\\u0435\\u043d'); // Превышен
  });
});
