/**
 * The mock's memory is bounded (issue 12.3): the request log keeps the last N requests and the
 * first bytes of each body, tokens expire and are forgotten, a body beyond the cap is 413.
 * The long load run (50,000 requests, 100 bodies of 9 MB, RSS under 150 MiB) is in `npm run fuzz`.
 */
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../../src/mock/index.js';
import { MAX_CHAT_BODY } from '../../../src/mock/api-server.js';
import { appendBounded, DEFAULT_REQUEST_LOG } from '../../../src/mock/request-log.js';
import { MAX_REQUEST_BODY } from '../../../src/mock/server.js';
import { DEFAULT_TOKEN_LIMITS, TokenStore } from '../../../src/mock/tokens.js';
import { call, oauth } from '../../mock/http.js';

describe('appendBounded', () => {
  it('keeps the last `size` entries, oldest first', () => {
    const log: number[] = [];
    for (let i = 1; i <= 7; i++) appendBounded(log, i, 3);
    expect(log).toEqual([5, 6, 7]);
  });
});

describe('the request log of a running mock', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock({ requestLog: { size: 4, bodyBytes: 1024 } });
  });
  afterAll(() => mock.close());

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    call(`${mock.baseUrl}/chat/completions`, { method: 'POST', ca: mock.caPem, body, headers: { 'Content-Type': 'application/json', ...headers }, timeoutMs: 20_000 });

  it('holds only the last requests, however many came', async () => {
    for (let i = 0; i < 10; i++) await call(`${mock.baseUrl}/models?n=${i}`, { ca: mock.caPem });
    expect(mock.requests.map((r) => r.path)).toEqual([6, 7, 8, 9].map((i) => `/api/v1/models?n=${i}`));
  });

  it('keeps the first bytes of a large body and its whole size, and says it is cut', async () => {
    const body = `{"messages":"${'я'.repeat(50_000)}"}`;
    await post(body);
    const recorded = mock.requests.at(-1)!;
    expect(recorded.bodyBytes).toBe(Buffer.byteLength(body));
    expect(recorded.bodyTruncated).toBe(true);
    expect(Buffer.byteLength(recorded.body)).toBeLessThanOrEqual(1024);
    expect(Buffer.byteLength(recorded.body)).toBeGreaterThan(1020);
    expect(body.startsWith(recorded.body)).toBe(true); // cut between characters, never inside one
  });

  it('a small body is kept whole, with no mark', async () => {
    await post('{"model":"GigaChat"}');
    expect(mock.requests.at(-1)).toMatchObject({ body: '{"model":"GigaChat"}', bodyBytes: 20 });
    expect(mock.requests.at(-1)).not.toHaveProperty('bodyTruncated');
  });

  it(`a body over ${MAX_REQUEST_BODY} bytes is 413 "Payload too large", sent or only declared`, async () => {
    const sent = await call(`${mock.baseUrl}/embeddings`, { method: 'POST', ca: mock.caPem, body: Buffer.alloc(MAX_REQUEST_BODY + 1, 0x20), timeoutMs: 20_000 });
    expect(sent.status).toBe(413);
    expect(sent.json()).toEqual({ status: 413, message: 'Payload too large' });
    expect(mock.requests.at(-1)).toMatchObject({ body: '', bodyBytes: 0 });
    // Declared too large: answered at once, without waiting for a body (none is ever sent here).
    const declared = await rawStatus(mock, `POST /api/v1/embeddings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${MAX_REQUEST_BODY + 1}\r\n\r\n`);
    expect(declared).toBe(413);
  });

  it(`a chat request over ${MAX_CHAT_BODY} bytes is 413 at once, as a prompt beyond the context`, async () => {
    const declared = await rawStatus(mock, `POST /api/v2/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: ${MAX_CHAT_BODY + 1}\r\n\r\n`);
    expect(declared).toBe(413);
    const sent = await post(Buffer.alloc(MAX_CHAT_BODY + 1, 0x20));
    expect(sent.json()).toEqual({ status: 413, message: 'Payload too large' });
    const atTheLimit = await post(Buffer.alloc(MAX_CHAT_BODY, 0x20));
    expect(atTheLimit.status).toBe(401); // no token: the route ran, the size was accepted
  });

  it('a body of exactly the cap is read by a route other than chat (and answered by it)', async () => {
    const answer = await call(`${mock.baseUrl}/embeddings`, { method: 'POST', ca: mock.caPem, body: Buffer.alloc(MAX_REQUEST_BODY, 0x20), timeoutMs: 20_000 });
    expect(answer.status).toBe(401); // no token: the route ran, the size was accepted
  });

  it('the defaults: 1000 requests, 16 KiB of each body', () => {
    expect(DEFAULT_REQUEST_LOG).toEqual({ size: 1000, bodyBytes: 16 * 1024 });
  });
});

