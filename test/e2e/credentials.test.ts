/**
 * env + format, through the built CLI: where the credential comes from and what it looks like.
 * Every finding of these two checks, with its exit code, and never a secret in the output.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccessToken, makeAuthorizationKey, startMock, type MockServer } from '../../src/mock/index.js';
import {
  checkOf, dirWith, emptyDir, expectClean, issueToken, mockEnv, reportOf, requestsSince, runCli, verdicts,
  type CliRun,
} from './cli.js';

const USER = 'alice';
const PASSWORD = 'Al1ce-Pa55word-e2e';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ users: { user: USER, password: PASSWORD } });
});
afterAll(() => mock.close());

/** `gigadoctor check --json` pointed at the mock, with `env` laid over the mock's environment. */
function check(args: string[], env: Record<string, string | undefined> = {}, cwd?: string): Promise<CliRun> {
  return runCli(['check', '--json', ...args], { env: mockEnv(mock, env), cwd });
}

/** The shared shape of a format failure: fail, exit 1, everything that needs the key blocked by format. */
function expectFormatFailure(run: CliRun, code: string, extraSecrets: string[] = []) {
  const report = reportOf(run);
  const format = checkOf(report, 'format');
  expect(format).toMatchObject({ status: 'fail', code });
  expect(run.code).toBe(1);
  expect(report.exitCode).toBe(1);
  expect(report.ok).toBe(false);
  for (const id of ['oauth', 'models', 'chat']) {
    expect(checkOf(report, id)).toMatchObject({ status: 'skip', code: 'BLOCKED', blockedBy: 'format' });
  }
  // Nothing was sent with a credential that is known to be wrong.
  expect(requestsSince(mock, firstRequestOf(run)).filter((r) => r.server === 'auth')).toEqual([]);
  expectClean(run, mock, extraSecrets);
  return format;
}

// Tests in a file run one after another: what the mock recorded after a run began belongs to it.
const requestIndex = new WeakMap<CliRun, number>();
function firstRequestOf(run: CliRun): number {
  const index = requestIndex.get(run);
  if (index === undefined) throw new Error('run the case through counted()');
  return index;
}
async function counted(p: () => Promise<CliRun>): Promise<CliRun> {
  const index = mock.requests.length;
  const run = await p();
  requestIndex.set(run, index);
  return run;
}

