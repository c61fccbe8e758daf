/**
 * The official `gigachat` npm client, unchanged, against the mock: the proof that the
 * stand-in speaks the real protocol. Only the URLs and a CA-trusting agent are passed in.
 */
import crypto from 'node:crypto';
import https from 'node:https';
import GigaChat from 'gigachat';
import { AuthenticationError, ResponseError } from 'gigachat/exceptions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeAuthorizationKey, startMock, type MockServer } from '../../src/mock/index.js';

let mock: MockServer;
let agent: https.Agent;
const savedNoProxy = process.env.NO_PROXY;

beforeAll(async () => {
  // axios honours HTTPS_PROXY; keep every request of this file on loopback whatever the environment.
  process.env.NO_PROXY = '127.0.0.1,localhost';
  // The SDK logs "OAUTH UPDATE TOKEN" and similar on every refresh.
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  mock = await startMock({ users: { user: 'bob', password: 'hunter2' } });
  agent = new https.Agent({ ca: mock.caPem });
});

afterAll(async () => {
  agent.destroy();
  await mock.close();
  vi.restoreAllMocks();
  if (savedNoProxy === undefined) delete process.env.NO_PROXY;
  else process.env.NO_PROXY = savedNoProxy;
});

function client(overrides: Record<string, unknown> = {}) {
  return new GigaChat({
    credentials: mock.credentials,
    scope: 'GIGACHAT_API_PERS',
    authUrl: mock.authUrl,
    baseUrl: mock.baseUrl,
    model: 'GigaChat-2',
    timeout: 5,
    httpsAgent: agent,
    ...overrides,
  });
}

describe('official gigachat client against the mock', () => {
  it('authenticates, lists models and chats', async () => {
    const giga = client();
    await giga.updateToken();
    const oauthRequest = mock.requests.filter((r) => r.server === 'auth').at(-1)!;
    expect(oauthRequest.headers['authorization']).toBe(`Basic ${mock.credentials}`);
    expect(oauthRequest.headers['rquid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(oauthRequest.body).toBe('scope=GIGACHAT_API_PERS');

    const models = await giga.getModels();
    expect(models.data.map((m: { id: string }) => m.id)).toContain('GigaChat-2');

    const model = await giga.getModel('Embeddings');
    expect(model.type).toBe('embedder');

    const completion = await giga.chat({ messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.model).toBe('GigaChat-2:2.0.28.2');
    expect(completion.usage.total_tokens).toBeGreaterThan(0);
    expect(completion.xHeaders.xRequestID).toBeTruthy();

    const apiRequest = mock.requests.at(-1)!;
    expect(apiRequest.headers['authorization']).toBe(`Bearer ${mock.issuedTokens.at(-1)}`);
  });

  it('streams, embeds, counts tokens and reads the balance', async () => {
    const giga = client();
    let text = '';
    let finish: string | undefined;
    for await (const chunk of giga.stream('Hello')) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe('stop');

    const embeddings = await giga.embeddings(['hello']);
    expect(embeddings.data[0]?.embedding.length).toBe(1024);

    const count = await giga.tokensCount(['Hello, world!']);
    expect(count.tokens[0]).toMatchObject({ object: 'tokens', characters: 13 });

    const balance = await giga.balance();
    expect(balance.balance.length).toBeGreaterThan(0);
  });

  it('refreshes the token after 401 Token has expired', async () => {
    const giga = client();
    await giga.getModels();
    const issued = mock.issuedTokens.length;
    mock.expireTokens();
    const models = await giga.getModels();
    expect(models.data.length).toBeGreaterThan(0);
    expect(mock.issuedTokens.length).toBe(issued + 1);
  });

  it('accepts the {tok, exp} token shape', async () => {
    mock.setScenario('auth-tok-shape');
    try {
      const models = await client().getModels();
      expect(models.data.length).toBeGreaterThan(0);
    } finally {
      mock.setScenario('ok');
    }
  });

  it('works with the username/password flow', async () => {
    const giga = client({ credentials: undefined, user: 'bob', password: 'hunter2' });
    const completion = await giga.chat('Hello');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('throws AuthenticationError for a key the server does not know', async () => {
    const giga = client({ credentials: makeAuthorizationKey(crypto.randomUUID(), crypto.randomUUID()) });
    const error = await giga.updateToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).response.status).toBe(401);
    expect((error as AuthenticationError).response.data).toEqual({ code: 6, message: "credentials doesn't match db data" });
  });

  it('throws ResponseError for an undecodable key and for the wrong scope', async () => {
    const undecodable = await client({ credentials: 'not-a-key' }).updateToken().catch((e: unknown) => e);
    expect(undecodable).toBeInstanceOf(ResponseError);
    expect((undecodable as ResponseError).response.data).toEqual({ code: 4, message: "Can't decode 'Authorization' header" });

    const wrongScope = await client({ scope: 'GIGACHAT_API_B2B' }).updateToken().catch((e: unknown) => e);
    expect(wrongScope).toBeInstanceOf(ResponseError);
    expect((wrongScope as ResponseError).response.data.code).toBe(7);
  });

  it('surfaces API faults as ResponseError with the body and Retry-After', async () => {
    const giga = client();
    await giga.updateToken();
    mock.setScenario('chat-rate-limited');
    try {
      const error = await giga.chat('Hello').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect((error as ResponseError).response.status).toBe(429);
      expect((error as ResponseError).response.headers['retry-after']).toBe('7');
    } finally {
      mock.setScenario('ok');
    }
  });
});
