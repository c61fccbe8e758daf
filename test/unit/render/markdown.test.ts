import { describe, expect, it } from 'vitest';
import { curlFor } from '../../../src/render/curl.js';
import { renderMarkdown, selfCheck, tildify } from '../../../src/render/markdown.js';
import { Scrubber } from '../../../src/secret/index.js';
import type { Settings } from '../../../src/settings/types.js';
import type { Report } from '../../../src/types.js';
import { check, KEY, reportOf, scopeMismatchReport, settingsFor } from './render-fixtures.js';

const ctxOf = (settings: Settings, extra: Record<string, unknown> = {}) => ({ settings, env: {}, platform: 'linux', os: 'Linux 6.8.0 (x64)', shell: 'posix' as const, generatedAt: '2026-11-25T10:00:00Z', ...extra });

describe('the Markdown report', () => {
  it('has tool, Node and OS versions, every setting with its source, and the key only as presence, length, fingerprint', () => {
    const settings = settingsFor({ GIGACHAT_SCOPE: 'GIGACHAT_API_B2B', HTTPS_PROXY: 'http://anna:pa55word@proxy.corp:3128', NO_PROXY: 'localhost' }, { model: 'GigaChat-2-Max' });
    const md = renderMarkdown(scopeMismatchReport(), ctxOf(settings));
    expect(md).toContain('| gigadoctor | 0.1.0 |');
    expect(md).toContain('| Node.js | v20.0.0 |');
    expect(md).toContain('| OS | Linux 6.8.0 (x64) · linux |');
    expect(md).toMatch(/\| Credential \| `GIGACHAT_CREDENTIALS`: present, 100 characters, SHA-256 `[0-9a-f]{8}` \(authorization key\) \| environment \(GIGACHAT_CREDENTIALS\) \|/);
    expect(md).toContain('| Scope | `GIGACHAT_API_B2B` | environment (GIGACHAT_SCOPE) |');
    expect(md).toContain('| Model | `GigaChat-2-Max` | flag --model |');
    expect(md).toContain('| Auth URL | `https://ngw.devices.sberbank.ru:9443/api/v2/oauth` | default |');
    expect(md).toContain('| HTTPS_PROXY | `http://proxy.corp:3128` (password not shown) | environment (HTTPS_PROXY) |');
    expect(md).toContain('| NO_PROXY | `localhost` | environment (NO_PROXY) |');
    expect(md).not.toContain(KEY);
    expect(md).not.toContain('pa55word');
    expect(md).not.toContain('anna');
  });

  it('each check with status, code and time; each request with the ids sent and received', () => {
    const md = renderMarkdown(scopeMismatchReport(), ctxOf(settingsFor()));
    expect(md).toContain('| OAuth token (`oauth`) | ✗ fail | `OAUTH_SCOPE_MISMATCH` | 12 ms |');
    expect(md).toContain('| Models list (`models`) | – skipped (not run: needs `oauth`) | `BLOCKED` | 12 ms |'.replace('12 ms', '0 ms'));
    expect(md).toContain('| `oauth` | POST https://ngw.devices.sberbank.ru:9443/api/v2/oauth | HTTP 400 | RqUID `3f0c1a52-8a43-4d8e-9a7b-2f1c9d0e4b11` | — | Wed, 25 Nov 2026 10:00:00 GMT | 40 ms |');
    expect(md).toContain('**Root cause:** OAuth token — `OAUTH_SCOPE_MISMATCH`: The key does not allow scope GIGACHAT_API_PERS');
    expect(md).toContain('1. Look up the scope in Studio');
  });

  it('reproduces a failed OAuth request with curl: the key as an env reference, never -k, --cacert when a CA is known', () => {
    const settings = settingsFor({ NODE_EXTRA_CA_CERTS: '/etc/ssl/russian.pem' });
    const md = renderMarkdown(scopeMismatchReport(), ctxOf(settings));
    expect(md).toContain('-H "Authorization: Basic $GIGACHAT_CREDENTIALS"');
    expect(md).toContain('-H "RqUID: $RQUID"');
    expect(md).toContain("--data-urlencode 'scope=GIGACHAT_API_PERS'");
    expect(md).toContain('--cacert "$NODE_EXTRA_CA_CERTS"');
    expect(md).not.toMatch(/\s-k\b|--insecure/);
    expect(md).not.toContain(KEY);
  });

  it('shows the home directory as ~', () => {
    const home = '/home/anna';
    const settings = settingsFor({}, { caFile: '/home/anna/certs/ca.pem' });
    const md = renderMarkdown(scopeMismatchReport(), ctxOf(settings, { home, env: { HOME: home } }));
    expect(md).toContain('`~/certs/ca.pem`');
    expect(md).not.toContain('/home/anna');
    // …and curl still finds the file: $HOME, not a quoted ~ that no shell expands.
    expect(md).toContain('--cacert "$HOME/certs/ca.pem"');
  });

  it.each([
    ['powershell', '--cacert "$HOME\\certs\\ca.pem"'],
    ['cmd', '--cacert "%USERPROFILE%\\certs\\ca.pem"'],
  ] as const)('on Windows the home folder matches whatever its case or slashes (%s)', (shell, cacert) => {
    const home = 'C:\\Users\\Anna';
    // As Node on Windows resolves --ca-file c:/users/anna/certs/ca.pem: backslashes, the case as typed.
    const settings: Settings = { ...settingsFor(), caFile: { value: 'c:\\users\\anna\\certs\\ca.pem', source: 'flag', name: '--ca-file' } };
    const md = renderMarkdown(scopeMismatchReport(), ctxOf(settings, { home, env: { USERPROFILE: home }, platform: 'win32', shell }));
    expect(md).toContain(cacert);
    expect(md).not.toMatch(/--cacert '~/);
  });

  it('escapes prose so GitHub shows <placeholders> and | in cells', () => {
    const report = reportOf([check('oauth', 'fail', 'OAUTH_BAD_CREDENTIALS', { summary: 'a | b', remediation: ['Set GIGACHAT_CREDENTIALS=<authorization key from Studio>'] })]);
    const md = renderMarkdown(report, ctxOf(settingsFor()));
    expect(md).toContain('1. Set GIGACHAT_CREDENTIALS=\\<authorization key from Studio>');
    expect(md).toContain('a | b'); // prose outside tables keeps its pipe
  });

  it('is in Russian with --lang ru', () => {
    const md = renderMarkdown(scopeMismatchReport(), ctxOf(settingsFor({}, { lang: 'ru' })));
    expect(md).toMatch(/^# Отчёт gigadoctor/);
    expect(md).toContain('**Итог:** ✗ 1 ошибка · 0 предупреждений · 6 пройдено · 2 пропущено — код выхода 1 (найдена проблема)');
    expect(md).toContain('## Повторить через curl'.replace('## ', '**'));
  });
});

describe('curl lines', () => {
  const failed = (id: 'oauth' | 'models' | 'chat' | 'tls') => check(id, 'fail', id === 'tls' ? 'TLS_UNTRUSTED_ROOT' : 'API_SERVER_ERROR', { details: { host: 'ngw.devices.sberbank.ru', port: 9443 } });

  it('PowerShell: curl.exe, $env: references, backtick continuations', () => {
    const lines = curlFor(failed('oauth'), { settings: settingsFor(), shell: 'powershell' })!.join('\n');
    expect(lines).toContain('curl.exe -sS -i');
    expect(lines).toContain('-H "Authorization: Basic $env:GIGACHAT_CREDENTIALS"');
    expect(lines).toContain('$RQUID = [guid]::NewGuid().ToString()');
    expect(lines).toMatch(/ `\n/);
  });

  it('cmd: %VAR% references and ^ continuations', () => {
    const lines = curlFor(failed('oauth'), { settings: settingsFor(), shell: 'cmd' })!.join('\n');
    expect(lines).toContain('-H "Authorization: Basic %GIGACHAT_CREDENTIALS%"');
    expect(lines).toMatch(/ \^\n/);
  });

  it('the API: a note and a command to get a token into $TOKEN first, then the request with Bearer $TOKEN', () => {
    const lines = curlFor(failed('chat'), { settings: settingsFor(), shell: 'posix' })!.join('\n');
    expect(lines).toMatch(/# first get a 30-minute access token into \$TOKEN/);
    expect(lines).toMatch(/^TOKEN=\$\(curl -sS .*"Authorization: Basic \$GIGACHAT_CREDENTIALS"/m);
    expect(lines).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(lines).toContain(`-d '{"model":"GigaChat-2","messages":[{"role":"user","content":"ping"}],"max_tokens":1,"stream":false}'`);
    const ps = curlFor(failed('models'), { settings: settingsFor(), shell: 'powershell' })!.join('\n');
    expect(ps).toMatch(/^\$TOKEN = \(curl\.exe .*ConvertFrom-Json\)/m);
    expect(ps).toContain('-H "Authorization: Bearer $TOKEN"');
  });

  it('a ready token in GIGACHAT_ACCESS_TOKEN is referenced, not requested', () => {
    const settings = settingsFor({ GIGACHAT_CREDENTIALS: '', GIGACHAT_ACCESS_TOKEN: `eyJ${'a'.repeat(40)}.b.c.d.e` });
    const lines = curlFor(failed('models'), { settings, shell: 'posix' });
    expect(lines?.join('\n')).toContain('TOKEN="$GIGACHAT_ACCESS_TOKEN"');
  });

  it('a key from .env is loaded into the shell first; TLS/TCP/DNS steps send no credentials', () => {
    const settings = settingsFor({});
    settings.credential = { ...settings.credential!, source: '.env:3' };
    expect(curlFor(failed('oauth'), { settings, shell: 'posix' })!.join('\n')).toContain('set -a; . ./.env; set +a');
    const tls = curlFor(failed('tls'), { settings, shell: 'posix' })!.join('\n');
    expect(tls).toContain("'https://ngw.devices.sberbank.ru:9443/'");
    expect(tls).not.toMatch(/Authorization|GIGACHAT_CREDENTIALS/);
  });

  it('none for checks that made no request', () => {
    expect(curlFor(check('endpoints', 'fail', 'ENDPOINT_KNOWN_WRONG'), { settings: settingsFor(), shell: 'posix' })).toBeNull();
    expect(curlFor(check('oauth', 'pass', 'OAUTH_OK'), { settings: settingsFor(), shell: 'posix' })).toBeNull();
  });
});

describe('tildify', () => {
  it('replaces the home directory, not a longer name that starts with it', () => {
    expect(tildify('/home/anna/x and /home/annabel/y and /home/anna', ['/home/anna'])).toBe('~/x and /home/annabel/y and ~');
    expect(tildify('C:\\Users\\Anna\\certs\\ca.pem', ['C:\\Users\\anna'])).toBe('~\\certs\\ca.pem');
  });
});

// ---------------------------------------------------------------------------------------------
// Property test: generated secrets never reach the report, in any encoding; the self-check
// refuses a report in which one is planted. A fixed seed keeps failures reproducible.

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generators(rand: () => number) {
  const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(rand() * chars.length)]).join('');
  const hex = '0123456789abcdef';
  const uuid = () => `${pick(hex, 8)}-${pick(hex, 4)}-4${pick(hex, 3)}-${pick('89ab', 1)}${pick(hex, 3)}-${pick(hex, 12)}`;
  const b64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return {
    uuid,
    key: () => {
      const id = uuid();
      const secret = uuid();
      return { id, secret, key: Buffer.from(`${id}:${secret}`).toString('base64') };
    },
    token: () => `eyJ${pick(b64url, 30)}.${pick(b64url, 300)}.${pick(b64url, 22)}.${pick(b64url, 800)}.${pick(b64url, 22)}`,
    password: () => pick('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()_+-=[]{};:,.<>?/~|`\'" ', 8 + Math.floor(rand() * 17)),
  };
}

/** The forms a reader could recognise: raw, base64 (padded, unpadded, url), URL-encoded, JSON-escaped. */
function forms(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64');
  return [secret, b64, b64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url'), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]
    .filter((f) => f.trim().length >= 8);
}

/** A report as a careless check could make it: the secrets in a server message, a URL, a remedy, a note. */
function leakyReport(s: { key: string; secret: string; token: string; password: string }): Report {
  const echo = `server said: key=${s.key} token ${s.token} b64 ${Buffer.from(s.password).toString('base64')} url ${encodeURIComponent(s.password)} secret ${s.secret}`;
  const report = scopeMismatchReport();
  const oauth = report.checks[6];
  oauth.details = { ...oauth.details, message: echo, http: { ...(oauth.details.http as object), url: `https://ngw.devices.sberbank.ru:9443/api/v2/oauth?t=${encodeURIComponent(s.token)}` } };
  oauth.summary = `${oauth.summary} (${s.password})`;
  oauth.remediation = [...oauth.remediation, `do not paste ${s.key}`];
  oauth.details.notes = [{ code: 'CLOCK_SKEW', summary: `note ${s.token}`, remediation: [`again ${s.secret}`] }];
  return report;
}

describe('property: secrets never reach the Markdown report', () => {
  const rand = mulberry32(0x61a7c0de);
  const gen = generators(rand);

  it('for 60 generated key/token/password sets, in every encoding', () => {
    for (let n = 0; n < 60; n++) {
      const { id, secret, key } = gen.key();
      const token = gen.token();
      const password = gen.password();
      const settings = settingsFor({ GIGACHAT_CREDENTIALS: key, HTTPS_PROXY: `http://user:${encodeURIComponent(password)}@proxy.corp:3128` }, { lang: n % 2 ? 'ru' : 'en' });
      // What diagnose() does: every secret the run knew into one scrubber, the report scrubbed as JSON.
      const scrubber = new Scrubber();
      for (const v of settings.secretValues) scrubber.add(v);
      scrubber.add(settings.credential?.secret);
      scrubber.add(token);
      const report = JSON.parse(scrubber.scrub(JSON.stringify(leakyReport({ key, secret, token, password })))) as Report;
      const md = renderMarkdown(report, { ...ctxOf(settings), scrub: (t) => scrubber.scrub(t) });
      for (const s of [key, id, secret, token, password]) {
        for (const f of forms(s)) expect(md.includes(f), `run ${n}: a form of a secret (${f.length} chars) is in the report`).toBe(false);
      }
      expect(selfCheck(md, scrubber)).toBeNull();
    }
  });

  it('the self-check refuses when one is planted, whatever the encoding and wherever it lands', () => {
    for (let n = 0; n < 40; n++) {
      const { key } = gen.key();
      const token = gen.token();
      const password = gen.password().replace(/\s/g, 'x');
      const settings = settingsFor({ GIGACHAT_CREDENTIALS: key });
      const scrubber = new Scrubber();
      scrubber.add(key);
      scrubber.add(token);
      scrubber.add(password);
      const plant = [key, token, password][n % 3];
      const encoded = [plant, Buffer.from(plant).toString('base64'), encodeURIComponent(plant), `${plant.slice(0, 10)}\n${plant.slice(10)}`][Math.floor(n / 3) % 4];
      // A renderer bug: a settings value printed without ctx.scrub.
      const leaky: Settings = { ...settings, model: { value: encoded, source: 'env', name: 'GIGACHAT_MODEL' } };
      const md = renderMarkdown(scopeMismatchReport(), ctxOf(leaky));
      expect(selfCheck(md, scrubber), `run ${n}`).toMatch(/report not printed: the self-check found a secret/);
      expect(selfCheck(md, scrubber, 'ru')).toMatch(/отчёт не выведен/);
    }
  });
});
