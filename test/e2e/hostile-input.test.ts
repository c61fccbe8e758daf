/**
 * Hostile local input, through the built CLI: .env files of every broken kind, something else
 * in the place of the file, control characters in the environment, bad flag values. Each gets a
 * clear verdict or exit 2 — never a stack trace, never a hang, never a secret echoed.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/types.js';
import { checkOf, emptyDir, runCli, type CliRun } from './cli.js';
import { expectGuarantees, expectNoRawControls } from './hostile-kit.js';

const ID = '0199a3b2-5c4d-7e8f-9a0b-1c2d3e4f5a6b';
const SECRET = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const KEY = Buffer.from(`${ID}:${SECRET}`).toString('base64');
const SECRETS = [KEY, SECRET, ID];

/** No part of the key: not the key, its id or secret, nor any 12 characters of them. */
function expectKeyNowhere(run: CliRun): void {
  const out = run.stdout + run.stderr;
  const flat = out.replace(/\s+/g, '');
  for (const s of SECRETS) {
    for (let i = 0; i + 12 <= s.length; i += 6) {
      expect(flat.includes(s.slice(i, i + 12)), `12 characters of a secret (at ${i}) in the output`).toBe(false);
    }
  }
}

/** `check` in a folder holding `.env` = content (or whatever `setup` puts there), offline checks only. */
async function withEnvFile(content: string | Buffer | ((dir: string) => void), args: string[] = [], env: Record<string, string> = {}) {
  const cwd = emptyDir();
  if (typeof content === 'function') content(cwd);
  else writeFileSync(join(cwd, '.env'), content);
  const run = await runCli(['check', '--json', '--only', 'env,format', ...args], { cwd, env, killAfterMs: 15_000 });
  expectGuarantees(run, { withinMs: 8_000 });
  expectKeyNowhere(run);
  expect(run.stderr).toBe('');
  return { run, report: run.json(), cwd };
}

const noteCodes = (report: Report, id: string) => {
  const c = checkOf(report, id);
  const notes = (c.details.notes as Array<{ code: string }> | undefined) ?? [];
  return [c.code, ...notes.map((n) => n.code)];
};

