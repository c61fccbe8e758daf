import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODELS, startMock, type MockServer } from '../../src/mock/index.js';
import { call, oauth, type CallOptions } from './http.js';

let mock: MockServer;
let token: string;

beforeAll(async () => {
  mock = await startMock({ users: { user: 'alice', password: 's3cret' } });
  token = (await oauth(mock.authUrl, mock.caPem, { key: mock.credentials })).json().access_token;
});
afterAll(() => mock.close());

function api(route: string, opts: Partial<CallOptions> & { json?: unknown; bearer?: string | null } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  const bearer = opts.bearer === undefined ? token : opts.bearer;
  if (bearer !== null) headers['Authorization'] = `Bearer ${bearer}`;
  let body = opts.body;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  return call(`${mock.baseUrl}${route}`, { ...opts, headers, body, ca: mock.caPem });
}

describe('API authentication', () => {
  it('401 Unauthorized without a token or with an unknown one', async () => {
    for (const bearer of [null, 'not-a-token']) {
      const answer = await api('/models', { bearer });
      expect(answer.status).toBe(401);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.json()).toEqual({ status: 401, message: 'Unauthorized' });
    }
  });

  it('401 Token has expired once the lifetime is over', async () => {
    const shortLived = await startMock({ tokenTtlMs: 1 });
    try {
      const t = (await oauth(shortLived.authUrl, shortLived.caPem, { key: shortLived.credentials })).json().access_token;
      const answer = await call(`${shortLived.baseUrl}/models`, { ca: shortLived.caPem, headers: { Authorization: `Bearer ${t}` } });
      expect(answer.status).toBe(401);
      expect(answer.json()).toEqual({ status: 401, message: 'Token has expired' });
    } finally {
      await shortLived.close();
    }
  });

  it('expireTokens() ends every token at once', async () => {
    const m = await startMock();
    try {
      const t = (await oauth(m.authUrl, m.caPem, { key: m.credentials })).json().access_token;
      const models = () => call(`${m.baseUrl}/models`, { ca: m.caPem, headers: { Authorization: `Bearer ${t}` } });
      expect((await models()).status).toBe(200);
      m.expireTokens();
      expect((await models()).json()).toEqual({ status: 401, message: 'Token has expired' });
    } finally {
      await m.close();
    }
  });

  it('the password flow issues {tok, exp} for a known user only', async () => {
    const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
    const good = await api('/token', { method: 'POST', bearer: null, headers: { Authorization: basic('alice', 's3cret') } });
    expect(good.status).toBe(200);
    const { tok, exp } = good.json();
    expect(exp).toBeGreaterThan(Date.now());
    expect((await api('/models', { bearer: tok })).status).toBe(200);
    const bad = await api('/token', { method: 'POST', bearer: null, headers: { Authorization: basic('alice', 'nope') } });
    expect(bad.status).toBe(401);
  });
});

