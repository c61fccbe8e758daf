/**
 * Fuzz: generated environments, .env files and flags through settings, the credential lint and
 * the offline checks (env, format, endpoints) and their catalogue text. Nothing may throw but a
 * UsageError; every verdict carries a known code; no secret reaches the text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import type { Catalog } from '../../src/catalog/types.js';
import { lintCredential } from '../../src/credential/lint.js';
import { endpointsCheck } from '../../src/checks/endpoints-check.js';
import { envCheck } from '../../src/checks/env-check.js';
import { formatCheck } from '../../src/checks/format-check.js';
import type { Probe } from '../../src/probe/types.js';
import { remedyContext } from '../../src/render/shell.js';
import { Scrubber } from '../../src/secret.js';
import { UsageError } from '../../src/settings/flags.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import type { Settings } from '../../src/settings/types.js';
import type { CheckContext, Verdict } from '../../src/types.js';
import { KNOWN_CODES, envFileBytes, envVars, fuzzParams, fuzzTimeout, pastedKey, rawFlags } from './arbitraries.js';

const CI_RUNS = 300;

const noNetwork: Probe = new Proxy({} as Probe, {
  get: () => {
    throw new Error('an offline check touched the probe');
  },
});

function expectKnownVerdict(v: Verdict): void {
  expect(KNOWN_CODES.has(v.code), v.code).toBe(true);
  expect(['pass', 'warn', 'fail', 'skip']).toContain(v.status);
  for (const n of v.notes ?? []) expect(KNOWN_CODES.has(n.code), n.code).toBe(true);
  JSON.stringify(v);
}


function offlineVerdicts(settings: Settings): Verdict[] {
  const ctx: CheckContext = { settings, probe: noNetwork, results: new Map(), products: {}, now: () => Date.now() };
  const verdicts: Verdict[] = [];
  for (const check of [envCheck, formatCheck, endpointsCheck]) {
    try {
      verdicts.push(check.run(ctx) as Verdict);
    } catch (err) {
      throw err;
    }
  }
  return verdicts;
}

describe('fuzz: settings, lint and the offline checks', () => {
  it('lintCredential never throws and names a known code', () => {
    fc.assert(
      fc.property(pastedKey, fc.constantFrom('key', 'accessToken', 'password') as fc.Arbitrary<'key' | 'accessToken' | 'password'>, (raw, kind) => {
        const finding = lintCredential(raw, kind);
        if (finding) {
          expect(KNOWN_CODES.has(finding.code), finding.code).toBe(true);
          JSON.stringify(finding);
        }
      }),
      fuzzParams(CI_RUNS * 3),
    );
  }, fuzzTimeout(1, CI_RUNS * 3));

  it('resolveSettings: any env, .env file and flags → settings or a UsageError; the checks → known codes; no secret in their text', async () => {
    const catalogs: Catalog[] = await Promise.all([loadCatalog('en'), loadCatalog('ru')]);
    const remedy = remedyContext('posix');
    const cwd = mkdtempSync(join(tmpdir(), 'gd-fuzz-'));
    fc.assert(
      fc.property(envVars, envFileBytes, rawFlags, fc.boolean(), (env, file, flags, useFile) => {
        writeFileSync(join(cwd, '.env'), file);
        let settings: Settings;
        try {
          settings = resolveSettings({ flags: { ...flags, dotenv: useFile ? undefined : false }, env, cwd, stdoutIsTTY: false });
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          expect((err as Error).message).not.toMatch(/\n|\x1b/);
          return;
        }
        const scrubber = new Scrubber({ remember: false });
        for (const v of settings.secretValues) scrubber.add(v);
        if (settings.credential) scrubber.add(settings.credential.secret);
        for (const verdict of offlineVerdicts(settings)) {
          expectKnownVerdict(verdict);
          for (const catalog of catalogs) {
            for (const { code, details = {} } of [verdict, ...(verdict.notes ?? [])]) {
              const text = catalog.codes[code as keyof Catalog['codes']];
              const words = [text.summary(details), ...text.remediation(details, remedy)].join('\n');
              expect(typeof words).toBe('string');
              expect(scrubber.finds(scrubber.scrub(words))).toBe(false);
            }
          }
        }
      }),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(3, CI_RUNS));

  // The lookup tables are plain objects: a model named like an Object.prototype member must not find one.
  it('a model named like a member of Object.prototype is judged, not thrown on', () => {
    for (const model of ['__proto__', 'constructor', 'toString']) {
      const settings = resolveSettings({ flags: { model, dotenv: false }, env: { GIGACHAT_CREDENTIALS: 'x'.repeat(20) }, cwd: tmpdir(), stdoutIsTTY: false });
      const ctx: CheckContext = { settings, probe: noNetwork, results: new Map(), products: {}, now: () => Date.now() };
      expect(() => endpointsCheck.run(ctx)).not.toThrow();
    }
  });
});
