/**
 * The options of `check` and `report` as one table: cli.ts declares them to commander from it,
 * and `quickCheckArgs` reads the plain command lines of `check` from it without loading
 * commander (~10 ms and ~1 MiB of a run that starts only to diagnose).
 */

export interface OptionSpec {
  /** As commander takes it: `--name`, `--name <value>` or `--no-name`. */
  flags: string;
  description: string;
  choices?: readonly string[];
}

export const CHECK_FORMATS = ['human', 'json', 'markdown', 'junit'] as const;

export function checkOptions(formats: readonly string[]): OptionSpec[] {
  return [
    { flags: '--json', description: 'print the JSON report (schema v1) on stdout, nothing else' },
    { flags: '--format <format>', description: 'output format', choices: formats },
    { flags: '--env-file <path>', description: 'read variables from this file (default: ./.env when present)' },
    { flags: '--no-env-file', description: 'do not read any .env file' },
    { flags: '--auth-url <url>', description: 'OAuth URL (GIGACHAT_AUTH_URL)' },
    { flags: '--base-url <url>', description: 'API base URL (GIGACHAT_BASE_URL)' },
    { flags: '--scope <scope>', description: 'GIGACHAT_API_PERS, GIGACHAT_API_B2B or GIGACHAT_API_CORP (GIGACHAT_SCOPE)' },
    { flags: '--model <name>', description: 'model to look for and probe (GIGACHAT_MODEL; default GigaChat-2)' },
    { flags: '--ca-file <pem>', description: 'extra CA certificates, PEM (GIGACHAT_CA_BUNDLE_FILE)' },
    { flags: '--insecure', description: 'turn TLS verification off (every TLS finding becomes a loud warning)' },
    { flags: '--timeout <ms>', description: 'timeout of each network step in ms (GIGACHAT_TIMEOUT is seconds; default 10000)' },
    { flags: '--project <dir>', description: 'the app\'s folder the code and python checks look at (default: the current folder)' },
    { flags: '--no-chat', description: 'skip the one-token chat probe (spends no tokens)' },
    { flags: '--only <ids>', description: 'run only these checks (and what they need): env,format,endpoints,dns,tcp,tls,oauth,models,chat,code,python' },
    { flags: '--skip <ids>', description: 'skip these checks' },
    { flags: '--lang <lang>', description: 'language of the report (default from LC_ALL/LC_MESSAGES/LANG)', choices: ['ru', 'en'] },
    { flags: '--shell <shell>', description: 'shell the remedies’ commands are written for (default: detected)', choices: ['posix', 'powershell', 'cmd'] },
    { flags: '--strict', description: 'a warning fails the run (exit 1)' },
    { flags: '--verbose', description: 'show the evidence of every check: status, ids, timings' },
    { flags: '--no-color', description: 'no colours (also NO_COLOR)' },
  ];
}

interface Parsed {
  /** Long name without `no-`: `env-file`. */
  long: string;
  /** commander's attribute name: `envFile`. */
  key: string;
  takesValue: boolean;
  negate: boolean;
  choices?: readonly string[];
}

function parseSpec(spec: OptionSpec): Parsed {
  const m = /^--(no-)?([a-z][a-z-]*)(?: <[^>]+>)?$/.exec(spec.flags);
  if (!m) throw new Error(`option spec not understood: ${spec.flags}`);
  const long = m[2];
  return {
    long,
    key: long.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
    takesValue: spec.flags.includes('<'),
    negate: Boolean(m[1]),
    choices: spec.choices,
  };
}

/**
 * The options object commander would hand the `check` action for this command line, or null
 * when the line needs commander: another command, help, a short flag, a positional argument, an
 * unknown option, a missing or dash-led value, a value outside its choices, an option given
 * twice. Whatever is read here is read exactly as commander reads it (a test holds the two
 * side by side); everything else is left to commander, with its messages.
 */
export function quickCheckArgs(argv: readonly string[]): Record<string, unknown> | null {
  const rest = argv[0] === 'check' ? argv.slice(1) : argv;
  const specs = checkOptions(CHECK_FORMATS).map(parseSpec);
  const opts: Record<string, unknown> = {};
  // A negation with no positive form defaults to true, as in commander (`--no-chat` → chat: true).
  for (const s of specs) if (s.negate && !specs.some((o) => o.key === s.key && !o.negate)) opts[s.key] = true;
  const seen = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--') || arg === '--') return null;
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const negated = name.startsWith('no-');
    const spec = specs.find((s) => s.negate === negated && s.long === (negated ? name.slice(3) : name));
    if (!spec || seen.has(spec.key)) return null;
    seen.add(spec.key);
    if (!spec.takesValue) {
      if (eq >= 0) return null;
      opts[spec.key] = !spec.negate;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || (eq < 0 && value.startsWith('-'))) return null;
    if (spec.choices && !spec.choices.includes(value)) return null;
    opts[spec.key] = value;
  }
  return opts;
}
