import { API_HOSTS, AUTH_PATH, AUTH_PORT, AUTH_URL, BASE_URL, KNOWN_WRONG_HOSTS, OFFICIAL_AUTH_HOSTS } from '../../gigachat/index.js';
import type { LineHit } from './finding.js';

const URL_IN_TEXT = /\b(https?):\/\/([a-z0-9.-]+)(?::(\d+))?(\/[^\s"'`<>)\]},\\]*)?/gi;
/** The base path the SDKs' default URL has (/api/v1); a host serving another (/v1) is judged by its own. */
const DEFAULT_BASE_PATH = new URL(BASE_URL).pathname;
const USED_AS_API = /(?:base|auth|api|token)_?url|endpoint|api_base|\/api\/|\/v\d\b|oauth|\/chat\/completions|\/models/i;

/** Known-wrong GigaChat URLs and paths on one line (reference/gigachat-api.md §0, §1, §3). */
export function urlHits(line: string): LineHit[] {
  if (!/https?:\/\//i.test(line)) return [];
  const hits: LineHit[] = [];
  for (const m of line.matchAll(URL_IN_TEXT)) {
    const [url, scheme, rawHost, port, path = ''] = m;
    const host = rawHost.toLowerCase().replace(/\.$/, '');
    const problem = judge(scheme.toLowerCase(), host, port ? Number(port) : null, path, line);
    if (problem) hits.push({ code: 'CODE_WRONG_URL', index: m.index ?? 0, facts: { url: url.replace(/[.,;]+$/, ''), host, ...problem } });
  }
  return hits;
}

function judge(scheme: string, host: string, port: number | null, path: string, line: string): { reason: string; correct: string } | null {
  const wrong = KNOWN_WRONG_HOSTS[host];
  if (wrong) {
    if (wrong.site && !USED_AS_API.test(`${path} ${line}`)) return null;
    return { reason: 'known-wrong-host', correct: wrong.correct };
  }
  const auth = OFFICIAL_AUTH_HOSTS.includes(host);
  const api = API_HOSTS.find((h) => h.host === host);
  if (!auth && !api) return null;
  const correct = api ? `https://${host}${api.basePath}` : AUTH_URL;
  if (scheme !== 'https') return { reason: 'not-https', correct };
  if (!api) {
    if (port !== AUTH_PORT) return { reason: 'auth-port', correct };
    if (path && path !== '/' && !path.startsWith(AUTH_PATH)) return { reason: 'auth-path', correct };
    return null;
  }
  if (path.includes('/core/api')) return { reason: 'api-path', correct };
  if (api.basePath !== DEFAULT_BASE_PATH) return path && path !== '/' && !/^\/v\d/.test(path) ? { reason: 'api-path', correct } : null;
  // The SDKs append /chat/completions to the base URL: a base without /api/v1 answers 404.
  const bare = path === '' || path === '/';
  if (bare ? /base_?url|api_base|api_url/i.test(line) : !path.startsWith(DEFAULT_BASE_PATH)) return { reason: 'api-path', correct };
  return null;
}
