/**
 * The spinner under a real pseudo-terminal: util-linux `script` gives the CLI a PTY for
 * stdin, stdout and stderr. On a TTY the spinner shows; with CI set, off a TTY, or on a PTY
 * that reports no width it does not. Skipped, with the reason logged, where `script` is not
 * util-linux's (macOS, Windows) or not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { mockEnv, runCli } from './cli.js';
import { ptyUnavailable, underPty } from './pty.js';

const skipReason = ptyUnavailable();
if (skipReason) console.log(`test/e2e/tty.test.ts skipped: ${skipReason}`);

let mock: MockServer;
beforeAll(async () => {
  // A little latency keeps the run on screen long enough for the spinner's frames.
  mock = await startMock({ latencyMs: 50 });
});
afterAll(() => mock.close());

describe.skipIf(skipReason !== null)('the spinner', () => {
  it('spins on a terminal: frames and text on stderr, the report after it', async () => {
    const run = await underPty(['--no-chat'], mockEnv(mock));
    expect(run.code).toBe(0);
    expect(run.out).toContain('Checking GigaChat connectivity');
    expect(run.out).toContain('\u001b[?25l'); // the cursor hidden while it spins
    expect(run.out).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    // --no-chat: the chat probe did not run, so the run does not claim the whole path works.
    expect(run.out).toContain('Nothing failed in the steps that ran; not run: Chat probe.');
  });

  it('the tick list fills in under the spinner: a step\'s line, then the spinner naming the next step, then its line', async () => {
    const slow = await startMock({ latencyMs: 300 });
    try {
      const run = await underPty([], mockEnv(slow));
      expect(run.code).toBe(0);
      // A check's own line: its mark (coloured), its title padded into the column.
      const lineOf = (title: string) => run.out.search(new RegExp(`✓(?:\u001b\\[\\d+m)? ${title}  `));
      const [oauth, models, chat] = [lineOf('OAuth token'), lineOf('Models list'), lineOf('Chat probe')];
      expect(oauth).toBeGreaterThan(0);
      expect(models).toBeGreaterThan(oauth);
      expect(chat).toBeGreaterThan(models);
      // Between one line and the next the spinner ran, naming the step in flight.
      expect(run.out.slice(oauth, models)).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏].* Models list…/);
      expect(run.out.slice(models, chat)).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏].* Chat probe…/);
    } finally {
      await slow.close();
    }
  });

  it('in Russian too', async () => {
    const run = await underPty(['--no-chat', '--lang', 'ru'], mockEnv(mock));
    expect(run.out).toContain('Проверяю подключение к GigaChat');
  });

  it('not with CI set, even on a terminal', async () => {
    const run = await underPty(['--no-chat'], { ...mockEnv(mock), CI: 'true' });
    expect(run.code).toBe(0);
    expect(run.out).not.toContain('Checking GigaChat connectivity');
    // --no-chat: the chat probe did not run, so the run does not claim the whole path works.
    expect(run.out).toContain('Nothing failed in the steps that ran; not run: Chat probe.');
  });

  it('not on Jenkins, TeamCity or Buildkite, which set no CI variable (detected as ci-info detects them)', async () => {
    for (const vendor of [{ JENKINS_URL: 'http://jenkins.local/', BUILD_ID: '7' }, { TEAMCITY_VERSION: '2024.1' }, { BUILDKITE: 'true' }]) {
      const run = await underPty(['--no-chat'], { ...mockEnv(mock), ...vendor });
      expect(run.code).toBe(0);
      expect(run.out, JSON.stringify(vendor)).not.toContain('Checking GigaChat connectivity');
    }
  });

  it('not with --json (stdout is the document, nothing else)', async () => {
    const run = await underPty(['--no-chat', '--json'], mockEnv(mock));
    expect(run.out).not.toContain('Checking GigaChat connectivity');
  });

  it('not on a pseudo-terminal that reports no width', async () => {
    const run = await underPty(['--no-chat'], mockEnv(mock), 'cols 0 rows 0');
    expect(run.out).not.toContain('Checking GigaChat connectivity');
    expect(run.out.length).toBeLessThan(20_000);
  });

  it('colour on a terminal, none with NO_COLOR or --no-color', async () => {
    expect((await underPty(['--no-chat'], mockEnv(mock))).out).toMatch(/\u001b\[32m✓/);
    expect((await underPty(['--no-chat'], { ...mockEnv(mock), NO_COLOR: '1', CI: 'true' })).out).not.toMatch(/\u001b\[3\dm/);
    expect((await underPty(['--no-chat', '--no-color'], { ...mockEnv(mock), CI: 'true' })).out).not.toMatch(/\u001b\[3\dm/);
  });
});

describe('off a terminal', () => {
  it('no spinner and nothing on stderr; FORCE_COLOR still colours a pipe', async () => {
    const plain = await runCli(['--no-chat'], { env: mockEnv(mock) });
    expect(plain.stderr).toBe('');
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const forced = await runCli(['--no-chat'], { env: { ...mockEnv(mock), FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[32m/);
    expect(forced.stderr).toBe('');
  });

  it('FORCE_COLOR wins over NO_COLOR, as in Node; FORCE_COLOR=0 turns colour off', async () => {
    const both = await runCli(['--no-chat'], { env: { ...mockEnv(mock), FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(both.stdout).toMatch(/\u001b\[32m/);
    const zero = await runCli(['--no-chat'], { env: { ...mockEnv(mock), FORCE_COLOR: '0' } });
    expect(zero.stdout).not.toMatch(/\u001b\[/);
  });
});
