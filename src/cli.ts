import { Command, CommanderError, Option } from 'commander';
import { caCommand } from './commands/ca.js';
import { checkCommand } from './commands/check.js';
import { explainCommand } from './commands/explain.js';
import { fingerprintCommand } from './commands/fingerprint.js';
import type { CliIO } from './commands/io.js';
import { mockCommand } from './commands/mock.js';
import { neutralizeControls } from './secret.js';
import { CHECK_IDS } from './settings/flags.js';
import { nearest } from './util/nearest.js';
import { internalErrorLine } from './util/sanitize.js';
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
  fingerprint(): Promise<number>;
}

/** Parses argv, runs the command, returns the exit code. The only place that knows about commander. */
export async function main(io: CliIO): Promise<number> {
  const misread = misnamedFlag(io.argv) ?? keyFlag(io.argv) ?? unknownCommand(io.argv) ?? reportAsJson(io.argv);
  if (misread) {
    io.stderr.write(`gigadoctor: ${neutralizeControls(misread)}\n`);
    return 2;
  }
  let exitCode = 0;
  const program = buildProgram(io, {
    check: (opts) => checkCommand(io, opts),
    report: (opts) => checkCommand(io, { ...opts, format: 'markdown' }),
    ca: (opts) => caCommand(io, opts),
    explain: (text, opts) => explainCommand(io, text, opts),
    mock: (opts) => mockCommand(io, opts),
    fingerprint: () => fingerprintCommand(io),
  }, (code) => (exitCode = code));
  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    return internalError(io, err);
  }
}

/** The commander program: every command and option, each action handing its exit code to `exit`. */
function buildProgram(io: Pick<CliIO, 'stdout' | 'stderr'>, run: CommandRunners, exit: (code: number) => void): Command {
  const program: Command = new Command('gigadoctor')
    .description('Diagnoses connectivity to GigaChat: credentials, endpoints, DNS, TCP, TLS, OAuth, models, chat.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    // commander quotes argv in its errors: a control sequence there must show, never act.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(neutralizeControls(s)) })
    .showSuggestionAfterError(true);

  const withOutputOptions = (cmd: Command) => cmd
    .option('--json', 'print the JSON report (schema v1) on stdout, nothing else')
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'json', 'markdown', 'junit']));
  const withCheckOptions = (cmd: Command) => cmd
    .option('--dotenv <path>', 'read variables from this file (default: ./.env when present)')
    .option('--no-dotenv', 'do not read any .env file')
    .option('--auth-url <url>', 'OAuth URL (GIGACHAT_AUTH_URL)')
    .option('--base-url <url>', 'API base URL (GIGACHAT_BASE_URL)')
    .option('--scope <scope>', 'GIGACHAT_API_PERS, GIGACHAT_API_B2B or GIGACHAT_API_CORP (GIGACHAT_SCOPE)')
    .option('--model <name>', 'model to look for and probe (GIGACHAT_MODEL; default GigaChat-2)')
    .option('--ca-file <pem>', 'extra CA certificates, PEM (GIGACHAT_CA_BUNDLE_FILE)')
    .option('--insecure', 'turn TLS verification off (every TLS finding becomes a loud warning)')
    .option('--timeout <ms>', 'timeout of each network step in ms (GIGACHAT_TIMEOUT is seconds; default 10000)')
    .option('--no-chat', 'skip the one-token chat probe (spends no tokens)')
    .option('--only <ids>', `run only these checks (and what they need): ${CHECK_IDS.join(',')}`)
    .option('--skip <ids>', 'skip these checks')
    .addOption(new Option('--lang <lang>', 'language of the report (default from LC_ALL/LC_MESSAGES/LANG)').choices(['ru', 'en']))
    .addOption(new Option('--shell <shell>', 'shell the remedies’ commands are written for (default: detected)').choices(['posix', 'powershell', 'cmd']))
    .option('--strict', 'a warning fails the run (exit 1)')
    .option('--verbose', 'show the evidence of every check: status, ids, timings')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .allowExcessArguments(false);

  withCheckOptions(withOutputOptions(program.command('check', { isDefault: true })))
    .description('run the diagnostic checks (the default command)')
    .action(async (opts) => exit(await run.check(opts)))
    .addHelpText('after', EXAMPLES);

  withCheckOptions(program.command('report'))
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
    .description('match an error message or log line against known GigaChat problems, offline')
    .argument('[text...]', 'the error text (or pipe it on stdin)')
    .addOption(new Option('--lang <lang>', 'language').choices(['ru', 'en']))
    .option('--json', 'matches as JSON')
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

  program
    .command('fingerprint')
    .description("read a key on stdin (never shown) and print the fingerprint the report shows for it, to tell keys apart")
    .allowExcessArguments(false)
    .action(async () => exit(await run.fingerprint()));

  return program;
}

