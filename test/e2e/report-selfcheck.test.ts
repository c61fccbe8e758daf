/**
 * The command's last gate, in process: a Markdown renderer that leaks (simulated by planting a
 * secret in its output) makes `report` print nothing on stdout, one line on stderr, and exit 1.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../../src/commands/check.js';
import type { CliIO } from '../../src/commands/io.js';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { emptyDir, mockEnv } from './cli.js';

const plant = vi.hoisted(() => ({ text: '' }));
vi.mock('../../src/render/markdown.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/markdown.js')>();
  return { ...real, renderMarkdown: (...args: Parameters<typeof real.renderMarkdown>) => real.renderMarkdown(...args) + plant.text };
});

function fakeIO(env: Record<string, string | undefined>) {
  const out = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') =>
    ({
      isTTY: false,
      write(chunk: string, cb?: () => void) {
        out[key] += chunk;
        cb?.();
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const io: CliIO = {
    argv: [], env, cwd: emptyDir(), platform: 'linux', nodeVersion: process.version,
    stdout: stream('stdout'), stderr: stream('stderr'), stdin: process.stdin, waitForInterrupt: () => new Promise(() => {}),
  };
  return { io, out };
}

let mock: MockServer;
// NODE_EXTRA_CA_CERTS only works when node starts: in process, the stand-in's CA goes in as --ca-file.
const caFile = () => mock.writeCaFile(emptyDir());
const inProcessEnv = () => ({ ...mockEnv(mock), NODE_EXTRA_CA_CERTS: undefined });
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

describe('the report self-check', () => {
  it('prints the report when it is clean', async () => {
    plant.text = '';
    const { io, out } = fakeIO(inProcessEnv());
    const code = await checkCommand(io, { format: 'markdown', chat: false, caFile: caFile() });
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/^# gigadoctor report/);
    expect(out.stderr).toBe('');
  });

  it.each([
    ['the key', () => mock.credentials],
    ['the client secret, base64', () => Buffer.from(mock.clientSecret).toString('base64')],
    ['the key, URL-encoded', () => encodeURIComponent(mock.credentials)],
    ['the key, split across lines', () => `${mock.credentials.slice(0, 30)}\n${mock.credentials.slice(30)}`],
    // The echo forms of issue 12: the same finds every other output redacts.
    ['the key, lowercased', () => mock.credentials.toLowerCase()],
    ['the client secret without dashes, uppercased', () => mock.clientSecret.replace(/-/g, '').toUpperCase()],
    ['the key in pieces of 10 with spaces between', () => mock.credentials.match(/.{1,10}/g)!.join(' ')],
    ['the key in pieces of 7 with commas between, in a table', () => `| ${mock.credentials.match(/.{1,7}/g)!.join(', ')} |`],
  ])('refuses to print when %s is planted: exit 1, one line on stderr, nothing on stdout', async (_what, secret) => {
    plant.text = `\nleaked: ${secret()}\n`;
    const { io, out } = fakeIO(inProcessEnv());
    const code = await checkCommand(io, { format: 'markdown', chat: false, caFile: caFile() });
    expect(code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^gigadoctor: report not printed: the self-check found a secret/);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).not.toContain(mock.credentials);
  });

  it.each(['exitcode', 'accesstoken', 'pass word'])('prints when the password %j is only the report’s own words run together', async (password) => {
    plant.text = '';
    const { io, out } = fakeIO({ ...inProcessEnv(), GIGACHAT_CREDENTIALS: undefined, GIGACHAT_USER: 'alice', GIGACHAT_PASSWORD: password });
    await checkCommand(io, { format: 'markdown', chat: false, caFile: caFile() });
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^# gigadoctor report/);
    // "pass word" does not hide the word "password" from the report.
    expect(out.stdout).toMatch(/password/i);
  });

  it('refuses in Russian with --lang ru', async () => {
    plant.text = mock.credentials;
    const { io, out } = fakeIO(inProcessEnv());
    expect(await checkCommand(io, { format: 'markdown', chat: false, lang: 'ru', caFile: caFile() })).toBe(1);
    expect(out.stderr).toMatch(/^gigadoctor: отчёт не выведен/);
  });
});
