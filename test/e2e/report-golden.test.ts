/**
 * Golden files of what people read: human, Markdown and JSON output, in Russian and English,
 * for three runs against the stand-in: all pass, an OAuth scope mismatch (a B2B key sent
 * with the default PERS scope), and a chain Node does not trust (no NODE_EXTRA_CA_CERTS).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { expectGolden, normalise, normaliseJson } from '../golden/normalise.js';
import { expectNoSecrets, mockEnv, runCli } from './cli.js';

// Fixed ids make the key, and so its length and fingerprint, the same on every run.
const IDS = { clientId: '6f1d2c3b-4a5e-4f70-8a9b-0c1d2e3f4a5b', clientSecret: '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b' };

const runs: Record<string, { mock: MockServer; env: () => Record<string, string | undefined> }> = {} as never;

beforeAll(async () => {
  const ok = await startMock(IDS);
  const b2b = await startMock({ ...IDS, keyScope: 'GIGACHAT_API_B2B' });
  runs.pass = { mock: ok, env: () => mockEnv(ok) };
  runs['scope-mismatch'] = { mock: b2b, env: () => mockEnv(b2b) };
  runs['untrusted-chain'] = { mock: ok, env: () => ({ ...mockEnv(ok), NODE_EXTRA_CA_CERTS: undefined }) };
});
afterAll(async () => {
  await runs.pass?.mock.close();
  await runs['scope-mismatch']?.mock.close();
});

const FORMATS: Array<{ ext: string; args: string[]; norm: (s: string) => string }> = [
  { ext: 'txt', args: [], norm: normalise },
  { ext: 'md', args: ['--format', 'markdown'], norm: normalise },
  { ext: 'json', args: ['--json'], norm: normaliseJson },
];

describe.each(['pass', 'scope-mismatch', 'untrusted-chain'])('golden: %s', (name) => {
  it.each(['en', 'ru'])('%s: human, Markdown, JSON', async (lang) => {
    const { mock, env } = runs[name];
    for (const f of FORMATS) {
      const run = await runCli(['check', ...f.args, '--lang', lang], { env: { ...env(), NO_COLOR: '1' } });
      expectNoSecrets(run, mock);
      expectGolden(`${name}.${lang}.${f.ext}`, f.norm(run.stdout));
    }
  });
});