/**
 * Node (20 to 26) reads a script argument named `--env-file` as its own option before gigadoctor
 * starts (nodejs/node#54232): it loads that file into the environment, or exits 9 when it is
 * missing. So gigadoctor's option is `--dotenv`; a line that still says `--env-file` (Node has
 * already read the file by now) gets a usage error that says what happened and what to type.
 */
function misnamedFlag(argv: readonly string[]): string | null {
  const wrong = argv.find((a) => a === '--env-file' || a.startsWith('--env-file=') || a === '--no-env-file');
  if (!wrong) return null;
  const instead = wrong === '--no-env-file' ? '--no-dotenv' : '--dotenv <path>';
  return `unknown option '${wrong.replace(/=.*/, '')}': use ${instead}. ` +
    'Node itself reads a script argument named --env-file (nodejs/node#54232): it has loaded that file into the environment already, or stopped before gigadoctor started when it is missing.';
}

/** Our own failure, not a usage error: one scrubbed line (never a stack), exit 1. */
/** The flags people try for the key. There is none, and the message says why and where the key goes. */
const KEY_FLAGS = ['--key', '--credentials', '--token', '--api-key', '--auth-key', '--authorization-key', '--access-token', '--password'];

function keyFlag(argv: readonly string[]): string | null {
  const flag = argv.map((a) => a.replace(/=.*/, '')).find((a) => KEY_FLAGS.includes(a));
  if (!flag) return null;
  return `unknown option '${flag}': there is no flag for the key, on purpose (a secret on the command line ends up in shell history and in ps). ` +
    'Put the authorization key in GIGACHAT_CREDENTIALS (GIGACHAT_ACCESS_TOKEN for a ready token, GIGACHAT_PASSWORD for a password), in the environment or in .env.';
}

const COMMANDS = ['check', 'report', 'ca', 'explain', 'mock', 'fingerprint', 'help'];

/**
 * `gigadoctor chekc`: commander would read the word as an argument of the default command and
 * say "too many arguments for 'check'". A first word that is no command is an unknown command.
 */
function unknownCommand(argv: readonly string[]): string | null {
  const [first] = argv;
  if (first === undefined || first.startsWith('-') || COMMANDS.includes(first)) return null;
  const guess = nearest(first, COMMANDS.filter((c) => c !== 'help'), 2);
  return `unknown command '${first}'${guess ? ` (did you mean '${guess}'?)` : ''}. Commands: ${COMMANDS.filter((c) => c !== 'help').join(', ')}; see gigadoctor --help.`;
}

function reportAsJson(argv: readonly string[]): string | null {
  if (argv[0] !== 'report' || !argv.some((a) => a === '--json' || a === '--format' || a.startsWith('--format='))) return null;
  return "'report' prints Markdown; for JSON use 'gigadoctor check --json', for other formats 'gigadoctor check --format <format>'";
}

async function internalError(io: CliIO, err: unknown): Promise<number> {
  io.stderr.write(`${internalErrorLine(err, io.env)}\n`);
  return 1;
}

/** Entry point of the bin shim: the only code that touches process. */
export async function run(): Promise<void> {
  // The last net: whatever escapes every verdict is still one scrubbed line and exit 1, never a stack.
  const fatal = (err: unknown) => {
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
