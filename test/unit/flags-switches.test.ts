/**
 * validateFlags answers lines of switches without building the schema; for every such line the
 * answer must be the schema's own. Anything else goes to the schema.
 */
import { describe, expect, it } from 'vitest';
import { validateFlags, validateFlagsWithSchema, type RawFlags } from '../../src/settings/flags.js';

const SWITCHES = ['json', 'insecure', 'chat', 'strict', 'verbose', 'color'] as const;

describe('validateFlags on lines of switches', () => {
  it('equals the schema for every combination of switches (true, false, absent) and --no-env-file', () => {
    let lines = 0;
    // Each switch absent, true or false: 3^6 combinations, each with and without envFile: false.
    for (let n = 0; n < 3 ** SWITCHES.length; n++) {
      for (const envFile of [undefined, false] as const) {
        const raw: Record<string, unknown> = {};
        let k = n;
        for (const s of SWITCHES) {
          const v = k % 3;
          k = Math.floor(k / 3);
          if (v) raw[s] = v === 1;
        }
        if (envFile === false) raw.envFile = false;
        expect(validateFlags(raw as RawFlags)).toEqual(validateFlagsWithSchema(raw as RawFlags));
        lines++;
      }
    }
    expect(lines).toBe(1458);
  });

  it('leaves everything else to the schema: values, a switch of the wrong type, unknown names, a bad value', () => {
    expect(validateFlags({ json: true, timeout: '2500' })).toEqual({ json: true, timeout: 2500 });
    expect(validateFlags({ json: true, only: 'env,format' })).toEqual({ json: true, only: ['env', 'format'] });
    expect(() => validateFlags({ json: 'yes' } as unknown as RawFlags)).toThrow(/--json/);
    expect(() => validateFlags({ timeout: true } as unknown as RawFlags)).toThrow(/--timeout/);
    // The schema drops names it does not know; so must the shortcut.
    expect(validateFlags({ json: true, bogus: true } as unknown as RawFlags)).toEqual(validateFlagsWithSchema({ json: true, bogus: true } as unknown as RawFlags));
    expect(() => validateFlags({ timeout: '5' })).toThrow(/at least 100 ms/);
  });
});