describe('TokenStore', () => {
  const HOUR = 60 * 60 * 1000;

  it('a token is valid until its expiry, then "expired", then forgotten ("unknown")', () => {
    const store = new TokenStore(1000, { forgetAfterMs: 5000 });
    const t = store.issue('GIGACHAT_API_PERS', 0);
    expect(store.lookup(t.token, 999).state).toBe('valid');
    expect(store.lookup(t.token, 1000).state).toBe('expired');
    expect(store.lookup(t.token, 5999).state).toBe('expired');
    expect(store.lookup(t.token, 6000).state).toBe('unknown');
  });

  it('forgets expired tokens when the next one is issued, so they take no memory', () => {
    const store = new TokenStore(1000, { forgetAfterMs: 5000 });
    for (let i = 0; i < 100; i++) store.issue(null, i);
    expect(store.size).toBe(100);
    store.issue(null, 1000 + 5000 + 50); // the first 51 expired more than 5 s ago
    expect(store.size).toBe(50);
  });

  it('remembers at most `count` tokens: the oldest go first, in the map and in `issued`', () => {
    const store = new TokenStore(HOUR, { count: 3 });
    const tokens = [1, 2, 3, 4, 5].map((i) => store.issue(null, i).token);
    expect(store.size).toBe(3);
    expect(store.issued).toEqual(tokens.slice(2));
    expect(store.lookup(tokens[0], 10).state).toBe('unknown');
    expect(store.lookup(tokens[4], 10).state).toBe('valid');
  });

  it('expireAll ends every token now and says how many were alive', () => {
    const store = new TokenStore(1000);
    store.issue(null, 0);
    const late = store.issue(null, 500);
    expect(store.expireAll(1200)).toBe(1); // the first had expired at 1000
    expect(store.lookup(late.token, 1200).state).toBe('expired');
  });

  it('the defaults: 10,000 tokens, forgotten an hour after expiry', () => {
    expect(DEFAULT_TOKEN_LIMITS).toEqual({ count: 10_000, forgetAfterMs: HOUR });
  });
});

describe('tokens of a running mock', () => {
  it('past the cap the oldest tokens are forgotten (401 Unauthorized); the newest work', async () => {
    const mock = await startMock({ tokenLimits: { count: 5 } });
    try {
      const tokens: string[] = [];
      for (let i = 0; i < 8; i++) tokens.push((await oauth(mock.authUrl, mock.caPem, { key: mock.credentials })).json().access_token);
      expect(mock.issuedTokens).toEqual(tokens.slice(3));
      const models = (token: string) => call(`${mock.baseUrl}/models`, { ca: mock.caPem, headers: { Authorization: `Bearer ${token}` } });
      expect((await models(tokens[0])).json()).toEqual({ status: 401, message: 'Unauthorized' });
      expect((await models(tokens[7])).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});

/** Sends raw request bytes over TLS and resolves with the status of the answer (3 s at most). */
function rawStatus(mock: MockServer, head: string): Promise<number> {
  const url = new URL(mock.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: url.hostname, port: Number(url.port), ca: mock.caPem }, () => socket.write(head));
    const timer = setTimeout(() => (socket.destroy(), reject(new Error('no answer within 3 s'))), 3000);
    let text = '';
    socket.on('data', (d) => {
      text += d;
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) {
        clearTimeout(timer);
        socket.destroy();
        resolve(Number(m[1]));
      }
    });
    socket.on('error', reject);
  });
}
