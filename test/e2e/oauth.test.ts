/**
 * oauth, through the built CLI: the token exchange and every answer the OAuth host is known to
 * give, with its exit code (3 when a retry may pass), and never a secret in the output.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAuthorizationKey, startMock, type MockServer, type Scenario } from '../../src/mock/index.js';
import { checkOf, expectClean, mockEnv, reportOf, requestsSince, runCli, type CliRun } from './cli.js';

const OFFICIAL_AUTH = 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth';
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/**
 * A hang or trickle case must end well before the 10 s default timeout would: proof that
 * --timeout was honoured, with room for CLI start-up on a loaded two-core machine.
 */
const HONOURED_TIMEOUT_MS = 9000;

let mock: MockServer;
/** A key issued for GIGACHAT_API_B2B. */
let b2b: MockServer;
/** A server whose clock runs ten minutes ahead. */
let skewed: MockServer;
const SKEW_MS = 10 * 60 * 1000;

beforeAll(async () => {
  [mock, b2b, skewed] = await Promise.all([
    startMock(),
    startMock({ keyScope: 'GIGACHAT_API_B2B' }),
    startMock({ dateOffsetMs: SKEW_MS }),
  ]);
});
afterAll(() => Promise.all([mock, b2b, skewed].map((m) => m?.close())));

function check(server: MockServer, args: string[] = [], env: Record<string, string | undefined> = {}, killAfterMs?: number): Promise<CliRun> {
  return runCli(['check', '--json', ...args], { env: mockEnv(server, env), killAfterMs });
}

/** Runs the default mock in a scenario and returns the run and the requests it made. */
async function inScenario(scenario: Scenario, args: string[] = [], env: Record<string, string | undefined> = {}) {
  mock.setScenario(scenario);
  const before = mock.requests.length;
  try {
    const run = await check(mock, args, env, 15_000);
    return { run, report: reportOf(run), requests: requestsSince(mock, before) };
  } finally {
    mock.setScenario('ok');
  }
}

/** The oauth check failed with `code`; models and chat are blocked by oauth; the exit code matches. */
function expectOauthFailure(run: CliRun, code: string, exitCode: 1 | 3) {
  const report = reportOf(run);
  const oauth = checkOf(report, 'oauth');
  expect(oauth).toMatchObject({ status: 'fail', code, transient: exitCode === 3, blockedBy: null });
  for (const id of ['models', 'chat']) expect(checkOf(report, id), id).toMatchObject({ status: 'skip', code: 'BLOCKED', blockedBy: 'oauth' });
  expect(run.code).toBe(exitCode);
  expect(report.exitCode).toBe(exitCode);
  return oauth;
}

describe('oauth: answers about the key and the scope', () => {
  it('a valid key: OAUTH_OK with the access_token shape, the RqUID sent, and the expiry', async () => {
    const { run, report, requests } = await inScenario('ok', ['--no-chat']);
    const oauth = checkOf(report, 'oauth');
    const sent = requests.find((r) => r.server === 'auth')!;
    expect(oauth).toMatchObject({
      status: 'pass', code: 'OAUTH_OK',
      details: { url: mock.authUrl, status: 200, shape: 'access_token', flow: 'key', rqUid: sent.headers.rquid, tokenLength: mock.issuedTokens.at(-1)!.length },
    });
    expect(String(oauth.details.rqUid)).toMatch(UUID4);
    expect(Number(oauth.details.expiresInSec)).toBeGreaterThan(1790);
    expect(Number(oauth.details.expiresInSec)).toBeLessThanOrEqual(1801);
    expect(run.code).toBe(0);
    expectClean(run, mock);
  });

  it('a well-formed key the server does not know: OAUTH_BAD_CREDENTIALS (401, code 6)', async () => {
    const other = makeAuthorizationKey(randomUUID(), randomUUID());
    const run = await check(mock, [], { GIGACHAT_CREDENTIALS: other });
    const oauth = expectOauthFailure(run, 'OAUTH_BAD_CREDENTIALS', 1);
    expect(oauth.details).toMatchObject({ status: 401, code: 6, message: "credentials doesn't match db data", url: mock.authUrl });
    expect(String(oauth.details.rqUid)).toMatch(UUID4);
    expect(checkOf(reportOf(run), 'format').status).toBe('pass');
    expectClean(run, mock, [other, ...Buffer.from(other, 'base64').toString().split(':')]);
  });

  it('a key the server cannot decode (format check skipped): OAUTH_UNDECODABLE_CREDENTIALS (400, code 4)', async () => {
    const raw = `${mock.clientId}:${mock.clientSecret}`;
    const run = await check(mock, ['--skip', 'format'], { GIGACHAT_CREDENTIALS: raw });
    const oauth = expectOauthFailure(run, 'OAUTH_UNDECODABLE_CREDENTIALS', 1);
    expect(oauth.details).toMatchObject({ status: 400, code: 4, message: "Can't decode 'Authorization' header" });
    expect(checkOf(reportOf(run), 'format')).toMatchObject({ status: 'skip', code: 'SKIPPED_BY_OPTION' });
    expectClean(run, mock, [raw]);
  });

  it('a B2B key asked for the default PERS scope: OAUTH_SCOPE_MISMATCH (code 7) naming the other scopes', async () => {
    const run = await check(b2b);
    const oauth = expectOauthFailure(run, 'OAUTH_SCOPE_MISMATCH', 1);
    expect(oauth.details).toMatchObject({
      status: 400, code: 7, scope: 'GIGACHAT_API_PERS', otherScopes: ['GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'],
    });
    expect(oauth.remediation.join('\n')).toMatch(/GIGACHAT_API_B2B/);
    expectClean(run, b2b);

    // Control: the same key with its own scope gets a token.
    const right = await check(b2b, ['--no-chat', '--scope', 'GIGACHAT_API_B2B']);
    expect(checkOf(reportOf(right), 'oauth')).toMatchObject({ status: 'pass', code: 'OAUTH_OK' });
    expect(right.code).toBe(0);
    expectClean(right, b2b);
  });

  it('a scope the server rejects (format check skipped): OAUTH_SCOPE_INVALID for code 1 and for code 5', async () => {
    const bad = await inScenario('ok', ['--skip', 'format', '--scope', 'GIGACHAT_API_FOO']);
    const invalid = expectOauthFailure(bad.run, 'OAUTH_SCOPE_INVALID', 1);
    expect(invalid.details).toMatchObject({ status: 400, code: 1, scope: 'GIGACHAT_API_FOO', message: 'scope data format invalid' });
    expect(bad.requests.find((r) => r.server === 'auth')!.body).toBe('scope=GIGACHAT_API_FOO');
    expectClean(bad.run, mock);

    const empty = await inScenario('ok', ['--skip', 'format', '--scope', '']);
    const emptyScope = expectOauthFailure(empty.run, 'OAUTH_SCOPE_INVALID', 1);
    expect(emptyScope.details).toMatchObject({ status: 400, code: 5, scope: '', message: 'scope is empty' });
    expectClean(empty.run, mock);
  });
});

