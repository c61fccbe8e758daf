import { routeFor, type Route } from '../probe/proxy-route.js';
import type { Settings } from '../settings/types.js';
import type { Details } from '../types.js';

export interface Target {
  which: 'auth' | 'api';
  host: string;
  port: number;
  /** Which proxy the requests to this host:port take, and why: the same rules as the http probe. */
  route: Route;
}

/** The host:port pairs this run will talk to, each once: the auth host only when a key is exchanged. */
export function networkTargets(settings: Settings): Target[] {
  const urls: Array<[Target['which'], string]> = [];
  if (settings.credential?.kind !== 'accessToken' && settings.credential?.kind !== 'password') urls.push(['auth', settings.authUrl.value]);
  urls.push(['api', settings.baseUrl.value]);
  const targets: Target[] = [];
  for (const [which, raw] of urls) {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      continue;
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    if (!targets.some((t) => t.host === host && t.port === port)) {
      targets.push({ which, host, port, route: routeFor(`${url.protocol}//${url.host}`, settings.proxy) });
    }
  }
  return targets;
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
