import { statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { Secret, looksLikeCredential, type SecretKind } from '../secret/index.js';
import { echoValue } from '../util/sanitize.js';
import type { Lang } from '../catalog/types.js';
import { checkCaFile, readCaFile } from './ca-file.js';
import { readClientCert } from './client-cert.js';
import { colorWanted } from '../render/color.js';
import { readEnvFile, type EnvFileEntry } from './env-file.js';
import { UsageError, validateFlags, type Flags, type RawFlags } from './flags.js';
import type { ClientCertSettings, CredentialKind, CredentialSetting, EnvFileState, Settings, Source, Sourced } from './types.js';

import { AUTH_URL, BASE_URL, DEFAULT_MODEL, DEFAULT_SCOPE, UNOFFICIAL_CREDENTIALS, officialNameFor } from '../gigachat/index.js';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Names the official SDKs read for a credential, in the order they are tried here. */
const OFFICIAL_CREDENTIALS: Array<[string, CredentialKind]> = [
  ['GIGACHAT_CREDENTIALS', 'key'],
  ['GIGACHAT_ACCESS_TOKEN', 'accessToken'],
];

/** Every variable whose value must never be printed. */
export const SECRET_VARIABLES = [
  'GIGACHAT_CREDENTIALS', 'GIGACHAT_ACCESS_TOKEN', 'GIGACHAT_PASSWORD', 'GIGACHAT_KEY_FILE_PASSWORD',
  ...UNOFFICIAL_CREDENTIALS,
];

export interface SettingsInput {
  flags: RawFlags;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdoutIsTTY: boolean;
}

/** One place that answers "what value, from where": flags > process env > .env > default. */
export function resolveSettings(input: SettingsInput): Settings {
  const flags = validateFlags(input.flags);
  const { envFile, entries } = loadEnvFile(flags, input.cwd);
  const lookup = makeLookup(input.env, entries);

  const fromFlagOrEnv = (flag: string | undefined, flagName: string, variable: string, fallback: string): Sourced<string> =>
    flag !== undefined ? { value: flag, source: 'flag', name: flagName } : lookup(variable) ?? { value: fallback, source: 'default', name: variable };

  const credentials = findCredential(lookup);
  const timeoutMs = resolveTimeout(flags, lookup);
  const caFile = flags.caFile !== undefined
    ? { value: flags.caFile, source: 'flag' as const, name: '--ca-file' }
    : lookup('GIGACHAT_CA_BUNDLE_FILE');
  const verify = lookup('GIGACHAT_VERIFY_SSL_CERTS');
  const caPath = caFile ? resolvePath(input.cwd, caFile.value) : null;
  const proxy = {
    httpsProxy: envEitherCase(input.env, 'HTTPS_PROXY'),
    httpProxy: envEitherCase(input.env, 'HTTP_PROXY'),
    noProxy: envEitherCase(input.env, 'NO_PROXY'),
  };

  return {
    credential: credentials.used,
    alsoPresent: credentials.others,
    emptyVariables: credentials.empty,
    shadowed: findShadowed(input.env, entries),
    envFile,
    scope: fromFlagOrEnv(flags.scope, '--scope', 'GIGACHAT_SCOPE', DEFAULT_SCOPE),
    authUrl: fromFlagOrEnv(flags.authUrl, '--auth-url', 'GIGACHAT_AUTH_URL', AUTH_URL),
    baseUrl: fromFlagOrEnv(flags.baseUrl, '--base-url', 'GIGACHAT_BASE_URL', BASE_URL),
    model: fromFlagOrEnv(flags.model, '--model', 'GIGACHAT_MODEL', DEFAULT_MODEL),
    caFile: caFile && caPath ? { ...caFile, value: caPath } : null,
    caFileRead: caPath ? readCaFile(caPath) : null,
    secretValues: secretValues(lookup, proxy, { env: input.env, entries, urls: [flags.authUrl, flags.baseUrl] }),
    appVerifiesTls: verify
      ? { ...verify, value: !/^(false|0|no|off)$/i.test(verify.value.trim()) }
      : { value: true, source: 'default', name: 'GIGACHAT_VERIFY_SSL_CERTS' },
    insecure: flags.insecure ?? false,
    timeoutMs,
    // Long enough for every network step to use its own timeout once, short enough to never feel hung.
    deadlineMs: timeoutMs.value * 4 + 2_000,
    chat: flags.chat ?? true,
    only: flags.only ?? null,
    skip: flags.skip ?? [],
    lang: flags.lang ?? langFromLocale(input.env),
    format: flags.json ? 'json' : flags.format ?? 'human',
    strict: flags.strict ?? false,
    verbose: flags.verbose ?? false,
    color: colorWanted(flags.color, input.env, input.stdoutIsTTY),
    proxy,
    nodeExtraCaCerts: lookup('NODE_EXTRA_CA_CERTS'),
    // Node resolves a relative NODE_EXTRA_CA_CERTS from the directory it starts in.
    nodeExtraCaRead: input.env.NODE_EXTRA_CA_CERTS ? checkCaFile(resolvePath(input.cwd, input.env.NODE_EXTRA_CA_CERTS)) : null,
    clientCert: resolveClientCert(lookup, input.cwd),
    project: resolveProject(flags, input.cwd),
    appEnv: input.env,
  };
}

/** --project must name a folder: a typo there is a usage error, not a scan of nothing. */
function resolveProject(flags: Flags, cwd: string): Sourced<string> {
  if (flags.project === undefined) return { value: cwd, source: 'default', name: '--project' };
  const dir = resolvePath(cwd, flags.project);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`invalid value '${echoValue(flags.project, 60)}' for --project: not a folder`);
  return { value: dir, source: 'flag', name: '--project' };
}

