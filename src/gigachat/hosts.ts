// Where GigaChat lives (reference/gigachat-api.md §1, §3). A new GigaChat host is one row here.

/** The OAuth host: POST AUTH_PATH on AUTH_PORT exchanges the authorization key for a 30-minute token. */
export const AUTH_HOST = 'ngw.devices.sberbank.ru';
/** Not 443: corporate firewalls often block 9443 while 443 passes. */
export const AUTH_PORT = 9443;
export const AUTH_PATH = '/api/v2/oauth';
export const AUTH_URL = `https://${AUTH_HOST}:${AUTH_PORT}${AUTH_PATH}`;

export interface ApiHost {
  host: string;
  /** The base path the API is served under (the SDK appends /models, /chat/completions). */
  basePath: string;
  /** Other base paths the host also answers under. */
  alsoServes: readonly string[];
}

export const API_HOSTS: readonly ApiHost[] = [
  { host: 'gigachat.devices.sberbank.ru', basePath: '/api/v1', alsoServes: [] },
  { host: 'gigachat-preview.devices.sberbank.ru', basePath: '/api/v1', alsoServes: [] },
  { host: 'api.giga.chat', basePath: '/v1', alsoServes: ['/api/v1'] },
];

export const OFFICIAL_AUTH_HOSTS: readonly string[] = [AUTH_HOST];
export const OFFICIAL_API_HOSTS: readonly string[] = API_HOSTS.map((h) => h.host);
/** Every official GigaChat host, e.g. as one NO_PROXY value. */
export const OFFICIAL_HOSTS: readonly string[] = [AUTH_HOST, ...OFFICIAL_API_HOSTS];

const apiUrl = (h: ApiHost): string => `https://${h.host}${h.basePath}`;
/** The SDKs' default API base URL. */
export const BASE_URL = apiUrl(API_HOSTS[0]);
/** The 2026 host's base URL. */
export const NEW_BASE_URL = apiUrl(API_HOSTS[2]);

/** A regular-expression source that matches any of the hosts (their dots escaped), for finding them in text. */
export function hostsPattern(hosts: readonly string[]): string {
  return hosts.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** The default port of an official host: 9443 for the OAuth host, 443 for the API hosts. */
export function officialPort(host: string): number | undefined {
  if (host === AUTH_HOST) return AUTH_PORT;
  return OFFICIAL_API_HOSTS.includes(host) ? 443 : undefined;
}

/** Hosts from the field guide's errata: another company's OAuth, a wrapper that never served the API. */
export const KNOWN_WRONG_HOSTS: Record<string, { which: 'auth' | 'api'; correct: string; site?: true }> = {
  'auth.api.cloud.yandex.net': { which: 'auth', correct: AUTH_URL },
  'api.gigachat.ru': { which: 'api', correct: BASE_URL },
  // `site`: a wrapper site or landing page, wrong only where code uses it as the API.
  'console.gigachat.ai': { which: 'api', correct: BASE_URL, site: true },
  'gigachat.ai': { which: 'api', correct: BASE_URL, site: true },
};

/** GigaChat Studio, where a project's authorization key is issued. */
export const STUDIO_URL = 'https://developers.sber.ru/studio';