describe('.env files of every broken kind', () => {
  it('a Windows editor’s file — BOM, CRLF, export, quotes — is read as the SDKs read it', async () => {
    const { report } = await withEnvFile(`\uFEFFexport GIGACHAT_CREDENTIALS="${KEY}"\r\nexport GIGACHAT_SCOPE='GIGACHAT_API_PERS'\r\nGIGACHAT_MODEL=GigaChat-2\r\n`);
    expect(checkOf(report, 'env')).toMatchObject({ code: 'CREDENTIALS_FOUND', details: { source: '.env:1' } });
    expect(checkOf(report, 'format')).toMatchObject({ status: 'pass', code: 'CREDENTIALS_OK' });
  });

  it('UTF-16 with a BOM, little- or big-endian (PowerShell, some editors) is read', async () => {
    const text = `GIGACHAT_CREDENTIALS=${KEY}\r\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const bytes of [le, be]) {
      const { report } = await withEnvFile(bytes);
      expect(checkOf(report, 'env')).toMatchObject({ code: 'CREDENTIALS_FOUND', details: { source: '.env:1' } });
    }
  });

  it('NUL bytes: the file is named unreadable, with the reason', async () => {
    const { report, run } = await withEnvFile(Buffer.concat([Buffer.from(`GIGACHAT_CREDENTIALS=${KEY}\n`), Buffer.from([0, 0, 0x41, 0])]));
    expect(noteCodes(report, 'env')).toContain('ENV_FILE_UNREADABLE');
    expect(run.stdout).toMatch(/NUL/);
    expect(run.code).toBe(1);
  });

  it('duplicate keys: the last assignment wins, and its line is the one named', async () => {
    const { report } = await withEnvFile(`GIGACHAT_CREDENTIALS=first-value-not-used\n# comment\nGIGACHAT_CREDENTIALS=${KEY}\n`);
    expect(checkOf(report, 'env')).toMatchObject({ code: 'CREDENTIALS_FOUND', details: { source: '.env:3' } });
  });

  it('a multi-line quoted value: the key with a line break inside is named, never printed', async () => {
    const { report, run } = await withEnvFile(`GIGACHAT_CREDENTIALS="${KEY.slice(0, 50)}\n${KEY.slice(50)}"\nGIGACHAT_SCOPE=GIGACHAT_API_PERS\n`);
    expect(checkOf(report, 'format')).toMatchObject({ status: 'fail', code: 'CREDENTIALS_WHITESPACE', details: { where: 'inside' } });
    expect(run.code).toBe(1);
  });

  it('a key pasted with a BOM and Cyrillic look-alike letters gets a precise verdict', async () => {
    const lookalike = `\uFEFF${KEY.slice(0, 10)}\u0410${KEY.slice(11)}`; // Cyrillic А where a Latin letter was
    const { report } = await withEnvFile('', [], { GIGACHAT_CREDENTIALS: lookalike });
    const format = checkOf(report, 'format');
    expect(format.status).toBe('fail');
    expect(['CREDENTIALS_WHITESPACE', 'CREDENTIALS_FOREIGN_CHARACTERS']).toContain(format.code);
    expect(JSON.stringify(format.details)).toMatch(/BOM|U\+0410/);
    const cyrillicOnly = await withEnvFile('', [], { GIGACHAT_CREDENTIALS: lookalike.slice(1) });
    expect(checkOf(cyrillicOnly.report, 'format')).toMatchObject({ code: 'CREDENTIALS_FOREIGN_CHARACTERS' });
    expect(JSON.stringify(checkOf(cyrillicOnly.report, 'format').details)).toContain('U+0410');
  });

  it('binary garbage (no NUL): a verdict, no crash', async () => {
    let seed = 42;
    const bytes = Buffer.from(Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return 1 + (seed % 255);
    }));
    const { report } = await withEnvFile(bytes);
    expect(checkOf(report, 'env').status).toMatch(/fail|warn|pass/);
  });

  it('a directory in place of the file is named unreadable', async () => {
    const { report } = await withEnvFile((dir) => mkdirSync(join(dir, '.env')));
    expect(noteCodes(report, 'env')).toContain('ENV_FILE_UNREADABLE');
    expect(JSON.stringify(checkOf(report, 'env').details)).toMatch(/directory/);
  });

  it('a file over 1 MiB is named too large, not read', async () => {
    const { report } = await withEnvFile(`GIGACHAT_CREDENTIALS=${KEY}\n${'#'.repeat(1024 * 1024 + 10)}\n`);
    expect(noteCodes(report, 'env')).toContain('ENV_FILE_UNREADABLE');
    expect(JSON.stringify(checkOf(report, 'env').details)).toMatch(/too large/);
  });

  it('an unreadable file (chmod 000) is named unreadable', async (ctx) => {
    const probe = join(emptyDir(), 'probe');
    writeFileSync(probe, 'x');
    chmodSync(probe, 0o000);
    let readable = false;
    try {
      readFileSync(probe);
      readable = true;
    } catch {
      // the permission bits hold
    }
    // As root (containers, CI) permission bits do not stop a read: nothing to test there.
    if (readable) ctx.skip('running as root: chmod 000 does not make a file unreadable');
    const { report } = await withEnvFile((dir) => {
      writeFileSync(join(dir, '.env'), `GIGACHAT_CREDENTIALS=${KEY}\n`);
      chmodSync(join(dir, '.env'), 0o000);
    });
    expect(noteCodes(report, 'env')).toContain('ENV_FILE_UNREADABLE');
  });

  it('a FIFO in place of the file: a verdict at once, not a wait for a writer that never comes', async () => {
    const { report, run } = await withEnvFile((dir) => execFileSync('mkfifo', [join(dir, '.env')]));
    expect(noteCodes(report, 'env')).toContain('ENV_FILE_UNREADABLE');
    expect(run.ms).toBeLessThan(5_000);
  });

  it('./.env a link to /dev/zero or /dev/urandom: a verdict, not a flood of memory', async () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const { report, run } = await withEnvFile((dir) => symlinkSync(device, join(dir, '.env')));
      expect(noteCodes(report, 'env')).toContain('ENV_FILE_UNREADABLE');
      expect(JSON.stringify(checkOf(report, 'env').details)).toMatch(/not a regular file/);
      expect(run.ms).toBeLessThan(5_000);
    }
  });

  // Node (20 to 26, nodejs/node#54232) reads a script argument named --env-file itself, before
  // gigadoctor runs: a missing file exits 9, a FIFO hangs node. So the option is --dotenv.
  it('--dotenv naming a missing file is ENV_FILE_UNREADABLE, never node’s exit 9', async () => {
    const run = await runCli(['check', '--json', '--only', 'env,format', '--dotenv', 'missing.env'], { env: { GIGACHAT_CREDENTIALS: KEY } });
    expect(run.code).toBeLessThanOrEqual(3);
    expect(noteCodes(run.json(), 'env')).toContain('ENV_FILE_UNREADABLE');
  });

  it('/dev/zero and a FIFO as --dotenv: a verdict at once, no hang', async () => {
    const dir = emptyDir();
    execFileSync('mkfifo', [join(dir, 'fifo.env')]);
    for (const file of ['/dev/zero', join(dir, 'fifo.env')]) {
      const run = await runCli(['check', '--json', '--only', 'env', '--dotenv', file], { env: { GIGACHAT_CREDENTIALS: KEY }, killAfterMs: 10_000 });
      expect(run.code, file).toBeLessThanOrEqual(3);
      expect(noteCodes(run.json(), 'env'), file).toContain('ENV_FILE_UNREADABLE');
    }
  });

  it('--env-file (an existing file: node read it already) is a usage error that names --dotenv', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'app.env'), 'UNRELATED=1\n');
    for (const args of [['--env-file', 'app.env'], ['--env-file=app.env'], ['--no-env-file']]) {
      const run = await runCli(['check', '--json', ...args], { cwd: dir, env: { GIGACHAT_CREDENTIALS: KEY } });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/use --(no-)?dotenv/);
      expect(run.stderr).toMatch(/nodejs\/node#54232/);
    }
  });

  it('/dev/zero, a FIFO or a directory as --ca-file: CA_FILE_INVALID at once', async () => {
    const dir = emptyDir();
    execFileSync('mkfifo', [join(dir, 'fifo.pem')]);
    for (const ca of ['/dev/zero', join(dir, 'fifo.pem'), dir]) {
      const run = await runCli(['check', '--json', '--only', 'tls', '--ca-file', ca, '--timeout', '1000'], {
        env: { GIGACHAT_CREDENTIALS: KEY, GIGACHAT_AUTH_URL: 'https://127.0.0.1:9/api/v2/oauth', GIGACHAT_BASE_URL: 'https://127.0.0.1:9/api/v1' },
        killAfterMs: 15_000,
      });
      expectGuarantees(run, { withinMs: 8_000 });
      const tls = checkOf(run.json(), 'tls');
      expect([tls.code, tls.blockedBy]).toEqual(expect.arrayContaining([expect.stringMatching(/CA_FILE_INVALID|tcp/)]));
    }
  });
});

