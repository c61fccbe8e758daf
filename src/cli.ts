import type { Command as CommandType } from 'commander';
import { CHECK_FORMATS, checkOptions, quickCheckArgs } from './check-args.js';
import type { CliIO } from './commands/io.js';
import { neutralizeControls } from './secret.js';
import { VERSION } from './version.js';

export type { CliIO };

const EXAMPLES = `
Examples:
  $ gigadoctor                          run every check (the key comes from GIGACHAT_CREDENTIALS or ./.env)
  $ gigadoctor check --no-chat --json   CI preflight: no tokens spent, JSON on stdout
  $ gigadoctor --scope GIGACHAT_API_B2B --model GigaChat-2-Max
  $ NODE_EXTRA_CA_CERTS=./russian-trusted-root-ca.pem gigadoctor
  $ gigadoctor report > gigachat-report.md     a report to paste into a support ticket
  $ gigadoctor explain "SELF_SIGNED_CERT_IN_CHAIN"
  $ gigadoctor ca --out russian-trusted-root-ca.pem
  $ gigadoctor mock                     a local GigaChat to try things without an account

Exit codes: 0 nothing failed · 1 a problem found · 2 usage error · 3 inconclusive (timeouts, 429, 5xx: retry)
The key is never taken from the command line: set GIGACHAT_CREDENTIALS in the environment or in .env.`;

/** What each command does once commander has read its line: the exit code. */
export interface CommandRunners {
  check(opts: Record<string, unknown>): Promise<number>;
  report(opts: Record<string, unknown>): Promise<number>;
  ca(opts: Record<string, unknown>): Promise<number>;
  explain(text: string, opts: Record<string, unknown>): Promise<number>;
  mock(opts: Record<string, unknown>): Promise<number>;
}

/** Parses argv, runs the command, returns the exit code. The only place that knows about commander. */
export async function main(io: CliIO): Promise<number> {
  // The common case, a plain `check` line, goes straight to the command: commander is loaded
  // for everything else (help, usage errors, the other commands), and says what it always says.
  const quick = quickCheckArgs(io.argv);
  if (quick) return guarded(io, async () => (await import('./commands/check.js')).checkCommand(io, quick));
  const commander = await import('commander');
  let exitCode = 0;
  const program = buildProgram(commander, io, {
    check: async (opts) => (await import('./commands/check.js')).checkCommand(io, opts),
    report: async (opts) => {
      if (opts.json) {
        io.stderr.write("gigadoctor: 'report' prints Markdown; for JSON use 'gigadoctor check --json'\n");
        return 2;
      }
      return (await import('./commands/check.js')).checkCommand(io, { ...opts, format: 'markdown' });
    },
    ca: async (opts) => (await import('./commands/ca.js')).caCommand(io, opts),
    explain: async (text, opts) => (await import('./commands/explain.js')).explainCommand(io, text, opts),
    mock: async (opts) => (await import('./commands/mock.js')).mockCommand(io, opts),
  }, (code) => (exitCode = code));
  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof commander.CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    return internalError(io, err);
  }
}

