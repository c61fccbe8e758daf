import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER_SEGMENT, makeAuthorizationKey, startMock, type MockServer } from '../../src/mock/index.js';
import { call, oauth } from './http.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ dateOffsetMs: -5 * 60_000 });
});
afterAll(() => mock.close());

describe('OAuth natural protocol', () => {
  it('issues a JWE-shaped token for the right key and scope', async () => {
    const before = Date.now();
    const answer = await oauth(mock.authUrl, mock.caPem, { key: mock.credentials });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['server']).toBe('SynGX');
    const { access_token: token, expires_at: expiresAt } = answer.json();
    expect(token).toHaveLength(1233);
    expect(token.split('.')).toHaveLength(5);
    expect(token.startsWith(`${TOKEN_HEADER_SEGMENT}.`)).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){4}$/);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(expiresAt).toBeLessThan(Date.now() + 30 * 60_000 + 1000);
    expect(mock.issuedTokens).toContain(token);
  });

  it('shapes the key like Studio: base64 of uuid:uuid, 100 characters', () => {
    expect(mock.credentials).toHaveLength(100);
    expect(Buffer.from(mock.credentials, 'base64').toString()).toBe(`${mock.clientId}:${mock.clientSecret}`);
  });

  it('shifts the Date header by dateOffsetMs', async () => {
    const answer = await oauth(mock.authUrl, mock.caPem, { key: mock.credentials });
    const skew = Date.parse(answer.headers['date']!) - Date.now();
    expect(skew).toBeLessThan(-4 * 60_000);
    expect(skew).toBeGreaterThan(-6 * 60_000);
  });

  it.each([
    ['not base64', 'not base64 at all!'],
    ['base64 without a colon', Buffer.from('just-a-secret').toString('base64')],
    ['unpadded base64', Buffer.from('a:bc').toString('base64').replace(/=+$/, '')],
    ['an access token', `${TOKEN_HEADER_SEGMENT}.abc.def.ghi.jkl`],
    ['empty', ''],
  ])('400 code 4 for a key that is %s', async (_label, key) => {
    const answer = await oauth(mock.authUrl, mock.caPem, { key });
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({ code: 4, message: "Can't decode 'Authorization' header" });
  });

  it('400 code 4 without an Authorization header', async () => {
    const answer = await oauth(mock.authUrl, mock.caPem, { headers: { Authorization: undefined } });
    expect(answer.json()).toEqual({ code: 4, message: "Can't decode 'Authorization' header" });
  });

  it('401 code 6 for a well-formed key the server does not know', async () => {
    const key = makeAuthorizationKey(crypto.randomUUID(), crypto.randomUUID());
    const answer = await oauth(mock.authUrl, mock.caPem, { key });
    expect(answer.status).toBe(401);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.json()).toEqual({ code: 6, message: "credentials doesn't match db data" });
  });

  it.each([
    ['missing', undefined],
    ['too short', 'abc'],
    ['not hex', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'],
  ])('400 for an RqUID that is %s', async (_label, rqUid) => {
    const answer = await oauth(mock.authUrl, mock.caPem, { key: mock.credentials, headers: { RqUID: rqUid } });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: expect.any(Number), message: expect.stringContaining('RqUID') });
  });

  it('400 code 5 when the scope is missing or empty', async () => {
    for (const scope of [null, '']) {
      const answer = await oauth(mock.authUrl, mock.caPem, { key: mock.credentials, scope });
      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual({ code: 5, message: 'scope is empty' });
    }
  });

  it('400 code 1 for a scope that is not one of the three', async () => {
    const answer = await oauth(mock.authUrl, mock.caPem, { key: mock.credentials, scope: 'GIGACHAT_API_PERSONAL' });
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({ code: 1, message: 'scope data format invalid' });
  });

  it("400 code 7 for a valid scope that is not the key's", async () => {
    const answer = await oauth(mock.authUrl, mock.caPem, { key: mock.credentials, scope: 'GIGACHAT_API_CORP' });
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({ code: 7, message: 'scope from db not fully includes consumed scope' });
  });

  it('403 Forbidden for a POST to the bare host', async () => {
    const answer = await call(`${mock.authOrigin}/`, {
      method: 'POST',
      ca: mock.caPem,
      headers: { Authorization: `Basic ${mock.credentials}` },
      body: 'scope=GIGACHAT_API_PERS',
    });
    expect(answer.status).toBe(403);
    expect(answer.json()).toEqual({ status: 403, message: 'Forbidden' });
  });

  it('404 nginx-style HTML page for any other path', async () => {
    const answer = await call(`${mock.authOrigin}/oauth/token`, { method: 'POST', ca: mock.caPem, body: '' });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('text/html');
    expect(answer.text).toContain('<title>404 Not Found</title>');
  });

  it('records every request with its server, path, headers and body', async () => {
    const count = mock.requests.length;
    await oauth(mock.authUrl, mock.caPem, { key: mock.credentials });
    const recorded = mock.requests.at(-1)!;
    expect(mock.requests).toHaveLength(count + 1);
    expect(recorded).toMatchObject({ server: 'auth', method: 'POST', path: '/api/v2/oauth', body: 'scope=GIGACHAT_API_PERS' });
    expect(recorded.headers['authorization']).toBe(`Basic ${mock.credentials}`);
    expect(recorded.at).toBeLessThanOrEqual(Date.now());
  });
});

describe('OAuth with a B2B key', () => {
  it('accepts B2B and answers code 7 for the default PERS scope', async () => {
    const b2b = await startMock({ keyScope: 'GIGACHAT_API_B2B' });
    try {
      expect((await oauth(b2b.authUrl, b2b.caPem, { key: b2b.credentials, scope: 'GIGACHAT_API_B2B' })).status).toBe(200);
      const pers = await oauth(b2b.authUrl, b2b.caPem, { key: b2b.credentials });
      expect(pers.json()).toEqual({ code: 7, message: 'scope from db not fully includes consumed scope' });
    } finally {
      await b2b.close();
    }
  });
});
