import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import {
  adminCommands,
  commentLine,
  envFileOwner,
  envFileText,
  formatDuration,
  noProxyFor,
  pasteVariables,
  renderBanner,
  renderScenarioList,
  shellArg,
  shellLines,
} from '../../../src/mock/paste.js';

const input = {
  authUrl: 'https://127.0.0.1:9443/api/v2/oauth',
  baseUrl: 'https://127.0.0.1:8443/api/v1',
  credentials: 'YWJjZGVmOmdoaWprbA+/==',
  scope: 'GIGACHAT_API_PERS',
  caFile: '/tmp/gigadoctor-mock-AbC/gigadoctor-mock-ca.pem',
};

describe('pasteVariables', () => {
  it('names every variable the SDKs and gigadoctor read, CA twice (Node and Python)', () => {
    expect(pasteVariables(input)).toEqual([
      ['GIGACHAT_AUTH_URL', input.authUrl],
      ['GIGACHAT_BASE_URL', input.baseUrl],
      ['GIGACHAT_CREDENTIALS', input.credentials],
      ['GIGACHAT_SCOPE', 'GIGACHAT_API_PERS'],
      ['NODE_EXTRA_CA_CERTS', input.caFile],
      ['GIGACHAT_CA_BUNDLE_FILE', input.caFile],
    ]);
    expect(pasteVariables({ ...input, noProxy: '127.0.0.1,localhost' }).at(-1)).toEqual(['NO_PROXY', '127.0.0.1,localhost']);
  });

  it('NO_PROXY only when a proxy is set and loopback is not already excluded', () => {
    expect(noProxyFor({})).toBeUndefined();
    expect(noProxyFor({ https_proxy: 'http://proxy:3128' })).toBe('127.0.0.1,localhost');
    expect(noProxyFor({ HTTP_PROXY: 'http://p:1', no_proxy: 'corp.local, localhost' })).toBe('127.0.0.1,corp.local,localhost');
    expect(noProxyFor({ HTTPS_PROXY: 'http://p:1', NO_PROXY: 'localhost,127.0.0.1' })).toBeUndefined();
  });
});

describe('shell lines', () => {
  const vars = pasteVariables({ ...input, caFile: "C:\\Users\\O'Neil\\AppData\\Local\\Temp\\gigadoctor-mock-x\\ca.pem" });

  it('posix: export, quoted only where needed', () => {
    const lines = shellLines(vars, 'posix');
    expect(lines[0]).toBe(`export GIGACHAT_AUTH_URL=${input.authUrl}`);
    expect(lines[2]).toBe(`export GIGACHAT_CREDENTIALS=${input.credentials}`);
    expect(lines[4]).toBe(`export NODE_EXTRA_CA_CERTS='C:\\Users\\O'\\''Neil\\AppData\\Local\\Temp\\gigadoctor-mock-x\\ca.pem'`);
  });

  it('powershell and cmd', () => {
    expect(shellLines(vars, 'powershell')[2]).toBe(`$env:GIGACHAT_CREDENTIALS = "${input.credentials}"`);
    expect(shellLines(vars, 'cmd')[4]).toBe(`set "NODE_EXTRA_CA_CERTS=C:\\Users\\O'Neil\\AppData\\Local\\Temp\\gigadoctor-mock-x\\ca.pem"`);
  });

  it('comments: # in sh and PowerShell, rem in cmd', () => {
    expect(commentLine('posix', 'hi')).toBe('# hi');
    expect(commentLine('powershell')).toBe('#');
    expect(commentLine('cmd', 'hi')).toBe('rem hi');
  });

  it('arguments', () => {
    expect(shellArg('posix', '/tmp/a.pem')).toBe('/tmp/a.pem');
    expect(shellArg('posix', '/tmp/my dir/a.pem')).toBe("'/tmp/my dir/a.pem'");
    expect(shellArg('powershell', "C:\\O'N\\a.pem")).toBe("'C:\\O''N\\a.pem'");
    expect(shellArg('cmd', 'C:\\my dir\\a.pem')).toBe('"C:\\my dir\\a.pem"');
  });
});