/** GIGACHAT_CERT_FILE / GIGACHAT_KEY_FILE / GIGACHAT_KEY_FILE_PASSWORD, the Python SDK's mTLS settings. */
function resolveClientCert(lookup: Lookup, cwd: string): ClientCertSettings | null {
  const certFile = nonEmpty(lookup('GIGACHAT_CERT_FILE'));
  const keyFile = nonEmpty(lookup('GIGACHAT_KEY_FILE'));
  if (!certFile && !keyFile) return null;
  const password = nonEmpty(lookup('GIGACHAT_KEY_FILE_PASSWORD'));
  const abs = (s: Sourced<string> | null) => (s ? { ...s, value: resolvePath(cwd, s.value) } : null);
  const cert = abs(certFile);
  const key = abs(keyFile);
  return {
    certFile: cert,
    keyFile: key,
    passwordSource: password?.source ?? null,
    read: readClientCert(cert?.value ?? null, key?.value ?? null, password?.value ?? null),
  };
}

function nonEmpty(s: Sourced<string> | null): Sourced<string> | null {
  return s && s.value.trim() !== '' ? { ...s, value: s.value.trim() } : null;
}

type Lookup = (name: string) => Sourced<string> | null;

/** dotenv semantics: a name present in the process env wins over the file, even when empty. */
function makeLookup(env: SettingsInput['env'], entries: Map<string, EnvFileEntry>): Lookup {
  return (name) => {
    const fromEnv = env[name];
    if (fromEnv !== undefined) return { value: fromEnv, source: 'env', name };
    const fromFile = entries.get(name);
    if (fromFile) return { value: fromFile.value, source: `.env:${fromFile.line}` as Source, name };
    return null;
  };
}

function loadEnvFile(flags: Flags, cwd: string): { envFile: EnvFileState; entries: Map<string, EnvFileEntry> } {
  const none = new Map<string, EnvFileEntry>();
  if (flags.dotenv === false) return { envFile: { path: null, status: 'disabled', explicit: true }, entries: none };
  const explicit = typeof flags.dotenv === 'string';
  const path = resolvePath(cwd, explicit ? (flags.dotenv as string) : '.env');
  const read = readEnvFile(path);
  if (read.status === 'loaded') return { envFile: { path, status: 'loaded', explicit }, entries: read.entries };
  if (read.status === 'absent') {
    // A file the user named and we cannot find is a finding; a missing default ./.env is normal.
    return explicit
      ? { envFile: { path, status: 'unreadable', reason: 'not found', explicit }, entries: none }
      : { envFile: { path, status: 'absent', explicit }, entries: none };
  }
  return { envFile: { path, status: 'unreadable', reason: read.reason, explicit }, entries: none };
}

