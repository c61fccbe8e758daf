// Small helpers the remedies use to read a finding's details.
// Details values are `unknown`: everything here renders them defensively.

import * as gigachat from '../gigachat/index.js';
import type { Details } from './types.js';

const { SCOPES } = gigachat;

/** The facts the remedies quote, by the names they use (src/explain reads it too). */
export const OFFICIAL = {
  authUrl: gigachat.AUTH_URL,
  baseUrl: gigachat.BASE_URL,
  newBaseUrl: gigachat.NEW_BASE_URL,
  authHost: gigachat.AUTH_HOST,
  authPort: gigachat.AUTH_PORT,
  apiHosts: gigachat.OFFICIAL_API_HOSTS,
  studio: gigachat.STUDIO_URL,
  caPage: gigachat.RUSSIAN_CA_PAGE,
  caFile: gigachat.RUSSIAN_ROOT_CA.file,
  caSha256: gigachat.RUSSIAN_ROOT_CA.sha256,
} as const;

/** Hosts a request may legitimately bypass a proxy for, as one NO_PROXY value. */
export const GIGACHAT_NO_PROXY = gigachat.OFFICIAL_HOSTS.join(',');

/** Render any details value as text; `fallback` for null/undefined/empty. */
export function str(v: unknown, fallback = ''): string {
  if (v === null || v === undefined) return fallback;
  if (typeof v === 'string') return v.trim() === '' ? fallback : v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : fallback;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map((x) => str(x)).filter((x) => x !== '');
    return parts.length ? parts.join(', ') : fallback;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? fallback : v.toISOString();
  try {
    const json = JSON.stringify(v);
    return json && json !== '{}' ? json : fallback;
  } catch {
    return fallback;
  }
}

/** True when the value would render as something. */
export function has(v: unknown): boolean {
  return str(v) !== '';
}

/** A finite number from a number or numeric string. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** A list of non-empty strings from an array (or a single value). */
export function list(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  const arr = Array.isArray(v) ? v : [v];
  return arr.map((x) => str(x)).filter((x) => x !== '');
}

/** Array of plain objects (e.g. DNS_OK hosts, TCP_OK targets). */
export function records(v: unknown): Record<string, unknown>[] {
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x));
}

/** `prefix + value + suffix` when the value is present, else ''. */
export function opt(v: unknown, prefix = '', suffix = ''): string {
  const s = str(v);
  return s === '' ? '' : `${prefix}${s}${suffix}`;
}

/** Host of a URL-ish value, or undefined. */
export function hostOf(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  try {
    return new URL(s).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** Port of a URL-ish value (the scheme's default when none is written), else the fallback. */
export function portOf(v: unknown, fallback = '3128'): string {
  const s = str(v);
  try {
    const u = new URL(s);
    return u.port || (u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : fallback);
  } catch {
    return fallback;
  }
}

/** The port to name for a host: the given one, else the official host's own (9443 for OAuth), else 443. */
export function portFor(host: unknown, port: unknown): string {
  return str(port, String(gigachat.officialPort(str(host)) ?? 443));
}

/** The host and port a network finding is about; the OAuth host when the finding names none. */
export function targetOf(d: Details): { host: string; port: string } {
  const host = str(d.host, OFFICIAL.authHost);
  return { host, port: portFor(host, d.port) };
}

/** `origin + path` of a URL, or the fallback when the URL does not parse. */
export function withPath(url: unknown, path: unknown, fallback: string): string {
  const p = str(path);
  try {
    const u = new URL(str(url));
    if (!p) return fallback;
    return `${u.origin}${p.startsWith('/') ? p : `/${p}`}`;
  } catch {
    return fallback;
  }
}

/** Does the URL's path end with the expected path? */
export function pathEndsWith(url: unknown, path: unknown): boolean {
  const p = str(path);
  if (!p) return false;
  try {
    return new URL(str(url)).pathname.replace(/\/+$/, '').endsWith(p.replace(/\/+$/, ''));
  } catch {
    return false;
  }
}

export function isOfficialAuthHost(url: unknown): boolean {
  return hostOf(url) === OFFICIAL.authHost;
}

export function isOfficialApiHost(url: unknown): boolean {
  const h = hostOf(url);
  return h !== undefined && (OFFICIAL.apiHosts as readonly string[]).includes(h);
}

/** The `https://` form of an `http://` URL, else the fallback. */
export function httpsOf(url: unknown, fallback: string): string {
  const s = str(url);
  return /^http:\/\//i.test(s) ? s.replace(/^http:\/\//i, 'https://') : fallback;
}

/** API base URL from an expected endpoint URL such as `…/api/v1/models`. */
export function baseFromExpected(v: unknown, fallback: string): string {
  const s = str(v);
  if (!s) return fallback;
  return s.replace(/\/(models|chat\/completions)\/?$/, '');
}

/** The environment variable behind a setting name: a gigadoctor flag maps to the variable apps read. */
const FLAG_ENV: Record<string, string> = {
  '--auth-url': gigachat.AUTH_URL_VAR,
  '--base-url': gigachat.BASE_URL_VAR,
  '--scope': gigachat.SCOPE_VAR,
  '--model': gigachat.MODEL_VAR,
  '--ca-file': 'NODE_EXTRA_CA_CERTS',
  '--timeout': gigachat.TIMEOUT_VAR,
};

export function envNameOf(name: string): string {
  return FLAG_ENV[name] ?? (name.startsWith('-') ? 'GIGACHAT_' + name.replace(/^-+/, '').replace(/-/g, '_').toUpperCase() : name);
}

/** A source such as ".env:3" or "/app/.env:12" (a file line), as opposed to the process env or a flag. */
export function isFileSource(v: unknown): boolean {
  const s = str(v);
  if (!s || s === 'env' || s.startsWith('-')) return false;
  return /:\d+$/.test(s) || /\.env\b/.test(s) || s.includes('/') || s.includes('\\');
}

/** The proxy URL with placeholders for a login (the real password is never known here). */
export function proxyWithAuth(proxy: unknown): string {
  const s = str(proxy);
  try {
    const u = new URL(s);
    return `${u.protocol}//<user>:<password>@${u.host}`;
  } catch {
    return 'http://<user>:<password>@<proxy-host>:<port>';
  }
}

/** Retry-After as a number of seconds, when present. */
export function retryAfter(d: Details): number | undefined {
  const n = num(d.retryAfter);
  return n !== undefined && n >= 0 ? Math.ceil(n) : undefined;
}

/** The scopes to try after a scope mismatch: details.otherScopes, else the two other valid scopes. */
export function otherScopes(d: Details): string[] {
  const given = list(d.otherScopes).filter((s) => (SCOPES as readonly string[]).includes(s));
  if (given.length) return given;
  const current = str(d.scope);
  return SCOPES.filter((s) => s !== current);
}

/** First `max` items joined, with a "+N" tail. */
export function truncate(items: string[], max: number, more: (n: number) => string): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} ${more(items.length - max)}`;
}

/** The model and the one base URL that serves it, when the model (in any case, any variant) is served by one host only. */
export function servedOnlyBy(model: unknown): { model: string; baseUrl: string; host: string } | undefined {
  const name = str(model).toLowerCase();
  const only = Object.entries(gigachat.MODELS_ONLY_ON).find(([m]) => name.includes(m.toLowerCase()));
  return only && { model: only[0], baseUrl: only[1], host: new URL(only[1]).host };
}

