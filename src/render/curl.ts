/**
 * "Reproduce with curl" for a failed network step: the same request gigadoctor made, written
 * for the user's shell, with every secret an environment reference ($GIGACHAT_CREDENTIALS,
 * $TOKEN), never a value. Never -k/--insecure: a known CA file goes in as --cacert.
 * No -v either: curl's verbose mode prints request headers, Proxy-Authorization included.
 */
import type { Lang, Shell } from '../catalog/types.js';
import type { Settings } from '../settings/types.js';
import type { CheckResult } from '../types.js';
import { belowHome } from '../util/home-path.js';
import { commentLine, envRef, lineContinuation, quoteArg, setEnvCommand } from './shell.js';

export interface CurlContext {
  settings: Settings;
  shell: Shell;
  /** Home directory: a CA path under it is written relative to $HOME, so it survives the report's `~`. */
  home?: string;
  lang?: Lang;
}

const TEXT = {
  en: {
    loadEnv: (v: string, f: string) => `${v} is in ${f}, not in the shell: load it first`,
    reach: (url: string) => `no credentials: only DNS, TCP and TLS to ${url}; curl honours HTTPS_PROXY/NO_PROXY as gigadoctor does`,
    keyFrom: (v: string) => `the key is read from ${v}; on success the answer holds an access token: do not paste it anywhere`,
    tokenFrom: (v: string) => `the ready token comes from ${v}`,
    tokenInto: 'first get a 30-minute access token into $TOKEN (it never leaves this shell)',
    tokenCmd: 'first get a 30-minute access token: run this, then copy access_token from the answer into TOKEN',
    tokenPlaceholder: '<access_token from the answer above>',
  },
  ru: {
    loadEnv: (v: string, f: string) => `${v} задана в ${f}, а не в shell: сначала загрузите её`,
    reach: (url: string) => `без учётных данных: только DNS, TCP и TLS до ${url}; curl, как и gigadoctor, учитывает HTTPS_PROXY/NO_PROXY`,
    keyFrom: (v: string) => `ключ берётся из ${v}; при успехе в ответе будет токен доступа: никуда его не вставляйте`,
    tokenFrom: (v: string) => `готовый токен берётся из ${v}`,
    tokenInto: 'сначала получите токен доступа на 30 минут в $TOKEN (он не покидает этот shell)',
    tokenCmd: 'сначала получите токен доступа: выполните запрос и скопируйте access_token из ответа в TOKEN',
    tokenPlaceholder: '<access_token из ответа выше>',
  },
} as const;

const NETWORK_STEPS = new Set(['dns', 'tcp', 'tls', 'oauth', 'models', 'chat']);
const CHAT_BODY = '{"model":"MODEL","messages":[{"role":"user","content":"ping"}],"max_tokens":1,"stream":false}';

/** The lines of a shell snippet that reproduces this failed check, or null when there is none. */
export function curlFor(check: CheckResult, ctx: CurlContext): string[] | null {
  if (check.status !== 'fail' || !NETWORK_STEPS.has(check.id)) return null;
  // Refused before any request (endpoint findings surface as the check's own code elsewhere).
  if (check.code.startsWith('ENDPOINT_') || check.code === 'CA_FILE_INVALID' || check.code === 'INTERNAL_ERROR') return null;
  const w = writer(ctx);
  switch (check.id) {
    case 'dns':
    case 'tcp':
    case 'tls':
      return w.reach(targetUrl(check, ctx.settings));
    case 'oauth':
      return w.oauth();
    case 'models':
      return w.api('GET', '/models');
    case 'chat':
      return w.api('POST', '/chat/completions');
    default:
      return null;
  }
}