describe('API natural protocol', () => {
  it('GET /models: the recorded list, with ids echoed in X-Request-Id', async () => {
    const answer = await api('/models', { headers: { 'X-Request-ID': 'req-123' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['x-request-id']).toBe('req-123');
    expect(answer.headers['x-session-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers['server']).toBe('SynGX');
    const list = answer.json();
    expect(list.object).toBe('list');
    expect(list.data).toHaveLength(20);
    expect(list.data[0]).toEqual({ id: 'GigaChat', object: 'model', owned_by: 'salutedevices', type: 'chat' });
    expect(new Set(list.data.map((m: { type: string }) => m.type))).toEqual(new Set(['chat', 'filter', 'aicheck', 'embedder']));
  });

  it('answers under /v1 as well as /api/v1', async () => {
    const answer = await call(`${mock.apiOrigin}/v1/models`, { ca: mock.caPem, headers: { Authorization: `Bearer ${token}` } });
    expect(answer.json().data).toHaveLength(MODELS.length);
  });

  it('GET /models/{id}: the model, or 404 No such model', async () => {
    expect((await api('/models/GigaChat-2-Max')).json()).toEqual({
      id: 'GigaChat-2-Max',
      object: 'model',
      owned_by: 'salutedevices',
      type: 'chat',
    });
    const missing = await api('/models/GigaChat-9');
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ status: 404, message: 'No such model' });
  });

  it('POST /chat/completions with max_tokens 1: finish_reason length, versioned model, usage', async () => {
    const answer = await api('/chat/completions', {
      method: 'POST',
      json: { model: 'GigaChat-2', messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 },
    });
    expect(answer.status).toBe(200);
    const completion = answer.json();
    expect(completion).toMatchObject({
      choices: [{ message: { role: 'assistant', content: expect.any(String) }, index: 0, finish_reason: 'length' }],
      model: 'GigaChat-2:2.0.28.2',
      object: 'chat.completion',
      created: expect.any(Number),
    });
    expect(completion.usage.completion_tokens).toBe(1);
    expect(completion.usage.total_tokens).toBe(completion.usage.prompt_tokens + 1);
    expect(completion.usage.precached_prompt_tokens).toBe(0);
  });

  it('POST /chat/completions without a limit: finish_reason stop', async () => {
    const answer = await api('/chat/completions', { method: 'POST', json: { model: 'GigaChat', messages: [{ role: 'user', content: 'Hello' }] } });
    expect(answer.json().choices[0].finish_reason).toBe('stop');
    expect(answer.json().model).toBe('GigaChat:2.0.28.2');
  });

  it('chat errors: unknown model 404, invalid JSON 400, missing messages 422', async () => {
    const unknown = await api('/chat/completions', { method: 'POST', json: { model: 'GigaChat-9', messages: [{ role: 'user', content: 'x' }] } });
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toEqual({ status: 404, message: 'No such model' });
    const invalid = await api('/chat/completions', { method: 'POST', body: '{"model":', headers: { 'Content-Type': 'application/json' } });
    expect(invalid.status).toBe(400);
    expect(invalid.json()).toMatchObject({ status: 400, message: expect.any(String) });
    const noMessages = await api('/chat/completions', { method: 'POST', json: { model: 'GigaChat' } });
    expect(noMessages.status).toBe(422);
    expect(noMessages.json().status).toBe(422);
  });

  it('stream: true answers server-sent events ending with [DONE]', async () => {
    const answer = await api('/chat/completions', {
      method: 'POST',
      json: { model: 'GigaChat', messages: [{ role: 'user', content: 'Hello' }], stream: true },
    });
    expect(answer.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = answer.text.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((e) => {
      expect(e.startsWith('data: ')).toBe(true);
      return JSON.parse(e.slice(6));
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1).usage.total_tokens).toBeGreaterThan(0);
  });

  it('POST /v2/chat/completions answers the v2 contract', async () => {
    const answer = await call(`${mock.apiOrigin}/v2/chat/completions`, {
      method: 'POST',
      ca: mock.caPem,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'GigaChat-2', messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }),
    });
    expect(answer.json()).toMatchObject({
      model: 'GigaChat-2:2.0.28.2',
      messages: [{ role: 'assistant', content: [{ text: expect.any(String) }] }],
      finish_reason: 'stop',
      usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number) },
    });
  });

  it('POST /embeddings', async () => {
    const answer = await api('/embeddings', { method: 'POST', json: { model: 'Embeddings', input: ['one', 'two'] } });
    const result = answer.json();
    expect(result).toMatchObject({ object: 'list', model: 'Embeddings' });
    expect(result.data).toHaveLength(2);
    expect(result.data[1]).toMatchObject({ object: 'embedding', index: 1, usage: { prompt_tokens: expect.any(Number) } });
    expect(result.data[0].embedding).toHaveLength(1024);
    const notEmbedder = await api('/embeddings', { method: 'POST', json: { model: 'GigaChat', input: ['x'] } });
    expect(notEmbedder.status).toBe(404);
  });

  it('POST /tokens/count answers a top-level array', async () => {
    const answer = await api('/tokens/count', { method: 'POST', json: { model: 'GigaChat', input: ['Hello, world!'] } });
    expect(answer.json()).toEqual([{ object: 'tokens', tokens: expect.any(Number), characters: 13 }]);
  });

  it('GET /balance; 403 Permission denied for a CORP (postpaid) key', async () => {
    expect((await api('/balance')).json().balance).toContainEqual({ usage: 'GigaChat', value: 900000 });
    const corp = await startMock({ keyScope: 'GIGACHAT_API_CORP' });
    try {
      const t = (await oauth(corp.authUrl, corp.caPem, { key: corp.credentials, scope: 'GIGACHAT_API_CORP' })).json().access_token;
      const answer = await call(`${corp.baseUrl}/balance`, { ca: corp.caPem, headers: { Authorization: `Bearer ${t}` } });
      expect(answer.status).toBe(403);
      expect(answer.json()).toEqual({ status: 403, message: 'Permission denied' });
    } finally {
      await corp.close();
    }
  });

  it('paths outside /api/v1 get the gateway HTML 404 (the guide\'s /core/api/v1)', async () => {
    const answer = await call(`${mock.apiOrigin}/core/api/v1/models`, { ca: mock.caPem, headers: { Authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('text/html');
  });
});

describe('mock lifecycle', () => {
  it('admin endpoint switches the scenario and is not recorded', async () => {
    const m = await startMock();
    try {
      const before = m.requests.length;
      const admin = { 'X-Admin-Token': m.adminToken };
      const list = await call(m.adminUrl, { ca: m.caPem, headers: admin });
      expect(list.json().scenario).toBe('ok');
      expect(list.json().scenarios.length).toBeGreaterThan(20);
      const set = await call(m.adminUrl, { method: 'POST', ca: m.caPem, headers: admin, body: JSON.stringify({ scenario: 'api-forbidden' }) });
      expect(set.json()).toEqual({ scenario: 'api-forbidden' });
      expect(m.scenario).toBe('api-forbidden');
      const bad = await call(m.adminUrl, { method: 'POST', ca: m.caPem, headers: admin, body: JSON.stringify({ scenario: 'nope' }) });
      expect(bad.status).toBe(400);
      expect(m.scenario).toBe('api-forbidden');
      // The form body curl -d sends, which needs no JSON quoting in any shell.
      const form = { ...admin, 'Content-Type': 'application/x-www-form-urlencoded' };
      const formSet = await call(m.adminUrl, { method: 'POST', ca: m.caPem, headers: form, body: 'scenario=chat-hang' });
      expect(formSet.json()).toEqual({ scenario: 'chat-hang' });
      const formBad = await call(m.adminUrl, { method: 'POST', ca: m.caPem, headers: form, body: 'name=chat-hang' });
      expect(formBad.status).toBe(400);
      expect(m.scenario).toBe('chat-hang');
      expect(m.requests.length).toBe(before);
      m.setScenario('ok');
      expect(m.scenario).toBe('ok');
      expect(() => m.setScenario('nope' as never)).toThrow(/unknown scenario/);
    } finally {
      await m.close();
    }
  });

  it('admin endpoints without the run\'s admin token: 401 (none) or 403 (another), and nothing changes', async () => {
    const m = await startMock();
    try {
      const key = (await oauth(m.authUrl, m.caPem, { key: m.credentials })).json().access_token as string;
      const models = () => call(`${m.baseUrl}/models`, { ca: m.caPem, headers: { Authorization: `Bearer ${key}` } });
      const expire = `${m.apiOrigin}/__admin/expire-tokens`;
      const attempts: Array<Record<string, string>> = [{}, { 'X-Admin-Token': '' }, { 'X-Admin-Token': 'guess' }, { 'X-Admin-Token': `${m.adminToken}x` }, { Authorization: `Bearer ${m.adminToken}` }];
      for (const headers of attempts) {
        const refused = headers['X-Admin-Token'] ? 403 : 401;
        const get = await call(m.adminUrl, { ca: m.caPem, headers });
        expect(get.status).toBe(refused);
        expect(JSON.stringify(get.json())).not.toContain('scenarios');
        const set = await call(m.adminUrl, { method: 'POST', ca: m.caPem, headers, body: 'scenario=api-forbidden' });
        expect(set.status).toBe(refused);
        expect(set.json().message).toMatch(/X-Admin-Token/);
        const expired = await call(expire, { method: 'POST', ca: m.caPem, headers });
        expect(expired.status).toBe(refused);
        expect(m.scenario).toBe('ok');
        expect((await models()).status).toBe(200);
      }
      // With it, the same requests work: the token is the only difference.
      const ok = await call(expire, { method: 'POST', ca: m.caPem, headers: { 'X-Admin-Token': m.adminToken } });
      expect(ok.json()).toEqual({ expired: 1 });
      expect((await models()).json()).toEqual({ status: 401, message: 'Token has expired' });
    } finally {
      await m.close();
    }
  });

  it('a fresh admin token per run, unless one is given', async () => {
    const [a, b, c] = await Promise.all([startMock(), startMock(), startMock({ adminToken: 'fixed-for-this-test' })]);
    try {
      expect(a.adminToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(a.adminToken).not.toBe(b.adminToken);
      expect(c.adminToken).toBe('fixed-for-this-test');
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('latencyMs delays every answer', async () => {
    const m = await startMock({ latencyMs: 120 });
    try {
      const started = performance.now();
      await call(`${m.baseUrl}/models`, { ca: m.caPem });
      expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      await m.close();
    }
  });

  it('writeCaFile writes the root PEM, and close() removes it', async () => {
    const m = await startMock();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gigadoctor-mock-'));
    try {
      const file = m.writeCaFile(dir);
      expect(fs.readFileSync(file, 'utf8')).toBe(m.caPem);
      await m.close();
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      await m.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('close() ends hung connections promptly', async () => {
    const m = await startMock({ scenario: 'api-hang' });
    const pending = call(`${m.baseUrl}/models`, { ca: m.caPem, timeoutMs: 5000 }).catch((e) => e);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => m.requests.length > 0 && (clearInterval(poll), resolve()), 5);
    });
    const started = performance.now();
    await m.close();
    expect(performance.now() - started).toBeLessThan(500);
    expect((await pending).code).not.toBe('TEST_TIMEOUT');
  });
});
