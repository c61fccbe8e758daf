/**
 * What one record says about the request it is about: the step (from its URL or path first, then
 * from the SDK functions in its traceback), the host and port, the scope, the model. Read from that
 * record alone; a model name only from a model field or message, never from a module path.
 */
import { AUTH_HOST, OFFICIAL_HOSTS, SCOPES, hostsPattern, officialPort } from '../gigachat/index.js';

/** Which request the record is about: the OAuth exchange, the model list, chat, or another API call. */
export type Context = 'oauth' | 'models' | 'chat' | 'api' | null;

export interface Found {
  context: Context;
  host?: string;
  port?: number;
  url?: string;
  scope?: string;
  model?: string;
}

const GIGACHAT_HOST = new RegExp(String.raw`\b(${hostsPattern(OFFICIAL_HOSTS)})\b(?::(\d{2,5}))?`, 'i');
const SCOPE = new RegExp(String.raw`\b(${SCOPES.join('|')})\b`);
/** The API paths that decide the step. `/token` is the login/password flow of on-premise installs. */
const PATH = /\/(api\/v2\/oauth|oauth\b|chat\/completions|embeddings|models\b|tokens\/count|balance|files|threads|ai\/check|token\b)/i;
const HOSTNAME = /^(?:\[[0-9a-f:]+\]|\d{1,3}(?:\.\d{1,3}){3}|localhost|(?:[a-z0-9-]+\.)+[a-z]{2,})$/i;

function stepOfPath(path: string): Context {
  const p = path.toLowerCase();
  if (p.startsWith('api/v2/oauth') || p.startsWith('oauth') || p === 'token') return 'oauth';
  if (p.startsWith('chat/')) return 'chat';
  if (p.startsWith('models')) return 'models';
  return 'api';
}

/** The step from the SDKs' own functions and modules, when no URL says it (timeouts carry none). */
function stepOfCode(text: string): Context {
  if (/post_auth|post_token|_update_token|update_token|updateToken|get_token|getToken|OAUTH UPDATE TOKEN|\boauth\b|получ[а-я]* (?:access[ _-]?)?токен/i.test(text)) return 'oauth';
  if (/get_models|getModels|get_model\b|getModel\b/.test(text)) return 'models';
  if (/post_chat|stream_chat|\bachat\b|\.chat\(|\.invoke\(|\.ainvoke\(|\.stream\(|\bchat\.completions\b|ResponseToChatMessage|_generate(?:NonStreaming)?\b/.test(text)) return 'chat';
  if (/post_embeddings|\.embeddings\(|embed_(?:query|documents)/.test(text)) return 'api';
  return null;
}

export function findContext(text: string): Found {
  const f: Found = { context: null };
  const gc = GIGACHAT_HOST.exec(text);

  const url = /https?:\/\/[^\s'"<>)\]\\]+/i.exec(text);
  let urlPath: string | null = null;
  if (url) {
    try {
      const u = new URL(url[0].replace(/[.,;:]+$/, ''));
      u.username = '';
      u.password = '';
      u.search = '';
      u.hash = '';
      f.url = u.href.replace(/\/$/, '');
      urlPath = u.pathname;
    } catch {
      // not a URL after all
    }
  }
  const path = PATH.exec(urlPath ?? '') ?? PATH.exec(text);
  if (path) f.context = stepOfPath(path[1]);
  else if (gc) f.context = gc[1].toLowerCase() === AUTH_HOST ? 'oauth' : 'api';
  else f.context = stepOfCode(text);

  // Host and port: a GigaChat host named in the record first, then an errno's address, then the URL's.
  const py = /host='([^']+)',\s*port=(\d+)/.exec(text);
  const node = /(?:connect|getaddrinfo|read|write)[ \t]+E[A-Z_]+[ \t]+(\[[0-9a-f:]+\]|[\w.-]+)(?::(\d+))?/i.exec(text);
  const curl = /(?:Could not resolve host|Failed to connect to):?[ \t]+([\w.-]+)(?:[ \t]+port[ \t]+(\d+))?/i.exec(text);
  const candidates: Array<[string, string | undefined]> = [];
  if (gc) candidates.push([gc[1], gc[2]]);
  if (node) candidates.push([node[1], node[2]]);
  if (py) candidates.push([py[1], py[2]]);
  if (curl) candidates.push([curl[1], curl[2]]);
  const hp = candidates.find(([h]) => HOSTNAME.test(h));
  if (hp) {
    f.host = hp[0].toLowerCase().replace(/^\[|\]$/g, '');
    if (hp[1]) f.port = Number(hp[1]);
  } else if (f.url) {
    const u = new URL(f.url);
    f.host = u.hostname.replace(/^\[|\]$/g, '');
    if (u.port) f.port = Number(u.port);
  }
  // The OAuth host listens on 9443 only; every other host here speaks HTTPS on 443.
  if (f.host && f.port === undefined) f.port = officialPort(f.host) ?? 443;

  const scope = SCOPE.exec(text);
  if (scope) f.scope = scope[1];
  const model = /["']model["']\s*:\s*["']([\w.:-]{2,60})["']|\bmodel\s*[=:]\s*["']?([A-Za-z][\w.:-]{1,59})|модел[ьи]\s+["«']?([A-Za-z][\w.:-]{1,59})|\b(GigaChat(?:-\d+(?:\.\d+)?)?(?:-(?:Pro|Max|Lite|Plus|Ultra|Preview|preview))+|GigaChat-\d+(?:\.\d+)?)\b/.exec(text);
  if (model) f.model = model[1] ?? model[2] ?? model[3] ?? model[4];
  return f;
}
