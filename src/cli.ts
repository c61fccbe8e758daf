import { Command, CommanderError, Option } from 'commander';
import { cliWords, type CliWords } from './catalog/phrases/cli.js';
import type { Lang } from './catalog/types.js';
import { checkCommand } from './commands/check.js';
import type { CliIO } from './commands/io.js';
import { invokedAs } from './commands/invoked-as.js';
import { waitForStop } from './commands/stop-signals.js';
import { DEFAULT_MODEL, SCOPES } from './gigachat/index.js';
import { neutralizeControls } from './secret/controls.js';
import { CHECK_IDS } from './settings/flags.js';
import { langFromLocale } from './settings/resolve.js';
import { nearest } from './util/nearest.js';
import { internalErrorLine } from './util/sanitize.js';
import { VERSION } from './version.js';

export type { CliIO };

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
    // The other commands are loaded when asked for: a check does not set up the mock or explain.
    ca: async (opts) => (await import('./commands/ca.js')).caCommand(io, opts),
    explain: async (text, opts) => (await import('./commands/explain.js')).explainCommand(io, text, opts),
    mock: async (opts) => (await import('./commands/mock.js')).mockCommand(io, opts),
    fingerprint: async () => (await import('./commands/fingerprint.js')).fingerprintCommand(io),
  }, (code) => (exitCode = code), cliWords(helpLanguage(io)));
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
function buildProgram(io: Pick<CliIO, 'stdout' | 'stderr'>, run: CommandRunners, exit: (code: number) => void, w: CliWords): Command {
  const o = (key: string) => w.options[key].replace('{scopes}', SCOPES.join(', ')).replace('{model}', DEFAULT_MODEL).replace('{ids}', CHECK_IDS.join(','));
  const program: Command = new Command('gigadoctor')
    .description(w.program)
    .version(VERSION, '-V, --version', w.version)
    .helpOption('-h, --help', w.help)
    .helpCommand('help [command]', w.helpCommand)
    .configureHelp({ styleTitle: (title) => w.titles[title] ?? title })
    .exitOverride()
    // commander quotes argv in its errors: a control sequence there must show, never act.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(neutralizeControls(s)) })
    .showSuggestionAfterError(true);

  const withOutputOptions = (cmd: Command) => cmd
    .option('--json', o('--json'))
    .addOption(new Option('--format <format>', o('--format')).choices(['human', 'json', 'markdown', 'junit']));
  const withCheckOptions = (cmd: Command) => cmd
    .option('--dotenv <path>', o('--dotenv'))
    .option('--no-dotenv', o('--no-dotenv'))
    .option('--auth-url <url>', o('--auth-url'))
    .option('--base-url <url>', o('--base-url'))
    .option('--scope <scope>', o('--scope'))
    .option('--model <name>', o('--model'))
    .option('--ca-file <pem>', o('--ca-file'))
    .option('--insecure', o('--insecure'))
    .option('--timeout <ms>', o('--timeout'))
    .option('--no-chat', o('--no-chat'))
    .option('--only <ids>', o('--only'))
    .option('--skip <ids>', o('--skip'))
    .option('--project <dir>', o('--project'))
    .addOption(new Option('--lang <lang>', o('--lang')).choices(['ru', 'en']))
    .addOption(new Option('--shell <shell>', o('--shell')).choices(['posix', 'powershell', 'cmd']))
    .option('--strict', o('--strict'))
    .option('--verbose', o('--verbose'))
    .option('--no-color', o('--no-color'))
    .allowExcessArguments(false);

  withCheckOptions(withOutputOptions(program.command('check', { isDefault: true })))
    .description(w.commands.check)
    .action(async (opts) => exit(await run.check(opts)))
    .addHelpText('after', w.examples);

  withCheckOptions(program.command('report'))
    .description(w.commands.report)
    .action(async (opts) => exit(await run.report(opts)));

  program
    .command('ca')
    .description(w.commands.ca)
    .option('--out <file>', o('--out'))
    .allowExcessArguments(false)
    .action(async (opts) => exit(await run.ca(opts)));

  program
    .command('explain')
    .description(w.commands.explain)
    .argument('[text...]', o('text'))
    .addOption(new Option('--lang <lang>', o('--lang')).choices(['ru', 'en']))
    .option('--file <path>', o('--file'))
    .option('--follow', o('--follow'))
    .option('--json', o('explain --json'))
    .addOption(new Option('--shell <shell>', o('--shell')).choices(['posix', 'powershell', 'cmd']))
    .option('--no-color', o('--no-color'))
    .action(async (words: string[], opts) => exit(await run.explain(words.join(' '), opts)));

  program
    .command('mock')
    .description(w.commands.mock)
    .option('--port <n>', o('--port'))
    .option('--auth-port <n>', o('--auth-port'))
    .option('--scenario <name>', o('--scenario'))
    .option('--latency <ms>', o('--latency'))
    .option('--token-ttl <seconds>', o('--token-ttl'))
    .option('--key-scope <scope>', o('--key-scope'))
    .option('--env-out <file>', o('--env-out'))
    .option('--list', o('--list'))
    .allowExcessArguments(false)
    .action(async (opts) => exit(await run.mock(opts)));

  program
    .command('fingerprint')
    .description(w.commands.fingerprint)
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

/** --help speaks the report's language: `--lang` on the line, else the environment's. */
function helpLanguage(io: Pick<CliIO, 'argv' | 'env'>): Lang {
  const i = io.argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = i < 0 ? undefined : io.argv[i].includes('=') ? io.argv[i].split('=')[1] : io.argv[i + 1];
  return given === 'ru' || given === 'en' ? given : langFromLocale(io.env);
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
    self: invokedAs({ script: process.argv[1], cwd: process.cwd(), env: process.env, platform: process.platform }),
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    nodeVersion: process.version,
    stdout: process.stdout,
    stderr: process.stderr,
    // process.stdin makes its stream when first read (~3 ms): only explain and mock ever do.
    get stdin() {
      return process.stdin;
    },
    // Registered only by commands that run until stopped: anywhere else Ctrl-C must kill at once.
    waitForInterrupt: () => waitForStop(process),
  });
  // Exit now: a DNS lookup or a server that never answers must not keep the process alive past its verdict.
  process.exit(code);
}