interface CredentialSearch {
  used: CredentialSetting | null;
  others: Array<{ name: string; source: Source }>;
  empty: Array<{ name: string; source: Source }>;
}

function findCredential(lookup: Lookup): CredentialSearch {
  const candidates: CredentialSetting[] = [];
  const empty: CredentialSearch['empty'] = [];
  const consider = (name: string, kind: CredentialKind, officialName?: string) => {
    const found = lookup(name);
    if (!found) return;
    if (found.value.length === 0) {
      empty.push({ name, source: found.source });
      return;
    }
    const looksLikeToken = found.value.trim().startsWith('eyJ');
    candidates.push({
      kind,
      variable: name,
      source: found.source,
      secret: new Secret(found.value, { kind: secretKindOf(kind), source: found.source }),
      officialName: officialName && (looksLikeToken ? 'GIGACHAT_ACCESS_TOKEN' : officialName),
    });
  };
  for (const [name, kind] of OFFICIAL_CREDENTIALS) consider(name, kind);
  const user = lookup('GIGACHAT_USER');
  const password = lookup('GIGACHAT_PASSWORD');
  if (user?.value && password?.value) {
    candidates.push({ kind: 'password', variable: 'GIGACHAT_PASSWORD', source: password.source, secret: new Secret(password.value, { kind: 'password', source: password.source }), user });
  }
  for (const name of UNOFFICIAL_CREDENTIALS) consider(name, 'key', officialNameFor(name));

  // An official name that is present but empty is what the SDK would use: report it as such.
  const officialEmpty = empty.find((e) => e.name === 'GIGACHAT_CREDENTIALS');
  if (officialEmpty && !candidates.some((c) => !c.officialName)) {
    return {
      used: { kind: 'key', variable: officialEmpty.name, source: officialEmpty.source, secret: new Secret('') },
      others: candidates.map((c) => ({ name: c.variable, source: c.source })),
      empty: empty.filter((e) => e !== officialEmpty),
    };
  }
  const [used = null, ...rest] = candidates;
  return { used, others: rest.map((c) => ({ name: c.variable, source: c.source })), empty };
}

function findShadowed(env: SettingsInput['env'], entries: Map<string, EnvFileEntry>) {
  const shadowed: Settings['shadowed'] = [];
  for (const [name, entry] of entries) {
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv !== entry.value && name.startsWith('GIGACHAT_')) {
      shadowed.push({ name, fileSource: `.env:${entry.line}` as Source });
    }
  }
  return shadowed;
}

function secretValues(
  lookup: Lookup,
  proxy: Settings['proxy'],
  seen: { env: SettingsInput['env']; entries: Map<string, EnvFileEntry>; urls: Array<string | undefined> },
): Secret[] {
  const values: Secret[] = [];
  for (const name of SECRET_VARIABLES) {
    const found = lookup(name);
    if (found?.value) values.push(new Secret(found.value, { kind: /PASSWORD/.test(name) ? 'password' : /TOKEN/.test(name) ? 'token' : 'key', source: found.source }));
  }
  // A password in a URL's user-info: the proxy's, and one pasted into the auth or API URL.
  const urls = [proxy.httpsProxy, proxy.httpProxy, lookup('GIGACHAT_AUTH_URL'), lookup('GIGACHAT_BASE_URL'), ...seen.urls.map((value) => (value ? { value, source: 'flag' as const } : null))];
  for (const url of urls) {
    if (url?.value) for (const password of userinfoPassword(url.value)) values.push(new Secret(password, { kind: 'password', source: url.source }));
  }
  // A key or a token under any other GIGACHAT_ name (pasted into GIGACHAT_SCOPE, say) is still a secret.
  const named = [...Object.entries(seen.env).map(([k, v]) => [k, v, 'env'] as const), ...[...seen.entries].map(([k, e]) => [k, e.value, `.env:${e.line}`] as const)];
  for (const [name, value, source] of named) {
    if (value && /^GIGA/i.test(name) && looksLikeCredential(value)) values.push(new Secret(value, { kind: 'key', source: source as Source }));
  }
  const byValue = new Map<string, Secret>();
  for (const secret of values) if (!byValue.has(secret.reveal())) byValue.set(secret.reveal(), secret);
  return [...byValue.values()];
}

