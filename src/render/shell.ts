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

export function remedyContext(shell: Shell): RemedyContext {
  return { shell, setEnv: (name, value) => setEnvCommand(shell, name, value) };
}

/**
 * Sets a variable for the current session: `export NAME=value` / `$env:NAME = "value"` /
 * `set "NAME=value"`. cmd takes everything up to the last quote as is: a value with < > & |
 * (`<authorization key from Studio>`) is not a redirection, and no trailing space slips in.
 */
export function setEnvCommand(shell: Shell, name: string, value: string): string {
  switch (shell) {
    case 'powershell':
      return `$env:${name} = "${value.replace(/[`"$]/g, '`$&')}"`;
    case 'cmd':
      return `set "${name}=${value}"`;
    default:
      return `export ${name}=${posixQuote(value)}`;
  }
}

/**
 * Keeps a variable for new sessions: PowerShell `[Environment]::SetEnvironmentVariable(…, 'User')`,
 * cmd `setx`, POSIX a line appended to ~/.profile. None of them changes the current session.
 */
export function persistEnvCommand(shell: Shell, name: string, value: string): string {
  switch (shell) {
    case 'powershell':
      return `[Environment]::SetEnvironmentVariable('${name}', '${value.replace(/'/g, "''")}', 'User')`;
    case 'cmd':
      return `setx ${name} "${value.replace(/"/g, '')}"`;
    default:
      return `echo ${posixQuote(`export ${name}=${posixQuote(value)}`, true)} >> ~/.profile`;
  }
}

/** Bare when safe, else single-quoted (`force` always quotes). */
export function posixQuote(value: string, force = false): string {
  if (!force && /^[\w@%+=:,./-]*$/.test(value) && value !== '') return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A reference to an environment variable, as the shell writes it inside double quotes. */
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
