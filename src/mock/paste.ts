/**
 * What `gigadoctor mock` prints and writes: the variables to paste (as lines for the user's
 * shell and as a .env file), how to switch a fault with curl, and the scenario list. Pure
 * functions of their input, so they are tested without starting anything.
 */
import type { Shell } from '../catalog/types.js';
import { commentLine, quoteArg, setEnvCommand } from '../render/shell.js';
import { ADMIN_PREFIX, ADMIN_TOKEN_HEADER } from './admin.js';

export interface PasteInput {
  authUrl: string;
  baseUrl: string;
  /** The generated authorization key of this mock run (a throwaway, not a real GigaChat key). */
  credentials: string;
  scope: string;
  /** The written root CA (PEM). */
  caFile: string;
  /** When the user's environment has a proxy: the NO_PROXY value that keeps loopback direct. */
  noProxy?: string;
}

export type EnvVar = readonly [name: string, value: string];

/** The variables an app (JS SDK, Python SDK) or gigadoctor needs to talk to the mock, in paste order. */
export function pasteVariables(input: PasteInput): EnvVar[] {
  const vars: EnvVar[] = [
    ['GIGACHAT_AUTH_URL', input.authUrl],
    ['GIGACHAT_BASE_URL', input.baseUrl],
    ['GIGACHAT_CREDENTIALS', input.credentials],
    ['GIGACHAT_SCOPE', input.scope],
    // Node (and so the JS SDK and gigadoctor) reads this at start-up only.
    ['NODE_EXTRA_CA_CERTS', input.caFile],
    // The Python SDK's CA setting; gigadoctor reads it too (also from .env).
    ['GIGACHAT_CA_BUNDLE_FILE', input.caFile],
  ];
  if (input.noProxy !== undefined) vars.push(['NO_PROXY', input.noProxy]);
  return vars;
}

/**
 * NO_PROXY that sends loopback past the user's proxy, or undefined when no proxy is set
 * (then nothing needs changing). Keeps what the user already had.
 */
export function noProxyFor(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  if (!proxy) return undefined;
  const existing = (env.NO_PROXY || env.no_proxy || '').split(',').map((s) => s.trim()).filter(Boolean);
  const needed = ['127.0.0.1', 'localhost'].filter((h) => !existing.includes(h));
  if (needed.length === 0) return undefined;
  return [...needed, ...existing].join(',');
}

export function shellLines(vars: readonly EnvVar[], shell: Shell): string[] {
  return vars.map(([name, value]) => setEnvCommand(shell, name, value));
}

/** A line the shell ignores when the whole block is pasted, and one argument quoted for the shell. */
export { commentLine, quoteArg as shellArg };

