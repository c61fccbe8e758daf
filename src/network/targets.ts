import { routeFor, type Route } from '../probe/proxy-route.js';
import type { Settings, Sourced } from '../settings/types.js';
import type { Details, Verdict } from '../types.js';
import { credentialUrlRefusal } from '../checks/endpoints-check.js';

export interface Target {
  which: 'auth' | 'api';
  host: string;
  port: number;
  /** Which proxy the requests to this host:port take, and why: the same rules as the http probe. */
  route: Route;
}

/** The host:port pairs this run will talk to, each once: the auth host only when a key is exchanged. */
export function networkTargets(settings: Settings): Target[] {
  const targets: Target[] = [];
  for (const [which, setting] of targetSettings(settings)) {
    const url = reachableUrl(setting.value);
    if (!url) continue;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    if (!targets.some((t) => t.host === host && t.port === port)) {
      targets.push({ which, host, port, route: routeFor(`${url.protocol}//${url.host}`, settings.proxy) });
    }
  }
  return targets;
}

/** The URLs this run connects to: the auth URL only when a key is exchanged. */
function targetSettings(settings: Settings): Array<[Target['which'], Sourced<string>]> {
  const urls: Array<[Target['which'], Sourced<string>]> = [];
  if (settings.credential?.kind !== 'accessToken' && settings.credential?.kind !== 'password') urls.push(['auth', settings.authUrl]);
  urls.push(['api', settings.baseUrl]);
  return urls;
}

/**
 * The endpoints verdict for a URL that names no host to connect to, so that dns, tcp and tls
 * say why rather than pass over nothing when `--skip endpoints` let such a URL through.
 */
export function unreachableEndpoint(settings: Settings): Verdict | null {
  for (const [which, setting] of targetSettings(settings)) {
    // Every URL without an http(s) host is refused there: no URL, or a scheme that is not https.
    const refusal = reachableUrl(setting.value) ? null : credentialUrlRefusal(which, setting);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * The URL when it names a host to connect to over HTTP(S), else null. Anything else (no URL,
 * file:, mailto:, data:, javascript:, ftp:) is the endpoints check's verdict, never a target:
 * with `--skip endpoints` it would otherwise reach the resolver and the socket as a host ''.
 */
export function reachableUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.hostname === '' ? null : url;
}

/** A route as the report shows it: which proxy (never its password) and the rule that chose it. */
export function routeDetails(t: Target): Details {
  return {
    which: t.which,
    host: t.host,
    port: t.port,
    proxy: t.route.proxy?.display ?? null,
    reason: t.route.reason,
    variable: t.route.variable,
    ...(t.route.noProxyEntry ? { noProxyEntry: t.route.noProxyEntry } : {}),
  };
}

/** The first target whose proxy setting cannot be used, as a verdict's details. */
export function invalidProxy(targets: Target[]): Details | null {
  const bad = targets.find((t) => t.route.reason === 'invalid-proxy');
  return bad ? { variable: bad.route.variable, ...bad.route.invalid } : null;
}
