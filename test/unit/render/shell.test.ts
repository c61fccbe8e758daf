import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import en from '../../../src/catalog/en.js';
import ru from '../../../src/catalog/ru.js';
import type { Shell } from '../../../src/catalog/types.js';
import {
  cmdQuote, detectShell, envRef, persistEnvCommand, quoteArg, remedyContext, setEnvCommand, unsetEnvCommand,
} from '../../../src/render/shell.js';

// What a process started from each shell sees. PSModulePath: the system value every Windows
// process inherits, and the value a running PowerShell (5.1 or 7) hands its children.
const PS_SYSTEM = 'C:\\Program Files\\WindowsPowerShell\\Modules;C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\Modules';
const PS51 = `C:\\Users\\anna\\Documents\\WindowsPowerShell\\Modules;${PS_SYSTEM}`;
const PS7 = `C:\\Users\\anna\\Documents\\PowerShell\\Modules;C:\\Program Files\\PowerShell\\Modules;c:\\program files\\powershell\\7\\Modules;${PS_SYSTEM}`;
const PS_ONEDRIVE = `C:\\Users\\anna\\OneDrive\\Documents\\PowerShell\\Modules;${PS_SYSTEM}`;
const COMSPEC = 'C:\\WINDOWS\\system32\\cmd.exe';

describe('detectShell', () => {
  it.each<[string, string, Record<string, string>, Shell]>([
    // Unix
    ['linux', 'bash', { SHELL: '/bin/bash' }, 'posix'],
    ['linux', 'zsh', { SHELL: '/usr/bin/zsh' }, 'posix'],
    ['darwin', 'zsh on macOS', { SHELL: '/bin/zsh' }, 'posix'],
    ['linux', 'fish (export works there too)', { SHELL: '/usr/bin/fish' }, 'posix'],
    ['linux', 'pwsh as the login shell', { SHELL: '/usr/bin/pwsh' }, 'powershell'],
    ['darwin', 'pwsh from Homebrew as the login shell', { SHELL: '/opt/homebrew/bin/pwsh' }, 'powershell'],
    ['linux', 'pwsh started from bash keeps SHELL=bash', { SHELL: '/bin/bash', PSModulePath: '/home/a/.local/share/powershell/Modules' }, 'posix'],
    ['linux', 'pwsh with no SHELL (container entrypoint)', { PSModulePath: '/opt/microsoft/powershell/7/Modules' }, 'powershell'],
    ['linux', 'nothing at all (cron, systemd)', {}, 'posix'],
    ['freebsd', 'another Unix', { SHELL: '/bin/sh' }, 'posix'],
    // Windows
    ['win32', 'Windows PowerShell 5.1', { PSModulePath: PS51, ComSpec: COMSPEC }, 'powershell'],
    ['win32', 'PowerShell 7', { PSModulePath: PS7, ComSpec: COMSPEC }, 'powershell'],
    ['win32', 'PowerShell with OneDrive-redirected Documents', { PSModulePath: PS_ONEDRIVE, ComSpec: COMSPEC }, 'powershell'],
    ['win32', 'PowerShell started from cmd (inherits PROMPT)', { PSModulePath: PS51, ComSpec: COMSPEC, PROMPT: '$P$G' }, 'powershell'],
    ['win32', 'cmd.exe', { PSModulePath: PS_SYSTEM, ComSpec: COMSPEC, PROMPT: '$P$G' }, 'cmd'],
    ['win32', 'cmd.exe on a system without PowerShell in the env', { ComSpec: COMSPEC, PROMPT: '$P$G' }, 'cmd'],
    ['win32', 'only ComSpec (a stripped environment)', { ComSpec: COMSPEC }, 'cmd'],
    ['win32', 'Git Bash', { SHELL: '/usr/bin/bash', MSYSTEM: 'MINGW64', PSModulePath: PS_SYSTEM, ComSpec: COMSPEC }, 'posix'],
    ['win32', 'MSYS2 without SHELL', { MSYSTEM: 'MSYS', ComSpec: COMSPEC }, 'posix'],
    ['win32', 'Cygwin', { SHELL: 'C:\\cygwin64\\bin\\bash.exe', ComSpec: COMSPEC }, 'posix'],
    ['win32', 'SHELL pointing at pwsh.exe', { SHELL: 'C:\\Program Files\\PowerShell\\7\\pwsh.exe', ComSpec: COMSPEC }, 'powershell'],
    ['win32', 'an IDE task: system PSModulePath only, no PROMPT', { PSModulePath: PS_SYSTEM, ComSpec: COMSPEC }, 'powershell'],
    ['win32', 'nothing at all', {}, 'powershell'],
  ])('%s, %s → %s', (platform, _what, env, shell) => {
    expect(detectShell(platform, env)).toBe(shell);
  });
});

