/**
 * Servers that echo a secret in a form that still gives it away (issue 12, points 2, 5 and 6),
 * through the built CLI against the real mock: the key lower- or upper-cased, the client id and
 * secret without dashes or in another case, the key in pieces with spaces or commas between,
 * the token cut into separate model ids. No such form reaches any output — human, JSON, the
 * Markdown report, JUnit, GitHub annotations or the job summary — and every output gets the same
 * verdict: what the report would refuse, the others redact, so the report prints as well.
 * Also: a password that is one of the report's own words (`status`, `checks`, `exitcode`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer, type Scenario } from '../../src/mock/index.js';
import type { Report } from '../../src/types.js';
import { checkOf, emptyDir, expectNoSecrets, mockEnv, runCli, type CliRun } from './cli.js';
import { expectGuarantees, expectNoRawControls, startHostileServer, type HostileServer } from './hostile-kit.js';

const WINDOW = 12;
/** What a reader could still piece together: the text without case, blanks, commas, bars, quotes or dashes. */
const squeezed = (text: string) => text.toLowerCase().replace(/[\s,;|"'`\-]/g, '');

/** No run of WINDOW characters of any secret, in any case, with or without its dashes, however cut up. */
function expectNoEchoForm(output: string, secrets: string[], label: string): void {
  const flat = squeezed(output);
  for (const secret of secrets) {
    const s = squeezed(secret);
    for (let i = 0; i + WINDOW <= s.length; i += 2) {
      expect(flat.includes(s.slice(i, i + WINDOW)), `${label}: ${WINDOW} characters of a secret (at ${i} of ${s.length}), in some case or cut up`).toBe(false);
    }
  }
}

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ users: [{ user: 'alice', password: 'status' }, { user: 'bob', password: 'checks' }, { user: 'carol', password: 'exitcode' }] });
});
afterAll(() => mock.close());

interface Outputs {
  runs: Record<string, CliRun>;
  summary: string;
}

/** One run per output format, plus a GitHub Actions run (annotations on stdout, a job summary in a file). */
async function everyOutput(env: Record<string, string | undefined>): Promise<Outputs> {
  const summaryFile = join(emptyDir(), 'summary.md');
  writeFileSync(summaryFile, '');
  const formats: Record<string, string[]> = {
    human: ['--format', 'human', '--verbose'],
    json: ['--format', 'json'],
    report: ['--format', 'markdown'],
    junit: ['--format', 'junit'],
  };
  const entries = await Promise.all([
    ...Object.entries(formats).map(async ([name, args]) => [name, await runCli(['check', '--timeout', '2000', ...args], { env })] as const),
    (async () => ['github', await runCli(['check', '--timeout', '2000'], { env: { ...env, GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_STEP_SUMMARY: summaryFile } })] as const)(),
  ]);
  return { runs: Object.fromEntries(entries), summary: readFileSync(summaryFile, 'utf8') };
}