describe('control characters in the environment never reach the terminal raw', () => {
  const ESC_VALUES = {
    GIGACHAT_MODEL: 'GigaChat-2\x1b[2J\x1b[H',
    GIGACHAT_SCOPE: 'GIGACHAT_API_PERS\x1b]0;pwned\x07',
    GIGACHAT_AUTH_URL: 'https://exa\x1bmple\x9b.test/\x1b[31m',
    GIGACHAT_BASE_URL: 'ht\x1btps://x',
    GIGACHAT_USER: 'ali\x1b[8mce',
    GIGACHAT_PASSWORD: 'password-with\rcarriage',
    GIGACHAT_CA_BUNDLE_FILE: '/tmp/\x1b[2Jca.pem',
  };

  it.each(['human', 'markdown', 'junit', 'json'])('%s output: no control that could act on the terminal, exit 0–3', async (format) => {
    const run = await runCli(['check', '--format', format, '--no-chat', '--timeout', '1000', '--verbose'], { env: ESC_VALUES, killAfterMs: 15_000 });
    expectGuarantees(run, { withinMs: 10_000 });
    expectNoRawControls(run.stdout, { allowColour: true });
    expectNoRawControls(run.stderr, { allowColour: true });
    if (format === 'json') JSON.parse(run.stdout);
  });

  it('a .env value with ESC and OSC sequences (a hyperlink, a clear-screen): shown, not obeyed', async () => {
    const cwd = emptyDirWith(`GIGACHAT_CREDENTIALS=${KEY}\nGIGACHAT_MODEL="GigaChat\x1b[2J\x1b]8;;http://evil/\x07"\n`);
    const human = await runCli(['check', '--only', 'env,format', '--verbose'], { cwd });
    expectGuarantees(human, { withinMs: 8_000 });
    expectNoRawControls(human.stdout);
    // Made visible either in the report (`\x1B[2J`) or, failing that, at the output gate (`␛[2J`).
    expect(human.stdout).toMatch(/\\x1B\[2J|␛\[2J/);
  });

  // The report is sanitized (diagnose.ts, sanitizeDeep): even a value's own colour sequence is shown.
  it.each([['human', ['--no-color']], ['junit', []]])('%s without colour: the output holds no ESC at all, whatever the values hold', async (format, args) => {
    const run = await runCli(['check', '--format', format, '--no-chat', '--timeout', '1000', '--verbose', ...args], { env: ESC_VALUES, killAfterMs: 15_000 });
    expectNoRawControls(run.stdout);
    expectNoRawControls(run.stderr);
  });

  // KNOWN GAP (src/commands/check.ts, renderContext): the Markdown report's settings table prints
  // settings values through ctx.scrub = scrubber.scrub, which redacts and neutralizes terminal
  // controls but lets a colour SGR through (the output gate must, for the human renderer's own
  // colours). Values are data: `scrub: (t) => sanitizeText(scrubber.redact(t))` shows every
  // control (sanitizeText from src/util/sanitize.ts). Flip to it() then.
  it('markdown: the settings table holds no ESC at all, whatever the values hold', async () => {
    const run = await runCli(['check', '--format', 'markdown', '--no-chat', '--timeout', '1000'], { env: ESC_VALUES, killAfterMs: 15_000 });
    expectNoRawControls(run.stdout);
  });
});

function emptyDirWith(envText: string): string {
  const dir = emptyDir();
  writeFileSync(join(dir, '.env'), envText);
  return dir;
}

describe('bad flag values and bad variables: exit 2, one line, no stack, no echo of a secret', () => {
  it.each([
    [['--timeout', 'abc']],
    [['--timeout', '0']],
    [['--timeout', '99999999999999999999']],
    [['--timeout', '-5']],
    [['--format', 'xml']],
    [['--lang', 'de']],
    [['--only', 'nope']],
    [['--skip', 'dns,,bogus']],
    [['--model', '']],
    [['--frobnicate']],
    [['--timeout']],
    [['check', 'extra-argument']],
    [['--timeout', '\x1b[2J\x1b]0;pwned\x07']],
    [['--only', 'env\x1b[2J']],
    [['--format', '\x1b[2J']],
    [['--fr\x1b[2Job']],
  ])('%j', async (args) => {
    const run = await runCli(args as string[], { env: { GIGACHAT_CREDENTIALS: KEY } });
    expectGuarantees(run, { withinMs: 8_000, codes: [2] });
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().length).toBeGreaterThan(0);
    expectKeyNowhere(run);
  });

  it('a control character in a value our own validation rejects is shown, not obeyed', async () => {
    for (const args of [['--timeout', '\x1b[2J\x1b]0;pwned\x07'], ['--only', 'env\x1b[2J']]) {
      const run = await runCli(args, {});
      expect(run.code).toBe(2);
      expectNoRawControls(run.stderr);
    }
  });

  // commander's own messages (an invalid choice, an unknown option) quote argv: shown, never obeyed.
  it('commander’s messages show control characters, never obey them', async () => {
    for (const args of [['--format', '\x1b[2J'], ['--fr\x1b[2Job']]) {
      const run = await runCli(args, {});
      expect(run.code).toBe(2);
      expectNoRawControls(run.stderr);
    }
  });

  it('a bad GIGACHAT_TIMEOUT is exit 2 with a sanitized echo', async () => {
    const run = await runCli(['check'], { env: { GIGACHAT_TIMEOUT: 'soon\x1b[2J' } });
    expectGuarantees(run, { withinMs: 8_000, codes: [2] });
    expect(run.stderr).toContain('GIGACHAT_TIMEOUT');
    expectNoRawControls(run.stderr);
  });

  it('the key pasted into GIGACHAT_TIMEOUT is exit 2 — and the key is not quoted back', async () => {
    const run = await runCli(['check'], { env: { GIGACHAT_TIMEOUT: KEY } });
    expectGuarantees(run, { withinMs: 8_000, codes: [2] });
    expect(run.stderr).toContain('GIGACHAT_TIMEOUT');
    expectKeyNowhere(run);
  });

  it('the key pasted into GIGACHAT_SCOPE or GIGACHAT_MODEL is a verdict — and never printed', async () => {
    for (const name of ['GIGACHAT_SCOPE', 'GIGACHAT_MODEL']) {
      for (const format of ['json', 'human']) {
        const run = await runCli(['check', '--format', format, '--only', 'env,format', '--verbose'], { env: { GIGACHAT_CREDENTIALS: KEY, [name]: KEY } });
        expectGuarantees(run, { withinMs: 8_000 });
        expectKeyNowhere(run);
      }
    }
  });

  it('a secret too short to scrub (under 6 characters) is still never printed: the tool shows only presence and length', async () => {
    const cases: Array<Record<string, string>> = [
      { GIGACHAT_CREDENTIALS: 'Zq9#x' },
      { GIGACHAT_ACCESS_TOKEN: 'Wv4$k' },
      { GIGACHAT_USER: 'alice', GIGACHAT_PASSWORD: 'Pj2%y' },
    ];
    for (const env of cases) {
      const secret = Object.values(env).at(-1)!;
      for (const format of ['human', 'json', 'markdown', 'junit']) {
        const run = await runCli(['check', '--format', format, '--verbose', '--only', 'env,format,endpoints'], { env });
        expectGuarantees(run, { withinMs: 8_000 });
        const out = run.stdout + run.stderr;
        for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64').replace(/=+$/, ''), JSON.stringify(secret).slice(1, -1)]) {
          expect(out.includes(form), `${format}: ${JSON.stringify(env)} printed as ${form}`).toBe(false);
        }
        if (format === 'json') expect(JSON.stringify(run.json())).not.toMatch(/"fingerprint":"[0-9a-f]{8}"/);
      }
    }
  });

  it('a password in the user-info of an auth URL is never printed, even when the URL cannot be parsed', async () => {
    for (const url of ['https://me:Sup3r-Secret-Pa55@127.0.0.1:9/api/v2/oauth', 'https://me:Sup3r-Secret-Pa55@bad host/api/v2/oauth']) {
      const run = await runCli(['check', '--format', 'human', '--only', 'endpoints', '--verbose'], { env: { GIGACHAT_CREDENTIALS: KEY, GIGACHAT_AUTH_URL: url } });
      expectGuarantees(run, { withinMs: 8_000 });
      expect(run.stdout).not.toContain('Sup3r-Secret-Pa55');
      expect(run.stdout).not.toContain('Sup3r');
    }
  });
});
