import type { SecureContext } from 'node:tls';
import type { Agent as AgentType, Dispatcher, EnvHttpProxyAgent as EnvHttpProxyAgentType } from 'undici';
// Only the parts of undici this probe uses. Its index also loads fetch, cookies, WebSocket and
// caches, ~25 ms of start-up a diagnosis never needs. undici has no exports map, so these paths
// resolve; the version is pinned by the lockfile and bundled at build time.
// @ts-expect-error -- undici ships no typings for its internal modules; typed below from its public ones
import AgentImpl from 'undici/lib/dispatcher/agent.js';
// @ts-expect-error -- see above
import EnvHttpProxyAgentImpl from 'undici/lib/dispatcher/env-http-proxy-agent.js';
// @ts-expect-error -- see above
import api from 'undici/lib/api/index.js';
// @ts-expect-error -- see above
import DispatcherImpl from 'undici/lib/dispatcher/dispatcher.js';
import type { HttpProbeOptions } from './http.js';

// As undici's index does: the proxy agent opens its tunnel with the `connect` these install.
Object.assign((DispatcherImpl as { prototype: object }).prototype, api);
const requestImpl = (api as { request: (this: Dispatcher, o: object) => Promise<Dispatcher.ResponseData> }).request;

const Agent = AgentImpl as typeof AgentType;
const EnvHttpProxyAgent = EnvHttpProxyAgentImpl as typeof EnvHttpProxyAgentType;

export interface ProbeRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  dispatcher: Dispatcher;
  signal: AbortSignal;
}

/** undici's `request(url, opts)`, as its index builds it: origin and path from the URL. */
export function request(url: string, opts: ProbeRequest): Promise<Dispatcher.ResponseData> {
  const u = new URL(url);
  const { dispatcher, ...rest } = opts;
  return requestImpl.call(dispatcher, {
    ...rest,
    origin: u.origin,
    path: `${u.pathname}${u.search}`,
  });
}

/** One keep-alive dispatcher for the run, through the proxy when one is configured. */
export function createDispatcher(opts: HttpProbeOptions, secureContext: SecureContext | undefined): Dispatcher {
  const connect = {
    secureContext,
    rejectUnauthorized: !opts.trust.insecure,
    timeout: opts.connectTimeoutMs,
  };
  const common = { connect, keepAliveTimeout: 10_000, headersTimeout: 0, bodyTimeout: 0 };
  const { httpsProxy, httpProxy, noProxy } = opts.proxy;
  if (httpsProxy?.value || httpProxy?.value) {
    return new EnvHttpProxyAgent({
      ...common,
      httpsProxy: httpsProxy?.value || httpProxy?.value,
      httpProxy: httpProxy?.value || undefined,
      // Given explicitly, so undici never falls back to this process's own NO_PROXY.
      noProxy: noProxy?.value ?? '',
      requestTls: connect,
      proxyTls: { timeout: opts.connectTimeoutMs, secureContext },
    } as ConstructorParameters<typeof EnvHttpProxyAgent>[0]);
  }
  return new Agent(common);
}

