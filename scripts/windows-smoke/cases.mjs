// The smoke cases: gigadoctor as a Windows user runs it (node.exe under wine, C:\ paths, the
// environment of PowerShell or cmd), each a function that throws with the reason it failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForEnvFile } from './mock-env.mjs';
import { linuxPath, runWindowsNode, startWindowsNode, startWindowsProgram, windowsPath } from './wine.mjs';

/** A case that waits on another branch: reported, not counted as a failure. */

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** The first lines of a run's output, for a failure message. */
function excerpt(run) {
  const text = `${run.stdout}\n${run.stderr}`.trim().replace(/\s*\n\s*/g, ' | ');
  return `exit ${run.timedOut ? 'timed out' : run.code}: ${text.slice(0, 400)}`;
}

function expectExit(run, code) {
  expect(!run.timedOut && run.code === code, `expected exit ${code}; ${excerpt(run)}`);
}

function expectNoStackTrace(run) {
  expect(!/^ {4}at /m.test(run.stdout + run.stderr), `a stack trace in the output; ${excerpt(run)}`);
}

/** The key, and the client secret inside it, appear nowhere. */
function expectNoSecret(run, key) {
  const secret = Buffer.from(key, 'base64').toString('utf8').split(':')[1] ?? key;
  for (const form of [key, secret]) expect(!(run.stdout + run.stderr).includes(form), 'a secret in the output');
}

/** Set for every process on Windows; a running PowerShell puts the user's module folder in front. */
const SYSTEM_PS_MODULE_PATH = 'C:\\Program Files\\WindowsPowerShell\\Modules;C:\\windows\\system32\\WindowsPowerShell\\v1.0\\Modules';

/**
 * The environment Windows gives a program started from each shell (see src/render/shell.ts
 * detectShell): PowerShell prepends Documents\WindowsPowerShell\Modules to PSModulePath, cmd.exe
 * adds PROMPT. 'system' is neither: what cmd.exe itself starts with, before it adds PROMPT.
 */
function shellEnv(host, shell) {
  if (shell === 'powershell') return { PSModulePath: `${host.userProfile}\\Documents\\WindowsPowerShell\\Modules;${SYSTEM_PS_MODULE_PATH}` };
  if (shell === 'cmd') return { PSModulePath: SYSTEM_PS_MODULE_PATH, PROMPT: '$P$G' };
  return { PSModulePath: SYSTEM_PS_MODULE_PATH };
}

/** The mock's variables as a Windows user sets them: the CA file by its C:\ path. */
function mockVars(host, mock) {
  const ca = windowsPath(host.prefix, mock.vars.GIGACHAT_CA_BUNDLE_FILE);
  return { ...mock.vars, GIGACHAT_CA_BUNDLE_FILE: ca, NODE_EXTRA_CA_CERTS: ca };
}

function gigadoctor(host, args, options) {
  return runWindowsNode(host, [host.cli, ...args], { cwd: host.workDir, ...options });
}

export async function checkPasses(host, mock) {
  const run = await gigadoctor(host, ['check', '--json', '--no-dotenv'], { env: { ...mockVars(host, mock), ...shellEnv(host, 'powershell') }, name: 'check-pass' });
  expectNoSecret(run, mock.vars.GIGACHAT_CREDENTIALS);
  expectExit(run, 0);
  const report = JSON.parse(run.stdout);
  expect(report.environment.platform === 'win32', `platform is ${report.environment.platform}, not win32`);
  // The stand-in is a custom host; the folder run from is no app project, so code and python have nothing to look at.
  const notPassed = report.checks
    .filter((c) => c.status !== 'pass' && c.code !== 'ENDPOINT_CUSTOM_HOST' && !(c.status === 'skip' && c.code.endsWith('_NOT_A_PROJECT')))
    .map((c) => `${c.id} ${c.code}`);
  expect(notPassed.length === 0, `not passed: ${notPassed.join(', ')}`);
  return `win32, ${report.counts.pass} checks passed`;
}

/** A batch file run by cmd.exe (wine's): lines as a user types them at the prompt. */
function runInCmd(host, name, lines, env = {}) {
  const batch = join(host.workDir, `${name}.cmd`);
  writeFileSync(batch, ['@echo off', ...lines, 'exit /b %errorlevel%', ''].join('\r\n'));
  return startWindowsProgram(host, 'cmd', ['/c', windowsPath(host.prefix, batch)], { cwd: host.workDir, env: { ...shellEnv(host, 'system'), ...env }, name }).done;
}

/**
 * `check` without a key, started from PowerShell (its environment imitated: there is no
 * PowerShell under wine) or from cmd.exe itself, which sets PROMPT as Windows' cmd does.
 */