describe('oauth: answers from the wrong place', () => {
  it('the bare OAuth host (the guide\'s 403): the endpoints check refuses it first, ENDPOINT_BAD_PATH; nothing is posted', async () => {
    const before = mock.requests.length;
    const run = await check(mock, [], { GIGACHAT_AUTH_URL: `${mock.authOrigin}/` });
    const report = reportOf(run);
    expect(checkOf(report, 'endpoints')).toMatchObject({
      status: 'fail', code: 'ENDPOINT_BAD_PATH',
      details: { which: 'auth', path: '/', expectedPath: '/api/v2/oauth', suggestion: mock.authUrl, variable: 'GIGACHAT_AUTH_URL' },
    });
    expect(checkOf(report, 'endpoints').remediation.join('\n')).toMatch(/403/);
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'skip', code: 'BLOCKED', blockedBy: 'endpoints' });
    expect(requestsSince(mock, before)).toEqual([]);
    expect(run.code).toBe(1);
    expectClean(run, mock);
  });

  it('a 403 from the auth URL (a gateway that refuses the path): OAUTH_FORBIDDEN with the expected path', async () => {
    // The bare host cannot be reached past the endpoints check; a 403 from a path the check lets through can.
    const { run, requests } = await inScenario('api-forbidden', [], { GIGACHAT_AUTH_URL: `${mock.apiOrigin}/api/v1/oauth-gateway` });
    const oauth = expectOauthFailure(run, 'OAUTH_FORBIDDEN', 1);
    expect(oauth.details).toMatchObject({ status: 403, message: 'Permission denied', expectedPath: '/api/v2/oauth' });
    expect(requests.map((r) => `${r.server} ${r.method} ${r.path}`)).toEqual(['api POST /api/v1/oauth-gateway']);
    expectClean(run, mock);
  });

  it('404 with an HTML page (the guide\'s wrong URL): OAUTH_NOT_FOUND, body kind html, the official URL', async () => {
    const { run } = await inScenario('auth-not-found-html');
    const oauth = expectOauthFailure(run, 'OAUTH_NOT_FOUND', 1);
    expect(oauth.details).toMatchObject({ status: 404, bodyKind: 'html', expectedUrl: OFFICIAL_AUTH, url: mock.authUrl });
    expectClean(run, mock);
  });

  it('the OAuth URL with a trailing slash: the 404 it gets names the URL as written, slash included', async () => {
    const before = mock.requests.length;
    const run = await check(mock, [], { GIGACHAT_AUTH_URL: `${mock.authUrl}/` });
    const oauth = expectOauthFailure(run, 'OAUTH_NOT_FOUND', 1);
    expect(oauth.details).toMatchObject({ status: 404, url: `${mock.authUrl}/` });
    expect(requestsSince(mock, before).find((r) => r.server === 'auth')!.path).toBe('/api/v2/oauth/');
    expectClean(run, mock);
  });

  it('a redirect to another host: OAUTH_REDIRECT, not followed — the key never reaches /__redirected', async () => {
    const { run, requests } = await inScenario('auth-redirect');
    const oauth = expectOauthFailure(run, 'OAUTH_REDIRECT', 1);
    expect(oauth.details).toMatchObject({ status: 302, url: mock.authUrl });
    expect(String(oauth.details.location)).toMatch(/^https:\/\/localhost:\d+\/__redirected\/api\/v2\/oauth$/);
    expect(requests.map((r) => `${r.server} ${r.path}`)).toEqual(['auth /api/v2/oauth']);
    expect(mock.requests.some((r) => r.path.startsWith('/__redirected'))).toBe(false);
    expectClean(run, mock);
  });
});