/** The host:port the check was about, as an https URL; the auth URL when the check names none. */
function targetUrl(check: CheckResult, settings: Settings): string {
  const d = check.details;
  if (typeof d.url === 'string' && /^https?:\/\//.test(d.url)) return origin(d.url);
  if (typeof d.host === 'string' && d.host) {
    const port = typeof d.port === 'number' || typeof d.port === 'string' ? String(d.port) : '443';
    const host = d.host.includes(':') && !d.host.startsWith('[') ? `[${d.host}]` : d.host;
    return port === '443' ? `https://${host}/` : `https://${host}:${port}/`;
  }
  return origin(settings.authUrl.value);
}

function origin(url: string): string {
  try {
    return `${new URL(url.trim()).origin}/`;
  } catch {
    return url.trim();
  }
}

interface Writer {
  reach(url: string): string[];
  oauth(): string[];
  api(method: 'GET' | 'POST', path: string): string[];
}

function writer(ctx: CurlContext): Writer {
  const { settings, shell } = ctx;
  const cred = settings.credential;
  const credVar = cred?.variable ?? 'GIGACHAT_CREDENTIALS';
  const scope = settings.scope.value.trim();
  const authUrl = settings.authUrl.value.trim();
  const baseUrl = settings.baseUrl.value.trim().replace(/\/+$/, '');
  const timeoutS = Math.max(1, Math.ceil(settings.timeoutMs.value / 1000));
  const ca = caArgument(ctx);
  const q = (s: string) => quoteArg(shell, s, true);
  const ref = (name: string) => envRef(shell, name);
  const cont = lineContinuation(shell);
  const curl = shell === 'powershell' ? 'curl.exe' : 'curl';
  const rquidVar = shell === 'powershell' ? '$RQUID' : shell === 'cmd' ? '%RQUID%' : '$RQUID';
  const tokenVar = shell === 'powershell' ? '$TOKEN' : shell === 'cmd' ? '%TOKEN%' : '$TOKEN';
  const t = TEXT[ctx.lang ?? 'en'];

  const command = (parts: string[]): string[] => parts.map((p, i) => (i === 0 ? p : `  ${p}`)).map((p, i, all) => (i < all.length - 1 ? p + cont : p));
  const caParts = ca ? [`--cacert ${ca}`] : [];
  const uuidLine = (): string => {
    switch (shell) {
      case 'powershell':
        return '$RQUID = [guid]::NewGuid().ToString()';
      case 'cmd':
        return `for /f %i in ('powershell -NoProfile -Command "[guid]::NewGuid().ToString()"') do set "RQUID=%i"`;
      default:
        return "RQUID=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen | tr 'A-Z' 'a-z')";
    }
  };
  const loadEnvFile = (): string[] => {
    if (!cred || !/^\.env:\d+$/.test(cred.source)) return [];
    const explicit = settings.envFile.explicit && settings.envFile.path;
    const file = explicit ? pathArg(settings.envFile.path!, ctx) : shell === 'posix' ? './.env' : '.env';
    switch (shell) {
      case 'powershell':
        return [commentLine(shell, t.loadEnv(credVar, file)),
          `Get-Content ${file} | Where-Object { $_ -match '^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$' } | ForEach-Object { Set-Item "Env:$($matches[1])" $matches[2] }`];
      case 'cmd':
        return [commentLine(shell, t.loadEnv(credVar, file)),
          `for /f "usebackq eol=# tokens=1,* delims==" %a in (${file.startsWith('"') ? file : `"${file}"`}) do set "%a=%b"`];
      default:
        return [commentLine(shell, t.loadEnv(credVar, file)), `set -a; . ${file}; set +a`];
    }
  };

  const tokenRequestParts = (silent: boolean): string[] => {
    const flags = silent ? '-sS' : '-sS -i';
    if (cred?.kind === 'password') {
      return [
        `${curl} ${flags} --max-time ${timeoutS} -X POST ${q(`${baseUrl}/token`)}`,
        `-u "${ref('GIGACHAT_USER')}:${ref('GIGACHAT_PASSWORD')}"`,
        `-H ${q('Accept: application/json')}`,
        ...caParts,
      ];
    }
    return [
      `${curl} ${flags} --max-time ${timeoutS} -X POST ${q(authUrl)}`,
      `-H "Authorization: Basic ${ref(credVar)}"`,
      `-H "RqUID: ${rquidVar}"`,
      `-H ${q('Content-Type: application/x-www-form-urlencoded')}`,
      `-H ${q('Accept: application/json')}`,
      `--data-urlencode ${q(`scope=${scope}`)}`,
      ...caParts,
    ];
  };

  const tokenInto = (): string[] => {
    if (cred?.kind === 'accessToken') {
      const fromVar = ref(cred.variable);
      switch (shell) {
        case 'powershell':
          return [commentLine(shell, t.tokenFrom(cred.variable)), `$TOKEN = ${fromVar}`];
        case 'cmd':
          return [commentLine(shell, t.tokenFrom(cred.variable)), `set "TOKEN=${fromVar}"`];
        default:
          return [commentLine(shell, t.tokenFrom(cred.variable)), `TOKEN="${fromVar}"`];
      }
    }
    const req = tokenRequestParts(true);
    switch (shell) {
      case 'powershell':
        return [
          commentLine(shell, t.tokenInto),
          ...(cred?.kind === 'password' ? [] : [uuidLine()]),
          `$TOKEN = (${req.join(' ')} | ConvertFrom-Json) | ForEach-Object { if ($_.access_token) { $_.access_token } else { $_.tok } }`,
        ];
      case 'cmd':
        return [
          commentLine(shell, t.tokenCmd),
          ...(cred?.kind === 'password' ? [] : [uuidLine()]),
          req.join(' '),
          setEnvCommand(shell, 'TOKEN', t.tokenPlaceholder),
        ];
      default:
        return [
          commentLine(shell, t.tokenInto),
          ...(cred?.kind === 'password' ? [] : [uuidLine()]),
          `TOKEN=$(${req.join(' ')} | sed -E 's/.*"(access_token|tok)" *: *"([^"]+)".*/\\2/')`,
        ];
    }
  };

  return {
    reach(url) {
      const fmt = 'HTTP %{http_code}, connect %{time_connect}s, TLS %{time_appconnect}s\\n';
      return [
        commentLine(shell, t.reach(url)),
        ...command([`${curl} -sS -o ${shell === 'posix' ? '/dev/null' : 'NUL'} --max-time ${timeoutS}`, `-w ${q(fmt)}`, ...caParts, q(url)]),
      ];
    },
    oauth() {
      return [
        ...loadEnvFile(),
        commentLine(shell, t.keyFrom(cred?.kind === 'password' ? 'GIGACHAT_USER/GIGACHAT_PASSWORD' : credVar)),
        ...(cred?.kind === 'password' ? [] : [uuidLine()]),
        ...command(tokenRequestParts(false)),
      ];
    },
    api(method, path) {
      const url = `${baseUrl}${path}`;
      const model = settings.model.value.trim();
      // A fresh id for X-Request-ID, as gigadoctor sends one with every API request.
      const lines = [...loadEnvFile(), ...tokenInto(), uuidLine()];
      const parts = [
        `${curl} -sS -i --max-time ${timeoutS}${method === 'POST' ? ' -X POST' : ''} ${q(url)}`,
        `-H "Authorization: Bearer ${tokenVar}"`,
        `-H "X-Request-ID: ${rquidVar}"`,
        `-H ${q('Accept: application/json')}`,
      ];
      if (method === 'POST') {
        const body = CHAT_BODY.replace('MODEL', model.replace(/["\\]/g, ''));
        parts.push(`-H ${q('Content-Type: application/json')}`);
        if (shell === 'powershell') {
          // PowerShell 5 strips the double quotes of a native argument; a pipe carries them intact.
          lines.push(`$BODY = '${body}'`);
          parts.push(`--data-binary '@-'`);
          parts.push(...caParts);
          const cmd = command(parts);
          cmd[0] = `$BODY | ${cmd[0]}`;
          return [...lines, ...cmd];
        }
        parts.push(`-d ${q(body)}`);
      }
      parts.push(...caParts);
      return [...lines, ...command(parts)];
    },
  };
}

/** --cacert's argument: an environment reference when the file came from one, else the path. */
function caArgument(ctx: CurlContext): string | null {
  const { settings, shell } = ctx;
  if (settings.caFile) {
    if (settings.caFile.source === 'env') return `"${envRef(shell, settings.caFile.name)}"`;
    return pathArg(settings.caFile.value, ctx);
  }
  if (settings.nodeExtraCaCerts?.source === 'env' && settings.nodeExtraCaCerts.value) return `"${envRef(shell, 'NODE_EXTRA_CA_CERTS')}"`;
  return null;
}

function pathArg(path: string, ctx: CurlContext): string {
  const { home, shell } = ctx;
  const sep = shell === 'posix' ? '/' : '\\';
  const rest = home ? belowHome(path, home) : null;
  if (rest !== null) {
    const homeRef = shell === 'powershell' ? '$HOME' : shell === 'cmd' ? '%USERPROFILE%' : '$HOME';
    return `"${homeRef}${rest.replace(/[\\/]/g, sep)}"`;
  }
  return quoteArg(shell, path, true);
}