function checkWithoutKey(host, mock, shell) {
  const { GIGACHAT_CREDENTIALS: _key, ...withoutKey } = mockVars(host, mock);
  // --verbose: every remedy, not only the root cause's first step.
  const args = ['check', '--no-dotenv', '--lang', 'en', '--no-color', '--verbose'];
  if (shell === 'cmd') return runInCmd(host, 'check-from-cmd', [`"${host.nodeExe}" "${host.cli}" ${args.join(' ')}`], withoutKey);
  return gigadoctor(host, args, { env: { ...withoutKey, ...shellEnv(host, shell) }, name: `check-from-${shell}` });
}

/** No key: the remedy that sets it is written for the shell the CLI finds itself in. */
export function checkFailsIn(shell) {
  const setKey = { powershell: '$env:GIGACHAT_CREDENTIALS = "', cmd: 'set "GIGACHAT_CREDENTIALS=' }[shell];
  return async (host, mock) => {
    const run = await checkWithoutKey(host, mock, shell);
    expectNoStackTrace(run);
    expectExit(run, 1);
    expect(run.stdout.includes('CREDENTIALS_MISSING'), `no CREDENTIALS_MISSING; ${excerpt(run)}`);
    expect(run.stdout.includes(setKey), `no ${setKey}… remedy; ${excerpt(run)}`);
    const posix = /\b(export [A-Z_]+=|unset [A-Z_]+)/.exec(run.stdout);
    expect(!posix, `a POSIX command in a ${shell} remedy: ${posix?.[0]}`);
    return `${setKey}…`;
  };
}

/**
 * The cmd remedies' `set "NAME=value"` lines, run by a cmd.exe (wine's own): each variable then
 * holds the value as written, placeholders with < > included, rather than cmd reading a redirection;
 * `set "NAME="` (a remedy that removes a variable) leaves it undefined.
 */
export async function cmdRunsRemedies(host, mock) {
  const run = await checkWithoutKey(host, mock, 'cmd');
  const lines = [...new Set(run.stdout.match(/set "[A-Z_]+=[^"\n]*"/g) ?? [])];
  expect(lines.length > 0, `no set "NAME=value" line in the remedies; ${excerpt(run)}`);
  const expected = new Map(lines.map((l) => /set "([A-Z_]+)=(.*)"$/.exec(l).slice(1, 3)));
  const cmd = await runInCmd(host, 'cmd-remedies', [...lines, ...[...expected.keys()].map((n) => `set ${n}`)]);
  const out = cmd.stdout.split(/\r?\n/);
  for (const [name, value] of expected) {
    if (value === '') expect(!out.some((l) => l.startsWith(`${name}=`)), `cmd.exe did not remove ${name} with set "${name}="; ${excerpt(cmd)}`);
    else expect(out.includes(`${name}=${value}`), `cmd.exe did not set ${name} from set "${name}=${value}"; ${excerpt(cmd)}`);
  }
  return `${lines.length} set line(s): ${[...expected.keys()].join(', ')}`;
}

/** `report --dotenv C:\…\.env` under the user's profile: read, and the profile shown as ~. */
export async function reportWorks(host, mock) {
  const dir = join(host.userProfileDir, 'Documents', 'gigachat-app');
  mkdirSync(dir, { recursive: true });
  const vars = mockVars(host, mock);
  const dotenv = ['GIGACHAT_CREDENTIALS', 'GIGACHAT_AUTH_URL', 'GIGACHAT_BASE_URL', 'GIGACHAT_SCOPE', 'GIGACHAT_CA_BUNDLE_FILE'].map((n) => `${n}=${vars[n]}`);
  writeFileSync(join(dir, '.env'), `${dotenv.join('\r\n')}\r\n`);
  const dotenvPath = `${host.userProfile}\\Documents\\gigachat-app\\.env`;
  const run = await gigadoctor(host, ['report', '--dotenv', dotenvPath, '--lang', 'en'], {
    env: { NODE_EXTRA_CA_CERTS: vars.NODE_EXTRA_CA_CERTS, ...shellEnv(host, 'powershell') },
    name: 'report',
  });
  expectNoSecret(run, mock.vars.GIGACHAT_CREDENTIALS);
  expectNoStackTrace(run);
  expectExit(run, 0);
  expect(run.stdout.startsWith('# gigadoctor report'), `not a Markdown report; ${excerpt(run)}`);
  expect(/\| OS \|[^\n]*win32/.test(run.stdout), 'the OS row does not say win32');
  expect(run.stdout.includes('~\\Documents\\gigachat-app\\.env'), `the .env file is not shown as ~\\Documents\\gigachat-app\\.env; ${excerpt(run)}`);
  expect(!run.stdout.toLowerCase().includes(host.userProfile.toLowerCase()), `the profile folder ${host.userProfile} is in the report`);
  expect(run.stdout.includes('`CREDENTIALS_FOUND`'), 'the key in the .env file was not found');
  return '.env read from ~\\Documents, profile hidden';
}

/** A Python app's log as Windows tools write it: UTF-16 LE with a BOM, Russian text included. */
export async function explainFile(host) {
  // Short enough for explain's excerpt to keep the Russian words beside the match.
  const line = '2026-12-01 10:00:00 Ошибка соединения: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate';
  const dir = join(host.driveC, 'Logs', 'gigachat app');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`started\r\n${line}\r\n`, 'utf16le')]));
  const run = await gigadoctor(host, ['explain', '--file', 'C:\\Logs\\gigachat app\\app.log', '--json'], { env: shellEnv(host, 'powershell'), name: 'explain-file' });
  expectNoStackTrace(run);
  expectExit(run, 0);
  const result = JSON.parse(run.stdout);
  const found = result.findings ?? [];
  const match = found.find((m) => m.code === 'TLS_UNTRUSTED_ROOT');
  expect(match, `no TLS_UNTRUSTED_ROOT among ${found.map((m) => m.code).join(', ') || 'no matches'}`);
  expect(match.excerpt.includes('Ошибка соединения'), `the UTF-16 text was not decoded: ${match.excerpt}`);
  return 'UTF-16 LE log matched TLS_UNTRUSTED_ROOT';
}

