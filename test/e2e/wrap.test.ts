/**
 * The human report fits the terminal: under a real PTY of 80 columns no line is longer than
 * 80, a remedy continues under its own first character, and a command is never broken; off a
 * terminal the same remedy stays on one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { columnsOf } from '../../src/render/wrap.js';
import { mockEnv, runCli } from './cli.js';
import { ptyUnavailable, underPty } from './pty.js';

const skipReason = ptyUnavailable();
if (skipReason) console.log(`test/e2e/wrap.test.ts skipped: ${skipReason}`);

/**
 * The lines as the terminal shows them: every return to the first column (a carriage return,
 * or the spinner's CSI G) starts the line over, other control sequences take no room.
 */
function screenLines(out: string): string[] {
  return out
    .split(/\r?\n/)
    .flatMap((line) => line.replace(/\u001b\[\d*G/g, '\r').split('\r'))
    .map((line) => line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''));
}

let b2b: MockServer;
let ok: MockServer;
beforeAll(async () => {
  [b2b, ok] = await Promise.all([startMock({ keyScope: 'GIGACHAT_API_B2B' }), startMock()]);
});
afterAll(async () => {
  await Promise.all([b2b?.close(), ok?.close()]);
});

const SCOPE_STEP = 'Look up the scope of your project in Studio';

describe.skipIf(skipReason !== null)('on an 80-column terminal', () => {
  it('no line is longer than 80, and a remedy continues under its own first character', async () => {
    const run = await underPty(['--no-chat', '--verbose'], mockEnv(b2b), 'cols 80 rows 40');
    expect(run.code).toBe(1);
    const lines = screenLines(run.out);
    expect(lines.filter((l) => columnsOf(l) > 80)).toEqual([]);
    const step = lines.findIndex((l) => l.includes(`→ ${SCOPE_STEP}`));
    expect(step).toBeGreaterThan(0);
    const under = lines[step].indexOf('→') + 2;
    expect(lines[step + 1]).toMatch(new RegExp(`^ {${under}}\\S`));
    // The spinner ran on this terminal: the check is of what a person sees, not of a pipe.
    expect(run.out).toContain('Checking GigaChat connectivity');
  });

  it('a command that does not fit stays whole on a line of its own; only such a line runs over', async () => {
    const run = await underPty(['--no-chat', '--verbose'], { ...mockEnv(ok), NODE_EXTRA_CA_CERTS: undefined }, 'cols 80 rows 40');
    expect(run.code).toBe(1);
    const lines = screenLines(run.out);
    expect(lines).toContainEqual(expect.stringMatching(/^ +export NODE_EXTRA_CA_CERTS=\/path\/to\/server-root-ca\.pem$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ +echo 'export NODE_EXTRA_CA_CERTS=\/path\/to\/server-root-ca\.pem' >> ~\/\.profile;$/));
    const over = lines.filter((l) => columnsOf(l) > 80);
    expect(over.length).toBeGreaterThan(0);
    // A command kept whole, or (the --verbose evidence) one word longer than the line, such as a fingerprint.
    for (const line of over) expect(line).toMatch(/^ +(?:(?:export|echo|sudo|COPY|ENV) [^ ].*[^ ]|[^ ]+)$/);
  });
});

describe('off a terminal', () => {
  it('no wrapping: a remedy is one line, whatever its length', async () => {
    const run = await runCli(['--no-chat', '--verbose'], { env: mockEnv(b2b) });
    expect(run.code).toBe(1);
    const step = run.stdout.split('\n').find((l) => l.includes(`→ ${SCOPE_STEP}`));
    expect(step).toMatch(/GIGACHAT_API_CORP \(businesses, postpaid\)$/);
    expect(columnsOf(step!)).toBeGreaterThan(120);
  });
});
