/**
 * Hostile servers, through the built CLI: whatever a server does, the run ends in bounded time
 * and memory, with an exit code 0–3, a verdict that names what happened, no stack trace and no
 * secret in any output. (Finding codes in detail: test/e2e/{oauth,api}.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, startSilentPort, type MockServer, type Scenario } from '../../src/mock/index.js';
import type { Report } from '../../src/types.js';
import { checkOf, expectNoSecrets, mockEnv, runCli, type CliRun } from './cli.js';
import { endlessBody, expectGuarantees, expectNoFragments, expectNoRawControls, peakMemoryProbe, startHostileServer, type HostileServer } from './hostile-kit.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

/** One run against the mock in `scenario`, JSON out; every guarantee checked. */
async function runScenario(scenario: Scenario, args: string[] = [], withinMs = 10_000): Promise<{ run: CliRun; report: Report }> {
  mock.setScenario(scenario);
  const run = await runCli(['check', '--json', '--timeout', '1500', ...args], { env: mockEnv(mock) });
  expectGuarantees(run, { withinMs });
  expectNoSecrets(run, mock);
  expect(run.stderr).toBe('');
  const report = run.json();
  expect(report.exitCode).toBe(run.code);
  return { run, report };
}

describe('hostile answers from the mock', () => {
  it('a 5 MiB body is read up to the 1 MiB cap and reported as too large, memory bounded', async () => {
    const mem = peakMemoryProbe();
    mock.setScenario('huge-body');
    const run = await runCli(['check', '--json', '--timeout', '3000'], { env: mockEnv(mock, mem.env) });
    expectGuarantees(run, { withinMs: 10_000, codes: [1] });
    expectNoSecrets(run, mock);
    expect(checkOf(run.json(), 'models')).toMatchObject({ status: 'fail', code: 'API_BAD_RESPONSE', details: { reason: 'too-large' } });
    const kib = mem.readKiB();
    expect(kib).not.toBeNull();
    expect(kib!).toBeLessThan(256 * 1024);
  });

  it('a body trickled one byte a second: --timeout 1500 ends the run within a few seconds', async () => {
    const { run, report } = await runScenario('trickle', [], 6_000);
    expect(checkOf(report, 'models')).toMatchObject({ status: 'fail', code: 'API_TIMEOUT' });
    expect(run.code).toBe(3);
    expect(run.ms).toBeLessThan(6_000);
  });

  it('invalid UTF-8 in the body is API_BAD_RESPONSE, reason invalid-utf8; no raw byte reaches the output', async () => {
    const { run, report } = await runScenario('invalid-utf8');
    expect(checkOf(report, 'models')).toMatchObject({ status: 'fail', code: 'API_BAD_RESPONSE', details: { reason: 'invalid-utf8' } });
    expect(run.stdout).not.toContain('\uFFFD');
    expectNoRawControls(run.stdout);
  });

  it('JSON of the wrong shape is *_BAD_RESPONSE naming the field', async () => {
    const models = await runScenario('models-wrong-shape');
    expect(checkOf(models.report, 'models')).toMatchObject({ code: 'API_BAD_RESPONSE', details: { reason: 'wrong-shape', field: 'data' } });
    const oauth = await runScenario('auth-wrong-shape');
    expect(checkOf(oauth.report, 'oauth')).toMatchObject({ code: 'OAUTH_BAD_RESPONSE', details: { reason: 'wrong-shape' } });
  });

  it('an OAuth answer without a token names the missing field', async () => {
    const oauth = await runScenario('auth-wrong-shape');
    expect(String(checkOf(oauth.report, 'oauth').details.field)).toMatch(/access_token|tok/);
  });

  it('an HTML page where JSON belongs is *_BAD_RESPONSE, reason not-json, body kind html', async () => {
    const { report } = await runScenario('auth-bad-json');
    expect(checkOf(report, 'oauth')).toMatchObject({ code: 'OAUTH_BAD_RESPONSE', details: { reason: 'not-json', bodyKind: 'html' } });
    const cut = await runScenario('models-bad-json');
    expect(checkOf(cut.report, 'models')).toMatchObject({ code: 'API_BAD_RESPONSE', details: { reason: 'not-json' } });
    const chat = await runScenario('chat-bad-json');
    expect(checkOf(chat.report, 'chat')).toMatchObject({ code: 'CHAT_BAD_RESPONSE', details: { reason: 'not-json' } });
  });

  it('a connection reset mid-body is a connection failure, not a crash', async () => {
    const { report } = await runScenario('reset');
    const models = checkOf(report, 'models');
    expect(models.status).toBe('fail');
    expect(models.code).toMatch(/CONNECTION_RESET|API_BAD_RESPONSE|API_TIMEOUT/);
  });

  it('answers that never come (auth, API, chat) end at the per-step timeout', async () => {
    for (const [scenario, id, code] of [['auth-hang', 'oauth', 'OAUTH_TIMEOUT'], ['api-hang', 'models', 'API_TIMEOUT'], ['chat-hang', 'chat', 'CHAT_TIMEOUT']] as const) {
      const { run, report } = await runScenario(scenario, [], 6_000);
      expect(checkOf(report, id)).toMatchObject({ status: 'fail', code });
      expect(run.code).toBe(3);
    }
  });

  it('every hostile mode in every output format: exit 0–3, no stack trace, no secret, no raw control', async () => {
    const modes: Scenario[] = ['huge-body', 'invalid-utf8', 'models-wrong-shape', 'auth-bad-json', 'redirect-api'];
    for (const scenario of modes) {
      mock.setScenario(scenario);
      const runs = await Promise.all(
        ['human', 'markdown', 'junit'].map((format) => runCli(['check', '--format', format, '--timeout', '2000', '--verbose'], { env: mockEnv(mock) })),
      );
      for (const run of runs) {
        expectGuarantees(run, { withinMs: 12_000 });
        expectNoSecrets(run, mock);
        expectNoRawControls(run.stdout);
        expect(run.stdout.length, scenario).toBeGreaterThan(0);
      }
    }
  }, 120_000);
});