/** The commander program: every command and option, each action handing its exit code to `exit`. */
export function buildProgram(
  { Command, Option }: typeof import('commander'), io: Pick<CliIO, 'stdout' | 'stderr'>, run: CommandRunners, exit: (code: number) => void,
): CommandType {
  const program: CommandType = new Command('gigadoctor')
    .description('Diagnoses connectivity to GigaChat: credentials, endpoints, DNS, TCP, TLS, OAuth, models, chat.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    // commander quotes argv in its errors: a control sequence there must show, never act.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(neutralizeControls(s)) })
    .showSuggestionAfterError(true);

  const withCheckOptions = (cmd: CommandType, formats: readonly string[]) => {
    for (const spec of checkOptions(formats)) {
      const option = new Option(spec.flags, spec.description);
      cmd.addOption(spec.choices ? option.choices(spec.choices) : option);
    }
    return cmd.allowExcessArguments(false);
  };

  withCheckOptions(program.command('check', { isDefault: true }), CHECK_FORMATS)
    .description('run the diagnostic checks (the default command)')
    .action(async (opts) => exit(await run.check(opts)))
    .addHelpText('after', EXAMPLES);

  withCheckOptions(program.command('report'), ['markdown'])
    .description('run the checks and print a Markdown report to paste into a support ticket (secrets never included)')
    .action(async (opts) => exit(await run.report(opts)));

  program
    .command('ca')
    .description('write the Russian Trusted Root CA and Sub CA (PEM) with their SHA-256 fingerprints')
    .option('--out <file>', 'write the PEM bundle to this file instead of stdout (an existing different file is never overwritten; an identical one is left as is)')
    .allowExcessArguments(false)
    .action(async (opts) => exit(await run.ca(opts)));

  program
    .command('explain')
    .description('explain an error message or a whole log: known GigaChat problems, grouped, with remedies; offline')
    .argument('[text...]', 'the error text (or pipe it on stdin)')
    .addOption(new Option('--lang <lang>', 'language').choices(['ru', 'en']))
    .option('--file <path>', 'read the log from this file (any size, UTF-8, UTF-16 with BOM or CP1251)')
    .option('--follow', 'with --file: keep reading as the file grows (as tail -f), each new finding printed once')
    .option('--json', 'findings as JSON (one JSON object per line with --follow)')
    .addOption(new Option('--shell <shell>', 'shell the remedies’ commands are written for (default: detected)').choices(['posix', 'powershell', 'cmd']))
    .option('--no-color', 'no colours (also NO_COLOR)')
    .action(async (words: string[], opts) => exit(await run.explain(words.join(' '), opts)));

  program
    .command('mock')
    .description('start a local GigaChat stand-in (auth + API over HTTPS) to develop and test without an account')
    .option('--port <n>', 'API port (default: a free one)')
    .option('--auth-port <n>', 'OAuth port (default: a free one)')
    .option('--scenario <name>', 'fault to serve from the start (see --list)')
    .option('--latency <ms>', 'delay every answer by this many ms')
    .option('--token-ttl <seconds>', 'access token lifetime in seconds, to test refresh (default: 1800, as the real service)')
    .option('--key-scope <scope>', 'scope of the generated key: GIGACHAT_API_PERS (default), GIGACHAT_API_B2B or GIGACHAT_API_CORP')
    .option('--env-out <file>', 'also write the variables to paste as a .env file')
    .option('--list', 'list the scenarios and exit')
    .allowExcessArguments(false)
    .action(async (opts) => exit(await run.mock(opts)));

  return program;
}

async function guarded(io: CliIO, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (err) {
    return internalError(io, err);
  }
}

/** Our own failure, not a usage error: one scrubbed line (never a stack), exit 1. */
async function internalError(io: CliIO, err: unknown): Promise<number> {
  const { internalErrorLine } = await import('./util/sanitize.js');
  io.stderr.write(`${internalErrorLine(err, io.env)}\n`);
  return 1;
}

/** Entry point of the bin shim: the only code that touches process. */
export async function run(): Promise<void> {
  // The last net: whatever escapes every verdict is still one scrubbed line and exit 1, never a stack.
  const fatal = async (err: unknown) => {
    const { internalErrorLine } = await import('./util/sanitize.js');
    process.stderr.write(`${internalErrorLine(err, process.env)}\n`, () => process.exit(1));
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  const code = await main({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    nodeVersion: process.version,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    // Registered only by commands that run until stopped: anywhere else Ctrl-C must kill at once.
    waitForInterrupt: () =>
      new Promise<string>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
      }),
  });
  // Exit now: a DNS lookup or a server that never answers must not keep the process alive past its verdict.
  process.exit(code);
}
