import type { Sourced } from '../settings/types.js';
import { displayUrl } from '../util/display-url.js';
import type { Check, Note, Verdict } from '../types.js';
import {
  API_HOSTS, AUTH_PATH, AUTH_PORT, AUTH_URL as OFFICIAL_AUTH_URL, BASE_URL as OFFICIAL_API_URL, KNOWN_WRONG_HOSTS, MODELS_ONLY_ON,
  OFFICIAL_API_HOSTS, OFFICIAL_AUTH_HOSTS,
} from '../gigachat/index.js';

type Which = 'auth' | 'api';

/** Where the key and the token would be sent, judged before a single byte goes out. */
export const endpointsCheck: Check = {
  id: 'endpoints',
  needs: [],
  run({ settings }): Verdict {
    const usesOauth = settings.credential?.kind !== 'password' && settings.credential?.kind !== 'accessToken';
    const findings: Array<Note & { status: 'fail' | 'warn' }> = [];
    if (usesOauth) findings.push(...judgeUrl('auth', settings.authUrl));
    findings.push(...judgeUrl('api', settings.baseUrl));

    const modelHome = Object.hasOwn(MODELS_ONLY_ON, settings.model.value) ? MODELS_ONLY_ON[settings.model.value] : undefined;
    if (modelHome && safeHost(settings.baseUrl.value) !== new URL(modelHome).hostname) {
      findings.push({
        status: 'warn',
        code: 'ENDPOINT_MODEL_HOST',
        details: { model: settings.model.value, host: safeHost(settings.baseUrl.value), suggestion: modelHome },
      });
    }

    const base = { authUrl: displayUrl(settings.authUrl.value), baseUrl: displayUrl(settings.baseUrl.value) };
    findings.sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
    const [first, ...rest] = findings;
    if (!first) return { status: 'pass', code: 'ENDPOINTS_OFFICIAL', details: base };
    return {
      status: first.status,
      code: first.code,
      details: { ...base, ...first.details },
      notes: rest.map(({ code, details }) => ({ code, details })),
    };
  },
};

/**
 * The last gate before a credential leaves: a URL that is not https, not a URL, or one of the
 * guide's wrong hosts never gets the key or a token — even when --skip took the endpoints check out.
 */
export function credentialUrlRefusal(which: Which, setting: Sourced<string>): Verdict | null {
  const refused = judgeUrl(which, setting).find((f) =>
    f.code === 'ENDPOINT_KNOWN_WRONG' || f.code === 'ENDPOINT_NOT_HTTPS' || f.code === 'ENDPOINT_INVALID_URL');
  return refused ? { status: 'fail', code: refused.code, details: refused.details } : null;
}

function judgeUrl(which: Which, setting: Sourced<string>): Array<Note & { status: 'fail' | 'warn' }> {
  const variable = setting.name;
  let url: URL;
  try {
    url = new URL(setting.value.trim());
  } catch {
    return [{ status: 'fail', code: 'ENDPOINT_INVALID_URL', details: { which, value: displayUrl(setting.value), variable } }];
  }
  const shown = displayUrl(setting.value);
  // `host.` is the same host fully qualified: it must not slip past the lists.
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const wrong = Object.hasOwn(KNOWN_WRONG_HOSTS, host) ? KNOWN_WRONG_HOSTS[host] : undefined;
  if (wrong) {
    const correct = which === 'auth' ? OFFICIAL_AUTH_URL : OFFICIAL_API_URL;
    return [{ status: 'fail', code: 'ENDPOINT_KNOWN_WRONG', details: { which, url: shown, host, correct, variable } }];
  }
  if (url.protocol !== 'https:') {
    return [{ status: 'fail', code: 'ENDPOINT_NOT_HTTPS', details: { which, url: shown, variable } }];
  }
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const swapped = which === 'auth' ? OFFICIAL_API_HOSTS.includes(host) : OFFICIAL_AUTH_HOSTS.includes(host);
  if (swapped) {
    const suggestion = which === 'auth' ? OFFICIAL_AUTH_URL : OFFICIAL_API_URL;
    const expectedPath = new URL(suggestion).pathname;
    return [{ status: 'fail', code: 'ENDPOINT_BAD_PATH', details: { which, url: shown, path, expectedPath, suggestion, variable, port: url.port || null } }];
  }
  const expected = expectedPath(which, host, path);
  const portOk = which !== 'auth' || !OFFICIAL_AUTH_HOSTS.includes(host) || url.port === String(AUTH_PORT);
  if (expected && (expected !== path || !portOk)) {
    const fixed = new URL(url.href);
    fixed.pathname = expected;
    if (!portOk) fixed.port = String(AUTH_PORT);
    fixed.search = '';
    return [{
      status: 'fail',
      code: 'ENDPOINT_BAD_PATH',
      details: { which, url: shown, path, expectedPath: expected, suggestion: displayUrl(fixed.href), variable, port: url.port || null },
    }];
  }
  const official = which === 'auth' ? OFFICIAL_AUTH_HOSTS : OFFICIAL_API_HOSTS;
  if (!official.includes(host)) {
    return [{ status: 'warn', code: 'ENDPOINT_CUSTOM_HOST', details: { which, url: shown, host, variable, source: setting.source } }];
  }
  return [];
}

/** The path a URL should have, or null when we cannot know (a custom host with a path of its own). */
function expectedPath(which: Which, host: string, path: string): string | null {
  if (which === 'auth') {
    if (OFFICIAL_AUTH_HOSTS.includes(host)) return AUTH_PATH;
    // The bare host answers 403; a path that ends where the API's paths end is the wrong URL.
    if (path === '/' || /\/(models|chat\/completions)$/.test(path)) return AUTH_PATH;
    return null;
  }
  const official = API_HOSTS.find((h) => h.host === host);
  if (official) return official.alsoServes.includes(path) ? path : official.basePath;
  const trimmed = path.replace(/\/(models|chat\/completions|embeddings)$/, '');
  if (trimmed !== path) return trimmed || '/api/v1';
  if (path === '/' || path.endsWith('/oauth')) return '/api/v1';
  return null;
}

function safeHost(value: string): string | null {
  try {
    return new URL(value.trim()).hostname;
  } catch {
    return null;
  }
}