/** What a credential of this kind is, as a secret: a password is never fingerprinted. */
function secretKindOf(kind: CredentialKind): SecretKind {
  return kind === 'password' ? 'password' : kind === 'accessToken' ? 'token' : 'key';
}

/** The password of `scheme://user:password@host`, as written and decoded; also from a URL too broken to parse. */
function userinfoPassword(value: string): string[] {
  let password = '';
  try {
    password = new URL(value.trim()).password;
  } catch {
    password = /^[a-z][a-z0-9+.-]*:\/\/[^/@]*?:([^/@]*)@/i.exec(value.trim())?.[1] ?? '';
  }
  // Without a scheme, `user:pass@host` parses as scheme `user:` and no password at all.
  if (!password && !value.includes('://')) password = /^[^/@:\s]+:([^@/\s]*)@/.exec(value.trim())?.[1] ?? '';
  if (!password) return [];
  try {
    return [password, decodeURIComponent(password)];
  } catch {
    return [password];
  }
}

function resolveTimeout(flags: Flags, lookup: Lookup): Sourced<number> {
  if (flags.timeout !== undefined) return { value: flags.timeout, source: 'flag', name: '--timeout' };
  const env = lookup('GIGACHAT_TIMEOUT');
  if (env) {
    const seconds = Number(env.value.trim());
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
      throw new UsageError(`GIGACHAT_TIMEOUT (${env.source}) must be a number of seconds between 0 and 600, got '${echoValue(env.value, 20)}'`);
    }
    return { value: Math.max(100, Math.round(seconds * 1000)), source: env.source, name: 'GIGACHAT_TIMEOUT' };
  }
  return { value: DEFAULT_TIMEOUT_MS, source: 'default', name: '--timeout' };
}

/**
 * The language to speak: GIGADOCTOR_LANG when it names one (a way to force it anywhere); else the
 * POSIX locale variables, the first one set deciding (LC_ALL, LC_MESSAGES, LANG: `ru_RU.UTF-8` →
 * ru, `C` or `en_US` → en); else, where none is set (Windows), the OS's own locale through Intl.
 */
export function langFromLocale(env: SettingsInput['env'], osLocale: () => string = systemLocale): Lang {
  const forced = env.GIGADOCTOR_LANG?.trim().toLowerCase();
  if (forced === 'ru' || forced === 'en') return forced;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || osLocale();
  return /^ru([_.@-]|$)/i.test(locale) ? 'ru' : 'en';
}

/**
 * ICU's default locale. Every Intl service resolves it; plural rules do with the least data
 * (~0.3 ms where a DateTimeFormat takes ~15 ms before the first connection could start).
 */
function systemLocale(): string {
  try {
    return new Intl.PluralRules().resolvedOptions().locale;
  } catch {
    return '';
  }
}


/**
 * A proxy variable read as Node's fetch (undici's EnvHttpProxyAgent) reads it: the lowercase name
 * first, and a lowercase one that is set, even empty, hides the uppercase one (`??`, not `||`).
 */
function envEitherCase(env: SettingsInput['env'], upper: string): Sourced<string> | null {
  const lower = upper.toLowerCase();
  const name = env[lower] !== undefined ? lower : upper;
  const value = env[name];
  return value ? { value, source: 'env', name } : null;
}