describe('commands for each shell', () => {
  it('sets a variable for this session', () => {
    expect(setEnvCommand('posix', 'GIGACHAT_SCOPE', 'GIGACHAT_API_B2B')).toBe('export GIGACHAT_SCOPE=GIGACHAT_API_B2B');
    expect(setEnvCommand('powershell', 'GIGACHAT_SCOPE', 'GIGACHAT_API_B2B')).toBe('$env:GIGACHAT_SCOPE = "GIGACHAT_API_B2B"');
    expect(setEnvCommand('cmd', 'GIGACHAT_SCOPE', 'GIGACHAT_API_B2B')).toBe('set "GIGACHAT_SCOPE=GIGACHAT_API_B2B"');
  });
  it('quotes what the shell would otherwise read', () => {
    expect(setEnvCommand('cmd', 'GIGACHAT_CREDENTIALS', '<authorization key from Studio>')).toBe('set "GIGACHAT_CREDENTIALS=<authorization key from Studio>"');
    expect(setEnvCommand('posix', 'X', "it's <a b>")).toBe(`export X='it'\\''s <a b>'`);
    expect(setEnvCommand('powershell', 'X', 'a"b$c`d')).toBe('$env:X = "a`"b`$c``d"');
    expect(setEnvCommand('posix', 'NODE_EXTRA_CA_CERTS', '/path/to/ca.pem')).toBe('export NODE_EXTRA_CA_CERTS=/path/to/ca.pem');
  });
  it('persists a variable for new sessions', () => {
    expect(persistEnvCommand('powershell', 'NODE_EXTRA_CA_CERTS', 'C:\\certs\\ca.pem')).toBe("[Environment]::SetEnvironmentVariable('NODE_EXTRA_CA_CERTS', 'C:\\certs\\ca.pem', 'User')");
    expect(persistEnvCommand('cmd', 'NODE_EXTRA_CA_CERTS', 'C:\\certs\\ca.pem')).toBe('setx NODE_EXTRA_CA_CERTS "C:\\certs\\ca.pem"');
    expect(persistEnvCommand('posix', 'NODE_EXTRA_CA_CERTS', '/etc/ca.pem')).toBe("echo 'export NODE_EXTRA_CA_CERTS=/etc/ca.pem' >> ~/.profile");
  });
  it('references a variable', () => {
    expect(envRef('posix', 'GIGACHAT_CREDENTIALS')).toBe('$GIGACHAT_CREDENTIALS');
    expect(envRef('powershell', 'GIGACHAT_CREDENTIALS')).toBe('$env:GIGACHAT_CREDENTIALS');
    expect(envRef('cmd', 'GIGACHAT_CREDENTIALS')).toBe('%GIGACHAT_CREDENTIALS%');
  });
});

