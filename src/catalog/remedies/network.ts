// The endpoints, dns and tcp checks' findings, and the proxy's: where requests go and whether they get there.

import {
  AUTH_HOST, AUTH_PATH, AUTH_PORT, AUTH_URL, AUTH_URL_VAR, BASE_URL, BASE_URL_VAR, MODEL_VAR, NEW_BASE_URL, OFFICIAL_API_HOSTS,
  SECOND_GENERATION,
} from '../../gigachat/index.js';
import {
  GIGACHAT_NO_PROXY, envNameOf, has, hostOf, httpsOf, isFileSource, list, num, portOf, proxyWithAuth, records, str, targetOf,
} from '../text-helpers.js';
import { none, run, say, setEnv, unsetEnv, type Details, type Remedy } from '../steps.js';
import { PROXY, RETRY, duration, hostPortOf, timeoutStep, withNodeFetchProxy } from './common.js';

const isAuth = (d: Details): boolean => str(d.which) === 'auth';
/** The setting that names the endpoint (a flag or a variable). */
const endpointSetting = (d: Details): string => str(d.variable, isAuth(d) ? AUTH_URL_VAR : BASE_URL_VAR);
/** The variable to set for it: apps read variables, not gigadoctor's flags. */
const endpointVariable = (d: Details): string => envNameOf(endpointSetting(d));
const officialFor = (d: Details): string => (isAuth(d) ? AUTH_URL : BASE_URL);
const newHost = new URL(NEW_BASE_URL).host;

const proxyHost = (d: Details) => hostOf(d.proxy) ?? say('placeholder.proxyHost');
const noProxyStep = say('proxy.noProxy', { set: setEnv('NO_PROXY', GIGACHAT_NO_PROXY) });