describe('env: which credential the app would use', () => {
  it('no key at all: CREDENTIALS_MISSING naming GIGACHAT_CREDENTIALS, exit 1, in the human report too', async () => {
    const run = await runCli(['check', '--no-color'], { env: mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ .*CREDENTIALS_MISSING/);
    expect(run.stdout).toMatch(/GIGACHAT_CREDENTIALS/);
    // Compact: the last lines name the root cause, the first thing to do, and how to confirm.
    expect(run.stdout).toMatch(/^Root cause: .*GIGACHAT_CREDENTIALS/m);
    expect(run.stdout).toMatch(/^First step: /m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Then confirm: .*--only env/);
    expect(run.stderr).toBe('');
    expectClean(run, mock);
  });

  it('no key: the JSON verdict, and every check that needs the key is skipped, blocked by env', async () => {
    const run = await check([], { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_TOKEN: '' });
    const report = reportOf(run);
    expect(checkOf(report, 'env')).toMatchObject({
      status: 'fail', code: 'CREDENTIALS_MISSING', blockedBy: null,
      details: { envFile: null, unofficial: ['GIGACHAT_TOKEN'] },
    });
    for (const id of ['format', 'oauth', 'models', 'chat']) {
      expect(checkOf(report, id), id).toMatchObject({ status: 'skip', code: 'BLOCKED', blockedBy: 'env' });
    }
    // The summary names the root cause once: the other failures are not failures.
    expect(report.counts.fail).toBe(1);
    expect(run.code).toBe(1);
    expect(report.exitCode).toBe(1);
    expectClean(run, mock);
  });

  it('the key in GIGACHAT_TOKEN (the guide\'s name): warns and names GIGACHAT_CREDENTIALS', async () => {
    const run = await check([], { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_TOKEN: mock.credentials });
    const report = reportOf(run);
    expect(checkOf(report, 'env')).toMatchObject({
      status: 'warn', code: 'CREDENTIALS_UNOFFICIAL_NAME',
      details: { variable: 'GIGACHAT_TOKEN', official: 'GIGACHAT_CREDENTIALS', source: 'env', kind: 'key', length: mock.credentials.length },
    });
    expect(checkOf(report, 'env').summary).toMatch(/GIGACHAT_CREDENTIALS/);
    // The key itself is good: the rest of the path is checked with it.
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'pass', code: 'OAUTH_OK' });
    expect(run.code).toBe(0);
    expectClean(run, mock);
  });

  it('an unofficial variable beside the official one is named as a warning', async () => {
    const other = makeAuthorizationKey(randomUUID(), randomUUID());
    const run = await check([], { GIGACHAT_API_KEY: other });
    const report = reportOf(run);
    expect(checkOf(report, 'env')).toMatchObject({
      status: 'warn', code: 'CREDENTIALS_UNOFFICIAL_NAME',
      details: { variable: 'GIGACHAT_API_KEY', official: 'GIGACHAT_CREDENTIALS', source: 'env' },
    });
    expect(checkOf(report, 'oauth').status).toBe('pass');
    expect(run.code).toBe(0);
    expectClean(run, mock, [other, ...keyParts(other)]);
  });

  it('the key in ./.env only: found, with the file and line as its source', async () => {
    const cwd = dirWith({ '.env': `# comment\nGIGACHAT_CREDENTIALS=${mock.credentials}\n` });
    const run = await check([], { GIGACHAT_CREDENTIALS: undefined }, cwd);
    const report = reportOf(run);
    expect(checkOf(report, 'env')).toMatchObject({
      status: 'pass', code: 'CREDENTIALS_FOUND',
      details: { variable: 'GIGACHAT_CREDENTIALS', source: '.env:2', kind: 'key', length: 100 },
    });
    expect(checkOf(report, 'format')).toMatchObject({ status: 'pass', code: 'CREDENTIALS_OK' });
    expect(checkOf(report, 'oauth').status).toBe('pass');
    expect(run.code).toBe(0);
    expectClean(run, mock);
  });

  it('a different key in ./.env is shadowed by the process env: CREDENTIALS_SHADOWED says which wins', async () => {
    const stale = makeAuthorizationKey(randomUUID(), randomUUID());
    const cwd = dirWith({ '.env': `GIGACHAT_SCOPE=GIGACHAT_API_PERS\nGIGACHAT_CREDENTIALS=${stale}\n` });
    const run = await check([], {}, cwd);
    const report = reportOf(run);
    const env = checkOf(report, 'env');
    expect(env).toMatchObject({
      status: 'warn', code: 'CREDENTIALS_SHADOWED',
      details: { variable: 'GIGACHAT_CREDENTIALS', winnerSource: 'env', fileSource: '.env:2' },
    });
    expect(String(env.details.envFile)).toBe(join(cwd, '.env'));
    // dotenv semantics: the process env wins, and the mock accepted that key.
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'pass', code: 'OAUTH_OK' });
    expect(run.code).toBe(0);
    expectClean(run, mock, [stale, ...keyParts(stale)]);
  });

  it('GIGACHAT_SCOPE different in the env and ./.env: shadowed, and not described with the key’s length or fingerprint', async () => {
    const cwd = dirWith({ '.env': 'GIGACHAT_SCOPE=GIGACHAT_API_B2B\n' });
    const run = await check([], { GIGACHAT_SCOPE: 'GIGACHAT_API_PERS' }, cwd);
    const env = checkOf(reportOf(run), 'env');
    expect(env).toMatchObject({ status: 'warn', code: 'CREDENTIALS_SHADOWED', details: { variable: 'GIGACHAT_SCOPE', fileSource: '.env:1' } });
    expect(env.details).not.toHaveProperty('fingerprint');
    expect(env.details).not.toHaveProperty('length');
    expect(env.details.credential).toMatchObject({ variable: 'GIGACHAT_CREDENTIALS' });
    expectClean(run, mock);
  });

  it('./.env is a directory: ENV_FILE_UNREADABLE, the key from the env still works', async () => {
    const cwd = emptyDir();
    mkdirSync(join(cwd, '.env'));
    const run = await check([], {}, cwd);
    const report = reportOf(run);
    expect(checkOf(report, 'env')).toMatchObject({
      status: 'warn', code: 'ENV_FILE_UNREADABLE',
      details: { path: join(cwd, '.env'), reason: 'is a directory', variable: 'GIGACHAT_CREDENTIALS', source: 'env' },
    });
    expect(checkOf(report, 'oauth').status).toBe('pass');
    expect(run.code).toBe(0);
    expectClean(run, mock);
  });

  it('./.env with NUL bytes (UTF-16 without a BOM) holding the only key: missing, and the file is named', async () => {
    const cwd = dirWith({ '.env': Buffer.from(`GIGACHAT_CREDENTIALS=${mock.credentials}\n`, 'utf16le') });
    const run = await check([], { GIGACHAT_CREDENTIALS: undefined }, cwd);
    const report = reportOf(run);
    const env = checkOf(report, 'env');
    expect(env).toMatchObject({ status: 'fail', code: 'CREDENTIALS_MISSING', details: { envFile: null } });
    const notes = env.details.notes as Array<{ code: string; summary: string }>;
    expect(notes.map((n) => n.code)).toEqual(['ENV_FILE_UNREADABLE']);
    expect(notes[0].summary).toMatch(/NUL/);
    expect(run.code).toBe(1);
    expectClean(run, mock);
  });

  it('--dotenv naming a file with NUL bytes: ENV_FILE_UNREADABLE with the reason', async () => {
    const cwd = dirWith({ 'gigachat.env': Buffer.from([0x47, 0x00, 0x3d, 0x00, 0x31, 0x00]) });
    const run = await check(['--dotenv', 'gigachat.env'], {}, cwd);
    const report = reportOf(run);
    expect(checkOf(report, 'env')).toMatchObject({
      status: 'warn', code: 'ENV_FILE_UNREADABLE',
      details: { path: join(cwd, 'gigachat.env'), reason: expect.stringMatching(/NUL bytes/) },
    });
    expect(run.code).toBe(0);
    expectClean(run, mock);
  });

  it('--dotenv naming a missing file: ENV_FILE_UNREADABLE "not found"', async () => {
    const cwd = emptyDir();
    const run = await check(['--dotenv', 'missing.env'], {}, cwd);
    expectClean(run, mock);
    const report = reportOf(run);
    expect(checkOf(report, 'env')).toMatchObject({
      status: 'warn', code: 'ENV_FILE_UNREADABLE', details: { path: join(cwd, 'missing.env'), reason: 'not found' },
    });
    expect(run.code).toBe(0);
  });
});

