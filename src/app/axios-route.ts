import { withoutPassword } from '../probe/proxy-route.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The proxy a request takes, as the report may show it: never with its password. */
export interface SdkRoute {
  proxy: string | null;
  /** The variable that chose the proxy, or NO_PROXY's when it sent the request direct. */
  variable: string | null;
  noProxyEntry: string | null;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

/**
 * The route of the npm `gigachat` SDK: axios in Node picks its proxy by proxy-from-env 2.x
 * (getProxyForUrl), whose rules differ from undici's, which gigadoctor's own requests follow: a
 * NO_PROXY `example.com` exempts that host only (a leading `.` or `*` is needed for its
 * subdomains), ALL_PROXY is read, and an https URL never takes HTTP_PROXY. A test holds this
 * function to the package itself.
 */
export function axiosRoute(rawUrl: string, env: Env): SdkRoute {
  let url: URL;
  try {
    url = new URL(rawUrl.trim());
  } catch {
    return { proxy: null, variable: null, noProxyEntry: null };
  }
  const proto = url.protocol.replace(/:$/, '');
  // url.host keeps an IPv6 address's brackets, as proxy-from-env does.
  const hostname = url.host.replace(/:\d*$/, '');
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[proto] || 0;
  const noProxy = read(env, 'no_proxy');
  if (noProxy) {
    const list = noProxy.value.toLowerCase();
    if (list === '*') return { proxy: null, variable: noProxy.name, noProxyEntry: '*' };
    const entry = list.split(/[,\s]/).find((e) => e && exempts(e, hostname, port));
    if (entry) return { proxy: null, variable: noProxy.name, noProxyEntry: entry };
  }
  const chosen = read(env, `${proto}_proxy`) ?? read(env, 'all_proxy');
  if (!chosen) return { proxy: null, variable: null, noProxyEntry: null };
  const value = chosen.value.includes('://') ? chosen.value : `${proto}://${chosen.value}`;
  return { proxy: withoutPassword(value), variable: chosen.name, noProxyEntry: null };
}

function exempts(entry: string, hostname: string, port: number): boolean {
  const m = /^(.+):(\d+)$/.exec(entry);
  const host = m ? m[1] : entry;
  const entryPort = m ? Number.parseInt(m[2], 10) : 0;
  if (entryPort && entryPort !== port) return false;
  if (!/^[.*]/.test(host)) return hostname === host;
  return hostname.endsWith(host.startsWith('*') ? host.slice(1) : host);
}

/** proxy-from-env's getEnv: the lower-case name first, then the upper-case one; empty counts as unset. */
function read(env: Env, key: string): { name: string; value: string } | null {
  for (const name of [key.toLowerCase(), key.toUpperCase()]) if (env[name]) return { name, value: env[name] as string };
  return null;
}
