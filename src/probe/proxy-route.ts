/**
 * Which proxy, if any, a URL goes through, and why. The rules are undici's EnvHttpProxyAgent's
 * (undici 7, lib/dispatcher/env-http-proxy-agent.js), the ones Node's own fetch applies; every
 * step uses this one function (the requests too, in probe.ts), so all take the same road.
 */

/** A setting as resolve.ts hands it over: the value and the variable it came from. */
export interface NamedValue {
  value: string;
  name: string;
}

export interface ProxyConfig {
  httpsProxy: NamedValue | null;
  httpProxy: NamedValue | null;
  noProxy: NamedValue | null;
}

export interface ProxyEndpoint {
  /** The proxy URL without user:password: the only form that may be shown. */
  display: string;
  /** HTTPS_PROXY, https_proxy, HTTP_PROXY … */
  variable: string;
  protocol: 'http:' | 'https:';
  host: string;
  port: number;
  /** `Basic …` built from the URL's user:password, as undici's ProxyAgent builds it; never shown. */
  authorization: string | null;
}

export type RouteReason =
  | 'no-proxy-set'
  | 'proxy'
  | 'no-proxy-match'
  | 'no-proxy-wildcard'
  | 'invalid-proxy';

export interface Route {
  proxy: ProxyEndpoint | null;
  reason: RouteReason;
  /** The variable that decided: the proxy's, or NO_PROXY's when it excluded the host. */
  variable: string | null;
  /** The NO_PROXY entry that matched, as written. */
  noProxyEntry?: string;
  /** For 'invalid-proxy': why the value cannot be used (shown without password). */
  invalid?: { value: string; reason: 'no-scheme' | 'unparsable' | 'unsupported-scheme' };
}

interface NoProxyEntry {
  raw: string;
  hostname: string;
  port: number;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** NO_PROXY split as undici splits it: commas or whitespace, `host:port`, a leading `.` or `*.` dropped. */
export function parseNoProxy(value: string): NoProxyEntry[] {
  const entries: NoProxyEntry[] = [];
  for (const raw of value.split(/[,\s]/)) {
    if (!raw) continue;
    const parsed = /^(.+):(\d+)$/.exec(raw);
    entries.push({
      raw,
      hostname: (parsed ? parsed[1] : raw).replace(/^\*?\./, '').toLowerCase(),
      port: parsed ? Number.parseInt(parsed[2], 10) : 0,
    });
  }
  return entries;
}

/**
 * The NO_PROXY entry that exempts hostname:port, or null. As in undici: only the whole value
 * `*` is a wildcard; an entry matches the host itself and its subdomains; an entry with a port
 * matches only that port; IPv6 hosts keep their brackets; there is no CIDR matching.
 */
export function noProxyMatch(hostname: string, port: number, noProxy: string): { entry: string; wildcard: boolean } | null {
  const entries = parseNoProxy(noProxy);
  if (entries.length === 0) return null;
  if (noProxy === '*') return { entry: '*', wildcard: true };
  const host = hostname.toLowerCase();
  for (const e of entries) {
    if (e.port && e.port !== port) continue;
    if (host === e.hostname || host.endsWith(`.${e.hostname}`)) return { entry: e.raw, wildcard: false };
  }
  return null;
}

/** The route of one URL. */
export function routeFor(rawUrl: string, config: ProxyConfig): Route {
  const url = new URL(rawUrl);
  const chosen = url.protocol === 'https:' ? config.httpsProxy ?? config.httpProxy : config.httpProxy;
  if (!chosen || !chosen.value) return { proxy: null, reason: 'no-proxy-set', variable: null };
  // undici keeps the brackets of an IPv6 host and lower-cases it.
  const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0;
  const match = config.noProxy ? noProxyMatch(hostname, port, config.noProxy.value) : null;
  if (match) {
    return { proxy: null, reason: match.wildcard ? 'no-proxy-wildcard' : 'no-proxy-match', variable: config.noProxy!.name, noProxyEntry: match.entry };
  }
  const parsed = parseProxyUrl(chosen);
  if ('invalid' in parsed) return { proxy: null, reason: 'invalid-proxy', variable: chosen.name, invalid: parsed.invalid };
  return { proxy: parsed, reason: 'proxy', variable: chosen.name };
}

/** A proxy URL as undici's ProxyAgent reads it; what it would choke on is said here instead. */
export function parseProxyUrl(setting: NamedValue): ProxyEndpoint | { invalid: NonNullable<Route['invalid']> } {
  const value = setting.value.trim();
  // `proxy.corp:3128` parses as a URL with the scheme "proxy.corp:"; curl accepts it, undici does not.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return { invalid: { value: withoutPassword(value), reason: 'no-scheme' } };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { invalid: { value: withoutPassword(value), reason: 'unparsable' } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { invalid: { value: withoutPassword(value), reason: 'unsupported-scheme' } };
  }
  const authorization = url.username && url.password
    ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
    : null;
  return {
    display: withoutPassword(value),
    variable: setting.name,
    protocol: url.protocol,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port) || DEFAULT_PORTS[url.protocol],
    authorization,
  };
}

/** A proxy URL with its userinfo removed (user names identify people too). */
export function withoutPassword(value: string): string {
  try {
    const u = new URL(value.trim());
    if (!u.host) throw new Error('no host');
    u.username = '';
    u.password = '';
    return `${u.protocol}//${u.host}`;
  } catch {
    // Not a URL: drop anything up to an @, which is where a password would be.
    return value.trim().replace(/^.*@/, '').slice(0, 200);
  }
}
