import type { RemedyContext, Shell } from '../catalog/types.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `pwsh`, `bash`, `powershell` … from SHELL=/usr/bin/pwsh or C:\…\bash.exe; '' when unset. */
function shellName(value: string | undefined): string {
  if (!value) return '';
  const base = value.trim().split(/[\\/]/).pop() ?? '';
  return base.toLowerCase().replace(/\.exe$/, '');
}

/** PowerShell adds the user's own module folder (Documents\PowerShell\Modules) when it starts; its children inherit it. */
function psStartedHere(psModulePath: string | undefined): boolean {
  return Boolean(psModulePath && /[\\/]Documents[\\/](Windows)?PowerShell[\\/]Modules/i.test(psModulePath));
}

/**
 * The shell that will run a remedy's commands, from what the environment says about it:
 * - SHELL names the user's shell on Unix, and Git Bash / MSYS / Cygwin set it on Windows too;
 *   SHELL=…/pwsh means PowerShell wherever it is.
 * - PSModulePath is set system-wide on Windows, but only a running PowerShell prepends the
 *   user's Documents\…PowerShell\Modules to it; on Unix it exists only under pwsh.
 * - cmd.exe defines PROMPT for its children; PowerShell does not.
 * - ComSpec always names cmd.exe on Windows: it only decides when nothing hints at PowerShell.
 * Anything else on Windows is PowerShell, the default shell of Windows Terminal and VS Code.
 */
export function detectShell(platform: string, env: Env): Shell {
  const name = shellName(env.SHELL);
  if (name === 'pwsh' || name === 'powershell') return 'powershell';
  if (platform !== 'win32') {
    if (name) return 'posix';
    return env.PSModulePath ? 'powershell' : 'posix';
  }
  if (name || env.MSYSTEM) return 'posix';
  if (psStartedHere(env.PSModulePath)) return 'powershell';
  if (env.PROMPT) return 'cmd';
  if (!env.PSModulePath && env.ComSpec) return 'cmd';
  return 'powershell';
}

export function remedyContext(shell: Shell, self?: string): RemedyContext {
  return { shell, setEnv: (name, value) => setEnvCommand(shell, name, value), self };
}

// ---------- quoting: the one place that knows each shell's rules ----------

/** Characters no shell reads specially in an argument. */
const PLAIN = /^[\w@%+=:,./-]+$/;
/** PowerShell ends a single-quoted string at any of these, and a double-quoted one at the second set. */
const PS_SINGLE = /['\u2018\u2019\u201a\u201b]/g;
const PS_DOUBLE = /[`"$\u201c\u201d\u201e]/g;
/** cmd.exe reads these outside double quotes. */
const CMD_SPECIAL = /[\^&|<>()"]/g;

/** Bare when safe, else single-quoted (`force` always quotes). */
export function posixQuote(value: string, force = false): string {
  if (!force && PLAIN.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A PowerShell single-quoted string: nothing inside is expanded. */
export function powershellQuote(value: string): string {
  return `'${value.replace(PS_SINGLE, '$&$&')}'`;
}

/** A PowerShell double-quoted string with `$`, backticks and quotes escaped: nothing inside is expanded. */
function powershellDoubleQuote(value: string): string {
  return `"${value.replace(PS_DOUBLE, '`$&')}"`;
}

/**
 * One argument of a program started from cmd.exe. Inside double quotes `"` is written `""`.
 * cmd expands `%NAME%` even inside quotes, and a caret is literal there; so each `%` is written
 * outside the quotes as `^%`, which leaves no variable name between two percent signs.
 */
export function cmdQuote(value: string, force = false): string {
  if (!force && PLAIN.test(value) && !value.includes('%')) return value;
  return value
    .split('%')
    // A backslash before the closing quote would escape it: double a trailing run.
    .map((part) => `"${part.replace(/"/g, '""').replace(/(\\+)$/, '$1$1')}"`)
    .join('^%');
}

/** One command-line argument for the shell, quoted only when it needs it (`force`: always). */
export function quoteArg(shell: Shell, value: string, force = false): string {
  switch (shell) {
    case 'powershell':
      return !force && PLAIN.test(value) && !value.startsWith('@') ? value : powershellQuote(value);
    case 'cmd':
      return cmdQuote(value, force);
    default:
      return posixQuote(value, force);
  }
}

/**
 * Sets a variable for the current session: `export NAME=value` / `$env:NAME = "value"` /
 * `set "NAME=value"`. cmd takes everything up to the last quote as is: a value with < > & |
 * (`<authorization key from Studio>`) is not a redirection, and no trailing space slips in.
 * cmd expands `%NAME%` even inside the quotes: a value with `%` (or `"`) is written unquoted,
 * every special character behind a caret and every `%` as `%^`.
 */
export function setEnvCommand(shell: Shell, name: string, value: string): string {
  switch (shell) {
    case 'powershell':
      return `$env:${name} = ${powershellDoubleQuote(value)}`;
    case 'cmd':
      if (!/[%"]/.test(value)) return `set "${name}=${value}"`;
      return `set ${name}=${value.replace(CMD_SPECIAL, '^$&').replace(/%/g, '%^')}`;
    default:
      return `export ${name}=${posixQuote(value)}`;
  }
}

/**
 * Removes a variable from the current session and from the user's variables (System
 * Properties, setx, SetEnvironmentVariable), which every new session would bring back. PowerShell:
 * an empty value deletes it. cmd has no command that deletes one (setx only sets), so the user's
 * variables are edited where Windows keeps them; the output is dropped, as there is none to
 * delete when it was set for the session only.
 */
export function unsetEnvCommand(shell: Shell, name: string): string {
  switch (shell) {
    case 'powershell':
      return `Remove-Item Env:${name}; [Environment]::SetEnvironmentVariable('${name}', '', 'User')`;
    case 'cmd':
      return `set "${name}=" & reg delete HKCU\\Environment /v ${name} /f >nul 2>&1`;
    default:
      return `unset ${name}`;
  }
}

/**
 * Keeps a variable for new sessions: PowerShell `[Environment]::SetEnvironmentVariable(…, 'User')`,
 * cmd `setx`, POSIX a line appended to ~/.profile. None of them changes the current session.
 */
export function persistEnvCommand(shell: Shell, name: string, value: string): string {
  switch (shell) {
    case 'powershell':
      return `[Environment]::SetEnvironmentVariable('${name}', ${powershellQuote(value)}, 'User')`;
    case 'cmd':
      return `setx ${name} ${cmdQuote(value, true)}`;
    default:
      return `echo ${posixQuote(`export ${name}=${posixQuote(value)}`, true)} >> ~/.profile`;
  }
}

/** A reference to an environment variable, as the shell writes it inside double quotes (expanding it is the intent). */
export function envRef(shell: Shell, name: string): string {
  switch (shell) {
    case 'powershell':
      return `$env:${name}`;
    case 'cmd':
      return `%${name}%`;
    default:
      return `$${name}`;
  }
}

/** A line the shell ignores: `# …`, or `rem …` in cmd.exe. */
export function commentLine(shell: Shell, text = ''): string {
  const mark = shell === 'cmd' ? 'rem' : '#';
  return text === '' ? mark : `${mark} ${text}`;
}

/** What ends a line that the command continues on the next. */
export function lineContinuation(shell: Shell): string {
  return shell === 'powershell' ? ' `' : shell === 'cmd' ? ' ^' : ' \\';
}