/** A .env value: bare when safe, else single-quoted (dotenv takes those literally). */
function envFileValue(value: string): string {
  if (/^[\w@%+=:,./\\-]*$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/"/g, '\\"')}"`;
}

/**
 * The first line of the .env file. The pid tells the next mock whether the file is a leftover of
 * one that could not clean up (that process is gone) or in use (commands/mock-leftovers.ts).
 */
export function envFileHeader(pid: number): string {
  return `# Written by \`gigadoctor mock\` (pid ${pid}); removed when the mock stops. Keep it out of git.`;
}

/** The pid in a .env file's first line when a mock wrote it, else null. */
export function envFileOwner(text: string): number | null {
  const pid = /^# Written by `gigadoctor mock` \(pid (\d+)\)/.exec(text)?.[1];
  return pid === undefined ? null : Number(pid);
}

/**
 * The .env file. NODE_EXTRA_CA_CERTS is left out on purpose: Node reads it once, at start-up,
 * before any dotenv code runs, so in a .env it would only look like a fix (gigadoctor's tls
 * check warns about exactly that: NODE_EXTRA_CA_CERTS_IN_ENV_FILE). It is given as a comment.
 */
export function envFileText(vars: readonly EnvVar[], pid: number): string {
  const nodeCa = vars.find(([name]) => name === 'NODE_EXTRA_CA_CERTS')?.[1];
  const lines = [
    envFileHeader(pid),
    '# A local GigaChat stand-in: the key below is a throwaway made for it, not a real key.',
    ...vars.filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS').map(([name, value]) => `${name}=${envFileValue(value)}`),
  ];
  if (nodeCa !== undefined) {
    lines.push(
      '# Node reads NODE_EXTRA_CA_CERTS only when it starts, so it is not set in this file: set it',
      '# where node starts (shell, service, Dockerfile), or pass the CA to the client',
      '# (JS SDK: httpsAgent: new https.Agent({ ca })). The value for this mock:',
      `# NODE_EXTRA_CA_CERTS=${nodeCa}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface AdminCommands {
  /** Switches the running mock to a scenario. */
  scenario(name: string): string;
  /** Expires every issued token. */
  expireTokens: string;
}

/**
 * curl commands for the admin endpoint. The scenario goes as a form body (`-d scenario=NAME`),
 * which needs no quoting in sh, PowerShell or cmd; the CA is trusted with --cacert, never -k;
 * the run's admin token goes as `-H X-Admin-Token:TOKEN` (base64url: nothing to quote either).
 * PowerShell 5 aliases `curl` to Invoke-WebRequest, hence curl.exe there.
 */
export function adminCommands(apiOrigin: string, caFile: string, shell: Shell, adminToken: string): AdminCommands {
  const curl = `${shell === 'powershell' ? 'curl.exe' : 'curl'} --cacert ${quoteArg(shell, caFile)} -H ${quoteArg(shell, `${ADMIN_TOKEN_HEADER}:${adminToken}`)}`;
  return {
    scenario: (name) => `${curl} -d scenario=${name} ${apiOrigin}${ADMIN_PREFIX}scenario`,
    expireTokens: `${curl} -X POST ${apiOrigin}${ADMIN_PREFIX}expire-tokens`,
  };
}

export interface BannerInput extends PasteInput {
  version: string;
  apiOrigin: string;
  scenario: string;
  latencyMs: number;
  tokenTtlMs: number;
  /** The .env file written with --env-out, if any. */
  envOut?: string;
  /** The admin endpoint's token of this run, for the curl lines. */
  adminToken: string;
}

export function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

/**
 * Everything printed once the mock listens. Only the variable lines are commands; every other
 * line is a comment of the user's shell, so pasting the whole block does no harm.
 */
export function renderBanner(input: BannerInput, shell: Shell): string {
  const c = (text = '') => commentLine(shell, text);
  const admin = adminCommands(input.apiOrigin, input.caFile, shell, input.adminToken);
  const extras = [
    input.latencyMs > 0 ? `latency ${input.latencyMs} ms` : '',
    `tokens live ${formatDuration(input.tokenTtlMs)}`,
  ].filter(Boolean);
  const lines = [
    c(`gigadoctor mock ${input.version}: a local GigaChat stand-in over HTTPS (not the real service)`),
    c(`  OAuth  ${input.authUrl}`),
    c(`  API    ${input.baseUrl}`),
    c(`  scenario ${input.scenario}; key scope ${input.scope}; ${extras.join('; ')}`),
    c(),
    c('Paste into the terminal where your app or gigadoctor runs (the key is a throwaway made for this mock):'),
    ...shellLines(pasteVariables(input), shell),
    ...(input.envOut
      ? [
          c(`The same variables, NODE_EXTRA_CA_CERTS aside, are in ${input.envOut} (removed when the mock stops).`),
          c('Keep that file out of git (add it to .gitignore): a key scanner cannot tell a throwaway key from a real one.'),
        ]
      : []),
    c(),
    c('Then check it: gigadoctor check'),
    c(),
    c('Switch a fault while it runs (every scenario: gigadoctor mock --list):'),
    c(`  ${admin.scenario('chat-payment-required')}`),
    c(`  ${admin.scenario('ok')}`),
    c("Expire every issued token now (your app's refresh path):"),
    c(`  ${admin.expireTokens}`),
    c(),
    c('Ctrl-C to stop.'),
  ];
  return `${lines.join('\n')}\n`;
}

export function renderScenarioList(scenarios: ReadonlyArray<{ name: string; description: string }>): string {
  const width = Math.max(...scenarios.map((s) => s.name.length));
  const lines = scenarios.map((s) => `  ${s.name.padEnd(width)}  ${s.description}`);
  return [
    'Scenarios of gigadoctor mock (--scenario NAME at start, or switch while it runs):',
    ...lines,
    '',
    `Switch while it runs: curl --cacert CA_FILE -H ${ADMIN_TOKEN_HEADER}:ADMIN_TOKEN -d scenario=NAME https://127.0.0.1:PORT${ADMIN_PREFIX}scenario`,
    '(the mock prints its CA file, port and admin token when it starts)',
    '',
  ].join('\n');
}
