/** Remedies name gigadoctor as the user ran it: `node <path>` from a checkout, `npx gigadoctor` under npx. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, checkOf, emptyDir, reportOf, runCli } from './cli.js';

/** A .env that is a folder: ENV_FILE_UNREADABLE, whose remedy runs gigadoctor again. */
async function unreadableEnvFile(env: Record<string, string> = {}) {
  const cwd = emptyDir();
  mkdirSync(join(cwd, '.env'));
  const run = await runCli(['check', '--json', '--only', 'env'], { cwd, env: { GIGACHAT_CREDENTIALS: 'x', ...env } });
  const result = checkOf(reportOf(run), 'env');
  expect(result.code).toBe('ENV_FILE_UNREADABLE');
  return result.remediation.join('\n');
}

describe('the command remedies name', () => {
  it('node and the script when started as node <path>', async () => {
    const steps = await unreadableEnvFile();
    expect(steps).toContain(`node ${BIN} --dotenv <path>`);
    expect(steps).toContain(`node ${BIN} --no-dotenv`);
  });

  it('npx gigadoctor under npx (npm exec)', async () => {
    const steps = await unreadableEnvFile({ npm_command: 'exec' });
    expect(steps).toContain('npx gigadoctor --dotenv <path>');
    expect(steps).not.toMatch(/(?<!npx )gigadoctor --/);
  });
});

describe('explain too', () => {
  it('names gigadoctor as run in its remedies, and colours as check does (FORCE_COLOR wins over NO_COLOR)', async () => {
    const run = await runCli(['explain', '--json', 'SELF_SIGNED_CERT_IN_CHAIN']);
    const steps = (JSON.parse(run.stdout).findings as Array<{ remediation: string[] }>).flatMap((f) => f.remediation).join('\n');
    expect(steps).toContain(`node ${BIN} ca --out`);
    expect(steps).not.toMatch(/(?<!\/)gigadoctor ca --out/);
    const forced = await runCli(['explain', 'SELF_SIGNED_CERT_IN_CHAIN'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const off = await runCli(['explain', 'SELF_SIGNED_CERT_IN_CHAIN'], { env: { FORCE_COLOR: '0' } });
    expect(off.stdout).not.toMatch(/\u001b\[/);
  });
});
