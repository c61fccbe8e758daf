/**
 * The quick reading of `check` command lines against commander's own, on the program cli.ts
 * builds: for every line the quick path accepts, the options must be exactly commander's; the
 * lines it declines are commander's to read (help, errors, other commands).
 */
import * as commander from 'commander';
import { describe, expect, it } from 'vitest';
import { CHECK_FORMATS, checkOptions, quickCheckArgs } from '../../src/check-args.js';
import { buildProgram, type CommandRunners } from '../../src/cli.js';

/** What commander hands the action for this line: the command and its options, or its error. */
async function commanderReads(argv: string[]): Promise<{ command: string; opts: Record<string, unknown> } | { error: string }> {
  let seen: { command: string; opts: Record<string, unknown> } | null = null;
  const capture = (command: string) => async (...args: unknown[]) => {
    seen = { command, opts: { ...(args[args.length - 1] as Record<string, unknown>) } };
    return 0;
  };
  const runners = { check: capture('check'), report: capture('report'), ca: capture('ca'), explain: capture('explain'), mock: capture('mock') } as CommandRunners;
  const sink = { write: () => true } as unknown as NodeJS.WriteStream;
  const program = buildProgram(commander, { stdout: sink, stderr: sink }, runners, () => undefined);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    return { error: String((err as { code?: string }).code ?? err) };
  }
  return seen ?? { error: 'no action' };
}

const valued: Record<string, string> = {
  '--format': 'junit', '--env-file': 'config/.env', '--auth-url': 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth',
  '--base-url': 'https://gigachat.devices.sberbank.ru/api/v1', '--scope': 'GIGACHAT_API_B2B', '--model': 'GigaChat-2-Max',
  '--ca-file': 'russian-trusted-root-ca.pem', '--timeout': '2500', '--only': 'env,format', '--skip': 'chat',
  '--lang': 'ru', '--shell': 'powershell',
};
const flags = checkOptions(CHECK_FORMATS).map((o) => o.flags.split(' ')[0]);

/** Every option alone (both value forms), pairs of them, the default command and odd values. */
function lines(): string[][] {
  const one: string[][] = [];
  for (const flag of flags) {
    const value = valued[flag];
    if (value === undefined) one.push([flag]);
    else one.push([flag, value], [`${flag}=${value}`], [`${flag}=`]);
  }
  const out: string[][] = [[], ['check']];
  for (const o of one) out.push(o, ['check', ...o]);
  for (let i = 0; i < one.length; i++) for (let j = i + 1; j < one.length; j += 3) out.push(['check', ...one[i], ...one[j]]);
  out.push(['--json', '--no-chat', '--timeout', '5000', '--no-color', '--verbose', '--strict', '--insecure']);
  return out;
}

describe('quickCheckArgs reads a check line exactly as commander does', () => {
  it('every line it accepts: the same options, for the check command', async () => {
    let accepted = 0;
    for (const argv of lines()) {
      const quick = quickCheckArgs(argv);
      if (!quick) continue;
      accepted++;
      expect({ argv, read: await commanderReads(argv) }).toEqual({ argv, read: { command: 'check', opts: quick } });
    }
    expect(accepted).toBeGreaterThan(60);
  });

  it('declines what commander must answer: help, version, other commands, errors, repeats, dash-led values', async () => {
    const declined = [
      ['--help'], ['-h'], ['check', '--help'], ['-V'], ['report'], ['report', '--json'], ['ca'], ['explain', 'x'], ['mock', '--list'],
      ['--jsn'], ['--format', 'yaml'], ['--lang', 'de'], ['--shell', 'fish'], ['--timeout'], ['--model', '-x'], ['check', 'extra'],
      ['--json', '--json'], ['--env-file', 'a', '--no-env-file'], ['--json=yes'], ['--'], ['-j'], ['help'],
    ];
    for (const argv of declined) expect({ argv, quick: quickCheckArgs(argv) }).toEqual({ argv, quick: null });
    // And commander does answer them: with its help, its version, another command or its own error.
    expect(await commanderReads(['--format', 'yaml'])).toEqual({ error: 'commander.invalidArgument' });
    expect(await commanderReads(['--jsn'])).toEqual({ error: 'commander.unknownOption' });
    expect(await commanderReads(['report'])).toMatchObject({ command: 'report' });
  });
});