describe('format: the credential\'s shape, never its value', () => {
  it('empty GIGACHAT_CREDENTIALS: CREDENTIALS_EMPTY', async () => {
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: '' }));
    const f = expectFormatFailure(run, 'CREDENTIALS_EMPTY');
    expect(f.details).toMatchObject({ variable: 'GIGACHAT_CREDENTIALS', source: 'env', length: 0 });
  });

  it('a placeholder left from an example: CREDENTIALS_PLACEHOLDER, the placeholder shown', async () => {
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: 'test' }));
    const f = expectFormatFailure(run, 'CREDENTIALS_PLACEHOLDER');
    expect(f.details).toMatchObject({ variable: 'GIGACHAT_CREDENTIALS', source: 'env', placeholder: 'test' });
  });

  it('the guide\'s <ваш_токен> placeholder, from .env: CREDENTIALS_PLACEHOLDER with the file line', async () => {
    const cwd = dirWith({ '.env': 'GIGACHAT_CREDENTIALS=<ваш_токен>\n' });
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: undefined }, cwd));
    const f = expectFormatFailure(run, 'CREDENTIALS_PLACEHOLDER');
    // details.placeholder is not asserted: the scrubber masks it (reported, src/secret.ts).
    expect(f.details).toMatchObject({ variable: 'GIGACHAT_CREDENTIALS', source: '.env:1' });
  });

  it('"Bearer <key>": CREDENTIALS_BEARER_PREFIX', async () => {
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: `Bearer ${mock.credentials}` }));
    const f = expectFormatFailure(run, 'CREDENTIALS_BEARER_PREFIX');
    expect(f.details).toMatchObject({ variable: 'GIGACHAT_CREDENTIALS', source: 'env', length: 107 });
  });

  it('"Basic <key>": CREDENTIALS_BASIC_PREFIX', async () => {
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: `Basic ${mock.credentials}` }));
    const f = expectFormatFailure(run, 'CREDENTIALS_BASIC_PREFIX');
    expect(f.details).toMatchObject({ variable: 'GIGACHAT_CREDENTIALS', source: 'env' });
  });

  it('the key in double quotes (set in the shell): CREDENTIALS_QUOTED', async () => {
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: `"${mock.credentials}"` }));
    const f = expectFormatFailure(run, 'CREDENTIALS_QUOTED');
    expect(f.details).toMatchObject({ quote: '"', source: 'env', length: 102 });
  });

  it('the key in nested quotes in .env (dotenv strips one pair): CREDENTIALS_QUOTED from .env', async () => {
    const cwd = dirWith({ '.env': `GIGACHAT_CREDENTIALS="'${mock.credentials}'"\n` });
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: undefined }, cwd));
    const f = expectFormatFailure(run, 'CREDENTIALS_QUOTED');
    expect(f.details).toMatchObject({ quote: "'", source: '.env:1' });
  });

  it('a trailing newline (echo >> .env, copy from a terminal): CREDENTIALS_WHITESPACE trailing newline', async () => {
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: `${mock.credentials}\n` }));
    const f = expectFormatFailure(run, 'CREDENTIALS_WHITESPACE');
    expect(f.details).toMatchObject({ where: 'trailing', chars: ['newline'], length: 101 });
  });

  it('a BOM in front: CREDENTIALS_WHITESPACE leading BOM', async () => {
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: `\uFEFF${mock.credentials}` }));
    const f = expectFormatFailure(run, 'CREDENTIALS_WHITESPACE');
    expect(f.details).toMatchObject({ where: 'leading', chars: ['BOM'] });
  });

  it('a zero-width space inside (copied from a web page): CREDENTIALS_WHITESPACE inside', async () => {
    const key = mock.credentials;
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: `${key.slice(0, 40)}\u200B${key.slice(40)}` }));
    const f = expectFormatFailure(run, 'CREDENTIALS_WHITESPACE');
    expect(f.details).toMatchObject({ where: 'inside', chars: ['zero-width space'] });
  });

  it('a Cyrillic look-alike letter: CREDENTIALS_FOREIGN_CHARACTERS with code point and position', async () => {
    const key = mock.credentials;
    const swaps: Record<string, string> = { A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х', a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х' };
    const at = [...key].findIndex((ch) => ch in swaps);
    expect(at).toBeGreaterThanOrEqual(0);
    const cyrillic = swaps[key[at]];
    const tampered = key.slice(0, at) + cyrillic + key.slice(at + 1);
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: tampered }));
    const f = expectFormatFailure(run, 'CREDENTIALS_FOREIGN_CHARACTERS', [tampered]);
    const hex = `U+${cyrillic.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    expect(f.details.chars).toEqual([`${hex} (Cyrillic, looks like Latin ${key[at]}) at ${at + 1}`]);
  });

  it('an access token (eyJ…, ~1200 chars) pasted as the key: CREDENTIALS_IS_ACCESS_TOKEN', async () => {
    const token = makeAccessToken();
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: token }));
    const f = expectFormatFailure(run, 'CREDENTIALS_IS_ACCESS_TOKEN', [token]);
    expect(f.details).toMatchObject({ variable: 'GIGACHAT_CREDENTIALS', length: token.length });
    expect(f.summary).toMatch(/GIGACHAT_ACCESS_TOKEN|access token/i);
  });

  it('client_id:client_secret not encoded: CREDENTIALS_RAW_PAIR', async () => {
    const pair = `${mock.clientId}:${mock.clientSecret}`;
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: pair }));
    const f = expectFormatFailure(run, 'CREDENTIALS_RAW_PAIR', [pair]);
    expect(f.details).toMatchObject({ variable: 'GIGACHAT_CREDENTIALS', source: 'env', length: pair.length });
  });

  it('the client secret alone (a bare UUID): CREDENTIALS_SECRET_ONLY', async () => {
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: mock.clientSecret }));
    const f = expectFormatFailure(run, 'CREDENTIALS_SECRET_ONLY');
    expect(f.details).toMatchObject({ variable: 'GIGACHAT_CREDENTIALS', length: 36 });
  });

  it('a character outside base64: CREDENTIALS_NOT_BASE64 with its position', async () => {
    const key = mock.credentials;
    const broken = `${key.slice(0, 9)}!${key.slice(10)}`;
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: broken }));
    const f = expectFormatFailure(run, 'CREDENTIALS_NOT_BASE64', [broken]);
    expect(f.details).toMatchObject({ position: 10, length: 100 });
  });

  it('base64 of something that is not id:secret: CREDENTIALS_UNEXPECTED_CONTENT', async () => {
    const value = Buffer.from('hello from a test, this is no key').toString('base64');
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: value }));
    const f = expectFormatFailure(run, 'CREDENTIALS_UNEXPECTED_CONTENT', [value]);
    expect(f.details).toMatchObject({ length: value.length, decodedLength: 33 });
  });

  it('the key base64-encoded a second time: CREDENTIALS_UNEXPECTED_CONTENT, encodedTwice', async () => {
    const twice = Buffer.from(mock.credentials).toString('base64');
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: twice }));
    const f = expectFormatFailure(run, 'CREDENTIALS_UNEXPECTED_CONTENT', [twice]);
    expect(f.details).toMatchObject({ encodedTwice: true, decodedLength: 100 });
  });

  it('the key put in GIGACHAT_ACCESS_TOKEN: ACCESS_TOKEN_IS_KEY', async () => {
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_ACCESS_TOKEN: mock.credentials }));
    const f = expectFormatFailure(run, 'ACCESS_TOKEN_IS_KEY');
    expect(f.details).toMatchObject({ variable: 'GIGACHAT_ACCESS_TOKEN', source: 'env', kind: 'accessToken' });
  });

  it('GIGACHAT_ACCESS_TOKEN that is no token: ACCESS_TOKEN_MALFORMED with its segment count', async () => {
    const value = 'sk-not-a-gigachat-token-0123456789';
    const run = await counted(() => check([], { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_ACCESS_TOKEN: value }));
    const f = expectFormatFailure(run, 'ACCESS_TOKEN_MALFORMED', [value]);
    expect(f.details).toMatchObject({ variable: 'GIGACHAT_ACCESS_TOKEN', length: value.length, segments: 1 });
  });

  it('a scope that is none of the three: SCOPE_INVALID with the nearest valid one', async () => {
    const run = await counted(() => check([], { GIGACHAT_SCOPE: 'GIGACHAT_API_CORPORATE' }));
    const f = expectFormatFailure(run, 'SCOPE_INVALID');
    expect(f.details).toMatchObject({
      scope: 'GIGACHAT_API_CORPORATE', source: 'env', variable: 'GIGACHAT_SCOPE', suggestion: 'GIGACHAT_API_CORP',
    });
    expect(f.summary).toMatch(/GIGACHAT_API_CORP\b/);
  });

  it('a scope typed on the command line: SCOPE_INVALID from the flag, nearest suggested', async () => {
    const run = await counted(() => check(['--scope', 'GIGACHAT_API_PRES']));
    const f = expectFormatFailure(run, 'SCOPE_INVALID');
    expect(f.details).toMatchObject({ scope: 'GIGACHAT_API_PRES', source: 'flag', suggestion: 'GIGACHAT_API_PERS' });
  });

  it('a model name one typo from a known one: MODEL_NAME_SUSPICIOUS is a warning; --strict makes it exit 1', async () => {
    const args = ['--only', 'format', '--model', 'GigaChat-2-Pr0'];
    const run = await check(args);
    const report = reportOf(run);
    expect(checkOf(report, 'format')).toMatchObject({
      status: 'warn', code: 'MODEL_NAME_SUSPICIOUS',
      details: { model: 'GigaChat-2-Pr0', source: 'flag', suggestion: 'GigaChat-2-Pro' },
    });
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'skip', code: 'SKIPPED_BY_OPTION', details: { option: '--only' } });
    expect(run.code).toBe(0);
    expect(report.exitCode).toBe(0);
    expectClean(run, mock);

    const strict = await check([...args, '--strict']);
    const strictReport = reportOf(strict);
    expect(checkOf(strictReport, 'format')).toMatchObject({ status: 'warn', code: 'MODEL_NAME_SUSPICIOUS' });
    expect(strict.code).toBe(1);
    expect(strictReport).toMatchObject({ exitCode: 1, ok: false });
    expectClean(strict, mock);
  });
});

describe('the other credential kinds', () => {
  it('GIGACHAT_USER + GIGACHAT_PASSWORD: the password flow gets a token and the models list works with it', async () => {
    const before = mock.requests.length;
    const run = await check([], { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_USER: USER, GIGACHAT_PASSWORD: PASSWORD });
    const report = reportOf(run);
    expect(verdicts(report)).toMatchObject({
      env: ['pass', 'CREDENTIALS_FOUND'],
      format: ['pass', 'CREDENTIALS_OK'],
      oauth: ['pass', 'OAUTH_OK'],
      models: ['pass', 'MODELS_OK'],
      chat: ['pass', 'CHAT_OK'],
    });
    expect(checkOf(report, 'env').details).toMatchObject({ variable: 'GIGACHAT_PASSWORD', kind: 'password', user: USER });
    expect(checkOf(report, 'oauth').details).toMatchObject({ flow: 'password', shape: 'tok', url: `${mock.baseUrl}/token` });
    // Only the API host: the OAuth host is not for passwords.
    const reqs = requestsSince(mock, before);
    expect(reqs.some((r) => r.server === 'auth')).toBe(false);
    expect(reqs[0]).toMatchObject({ server: 'api', method: 'POST', path: '/api/v1/token' });
    expect(reqs[0].headers.authorization).toBe(`Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`);
    expect(run.code).toBe(0);
    expectClean(run, mock, [PASSWORD]);

    // --verbose prints every detail of every check: still no password, no token.
    const verbose = await runCli(['check', '--verbose', '--no-color', '--no-chat'], {
      env: mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_USER: USER, GIGACHAT_PASSWORD: PASSWORD }),
    });
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toMatch(/OAuth token/);
    expectClean(verbose, mock, [PASSWORD]);
  });

  it('a wrong password: OAUTH_BAD_CREDENTIALS (401) on the token URL', async () => {
    const wrong = 'Not-The-Password-42';
    const run = await check([], { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_USER: USER, GIGACHAT_PASSWORD: wrong });
    const report = reportOf(run);
    expect(checkOf(report, 'oauth')).toMatchObject({
      status: 'fail', code: 'OAUTH_BAD_CREDENTIALS', details: { status: 401, url: `${mock.baseUrl}/token` },
    });
    expect(checkOf(report, 'models')).toMatchObject({ status: 'skip', blockedBy: 'oauth' });
    expect(run.code).toBe(1);
    expectClean(run, mock, [wrong, PASSWORD]);
  });

  it('GIGACHAT_ACCESS_TOKEN supplied: oauth skipped (ACCESS_TOKEN_PROVIDED), models and chat run with that token', async () => {
    const token = await issueToken(mock);
    const before = mock.requests.length;
    const run = await check([], { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_ACCESS_TOKEN: token });
    const report = reportOf(run);
    expect(checkOf(report, 'env')).toMatchObject({ status: 'pass', code: 'CREDENTIALS_FOUND', details: { variable: 'GIGACHAT_ACCESS_TOKEN', kind: 'accessToken' } });
    expect(checkOf(report, 'format')).toMatchObject({ status: 'pass', code: 'CREDENTIALS_OK' });
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'skip', code: 'ACCESS_TOKEN_PROVIDED', blockedBy: null, details: { variable: 'GIGACHAT_ACCESS_TOKEN' } });
    expect(checkOf(report, 'models')).toMatchObject({ status: 'pass', code: 'MODELS_OK' });
    expect(checkOf(report, 'chat')).toMatchObject({ status: 'pass', code: 'CHAT_OK' });
    const reqs = requestsSince(mock, before);
    expect(reqs.some((r) => r.server === 'auth')).toBe(false);
    expect(reqs.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/models', 'POST /api/v1/chat/completions']);
    for (const r of reqs) expect(r.headers.authorization).toBe(`Bearer ${token}`);
    expect(run.code).toBe(0);
    expectClean(run, mock, [token]);
  });
});

/** The id and the secret inside a key: both as private as the key. */
function keyParts(key: string): string[] {
  return Buffer.from(key, 'base64').toString('utf8').split(':');
}