describe('hostile answers beyond the mock', () => {
  let server: HostileServer | undefined;
  afterAll(() => server?.close());

  async function againstServer(handler: Parameters<typeof startHostileServer>[1], args: string[] = [], extraEnv: Record<string, string> = {}) {
    await server?.close();
    server = await startHostileServer(mock, handler);
    mock.setScenario('ok');
    const run = await runCli(['check', '--json', '--timeout', '1500', ...args], {
      env: mockEnv(mock, { GIGACHAT_BASE_URL: server.baseUrl, ...extraEnv }),
    });
    expectGuarantees(run, { withinMs: 10_000 });
    expectNoSecrets(run, mock);
    return { run, report: run.json(), server };
  }

  it('an endless body: the client stops at the cap and hangs up; memory stays bounded', async () => {
    const mem = peakMemoryProbe();
    const { report, server: s } = await againstServer(
      (_req, res, srv) => endlessBody(res, '{"object":"list","data":[', `{"id":"GigaChat-${'x'.repeat(200)}","object":"model"},`, srv),
      [],
      mem.env,
    );
    expect(checkOf(report, 'models')).toMatchObject({ code: 'API_BAD_RESPONSE', details: { reason: 'too-large' } });
    // 1 MiB read, plus what socket and TLS buffers held when it hung up.
    expect(s.bytesWritten).toBeLessThan(16 * 1024 * 1024);
    await new Promise((r) => setTimeout(r, 100));
    expect(s.clientHungUp).toBe(true);
    expect(mem.readKiB()!).toBeLessThan(256 * 1024);
  });

  it('headers that never end (one byte every 200 ms) end at the timeout', async () => {
    const { run, report } = await againstServer((_req, res, _srv, timers) => {
      const socket = res.socket!;
      socket.write('HTTP/1.1 200 OK\r\nX-Slow: ');
      const t = setInterval(() => (socket.destroyed ? clearInterval(t) : socket.write('a')), 200);
      timers.add(t);
    });
    expect(checkOf(report, 'models')).toMatchObject({ status: 'fail', code: 'API_TIMEOUT' });
    expect(run.ms).toBeLessThan(6_000);
  });

  it('a flood of headers is a failed verdict, not a crash', async () => {
    const { report } = await againstServer((_req, res) => {
      res.socket!.end(`HTTP/1.1 200 OK\r\n${Array.from({ length: 2000 }, (_, i) => `X-H${i}: ${'v'.repeat(60)}`).join('\r\n')}\r\n\r\n{}`);
    });
    expect(checkOf(report, 'models').status).toBe('fail');
  });

  it('bytes that are not HTTP at all are a failed verdict, not a crash', async () => {
    const { report } = await againstServer((_req, res) => {
      res.socket!.end(Buffer.from([0x16, 0x03, 0x01, 0xff, 0xff, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x0a, 0x0d, 0x0a]));
    });
    expect(checkOf(report, 'models').status).toBe('fail');
  });

  it('a broken chunked encoding is a failed verdict, not a crash', async () => {
    const { report } = await againstServer((_req, res) => {
      res.socket!.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n{"data":[]}\r\n0\r\n\r\n');
    });
    expect(checkOf(report, 'models').status).toBe('fail');
  });

  // A header flood, bytes that are no HTTP at all, a broken chunk size (undici's HTTPParserError):
  // the server answered, badly — a bad response, not an unreachable host with firewall advice.
  it('an answer that is not valid HTTP is a bad response, not an unreachable host', async () => {
    const { report } = await againstServer((_req, res) => {
      res.socket!.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n{"data":[]}\r\n0\r\n\r\n');
    });
    expect(checkOf(report, 'models').code).toMatch(/BAD_RESPONSE/);
  });

  it('a body cut short of its Content-Length (the server closes cleanly): the connection was cut, not a pass', async () => {
    const { run, report } = await againstServer((_req, res) => {
      res.socket!.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{"object":"list","data":[');
    });
    expect(checkOf(report, 'models')).toMatchObject({ status: 'fail', code: 'CONNECTION_RESET' });
    expect(run.code).toBe(1);
  });

  it('JSON nested a hundred thousand deep, HTML with 200, an escape-laden error message: verdicts, sanitized', async () => {
    const deep = await againstServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    });
    expect(checkOf(deep.report, 'models')).toMatchObject({ code: 'API_BAD_RESPONSE', details: { reason: 'wrong-shape' } });

    const html = await againstServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>Login required</body></html>');
    });
    expect(checkOf(html.report, 'models')).toMatchObject({ code: 'API_BAD_RESPONSE', details: { reason: 'not-json', bodyKind: 'html' } });
  });

  it('a header with control characters in it is a failed verdict, not a crash', async () => {
    const { report } = await againstServer((_req, res) => {
      res.socket!.end('HTTP/1.1 403 Forbidden\r\nServer: evil\x1b]0;pwned\x07\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
    });
    expect(checkOf(report, 'models').status).toBe('fail');
  });

  it('a server whose error message and headers carry terminal escapes: a verdict, and the escapes never reach the terminal raw', async () => {
    const { report } = await againstServer(evilForbidden);
    expect(checkOf(report, 'models')).toMatchObject({ status: 'fail', code: 'API_FORBIDDEN' });
    const human = await runCli(['check', '--timeout', '1500', '--verbose'], { env: mockEnv(mock, { GIGACHAT_BASE_URL: server!.baseUrl }) });
    expectGuarantees(human, { withinMs: 10_000 });
    expectNoRawControls(human.stdout);
    expect(human.stdout).toMatch(/denied␛\[2J␛\[H␍/);
  });

  // The report is sanitized (diagnose.ts, sanitizeDeep): a line feed in a value is shown as `\n`.
  it('a server message cannot forge a line of the report', async () => {
    await againstServer((_req, res) => {
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 403, message: 'denied\n✓ Models list        all good' }));
    });
    const human = await runCli(['check', '--timeout', '1500'], { env: mockEnv(mock, { GIGACHAT_BASE_URL: server!.baseUrl }) });
    expect(human.stdout).not.toMatch(/^✓ Models list {8}all good/m);
  });
});

