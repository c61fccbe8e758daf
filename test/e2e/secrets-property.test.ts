/**
 * Property, through the built CLI: for a handful of generated secrets — used as a password (the
 * password flow sends Basic base64(user:password) and gets a token), as a proxy password and as
 * a (bad) key — no output in any format (human, verbose, json, markdown, junit) contains them in
 * any encoding; every run ends with exit 0–3, no stack trace, within its deadline. The forms
 * looked for are computed here, independently of src/secret.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { expectNoSecrets, mockEnv, runCli, type CliRun } from './cli.js';
import { expectGuarantees, expectNoRawControls, startRecordingProxy, type RecordingProxy } from './hostile-kit.js';

const USER = 'alice';

/** Passwords of every make a person or a generator produces: punctuation, Cyrillic, blanks, controls, emoji. */
const passwordArb = fc
  .string({
    unit: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') },
      { weight: 3, arbitrary: fc.constantFrom(...'+/=-_.:~!@#$%^&*()[]{}<>?,;\'"`\\|') },
      { weight: 1, arbitrary: fc.constantFrom('Ж', 'ё', 'П', '😀', ' ', '\t', '\x1b', '\u00e9') },
    ),
    minLength: 10,
    maxLength: 40,
  })
  .filter((s) => s.trim().length >= 10 && !/REDACTED|[<>]/.test(s));

const SECRETS = [
  ...fc.sample(passwordArb, { seed: 20260105, numRuns: 4 }),
  // Shapes worth having every time: all punctuation, and a UUID (a client secret).
  '"p@ss/w0rd+%20&amp;\\u0041"',
  'f47ac10b-58cc-4372-a567-0e02b2c3d479',
];

/** Every form the secret could take in the output. */
function formsOf(secret: string): string[] {
  const forms = new Set<string>();
  for (const v of [secret, secret.trim()]) {
    const bytes = Buffer.from(v, 'utf8');
    forms.add(v);
    forms.add(bytes.toString('base64').replace(/=+$/, ''));
    forms.add(bytes.toString('base64url'));
    forms.add(encodeURIComponent(v));
    forms.add(encodeURIComponent(v).toLowerCase());
    forms.add(JSON.stringify(v).slice(1, -1));
    forms.add(v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    forms.add(bytes.toString('hex'));
    // Inside Basic base64("alice:" + secret): the characters that depend on the secret alone.
    const prefix = Buffer.from(`${USER}:`);
    const blob = Buffer.concat([prefix, bytes]).toString('base64');
    forms.add(blob.slice(Math.ceil((8 * prefix.length) / 6), Math.floor((8 * (prefix.length + bytes.length)) / 6)));
    forms.add(blob);
  }
  return [...forms].filter((f) => f.length >= 8);
}

function expectSecretNowhere(run: CliRun, secret: string, label: string): void {
  const out = run.stdout + run.stderr;
  const flat = out.replace(/\s+/g, '');
  for (const form of formsOf(secret)) {
    expect(out.includes(form), `${label}: a form of ${JSON.stringify(secret)} (${JSON.stringify(form)}) in the output`).toBe(false);
    if (!/\s/.test(form)) expect(flat.includes(form), `${label}: a form of ${JSON.stringify(secret)} split across lines`).toBe(false);
  }
}

let mock: MockServer;
let proxy: RecordingProxy;
beforeAll(async () => {
  [mock, proxy] = await Promise.all([startMock({ users: SECRETS.map((password, i) => ({ user: `${USER}${i || ''}`, password })) }), startRecordingProxy()]);
});
afterAll(() => Promise.all([mock.close(), proxy.close()]));

const FORMATS: string[][] = [['--format', 'human', '--verbose'], ['--format', 'json'], ['--format', 'markdown'], ['--format', 'junit'], ['--format', 'human']];

describe('property: no generated secret reaches any output, in any encoding', () => {
  it.each(SECRETS.map((s, i) => [i, s] as const))('secret #%i %j', async (i, secret) => {
    const user = `${USER}${i || ''}`;
    const runs: Array<[string, Promise<CliRun>]> = [];
    // As a password: the password flow sends it (when its shape allows) and gets a token back.
    for (const args of FORMATS) {
      runs.push([`password ${args.join(' ')}`, runCli(['check', '--timeout', '2000', ...args], {
        env: mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_USER: user, GIGACHAT_PASSWORD: secret }),
      })]);
    }
    // As a proxy password: the proxy refuses; the report names the proxy, never its password.
    runs.push(['proxy password', runCli(['check', '--verbose', '--timeout', '2000', '--skip', 'dns,tcp,tls'], {
      env: { ...mockEnv(mock), GIGACHAT_AUTH_URL: 'https://gigachat-gateway.example.test/api/v2/oauth', HTTPS_PROXY: proxy.url.replace('http://', `http://${user}:${encodeURIComponent(secret)}@`) },
    })]);
    // As a key: a bad one, judged offline, never printed.
    runs.push(['as the key', runCli(['check', '--format', 'markdown', '--only', 'env,format,endpoints'], { env: { GIGACHAT_CREDENTIALS: secret } })]);

    for (const [label, pending] of runs) {
      const run = await pending;
      // --timeout 2000: every step has its 2 s, the run its deadline (4 × 2 s + 2 s).
      expectGuarantees(run, { withinMs: 12_000 });
      expectSecretNowhere(run, secret, label);
      expectNoSecrets(run, mock);
      expectNoRawControls(run.stdout, { allowColour: true });
      if (label.includes('json')) {
        const report = JSON.parse(run.stdout) as { checks: Array<{ id: string; status: string }> };
        // A printable password goes on the wire and comes back as a token: the path is exercised, not skipped.
        if (/^[\x21-\x7e]+$/.test(secret)) expect(report.checks.find((c) => c.id === 'oauth')?.status, label).toBe('pass');
      }
    }
  }, 90_000);
});