const certificatesIn = (text) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];

/** `ca --out C:\…\russian-ca.pem` writes what this machine's `ca` writes. */
export async function caOut(host) {
  const run = await gigadoctor(host, ['ca', '--out', 'C:\\certs\\russian-ca.pem'], { env: shellEnv(host, 'cmd'), name: 'ca-out' });
  expectNoStackTrace(run);
  expectExit(run, 0);
  const written = join(host.driveC, 'certs', 'russian-ca.pem');
  expect(existsSync(written), `no file at ${written}; ${excerpt(run)}`);
  const text = readFileSync(written, 'utf8');
  expect(certificatesIn(text).length === 2, `${certificatesIn(text).length} certificates in the file, expected the root and the sub CA`);
  expect(text === (await runLinuxCli(host, ['ca'])).stdout, 'the file differs from what `ca` prints on Linux');
  return `2 certificates in C:\\certs\\russian-ca.pem`;
}

/**
 * `mock` started by the Windows Node (a long-running process, its CA in %TEMP%), a check on this
 * machine against it, then Ctrl-C (wine hands SIGINT to the Windows program as a console
 * Ctrl-C): the mock stops and removes what it wrote.
 */
export async function windowsMock(host) {
  const envOut = 'C:\\smoke\\windows-mock.env';
  const envOutLinux = linuxPath(host.prefix, envOut);
  const { child, done } = startWindowsNode(host, [host.cli, 'mock', '--env-out', envOut], { cwd: host.workDir, env: shellEnv(host, 'cmd'), timeoutMs: 120_000, name: 'windows-mock' });
  let exited = false;
  done.then(() => (exited = true));
  try {
    const vars = await waitForEnvFile(envOutLinux, { timeoutMs: 60_000, exited: () => exited }).catch(async (err) => {
      child.kill('SIGKILL');
      throw new Error(`${err.message}; ${excerpt(await done)}`);
    });
    const caWindows = vars.GIGACHAT_CA_BUNDLE_FILE;
    expect(/^[A-Za-z]:\\/.test(caWindows), `the mock's CA file is not a Windows path: ${caWindows}`);
    const ca = linuxPath(host.prefix, caWindows);
    expect(existsSync(ca), `the mock's CA file ${caWindows} is not at ${ca}`);
    const run = await runLinuxCli(host, ['check', '--json', '--no-dotenv'], { ...vars, GIGACHAT_CA_BUNDLE_FILE: ca, NODE_EXTRA_CA_CERTS: ca });
    expect(run.code === 0, `check on Linux against the Windows mock: exit ${run.code}; ${(run.stdout + run.stderr).slice(0, 400)}`);
    const report = JSON.parse(run.stdout);
    const failed = report.checks.filter((c) => c.status === 'fail').map((c) => `${c.id} ${c.code}`);
    expect(failed.length === 0, `failed against the Windows mock: ${failed.join(', ')}`);

    child.kill('SIGINT');
    const stopped = await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 15_000, null).unref())]);
    expect(stopped, 'the mock did not stop within 15 s of Ctrl-C');
    expect(stopped.code === 0 && stopped.stdout.includes('stopped (SIGINT)'), `Ctrl-C did not stop the mock cleanly; ${excerpt(stopped)}`);
    expect(stopped.stdout.includes('set "GIGACHAT_CREDENTIALS='), 'the banner has no cmd `set "NAME=value"` lines');
    expect(!/^export /m.test(stopped.stdout), 'the banner has POSIX export lines in cmd');
    expect(!existsSync(envOutLinux) && !existsSync(ca), 'the .env file or the CA file is left after Ctrl-C');
    return `a Linux check passed against it (${report.counts.pass} passed); Ctrl-C removed its files`;
  } finally {
    if (!exited) child.kill('SIGKILL');
    await done;
  }
}

/** The built CLI on this machine's Node, with only the given variables; killed after 60 s. */
function runLinuxCli(host, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [host.linuxBin, ...args], {
      cwd: host.workDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}