describe('remedies render for the shell that runs them', () => {
  const scope = { status: 400, code: 7, scope: 'GIGACHAT_API_PERS', otherScopes: ['GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'] };
  const tls = { host: 'ngw.devices.sberbank.ru', port: 9443, errno: 'SELF_SIGNED_CERT_IN_CHAIN', issuer: 'Russian Trusted Root CA', russianChain: true };

  it.each([en, ru])('%# POSIX: export', (catalog) => {
    const steps = catalog.codes.OAUTH_SCOPE_MISMATCH.remediation(scope, remedyContext('posix')).join('\n');
    expect(steps).toContain('export GIGACHAT_SCOPE=GIGACHAT_API_B2B');
    expect(steps).not.toMatch(/\$env:|^set /m);
    const ca = catalog.codes.TLS_UNTRUSTED_ROOT.remediation(tls, remedyContext('posix')).join('\n');
    expect(ca).toMatch(/export NODE_EXTRA_CA_CERTS=\/path\/to\/[\w.-]+\.pem/);
    expect(ca).toMatch(/>> ~\/\.profile/);
  });

  it.each([en, ru])('%# PowerShell: $env: and, to persist, [Environment]::SetEnvironmentVariable', (catalog) => {
    const steps = catalog.codes.OAUTH_SCOPE_MISMATCH.remediation(scope, remedyContext('powershell')).join('\n');
    expect(steps).toContain('$env:GIGACHAT_SCOPE = "GIGACHAT_API_B2B"');
    expect(steps).not.toContain('export ');
    const ca = catalog.codes.TLS_UNTRUSTED_ROOT.remediation(tls, remedyContext('powershell')).join('\n');
    expect(ca).toMatch(/\$env:NODE_EXTRA_CA_CERTS = "C:\\certs\\[\w.-]+\.pem"/);
    expect(ca).toMatch(/\[Environment\]::SetEnvironmentVariable\('NODE_EXTRA_CA_CERTS', 'C:\\certs\\[\w.-]+\.pem', 'User'\)/);
  });

  it.each([en, ru])('%# cmd: set, and setx to persist', (catalog) => {
    const steps = catalog.codes.OAUTH_SCOPE_MISMATCH.remediation(scope, remedyContext('cmd')).join('\n');
    expect(steps).toContain('set "GIGACHAT_SCOPE=GIGACHAT_API_B2B"');
    expect(steps).not.toMatch(/export |\$env:/);
    const ca = catalog.codes.TLS_UNTRUSTED_ROOT.remediation(tls, remedyContext('cmd')).join('\n');
    expect(ca).toMatch(/set "NODE_EXTRA_CA_CERTS=C:\\certs\\[\w.-]+\.pem"/);
    expect(ca).toMatch(/setx NODE_EXTRA_CA_CERTS "C:\\certs\\[\w.-]+\.pem"/);
  });

  it('no remedy in any shell prints a POSIX command on Windows or the other way round', () => {
    for (const catalog of [en, ru]) {
      for (const [code, entry] of Object.entries(catalog.codes)) {
        for (const shell of ['posix', 'powershell', 'cmd'] as Shell[]) {
          const text = entry.remediation({ ...scope, ...tls, variable: 'GIGACHAT_CREDENTIALS', source: 'env' }, remedyContext(shell)).join('\n');
          if (shell === 'posix') expect(text, code).not.toMatch(/\$env:\w+ =|\bsetx\b/);
          else expect(text, code).not.toMatch(/(^|[\s—:(])export [A-Z_]+=|\bunset [A-Z_]+/);
        }
      }
    }
  });
});

// Values a remedy may carry: a user's URL, path or placeholder, written to be misread by a shell.
const HOSTILE = [
  `it's <a b> & "c" | d`,
  '$(touch /tmp/gd-pwned) `id` ${HOME} $HOME',
  '%PATH% 100% %USERPROFILE%\\x %%',
  'C:\\Program Files (x86)\\certs\\',
  'a^b!c;d#e\ttab',
  '\u2018smart\u2019 \u201cquotes\u201d',
  '',
];

describe('POSIX: what sh reads back is the value', () => {
  it.each(HOSTILE)('%j', (value) => {
    const script = `${setEnvCommand('posix', 'GD_X', value)}; printf %s "$GD_X"`;
    expect(execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' })).toBe(value);
    expect(execFileSync('/bin/sh', ['-c', `printf %s ${quoteArg('posix', value, true)}`], { encoding: 'utf8' })).toBe(value);
  });
  it('persists as a line that sh reads back', () => {
    const value = HOSTILE[0];
    const line = persistEnvCommand('posix', 'GD_X', value).replace(/ >> ~\/\.profile$/, '');
    const echoed = execFileSync('/bin/sh', ['-c', line], { encoding: 'utf8' });
    expect(execFileSync('/bin/sh', ['-c', `${echoed.trim()}; printf %s "$GD_X"`], { encoding: 'utf8' })).toBe(value);
  });
});

describe('PowerShell: nothing inside a string is expanded or ends it', () => {
  /** The text between the outer quotes, with PowerShell's escapes undone; null when a quote ends it early. */
  function readDouble(s: string): string | null {
    const m = /^"(.*)"$/s.exec(s);
    if (!m) return null;
    let out = '';
    for (let i = 0; i < m[1].length; i++) {
      const ch = m[1][i];
      if (ch === '`') out += m[1][++i];
      else if (/["$\u201c\u201d\u201e]/.test(ch)) return null;
      else out += ch;
    }
    return out;
  }
  function readSingle(s: string): string | null {
    const m = /^'(.*)'$/s.exec(s);
    if (!m) return null;
    const body = m[1].replace(/(['\u2018\u2019\u201a\u201b])\1/g, '\0');
    return /['\u2018\u2019\u201a\u201b]/.test(body) ? null : body.replace(/\0/g, "'");
  }
  it.each(HOSTILE)('%j', (value) => {
    const set = setEnvCommand('powershell', 'GD_X', value);
    expect(set.startsWith('$env:GD_X = ')).toBe(true);
    const read = readDouble(set.slice('$env:GD_X = '.length));
    expect(read?.replace(/[\u2018\u2019]/g, "'")).toBe(value.replace(/[\u2018\u2019]/g, "'"));
    expect(readSingle(quoteArg('powershell', value, true))?.replace(/[\u2018\u2019]/g, "'")).toBe(value.replace(/[\u2018\u2019]/g, "'"));
    expect(persistEnvCommand('powershell', 'GD_X', value)).toMatch(/^\[Environment\]::SetEnvironmentVariable\('GD_X', '.*', 'User'\)$/s);
  });
  it('escapes $, backticks and quotes in a double-quoted value', () => {
    expect(setEnvCommand('powershell', 'X', 'a"b$c`d\u201ce')).toBe('$env:X = "a`"b`$c``d`\u201ce"');
    expect(quoteArg('powershell', "O'Neil \u2019x", true)).toBe("'O''Neil \u2019\u2019x'");
  });
});

describe('cmd: set "NAME=value", and no %NAME% that cmd would expand', () => {
  /** Where cmd would expand a variable on an interactive line: %NAME% with no caret after the first %. */
  const expands = (line: string) => /%[^%^\s"]+%/.test(line.replace(/\^%/g, ''));
  /** Outside double quotes, a special character without a caret before it. */
  function bareSpecial(line: string): boolean {
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '^' && !quoted) { i++; continue; }
      if (ch === '"') quoted = !quoted;
      else if (!quoted && /[&|<>()]/.test(ch)) return true;
    }
    return quoted;
  }
  it.each(HOSTILE)('%j', (value) => {
    const set = setEnvCommand('cmd', 'GD_X', value);
    expect(set.startsWith('set "GD_X=') || set.startsWith('set GD_X=')).toBe(true);
    expect(bareSpecial(set), set).toBe(false);
    expect(expands(set), set).toBe(false);
    const arg = cmdQuote(value, true);
    expect(bareSpecial(arg), arg).toBe(false);
    expect(expands(arg), arg).toBe(false);
    expect(persistEnvCommand('cmd', 'GD_X', value)).toBe(`setx GD_X ${arg}`);
  });
  it('PowerShell removes a variable from the session and from the user variables', () => {
    expect(unsetEnvCommand('powershell', 'GIGACHAT_TOKEN')).toBe(
      "Remove-Item Env:GIGACHAT_TOKEN; [Environment]::SetEnvironmentVariable('GIGACHAT_TOKEN', '', 'User')",
    );
  });
  it('quotes with set "NAME=value", so < > & stay literal', () => {
    expect(setEnvCommand('cmd', 'GIGACHAT_CREDENTIALS', '<authorization key>')).toBe('set "GIGACHAT_CREDENTIALS=<authorization key>"');
    expect(unsetEnvCommand('cmd', 'GIGACHAT_TOKEN')).toBe('set "GIGACHAT_TOKEN=" & reg delete HKCU\\Environment /v GIGACHAT_TOKEN /f >nul 2>&1');
  });
  it('writes a percent sign so that cmd keeps it', () => {
    expect(setEnvCommand('cmd', 'X', 'a%PATH%b')).toBe('set X=a%^PATH%^b');
    expect(cmdQuote('100% %PATH%')).toBe('"100"^%" "^%"PATH"^%""');
    expect(cmdQuote('C:\\dir\\', true)).toBe('"C:\\dir\\\\"');
  });
  it('the checks above see an expanding or unquoted line (they can fail)', () => {
    expect(expands('set X=%PATH%')).toBe(true);
    expect(bareSpecial('set X=<a>')).toBe(true);
  });
});
