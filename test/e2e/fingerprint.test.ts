/** `gigadoctor fingerprint`: a key on stdin → the report's fingerprint for it, the key never shown. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, emptyDir, runCli } from './cli.js';

const ID = '0199a3b2-5c4d-7e8f-9a0b-1c2d3e4f5a6b';
const SECRET = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const KEY = Buffer.from(`${ID}:${SECRET}`).toString('base64');
const OTHER = Buffer.from(`${SECRET}:${ID}`).toString('base64');

function fingerprint(input: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, 'fingerprint'], { input, env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env }, cwd: emptyDir(), encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gigadoctor fingerprint', () => {
  it('prints the fingerprint the report shows for the same key, and never the key', async () => {
    const report = (await runCli(['check', '--json', '--only', 'env'], { env: { GIGACHAT_CREDENTIALS: KEY } })).json();
    const shown = report.checks[0].details.fingerprint as string;
    expect(shown).toMatch(/^[0-9a-f]{8}$/);
    for (const input of [KEY, `${KEY}\n`, `${KEY}\r\n`]) {
      const run = fingerprint(input);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`length 100, fingerprint ${shown}\n`);
      for (const secret of [KEY, ID, SECRET]) expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });

  it('says whether it is the key in GIGACHAT_CREDENTIALS', () => {
    expect(fingerprint(KEY, { GIGACHAT_CREDENTIALS: KEY }).stdout).toMatch(/the same as GIGACHAT_CREDENTIALS/);
    expect(fingerprint(OTHER, { GIGACHAT_CREDENTIALS: KEY }).stdout).toMatch(/not the value of GIGACHAT_CREDENTIALS/);
  });

  it('nothing on stdin is a usage error; a short value gets no fingerprint, as in the report', () => {
    expect(fingerprint('')).toMatchObject({ code: 2, stdout: '' });
    const short = fingerprint('hunter2\n');
    expect(short.code).toBe(1);
    expect(short.stdout).toMatch(/too short for a fingerprint/);
    expect(short.stdout).not.toContain('hunter2');
  });
});