export const networkRemedies = {
  // --- endpoints ---
  ENDPOINTS_OFFICIAL: {
    summary: (d) => say('ENDPOINTS_OFFICIAL', { auth: str(d.authUrl, AUTH_URL), api: str(d.baseUrl, BASE_URL) }),
    steps: none,
  },
  ENDPOINT_CUSTOM_HOST: {
    summary: (d) => say('ENDPOINT_CUSTOM_HOST', { setting: endpointSetting(d), host: str(d.host, str(d.url)), auth: isAuth(d) }),
    steps: (d) => [
      isFileSource(d.source)
        ? say('ENDPOINT_CUSTOM_HOST.deleteLine', { host: str(d.host), file: str(d.source), name: endpointVariable(d) })
        : say('ENDPOINT_CUSTOM_HOST.remove', { host: str(d.host), unset: unsetEnv(endpointVariable(d)) }),
      say('endpoint.official', { auth: AUTH_URL, api: BASE_URL, alt: NEW_BASE_URL }),
      isAuth(d) && say('ENDPOINT_CUSTOM_HOST.leaked'),
    ],
  },
  ENDPOINT_KNOWN_WRONG: {
    summary: (d) => say('ENDPOINT_KNOWN_WRONG', { setting: endpointSetting(d), host: str(d.host, str(d.url)) }),
    steps: (d) => [
      say('ENDPOINT_KNOWN_WRONG.set', { set: setEnv(endpointVariable(d), str(d.correct, officialFor(d))), name: endpointVariable(d) }),
      say('ENDPOINT_KNOWN_WRONG.hardCoded'),
      say('ENDPOINT_KNOWN_WRONG.leaked'),
    ],
  },
  ENDPOINT_NOT_HTTPS: {
    summary: (d) => say('ENDPOINT_NOT_HTTPS', { setting: endpointSetting(d), url: str(d.url), auth: isAuth(d) }),
    steps: (d) => [say('ENDPOINT_NOT_HTTPS.https', { set: setEnv(endpointVariable(d), httpsOf(d.url, officialFor(d))) })],
  },
  ENDPOINT_BAD_PATH: {
    summary: (d) => say('ENDPOINT_BAD_PATH', { setting: endpointSetting(d), path: str(d.path), expected: str(d.expectedPath), url: str(d.url) }),
    steps: (d) => [
      say('ENDPOINT_BAD_PATH.full', { set: setEnv(endpointVariable(d), str(d.suggestion, officialFor(d))) }),
      isAuth(d) ? say('ENDPOINT_BAD_PATH.bareHost', { path: AUTH_PATH }) : say('ENDPOINT_BAD_PATH.apiPath', { newHost }),
    ],
  },
  ENDPOINT_INVALID_URL: {
    summary: (d) => say('ENDPOINT_INVALID_URL', { setting: endpointSetting(d), value: str(d.value) }),
    steps: (d) => [
      say('ENDPOINT_INVALID_URL.set', { set: setEnv(endpointVariable(d), officialFor(d)) }),
      say('ENDPOINT_INVALID_URL.remove', { name: endpointVariable(d), unset: unsetEnv(endpointVariable(d)) }),
    ],
  },
  ENDPOINT_MODEL_HOST: {
    summary: (d) => say('ENDPOINT_MODEL_HOST', { model: str(d.model), host: str(d.host), suggestion: str(d.suggestion) }),
    steps: (d) => [
      say('ENDPOINT_MODEL_HOST.switch', { set: setEnv(BASE_URL_VAR, str(d.suggestion, NEW_BASE_URL)) }),
      say('ENDPOINT_MODEL_HOST.otherModel', { host: str(d.host), set: setEnv(MODEL_VAR, SECOND_GENERATION[2]) }),
    ],
  },

  // --- dns ---
  DNS_OK: {
    summary: (d) =>
      say('DNS_OK', {
        hosts: records(d.hosts).map((h) => {
          const addresses = list(h.addresses);
          return say('DNS_OK.host', {
            proxy: str(h.role) === 'proxy', host: str(h.host, '?'), first: addresses[0], more: addresses.length - 1, took: duration(h.ms),
          });
        }),
        byProxy: list(d.resolvedByProxy).join(', '),
        direct: records(d.routes)
          .filter((r) => str(r.reason).startsWith('no-proxy-') && has(r.noProxyEntry))
          .map((r) => say('DNS_OK.direct', { host: str(r.host, '?'), entry: str(r.noProxyEntry) })),
      }),
    steps: none,
  },
  DNS_NOT_FOUND: {
    summary: (d) => say('DNS_NOT_FOUND', { host: str(d.host), url: str(d.url) }),
    steps: (d) => [
      say('DNS_NOT_FOUND.spelling', { auth: AUTH_HOST, api: OFFICIAL_API_HOSTS.join(', ') }),
      say('DNS_NOT_FOUND.resolver', { host: str(d.host, AUTH_HOST) }),
      withNodeFetchProxy(say('DNS_NOT_FOUND.proxy', { set: setEnv('HTTPS_PROXY', PROXY) })),
      say('DNS_NOT_FOUND.docker'),
    ],
  },
  DNS_TIMEOUT: {
    summary: (d) => say('DNS_TIMEOUT', { host: str(d.host), proxy: str(d.proxy), after: duration(d.timeoutMs), retry: RETRY }),
    steps: (d) => [say('step.runAgain'), say('DNS_TIMEOUT.works', { host: str(d.host, AUTH_HOST) }), say('DNS_TIMEOUT.vpn')],
  },

  // --- tcp ---
  TCP_OK: {
    summary: (d) =>
      say('TCP_OK', {
        targets: records(d.targets).map((t) =>
          say('TCP_OK.target', {
            target: `${str(t.host, '?')}:${str(t.port, '?')}`, proxy: str(t.proxy), status: str(t.proxyStatus), took: duration(t.ms),
          }),
        ),
      }),
    steps: none,
  },
  TCP_REFUSED: {
    summary: (d) => say('TCP_REFUSED', { target: hostPortOf(d), url: str(d.url) }),
    steps: (d) => [
      say('TCP_REFUSED.port', { port: AUTH_PORT, url: AUTH_URL }),
      say('TCP_REFUSED.firewall', { test: run('tcpTest', targetOf(d).host, targetOf(d).port) }),
      withNodeFetchProxy(say('TCP_REFUSED.proxy', { set: setEnv('HTTPS_PROXY', PROXY) })),
    ],
  },
  TCP_TIMEOUT: {
    summary: (d) => say('TCP_TIMEOUT', { target: hostPortOf(d), within: duration(d.timeoutMs), oauthPort: num(d.port) === AUTH_PORT ? AUTH_PORT : undefined, retry: RETRY }),
    steps: (d) => {
      const { host, port } = targetOf(d);
      return [
        withNodeFetchProxy(
          num(port) === AUTH_PORT
            ? say('TCP_TIMEOUT.oauthPort', { target: `${host}:${AUTH_PORT}`, set: setEnv('HTTPS_PROXY', PROXY) })
            : say('TCP_TIMEOUT.allow', { target: `${host}:${port}`, set: setEnv('HTTPS_PROXY', PROXY) }),
        ),
        say('TCP_TIMEOUT.test', { test: run('tcpTest', host, port) }),
        say('step.runAgain'),
        timeoutStep,
      ];
    },
  },
  TCP_UNREACHABLE: {
    summary: (d) => say('TCP_UNREACHABLE', { target: hostPortOf(d), errno: str(d.errno) }),
    steps: (d) => [
      say('TCP_UNREACHABLE.route'),
      withNodeFetchProxy(say('TCP_UNREACHABLE.proxy', { set: setEnv('HTTPS_PROXY', PROXY) })),
      say('tcp.test', { test: run('tcpTest', targetOf(d).host, targetOf(d).port) }),
    ],
  },
  CONNECTION_RESET: {
    // Not transient (exit 1, not 3): a reset on the way to GigaChat is most often a firewall or DPI, and that repeats.
    summary: (d) => say('CONNECTION_RESET', { target: hostPortOf(d), url: str(d.url) }),
    steps: (d) => [
      withNodeFetchProxy(say('CONNECTION_RESET.cut', { set: setEnv('HTTPS_PROXY', PROXY) })),
      say('tcp.test', { test: run('tcpTest', targetOf(d).host, targetOf(d).port) }),
    ],
  },

  // --- proxy ---
  PROXY_UNREACHABLE: {
    summary: (d) => say('PROXY_UNREACHABLE', { proxy: str(d.proxy), errno: str(d.errno), dns: str(d.stage) === 'dns', target: str(d.target) }),
    steps: (d) => [
      say('PROXY_UNREACHABLE.check', { show: run('showProxy') }),
      say('PROXY_UNREACHABLE.remove', { unset: unsetEnv('HTTPS_PROXY') }),
      noProxyStep,
      say('PROXY_UNREACHABLE.test', { test: run('tcpTest', proxyHost(d), portOf(d.proxy)) }),
    ],
  },
  PROXY_AUTH_REQUIRED: {
    summary: (d) =>
      say('PROXY_AUTH_REQUIRED', { proxy: str(d.proxy), rejected: d.credentialsSent === true, scheme: str(d.scheme), target: str(d.target) }),
    steps: (d) => {
      const local = say('PROXY_AUTH_REQUIRED.localProxy');
      const login =
        d.credentialsSent === true
          ? say('PROXY_AUTH_REQUIRED.checkLogin', { url: proxyWithAuth(d.proxy) })
          : withNodeFetchProxy(say('PROXY_AUTH_REQUIRED.addLogin', { set: setEnv('HTTPS_PROXY', proxyWithAuth(d.proxy)) }));
      const windowsAuth = /^(ntlm|negotiate|kerberos)$/i.test(str(d.scheme));
      return [...(windowsAuth ? [local, login] : [login, local]), say('PROXY_AUTH_REQUIRED.noProxy', { set: setEnv('NO_PROXY', GIGACHAT_NO_PROXY) })];
    },
  },
  PROXY_CONNECT_REFUSED: {
    summary: (d) =>
      say('PROXY_CONNECT_REFUSED', {
        proxy: str(d.proxy), target: str(d.target), status: str(d.status), statusText: str(d.statusText), closed: str(d.reason) === 'closed',
      }),
    steps: (d) => [
      str(d.target).endsWith(`:${AUTH_PORT}`)
        ? say('PROXY_CONNECT_REFUSED.oauthPort', { target: `${AUTH_HOST}:${AUTH_PORT}` })
        : say('PROXY_CONNECT_REFUSED.allow', { target: str(d.target) }),
      !has(d.status) && say('PROXY_CONNECT_REFUSED.isHttp', { show: run('showProxy') }),
      noProxyStep,
    ],
  },
  PROXY_BAD_GATEWAY: {
    summary: (d) =>
      say('PROXY_BAD_GATEWAY', { proxy: str(d.proxy), target: str(d.target), status: str(d.status, '5xx'), statusText: str(d.statusText), retry: RETRY }),
    steps: (d) => [say('PROXY_BAD_GATEWAY.again'), say('PROXY_BAD_GATEWAY.proxyCannot', { target: str(d.target) }), noProxyStep],
  },
  PROXY_TIMEOUT: {
    summary: (d) =>
      say('PROXY_TIMEOUT', { proxy: str(d.proxy), accepted: str(d.stage) === 'connect-response', within: duration(d.timeoutMs), retry: RETRY }),
    steps: (d) => [
      say('step.runAgain'),
      say('PROXY_TIMEOUT.check', { show: run('showProxy'), test: run('tcpTest', proxyHost(d), portOf(d.proxy)) }),
      timeoutStep,
    ],
  },
  PROXY_INVALID_URL: {
    summary: (d) => say('PROXY_INVALID_URL', { variable: str(d.variable, 'HTTPS_PROXY'), value: str(d.value, '…'), reason: str(d.reason) }),
    steps: (d) => {
      const value = str(d.value);
      const fixed = str(d.reason) === 'no-scheme' && value ? `http://${value}` : undefined;
      return [
        withNodeFetchProxy(say('PROXY_INVALID_URL.full', { set: setEnv(str(d.variable, 'HTTPS_PROXY'), fixed ?? PROXY), withLogin: proxyWithAuth(fixed) })),
        say('PROXY_INVALID_URL.read', { show: run('showProxy') }),
      ];
    },
  },
} satisfies Record<string, Remedy>;

