import type { Command as CommandType } from 'commander';
import { VERSION } from './version.js';

export interface CliIO {
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  platform: NodeJS.Platform;
  nodeVersion: string;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

const EXAMPLES = `
Examples:
  $ gigadoctor                          run every check (the key comes from GIGACHAT_CREDENTIALS or ./.env)
  $ gigadoctor check --no-chat --json   CI preflight: no tokens spent, JSON on stdout
  $ gigadoctor --scope GIGACHAT_API_B2B --model GigaChat-2-Max
  $ NODE_EXTRA_CA_CERTS=./russian-trusted-root-ca.pem gigadoctor
  $ gigadoctor --lang ru --verbose

Exit codes: 0 nothing failed · 1 a problem found · 2 usage error · 3 inconclusive (timeouts, 429, 5xx: retry)
The key is never taken from the command line: set GIGACHAT_CREDENTIALS in the environment or in .env.`;

/** Parses argv, runs the command, writes the output; returns the exit code. The only place that talks to the terminal. */
export async function main(io: CliIO): Promise<number> {
  // The one path that must start as fast as bare node: nothing else is loaded for it.
  if (io.argv.length === 1 && (io.argv[0] === '--version' || io.argv[0] === '-V')) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { Command, CommanderError, Option } = await import('commander');
  let exitCode = 0;
  const program: CommandType = new Command('gigadoctor')
    .description('Diagnoses connectivity to GigaChat: credentials, endpoints, DNS, TCP, TLS, OAuth, models, chat.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(true);

  const check = program
    .command('check', { isDefault: true })
    .description('run the diagnostic checks (the default command)')
    .option('--json', 'print the JSON report (schema v1) on stdout, nothing else')
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'json']))
    .option('--env-file <path>', 'read variables from this file (default: ./.env when present)')
    .option('--no-env-file', 'do not read any .env file')
    .option('--auth-url <url>', 'OAuth URL (GIGACHAT_AUTH_URL)')
    .option('--base-url <url>', 'API base URL (GIGACHAT_BASE_URL)')
    .option('--scope <scope>', 'GIGACHAT_API_PERS, GIGACHAT_API_B2B or GIGACHAT_API_CORP (GIGACHAT_SCOPE)')
    .option('--model <name>', 'model to look for and probe (GIGACHAT_MODEL; default GigaChat-2)')
    .option('--ca-file <pem>', 'extra CA certificates, PEM (GIGACHAT_CA_BUNDLE_FILE)')
    .option('--insecure', 'turn TLS verification off (every TLS finding becomes a loud warning)')
    .option('--timeout <ms>', 'timeout of each network step in ms (GIGACHAT_TIMEOUT is seconds; default 10000)')
    .option('--no-chat', 'skip the one-token chat probe (spends no tokens)')
    .option('--only <ids>', 'run only these checks (and what they need): env,format,endpoints,dns,tcp,tls,oauth,models,chat')
    .option('--skip <ids>', 'skip these checks')
    .addOption(new Option('--lang <lang>', 'language of the report (default from LC_ALL/LC_MESSAGES/LANG)').choices(['ru', 'en']))
    .option('--strict', 'a warning fails the run (exit 1)')
    .option('--verbose', 'show the evidence of every check: status, ids, timings')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .allowExcessArguments(false)
    .action(async (opts) => {
      exitCode = await runCheck(io, opts);
    });
  check.addHelpText('after', EXAMPLES);
  program.addHelpText('after', EXAMPLES);

  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    io.stderr.write(`gigadoctor: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

async function runCheck(io: CliIO, rawFlags: Record<string, unknown>): Promise<number> {
  const [{ resolveSettings }, { UsageError }] = await Promise.all([import('./settings/resolve.js'), import('./settings/flags.js')]);
  let settings;
  try {
    settings = resolveSettings({ flags: rawFlags, env: io.env, cwd: io.cwd, stdoutIsTTY: Boolean(io.stdout.isTTY) });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`gigadoctor: ${err.message}\nRun 'gigadoctor --help' for usage.\n`);
      return 2;
    }
    throw err;
  }
  const [{ diagnose }, { detectShell }] = await Promise.all([import('./diagnose.js'), import('./render/shell.js')]);
  const spinner = await startSpinner(io, settings.format === 'human', settings.lang);
  const { report, scrubber } = await diagnose({
    settings,
    shell: detectShell(io.platform, io.env),
    platform: io.platform,
    nodeVersion: io.nodeVersion,
    nodeExtraCaCerts: io.env.NODE_EXTRA_CA_CERTS,
  }).finally(() => spinner?.stop());

  let text: string;
  if (settings.format === 'json') {
    text = `${JSON.stringify(report, null, 2)}\n`;
  } else {
    const { renderHuman, terminalHasUnicode } = await import('./render/human.js');
    text = renderHuman(report, {
      lang: settings.lang,
      color: settings.color,
      unicode: terminalHasUnicode(io.platform, io.env),
      verbose: settings.verbose,
    });
  }
  await write(io.stdout, scrubber.scrub(text));
  return report.exitCode;
}

/** A spinner only where a person watches: stderr is a terminal and this is not CI. */
async function startSpinner(io: CliIO, human: boolean, lang: 'ru' | 'en') {
  if (!human || !io.stderr.isTTY || io.env.CI) return null;
  const { default: ora } = await import('ora');
  return ora({ text: lang === 'ru' ? 'Проверяю подключение к GigaChat…' : 'Checking GigaChat connectivity…', stream: io.stderr }).start();
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

/** Entry point of the bin shim. */
export async function run(): Promise<void> {
  const code = await main({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    platform: process.platform,
    nodeVersion: process.version,
    stdout: process.stdout,
    stderr: process.stderr,
  });
  // Exit now: a DNS lookup or a server that never answers must not keep the process alive past its verdict.
  process.exit(code);
}
