/**
 * The command line itself, through the built CLI: usage errors are exit 2 with a one-line
 * reason and no stack trace; --lang ru (and a Russian locale) gives the report in Russian.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { checkOf, expectClean, mockEnv, reportOf, runCli } from './cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

const CYRILLIC = /[А-Яа-яЁё]/;

describe('usage errors: exit 2, one line that says why, nothing else', () => {
  const cases: Array<{ name: string; args: string[]; env?: Record<string, string>; reason: RegExp }> = [
    { name: 'an unknown flag', args: ['--bogus'], reason: /unknown option '--bogus'/ },
    { name: 'a key passed as a flag (there is none, on purpose)', args: ['--credentials', 'abc'], reason: /unknown option '--credentials': there is no flag for the key, on purpose .*GIGACHAT_CREDENTIALS/ },
    { name: '--key=… says where the key goes', args: ['--key=abc'], reason: /unknown option '--key': .*shell history.*GIGACHAT_CREDENTIALS/ },
    { name: '--token says where a token goes', args: ['--token', 'abc'], reason: /unknown option '--token': .*GIGACHAT_ACCESS_TOKEN/ },
    { name: '--timeout abc', args: ['--timeout', 'abc'], reason: /invalid value 'abc' for --timeout: a whole number of milliseconds/ },
    { name: '--timeout below the minimum', args: ['--timeout', '5'], reason: /invalid value '5' for --timeout: at least 100 ms/ },
    { name: '--only bogus', args: ['--only', 'bogus'], reason: /invalid value 'bogus' for --only: .*check ids: env, format, endpoints/ },
    { name: '--skip with one bad id among good ones', args: ['--skip', 'chat,dsn'], reason: /invalid value 'chat,dsn' for --skip/ },
    { name: '--lang de', args: ['--lang', 'de'], reason: /'de'.*(ru|en)/ },
    { name: 'GIGACHAT_TIMEOUT that is not a number', args: [], env: { GIGACHAT_TIMEOUT: 'ten' }, reason: /GIGACHAT_TIMEOUT \(env\) must be a number of seconds/ },
  ];

  it.each(cases)('$name', async ({ args, env, reason }) => {
    const before = mock.requests.length;
    const run = await runCli(['check', '--json', ...args], { env: mockEnv(mock, env) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(reason);
    // The reason, and at most a pointer to --help.
    expect(lines.length).toBeLessThanOrEqual(2);
    if (lines[1]) expect(lines[1]).toMatch(/--help/);
    expect(mock.requests.length).toBe(before);
    expectClean(run, mock);
  });
});

describe('words that are not commands, and what report takes', () => {
  it('a misspelt command is an unknown command with a suggestion, not "too many arguments"', async () => {
    for (const [word, guess] of [['chekc', 'check'], ['explian', 'explain'], ['reprot', 'report']]) {
      const run = await runCli([word]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`^gigadoctor: unknown command '${word}' \\(did you mean '${guess}'\\?\\)`));
      expect(run.stderr).not.toMatch(/too many arguments/);
    }
    expect((await runCli(['frobnicate'])).stderr).toMatch(/^gigadoctor: unknown command 'frobnicate'\. Commands: check, report/);
  });

  it('report --help lists only what report accepts, and report --json says where JSON is', async () => {
    const help = await runCli(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--dotenv <path>/);
    expect(help.stdout).not.toMatch(/--json|--format/);
    const json = await runCli(['report', '--json']);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/'report' prints Markdown; for JSON use 'gigadoctor check --json'/);
  });
});

describe('--help speaks the language', () => {
  it('Russian with --lang ru or a Russian locale, English otherwise; the scopes come from the facts', async () => {
    const ru = await runCli(['--help', '--lang', 'ru']);
    expect(ru.code).toBe(0);
    expect(ru.stdout).toMatch(/^Использование: gigadoctor/);
    expect(ru.stdout).toMatch(/^Команды:$/m);
    const check = await runCli(['check', '--help'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(check.stdout).toMatch(/--no-chat\s+не делать пробный запрос к чату/);
    expect(check.stdout).toMatch(/область ключа: GIGACHAT_API_PERS, GIGACHAT_API_B2B,\s+GIGACHAT_API_CORP/);
    expect(check.stdout).toMatch(/^Примеры:$/m);
    expect(check.stdout).not.toMatch(/\b(Options|Usage|Examples):/);
    const forced = await runCli(['check', '--help'], { env: { LANG: 'ru_RU.UTF-8', GIGADOCTOR_LANG: 'en' } });
    expect(forced.stdout).toMatch(/^Usage: gigadoctor check/);
    expect(forced.stdout).toMatch(/--no-chat\s+skip the one-token chat probe/);
  });
});

describe('--lang ru', () => {
  it('the human report is in Russian: the verdict, the root cause, the first step, how to confirm', async () => {
    const run = await runCli(['check', '--lang', 'ru', '--no-color'], { env: mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Проверка подключения к GigaChat/);
    expect(run.stdout).toMatch(/✗ .*CREDENTIALS_MISSING/);
    expect(run.stdout).toMatch(/^Причина: .*GIGACHAT_CREDENTIALS/m);
    expect(run.stdout).toMatch(/^Что сделать: .*--verbose\)$/m);
    expect(run.stdout).toMatch(/^Как проверить: /m);
    expect(run.stdout).not.toMatch(/Root cause|First step|Then confirm/);
    expectClean(run, mock);
  });

  it('a Russian locale (LANG=ru_RU.UTF-8) picks Russian; codes stay English in JSON', async () => {
    mock.setScenario('auth-not-found-html');
    try {
      const run = await runCli(['check', '--json'], { env: mockEnv(mock, { LANG: 'ru_RU.UTF-8' }) });
      const oauth = checkOf(reportOf(run), 'oauth');
      expect(oauth.code).toBe('OAUTH_NOT_FOUND');
      expect(oauth.title).toMatch(CYRILLIC);
      expect(oauth.summary).toMatch(CYRILLIC);
      expect(oauth.remediation.join(' ')).toMatch(CYRILLIC);
      expect(run.code).toBe(1);
      expectClean(run, mock);

      const english = await runCli(['check', '--json', '--lang', 'en'], { env: mockEnv(mock, { LANG: 'ru_RU.UTF-8' }) });
      expect(checkOf(reportOf(english), 'oauth').summary).not.toMatch(CYRILLIC);
      expectClean(english, mock);
    } finally {
      mock.setScenario('ok');
    }
  });
});
