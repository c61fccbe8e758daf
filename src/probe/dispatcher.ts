import type { SecureContext } from 'node:tls';
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import type { HttpProbeOptions } from './http.js';

export { request };

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
      proxyTls: { timeout: opts.connectTimeoutMs },
    } as ConstructorParameters<typeof EnvHttpProxyAgent>[0]);
  }
  return new Agent(common);
}