describe('a server that echoes a transformed secret: no form of it in any output', () => {
  it.each<[Scenario, string, Record<string, string>]>([
    ['auth-echo-key', 'oauth', {}],
    // A model the list lacks: the check then shows the list, pieces of the token and all.
    ['models-echo-token', 'models', { GIGACHAT_MODEL: 'GigaChat-Ultra' }],
  ])('%s', async (scenario, where, extra) => {
    mock.setScenario(scenario);
    const { runs, summary } = await everyOutput(mockEnv(mock, extra));
    mock.setScenario('ok');
    const secrets = [mock.credentials, mock.clientId, mock.clientSecret, ...mock.issuedTokens];
    for (const [name, run] of Object.entries(runs)) {
      expectGuarantees(run, { withinMs: 15_000 });
      expectNoSecrets(run, mock);
      expectNoEchoForm(run.stdout + run.stderr, secrets, name);
      expectNoRawControls(run.stdout, { allowColour: true });
    }
    expect(summary).toMatch(/^# gigadoctor/);
    expectNoEchoForm(summary, secrets, 'job summary');

    // The same verdict everywhere: the echo is redacted, and the report prints like the rest.
    const report = JSON.parse(runs.json.stdout) as Report;
    expect(checkOf(report, where).status).toBe('fail');
    expect(JSON.stringify(checkOf(report, where))).toContain('[REDACTED]');
    expect(runs.report.stdout).toMatch(/^# gigadoctor/);
    expect(runs.report.stderr).toBe('');
    for (const run of Object.values(runs)) expect(run.code).toBe(report.exitCode);
    expect(runs.github.stdout).toMatch(/^::error /m);
  }, 60_000);
});

describe('a server that echoes the password it was sent, cut up or in another case', () => {
  let echo: HostileServer | undefined;
  afterAll(() => echo?.close());

  it.each([
    ['a generated password', 'Xk9#mQ2$vL7!pw'],
    ['a password of letters only', 'CorrectHorseBattery'],
  ])('%s: in no output, in any form a reader could put back together', async (_what, password) => {
    echo = await startHostileServer(mock, (req, res) => {
      const pair = Buffer.from(String(req.headers.authorization ?? '').replace(/^\S+ /, ''), 'base64').toString('utf8');
      const sent = pair.slice(pair.indexOf(':') + 1);
      const pieces = sent.match(/.{1,4}/g) ?? [];
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 401, message: `bad password ${sent} = ${pieces.join(' ')} = ${pieces.join(',')} = ${encodeURIComponent(sent)}`, tried: pieces }));
    });
    const { runs, summary } = await everyOutput(mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_USER: 'alice', GIGACHAT_PASSWORD: password, GIGACHAT_BASE_URL: echo.baseUrl }));
    expect(echo.requests.length).toBeGreaterThan(0);
    for (const [name, run] of Object.entries(runs)) {
      expectGuarantees(run, { withinMs: 15_000 });
      const out = run.stdout + run.stderr;
      expect(out, name).not.toContain(password);
      expect(out, name).not.toContain(encodeURIComponent(password));
      // Pieces are looked for only where they are unmistakable: a password of letters only may be anybody's words.
      if (/\d/.test(password)) expectNoEchoForm(out, [password], name);
    }
    expect(summary).not.toContain(password);
    expect(runs.json.stdout).toMatch(/bad password \[REDACTED\]/);
    expect(runs.report.stdout).toMatch(/^# gigadoctor/);
    await echo.close();
    echo = undefined;
  }, 60_000);
});

describe('a password that is one of the report’s own words (11.5, 12.6)', () => {
  it.each([
    ['alice', 'status'],
    ['bob', 'checks'],
    ['carol', 'exitcode'],
  ])('%s’s password %j: every output is whole, the report is not refused', async (user, password) => {
    const { runs, summary } = await everyOutput(mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_USER: user, GIGACHAT_PASSWORD: password }));
    for (const run of Object.values(runs)) expectGuarantees(run, { withinMs: 15_000, codes: [0] });
    // The document keeps every field: no password renames `status` or `checks`.
    const report = JSON.parse(runs.json.stdout) as Report;
    expect(report.checks.length).toBeGreaterThan(5);
    expect(report.checks.every((c) => ['pass', 'warn', 'skip'].includes(c.status))).toBe(true);
    expect(checkOf(report, 'oauth').status).toBe('pass');
    expect(runs.report.stderr).toBe('');
    expect(runs.report.stdout).toMatch(/^# gigadoctor/);
    expect(runs.junit.stdout).toMatch(/^<\?xml/);
    expect(summary).toMatch(/^# gigadoctor/);
    // The password never went out as itself, encoded with its user, in any output.
    for (const run of Object.values(runs)) expect(run.stdout + run.stderr).not.toContain(Buffer.from(`${user}:${password}`).toString('base64'));
  }, 60_000);
});
