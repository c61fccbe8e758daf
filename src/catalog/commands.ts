// The shell one-liners remedies ask for, written for posix, PowerShell and cmd. Quoting is
// src/render/shell.ts's job; here is only which program does what on each system.

import { persistEnvCommand, quoteArg, unsetEnvCommand } from '../render/shell.js';
import type { Command, Recipe } from './steps.js';
import type { RemedyContext, Shell } from './types.js';

export function isWindows(shell: Shell): boolean {
  return shell === 'powershell' || shell === 'cmd';
}

/** A placeholder absolute path for a file the user saves, in the shell's style. */
export function placeholderPathFor(shell: Shell, file: string): string {
  return isWindows(shell) ? `C:\\certs\\${file}` : `/path/to/${file}`;
}

/** A PowerShell one-liner as the shell runs it: as is, through powershell from cmd, or the POSIX form. */
function viaPowerShell(shell: Shell, ps: string, posix: string): string {
  if (shell === 'powershell') return ps;
  return shell === 'cmd' ? `powershell -NoProfile -Command "${ps}"` : posix;
}

const RECIPES: Record<Recipe, (shell: Shell, args: readonly string[]) => string> = {
  tcpTest: (shell, [host, port]) => viaPowerShell(shell, `Test-NetConnection ${host} -Port ${port}`, `nc -vz -w 5 ${host} ${port}`),
  clockSync: (shell) => (isWindows(shell) ? 'w32tm /resync' : 'sudo timedatectl set-ntp true'),
  clockShow: (shell) => (isWindows(shell) ? 'w32tm /stripchart /computer:time.windows.com /samples:3' : 'date -u'),
  showProxy: (shell) =>
    shell === 'powershell' ? `Get-ChildItem Env: | Where-Object Name -like '*proxy*'` : shell === 'cmd' ? 'set | findstr /i proxy' : 'env | grep -i _proxy',
  base64Pair: (shell) =>
    viaPowerShell(
      shell,
      `[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('<client_id>:<client_secret>'))`,
      `printf '%s' '<client_id>:<client_secret>' | base64 | tr -d '\\n'`,
    ),
  decodeBase64File: (shell, [input, output]) =>
    viaPowerShell(
      shell,
      `[IO.File]::WriteAllBytes('${output}', [Convert]::FromBase64String((Get-Content '${input}' -Raw)))`,
      `base64 -d ${input} > ${output}`,
    ),
  listFile: (shell, [path]) =>
    `${shell === 'powershell' ? 'Get-Item' : shell === 'cmd' ? 'dir' : 'ls -l'} ${quoteArg(shell, path)}`,
  caFingerprint: (_shell, [file]) => `openssl x509 -in ${file} -noout -fingerprint -sha256`,
};

/** A command as the context's shell writes it; `value` and `args` are already rendered. */
export function writeCommand(c: Command, ctx: RemedyContext, value: string, args: readonly string[]): string {
  switch (c.cmd) {
    case 'setEnv':
      return ctx.setEnv(c.name, value);
    case 'unsetEnv':
      return unsetEnvCommand(ctx.shell, c.name);
    case 'persistEnv':
      return persistEnvCommand(ctx.shell, c.name, value);
    case 'run':
      return RECIPES[c.recipe](ctx.shell, args);
    case 'placeholderPath':
      return placeholderPathFor(ctx.shell, c.file);
  }
}
