import type { RemedyContext, Shell } from '../catalog/types.js';

/**
 * The shell that will run a remedy's commands. PowerShell sets PSModulePath for its
 * children; cmd.exe is what Windows leaves when nothing else says otherwise.
 */
export function detectShell(platform: string, env: Readonly<Record<string, string | undefined>>): Shell {
  if (platform !== 'win32') {
    return env.PSModulePath && !env.SHELL ? 'powershell' : 'posix';
  }
  if (env.SHELL || env.MSYSTEM) return 'posix'; // Git Bash, MSYS, Cygwin
  if (env.PSModulePath && /[\\/]Documents[\\/](Windows)?PowerShell[\\/]Modules/i.test(env.PSModulePath)) return 'powershell';
  return env.PSModulePath && !env.PROMPT ? 'powershell' : 'cmd';
}

export function remedyContext(shell: Shell): RemedyContext {
  return { shell, setEnv: (name, value) => setEnvCommand(shell, name, value) };
}

export function setEnvCommand(shell: Shell, name: string, value: string): string {
  switch (shell) {
    case 'powershell':
      return `$env:${name} = "${value.replace(/[`"$]/g, '`$&')}"`;
    case 'cmd':
      return `set ${name}=${value}`;
    default:
      return `export ${name}=${/^[\w@%+=:,./-]*$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`}`;
  }
}
