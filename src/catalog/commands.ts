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

/**
 * Windows has no openssl: certutil handles certificates, and for private keys the Node.js that
 * runs gigadoctor does (a script in single quotes only, so PowerShell and cmd pass it alike).
 */
function nodeScript(script: string, shell: Shell, files: readonly string[]): string {
  return `node -e "${script}" ${files.map((f) => quoteArg(shell, f)).join(' ')}`;
}
const NODE_KEY_TO_PEM =
  "const c=require('crypto'),f=require('fs'),der=f.readFileSync(process.argv[1]);let k;" +
  "for(const type of ['pkcs8','pkcs1','sec1'])try{k=k||c.createPrivateKey({key:der,format:'der',type})}catch{}" +
  "f.writeFileSync(process.argv[2],k.export({type:'pkcs8',format:'pem'}))";
const NODE_KEY_READS = "require('crypto').createPrivateKey(require('fs').readFileSync(process.argv[1]));console.log('the key reads')";
const NODE_KEY_MATCHES =
  "const c=require('crypto'),f=require('fs');" +
  'console.log(new c.X509Certificate(f.readFileSync(process.argv[1])).publicKey.equals(c.createPublicKey(f.readFileSync(process.argv[2]))))';

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
  // Windows 10+ ships curl.exe built on Schannel: -v shows the handshake as Windows itself makes it.
  tlsProbe: (shell, [host, port]) =>
    isWindows(shell) ? `curl.exe -v https://${host}:${port}/` : `openssl s_client -connect ${host}:${port} -servername ${host}`,
  certShow: (shell, [file]) =>
    shell === 'powershell'
      ? `Get-PfxCertificate -FilePath ${quoteArg(shell, file)} | Format-List Subject, Issuer, NotBefore, NotAfter`
      : shell === 'cmd'
        ? `certutil -dump ${quoteArg(shell, file)}`
        : `openssl x509 -in ${quoteArg(shell, file)} -noout -subject -issuer -dates`,
  derCertToPem: (shell, [input, output]) =>
    isWindows(shell)
      ? `certutil -encode ${quoteArg(shell, input)} ${quoteArg(shell, output)}`
      : `openssl x509 -inform der -in ${quoteArg(shell, input)} -out ${quoteArg(shell, output)}`,
  derKeyToPem: (shell, [input, output]) =>
    isWindows(shell)
      ? nodeScript(NODE_KEY_TO_PEM, shell, [input, output])
      : `openssl pkey -inform der -in ${quoteArg(shell, input)} -out ${quoteArg(shell, output)}`,
  keyReads: (shell, [key]) => (isWindows(shell) ? nodeScript(NODE_KEY_READS, shell, [key]) : `openssl pkey -in ${quoteArg(shell, key)} -noout`),
  keyMatchesCert: (shell, [cert, key]) =>
    isWindows(shell)
      ? nodeScript(NODE_KEY_MATCHES, shell, [cert, key])
      : `[ "$(openssl x509 -in ${quoteArg(shell, cert)} -noout -pubkey)" = "$(openssl pkey -in ${quoteArg(shell, key)} -pubout)" ] && echo true || echo false`,
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
    case 'self':
      return [ctx.self ?? 'gigadoctor', ...args].join(' ');
  }
}