describe('oauth: answers a retry may fix (exit 3)', () => {
  it('429 with Retry-After: OAUTH_RATE_LIMITED, retryAfter in details, exit 3', async () => {
    const { run } = await inScenario('auth-rate-limited');
    const oauth = expectOauthFailure(run, 'OAUTH_RATE_LIMITED', 3);
    expect(oauth.details).toMatchObject({ status: 429, retryAfter: 3 });
    expectClean(run, mock);
  });

  it('502 from the gateway: OAUTH_SERVER_ERROR, exit 3, and the human report says inconclusive', async () => {
    const { run } = await inScenario('auth-server-error');
    const oauth = expectOauthFailure(run, 'OAUTH_SERVER_ERROR', 3);
    expect(oauth.details).toMatchObject({ status: 502, bodyKind: 'html' });
    expectClean(run, mock);

    mock.setScenario('auth-server-error');
    try {
      const human = await runCli(['check', '--no-color'], { env: mockEnv(mock) });
      expect(human.code).toBe(3);
      expect(human.stdout).toMatch(/✗ OAuth token\s+OAUTH_SERVER_ERROR/);
      expect(human.stdout).toMatch(/Inconclusive: every failure may pass on retry \(exit 3\)/);
      expectClean(human, mock);
    } finally {
      mock.setScenario('ok');
    }
  });

  it('a server that never answers, --timeout 1000: OAUTH_TIMEOUT, exit 3, done within a few seconds', async () => {
    const { run } = await inScenario('auth-hang', ['--timeout', '1000']);
    const oauth = expectOauthFailure(run, 'OAUTH_TIMEOUT', 3);
    expect(oauth.details).toMatchObject({ timeoutMs: 1000, url: mock.authUrl });
    expect(run.ms).toBeLessThan(HONOURED_TIMEOUT_MS);
    expectClean(run, mock);
  });
});

describe('oauth: the answer\'s body', () => {
  it('the older {tok, exp} shape (exp in seconds) is accepted, and its token works on the API', async () => {
    const { run, report, requests } = await inScenario('auth-tok-shape', ['--no-chat']);
    const oauth = checkOf(report, 'oauth');
    expect(oauth).toMatchObject({ status: 'pass', code: 'OAUTH_OK', details: { shape: 'tok', status: 200 } });
    // exp was in seconds: read as such, the token lives ~30 minutes (not 1970, not year 58000).
    expect(Number(oauth.details.expiresInSec)).toBeGreaterThan(1790);
    expect(Number(oauth.details.expiresInSec)).toBeLessThanOrEqual(1801);
    expect(checkOf(report, 'models')).toMatchObject({ status: 'pass', code: 'MODELS_OK' });
    const token = mock.issuedTokens.at(-1)!;
    expect(requests.find((r) => r.server === 'api')!.headers.authorization).toBe(`Bearer ${token}`);
    expect(run.code).toBe(0);
    expectClean(run, mock);
  });

  it('200 with an HTML page instead of JSON: OAUTH_BAD_RESPONSE not-json', async () => {
    const { run } = await inScenario('auth-bad-json');
    const oauth = expectOauthFailure(run, 'OAUTH_BAD_RESPONSE', 1);
    expect(oauth.details).toMatchObject({ status: 200, reason: 'not-json', bodyKind: 'html' });
    expectClean(run, mock);
  });

  it('200 JSON without a token: OAUTH_BAD_RESPONSE wrong-shape', async () => {
    const { run } = await inScenario('auth-wrong-shape');
    const oauth = expectOauthFailure(run, 'OAUTH_BAD_RESPONSE', 1);
    expect(oauth.details).toMatchObject({ status: 200, reason: 'wrong-shape' });
    expect(oauth.details.field).toEqual(expect.any(String));
    expectClean(run, mock);
  });

  it('a server clock ten minutes ahead: CLOCK_SKEW warning with the skew, the run still passes', async () => {
    const run = await check(skewed, ['--no-chat']);
    const report = reportOf(run);
    const oauth = checkOf(report, 'oauth');
    expect(oauth).toMatchObject({ status: 'warn', code: 'CLOCK_SKEW', details: { shape: 'access_token' } });
    expect(Math.abs(Number(oauth.details.skewSec) - SKEW_MS / 1000)).toBeLessThanOrEqual(5);
    expect(Date.parse(String(oauth.details.serverDate)) - Date.parse(String(oauth.details.localDate))).toBeGreaterThan(SKEW_MS - 5000);
    expect(checkOf(report, 'models')).toMatchObject({ status: 'pass', code: 'MODELS_OK' });
    expect(run.code).toBe(0);
    expectClean(run, skewed);
  });
});