describe('.env file', () => {
  const withoutNodeCa = (vars: ReturnType<typeof pasteVariables>) =>
    Object.fromEntries(vars.filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));

  it('dotenv reads back exactly the values, whatever they hold', () => {
    const vars = pasteVariables({ ...input, caFile: "/tmp/it's here #1/ca.pem" });
    expect(parse(envFileText(vars, 4242))).toEqual(withoutNodeCa(vars));
    const windows = pasteVariables({ ...input, caFile: 'C:\\Users\\me\\AppData\\Local\\Temp\\gigadoctor-mock-x\\ca.pem' });
    expect(parse(envFileText(windows, 4242))).toEqual(withoutNodeCa(windows));
  });

  it('leaves NODE_EXTRA_CA_CERTS out (too late in a .env) and says where to set it instead', () => {
    const text = envFileText(pasteVariables(input), 4242);
    expect(text).toMatch(/^# Written by `gigadoctor mock` \(pid 4242\); removed when the mock stops\. Keep it out of git\.\n/);
    expect(envFileOwner(text)).toBe(4242);
    expect(envFileOwner(`GIGACHAT_SCOPE=x\n${text}`)).toBeNull(); // only a first line of ours counts
    expect(parse(text)).not.toHaveProperty('NODE_EXTRA_CA_CERTS');
    expect(text).toContain('Node reads NODE_EXTRA_CA_CERTS only when it starts');
    expect(text).toContain(`# NODE_EXTRA_CA_CERTS=${input.caFile}\n`);
    expect(parse(text).GIGACHAT_CA_BUNDLE_FILE).toBe(input.caFile);
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('admin commands', () => {
  const TOKEN = 'q7W-x_9AbCdEfGhIjKlMnOpQrStUvWxY';
  it('curl with --cacert, the admin token and a form body, never -k; curl.exe in PowerShell', () => {
    const posix = adminCommands('https://127.0.0.1:8443', '/tmp/x/ca.pem', 'posix', TOKEN);
    expect(posix.scenario('chat-hang')).toBe(`curl --cacert /tmp/x/ca.pem -H X-Admin-Token:${TOKEN} -d scenario=chat-hang https://127.0.0.1:8443/__admin/scenario`);
    expect(posix.expireTokens).toBe(`curl --cacert /tmp/x/ca.pem -H X-Admin-Token:${TOKEN} -X POST https://127.0.0.1:8443/__admin/expire-tokens`);
    const ps = adminCommands('https://127.0.0.1:8443', 'C:\\Temp dir\\ca.pem', 'powershell', TOKEN);
    expect(ps.scenario('ok')).toBe(`curl.exe --cacert 'C:\\Temp dir\\ca.pem' -H X-Admin-Token:${TOKEN} -d scenario=ok https://127.0.0.1:8443/__admin/scenario`);
    const cmd = adminCommands('https://127.0.0.1:8443', 'C:\\Temp dir\\ca.pem', 'cmd', TOKEN);
    expect(cmd.scenario('ok')).toBe(`curl --cacert "C:\\Temp dir\\ca.pem" -H X-Admin-Token:${TOKEN} -d scenario=ok https://127.0.0.1:8443/__admin/scenario`);
  });
});

describe('banner', () => {
  const banner = {
    ...input,
    version: '9.9.9',
    apiOrigin: 'https://127.0.0.1:8443',
    scenario: 'ok',
    latencyMs: 0,
    tokenTtlMs: 30 * 60 * 1000,
    adminToken: 'Zt5-admin_token_of_this_run_0123',
  };

  it('only the variable lines are commands, in every shell', () => {
    for (const shell of ['posix', 'powershell', 'cmd'] as const) {
      const lines = renderBanner(banner, shell).trimEnd().split('\n');
      const commands = lines.filter((l) => !l.startsWith(shell === 'cmd' ? 'rem' : '#'));
      expect(commands).toEqual(shellLines(pasteVariables(banner), shell));
      expect(lines.at(-1)).toBe(commentLine(shell, 'Ctrl-C to stop.'));
    }
  });

  it('names the servers, scenario, lifetimes, the .env file and the admin commands; no -k', () => {
    const text = renderBanner({ ...banner, latencyMs: 200, tokenTtlMs: 5000, envOut: '/work/app.env' }, 'posix');
    expect(text).toContain('#   OAuth  https://127.0.0.1:9443/api/v2/oauth\n');
    expect(text).toContain('#   scenario ok; key scope GIGACHAT_API_PERS; latency 200 ms; tokens live 5 s\n');
    expect(text).toContain('# The same variables, NODE_EXTRA_CA_CERTS aside, are in /work/app.env (removed when the mock stops).\n');
    expect(text).toContain('# Keep that file out of git (add it to .gitignore): a key scanner cannot tell a throwaway key from a real one.\n');
    expect(renderBanner(banner, 'posix')).not.toContain('out of git'); // no file, nothing to keep out
    expect(text).toContain(`#   curl --cacert ${input.caFile} -H X-Admin-Token:${banner.adminToken} -d scenario=chat-payment-required https://127.0.0.1:8443/__admin/scenario\n`);
    expect(text).toContain(`#   curl --cacert ${input.caFile} -H X-Admin-Token:${banner.adminToken} -X POST https://127.0.0.1:8443/__admin/expire-tokens\n`);
    expect(text).not.toMatch(/\s-k\s|--insecure/);
  });

  it('durations', () => {
    expect(formatDuration(30 * 60 * 1000)).toBe('30 min');
    expect(formatDuration(90_000)).toBe('90 s');
    expect(formatDuration(1500)).toBe('1500 ms');
  });
});

describe('scenario list', () => {
  it('aligns names and descriptions', () => {
    const text = renderScenarioList([
      { name: 'ok', description: 'all fine' },
      { name: 'chat-hang', description: 'never answers' },
    ]);
    expect(text).toContain('\n  ok         all fine\n  chat-hang  never answers\n');
  });
});