/** 403 whose message would clear the screen, home the cursor, forge a line and reorder text. */
function evilForbidden(_req: unknown, res: import('node:http').ServerResponse): void {
  const body = JSON.stringify({ status: 403, message: 'denied\x1b[2J\x1b[H\r\u2713 all good\u202Eok\x07' });
  // Raw bytes: node:http would refuse to send such a header. UTF-8 of U+202E read as latin1 holds a C1 control.
  const head = `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nX-Request-Id: req-\u202Edi-tseuqer\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  res.socket!.end(Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from(body, 'utf8')]));
}

describe('servers that echo the credentials they were sent', () => {
  let echo: HostileServer | undefined;
  afterAll(() => echo?.close());

  /** Echoes the Authorization it got (raw, base64, URL-encoded, split) in a header, the message, a redirect. */
  const echoing = (status: number) => (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const auth = String(req.headers.authorization ?? '');
    const value = auth.replace(/^\S+ /, '');
    const message = `you sent ${auth} = ${Buffer.from(value).toString('base64')} = ${encodeURIComponent(value)} = ${value.slice(0, 30)}\n${value.slice(30)}`;
    const headers = [
      `HTTP/1.1 ${status} Echo`,
      'Content-Type: application/json',
      `X-Request-Id: ${value}`,
      `X-Session-Id: ${encodeURIComponent(value)}`,
      `Server: echo ${Buffer.from(value).toString('base64url')}`,
      `Location: https://evil.example.test/cb?token=${encodeURIComponent(value)}#${value}`,
      `Retry-After: ${value}`,
      'Connection: close',
    ];
    const body = JSON.stringify({ status, code: 6, message, detail: { token: value } });
    res.socket!.end(`${headers.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };

  it.each([401, 429, 500, 302, 200])('an API host answering %i with the token everywhere: the token is in no output', async (status) => {
    await echo?.close();
    echo = await startHostileServer(mock, echoing(status));
    mock.setScenario('ok');
    const formats = ['json', 'human', 'markdown', 'junit'];
    const runs = await Promise.all(formats.map((format) => runCli(['check', '--format', format, '--verbose', '--timeout', '1500'], { env: mockEnv(mock, { GIGACHAT_BASE_URL: echo!.baseUrl }) })));
    for (const [i, run] of runs.entries()) {
      const format = formats[i];
      expectGuarantees(run, { withinMs: 10_000 });
      expectNoSecrets(run, mock);
      expectNoFragments(run.stdout + run.stderr, [mock.issuedTokens[mock.issuedTokens.length - 1], mock.credentials]);
      expectNoRawControls(run.stdout, { allowColour: true });
      if (format === 'json' && [401, 403, 500].includes(status)) expect(run.stdout).toMatch(/you sent Bearer \[REDACTED\]/);
    }
    expect(echo.requests.length).toBeGreaterThan(0);
    expect(echo.requests.every((r) => /^Bearer eyJ/.test(r.authorization ?? ''))).toBe(true);
  });

  it.each([401, 200])('an auth host answering %i with the key everywhere: the key is in no output', async (status) => {
    await echo?.close();
    echo = await startHostileServer(mock, echoing(status));
    const formats = ['json', 'human', 'markdown', 'junit'];
    const runs = await Promise.all(formats.map((format) => runCli(['check', '--format', format, '--verbose', '--timeout', '1500'], { env: mockEnv(mock, { GIGACHAT_AUTH_URL: `${echo!.origin}/api/v2/oauth` }) })));
    for (const [i, run] of runs.entries()) {
      const format = formats[i];
      expectGuarantees(run, { withinMs: 10_000 });
      expectNoSecrets(run, mock);
      expectNoFragments(run.stdout + run.stderr, [mock.credentials, mock.clientId, mock.clientSecret]);
      if (format === 'json' && status !== 200) expect(run.stdout).toMatch(/you sent Basic \[REDACTED\]/);
    }
    expect(echo.requests.map((r) => r.authorization)).toContain(`Basic ${mock.credentials}`);
  });
});

describe('a password that happens to be a placeholder word', () => {
  let echo: HostileServer | undefined;
  afterAll(() => echo?.close());

  // Known placeholders may be quoted by CREDENTIALS_PLACEHOLDER, but only in the key's place:
  // a password that happens to be "changeme" is still a secret.
  it('GIGACHAT_PASSWORD=changeme echoed by the server is in no output', async () => {
    echo = await startHostileServer(mock, (req, res) => {
      const value = String(req.headers.authorization ?? '').replace(/^\S+ /, '');
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 401, message: `bad credentials ${value} (${Buffer.from(value, 'base64').toString()})` }));
    });
    const run = await runCli(['check', '--json', '--timeout', '1500'], {
      env: mockEnv(mock, { GIGACHAT_CREDENTIALS: undefined, GIGACHAT_USER: 'alice', GIGACHAT_PASSWORD: 'changeme', GIGACHAT_BASE_URL: echo.baseUrl }),
    });
    expectGuarantees(run, { withinMs: 10_000 });
    expect(echo.requests.length).toBeGreaterThan(0);
    expect(run.stdout).not.toContain(Buffer.from('alice:changeme').toString('base64'));
    expect(run.stdout).not.toContain('alice:changeme');
  });
});

describe('hostile answers beyond the mock, continued', () => {
  it('a server that accepts TCP and never speaks TLS: the tls check times out, the run ends', async () => {
    const silent = await startSilentPort();
    try {
      const run = await runCli(['check', '--json', '--timeout', '1000'], { env: mockEnv(mock, { GIGACHAT_BASE_URL: `${silent.origin}/api/v1` }) });
      expectGuarantees(run, { withinMs: 8_000 });
      expect(checkOf(run.json(), 'tls')).toMatchObject({ status: 'fail', code: 'TLS_TIMEOUT' });
    } finally {
      await silent.close();
    }
  });
});
