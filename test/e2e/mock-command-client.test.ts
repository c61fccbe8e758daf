/**
 * Issue 7, as an app developer meets it: start `gigadoctor mock` as a process, take what it
 * prints, and run the official `gigachat` npm client (unchanged) through every endpoint and
 * every fault, switching faults through the admin endpoint the way the printed curl lines do.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import GigaChat from 'gigachat';
import { AuthenticationError, ResponseError } from 'gigachat/exceptions';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { killLeftovers, leftovers, post, runMockToEnd, startMockCommand, type MockProcess } from './mock-command.js';

let mock: MockProcess;
let agent: https.Agent;
let info: ReturnType<typeof vi.spyOn>;
const savedNoProxy = process.env.NO_PROXY;

beforeAll(async () => {
  // axios honours HTTPS_PROXY; keep every request of this file on loopback whatever the environment.
  process.env.NO_PROXY = '127.0.0.1,localhost';
  // The SDK logs "OAUTH UPDATE TOKEN" on every token fetch: counted below, muted here.
  info = vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  mock = await startMockCommand();
  // Only the printed CA file is trusted: no -k, no rejectUnauthorized:false.
  agent = new https.Agent({ ca: mock.caPem });
});

afterAll(async () => {
  agent?.destroy();
  if (mock) {
    const exit = await mock.stop('SIGINT');
    expect(exit.code).toBe(0);
    expect(leftovers(mock.tmp)).toEqual([]);
  }
  killLeftovers();
  vi.restoreAllMocks();
  if (savedNoProxy === undefined) delete process.env.NO_PROXY;
  else process.env.NO_PROXY = savedNoProxy;
});

afterEach(async () => {
  await mock.setScenario('ok');
});

/** A client configured only from the printed variables and the printed CA file. */
function client(overrides: Record<string, unknown> = {}) {
  return new GigaChat({
    credentials: mock.vars.GIGACHAT_CREDENTIALS,
    scope: mock.vars.GIGACHAT_SCOPE,
    authUrl: mock.vars.GIGACHAT_AUTH_URL,
    baseUrl: mock.vars.GIGACHAT_BASE_URL,
    model: 'GigaChat-2',
    timeout: 5,
    httpsAgent: agent,
    ...overrides,
  });
}

const tokenFetches = () => info.mock.calls.filter((c: unknown[]) => c[0] === 'OAUTH UPDATE TOKEN').length;

async function failure(promise: Promise<unknown>): Promise<any> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value).slice(0, 200)}`);
  return outcome.error;
}

function expectApiError(error: any, status: number, message: string) {
  expect(error).toBeInstanceOf(status === 401 ? AuthenticationError : ResponseError);
  expect(error.response.status).toBe(status);
  expect(error.response.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(error.response.data).toEqual({ status, message });
}

function expectGatewayPage(error: any, status: number) {
  expect(error).toBeInstanceOf(ResponseError);
  expect(error.response.status).toBe(status);
  expect(error.response.headers['content-type']).toBe('text/html');
  expect(String(error.response.data)).toContain('SynGX');
}

describe('what gigadoctor mock prints', () => {
  it('every variable an app needs, pointing at loopback, with a CA file that exists', () => {
    expect(Object.keys(mock.vars)).toEqual([
      'GIGACHAT_AUTH_URL',
      'GIGACHAT_BASE_URL',
      'GIGACHAT_CREDENTIALS',
      'GIGACHAT_SCOPE',
      'NODE_EXTRA_CA_CERTS',
      'GIGACHAT_CA_BUNDLE_FILE',
    ]);
    expect(mock.vars.GIGACHAT_AUTH_URL).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/v2\/oauth$/);
    expect(mock.vars.GIGACHAT_BASE_URL).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(mock.vars.GIGACHAT_CREDENTIALS).toMatch(/^[A-Za-z0-9+/]{98}==$/);
    expect(mock.vars.GIGACHAT_SCOPE).toBe('GIGACHAT_API_PERS');
    expect(mock.vars.GIGACHAT_CA_BUNDLE_FILE).toBe(mock.caFile);
    expect(mock.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(mock.stdout()).not.toMatch(/ -k\b|--insecure/);
    expect(mock.stderr()).toBe('');
  });
});

describe('official gigachat client: every endpoint', () => {
  it('OAuth, models, a model by id, chat, stream, embeddings, tokens count, balance', async () => {
    const giga = client();
    const before = tokenFetches();
    await giga.updateToken();
    expect(tokenFetches()).toBe(before + 1);

    const models = await giga.getModels();
    expect(models.data.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['GigaChat-2', 'Embeddings']));

    const model = await giga.getModel('GigaChat-2');
    expect(model).toMatchObject({ id: 'GigaChat-2', object: 'model', type: 'chat' });

    const completion = await giga.chat({ messages: [{ role: 'user', content: 'ping' }] });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', message: { role: 'assistant' } });
    expect(completion.model).toBe('GigaChat-2:2.0.28.2');
    expect(completion.usage.total_tokens).toBe(completion.usage.prompt_tokens + completion.usage.completion_tokens);
    expect(completion.xHeaders.xRequestID).toBeTruthy();

    let text = '';
    let finish: string | undefined;
    for await (const chunk of giga.stream('Hello')) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text.trim()).toBe(completion.choices[0].message.content);
    expect(finish).toBe('stop');

    const embeddings = await giga.embeddings(['hello', 'world']);
    expect(embeddings.data.map((d: { index: number }) => d.index)).toEqual([0, 1]);
    expect(embeddings.data[0].embedding).toHaveLength(1024);

    const count = await giga.tokensCount(['Hello, world!']);
    expect(count.tokens).toEqual([{ object: 'tokens', tokens: expect.any(Number), characters: 13 }]);

    const balance = await giga.balance();
    expect(balance.balance).toEqual(expect.arrayContaining([{ usage: 'GigaChat', value: expect.any(Number) }]));
    expect(tokenFetches()).toBe(before + 1); // one token served every call
  });

  it('the stream is server-sent events ending in data: [DONE]', async () => {
    const token = JSON.parse(
      (
        await post(mock.vars.GIGACHAT_AUTH_URL, `scope=${mock.vars.GIGACHAT_SCOPE}`, mock.caPem, {
          Authorization: `Basic ${mock.vars.GIGACHAT_CREDENTIALS}`,
          RqUID: crypto.randomUUID(),
        })
      ).text,
    ).access_token as string;
    const answer = await post(
      `${mock.vars.GIGACHAT_BASE_URL}/chat/completions`,
      JSON.stringify({ model: 'GigaChat-2', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      mock.caPem,
      { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = answer.text.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    for (const event of events.slice(0, -1)) expect(() => JSON.parse(event.replace(/^data: /, ''))).not.toThrow();
  });

  it('OAuth scope behaviour: the key works with its own scope only, and both token shapes are read', async () => {
    const wrongScope = await failure(client({ scope: 'GIGACHAT_API_B2B' }).updateToken());
    expect(wrongScope).toBeInstanceOf(ResponseError);
    expect(wrongScope.response.status).toBe(400);
    expect(wrongScope.response.data).toEqual({ code: 7, message: 'scope from db not fully includes consumed scope' });

    const misspelled = await failure(client({ scope: 'GIGACHAT_API_PERSONAL' }).updateToken());
    expect(misspelled.response.data).toEqual({ code: 1, message: 'scope data format invalid' });

    await mock.setScenario('auth-tok-shape');
    const models = await client().getModels();
    expect(models.data.length).toBeGreaterThan(0);
  });
});

describe('official gigachat client: every fault', () => {
  it('bad key: an unknown key is 401 code 6, an undecodable one 400 code 4; auth-bad-key rejects the right key', async () => {
    const unknown = await failure(client({ credentials: Buffer.from(`${crypto.randomUUID()}:${crypto.randomUUID()}`).toString('base64') }).updateToken());
    expect(unknown).toBeInstanceOf(AuthenticationError);
    expect(unknown.response.data).toEqual({ code: 6, message: "credentials doesn't match db data" });

    const undecodable = await failure(client({ credentials: 'not-a-key' }).updateToken());
    expect(undecodable).toBeInstanceOf(ResponseError);
    expect(undecodable.response.data).toEqual({ code: 4, message: "Can't decode 'Authorization' header" });

    await mock.setScenario('auth-bad-key');
    const rejected = await failure(client().chat('Hello'));
    expect(rejected).toBeInstanceOf(AuthenticationError);
    expect(rejected.response.status).toBe(401);
    expect(rejected.response.data.code).toBe(6);
  });

  it('wrong scope on demand: auth-wrong-scope answers 400 code 7 to the right scope', async () => {
    await mock.setScenario('auth-wrong-scope');
    const error = await failure(client().getModels());
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(400);
    expect(error.response.data).toEqual({ code: 7, message: 'scope from db not fully includes consumed scope' });
  });

  it('expired token: after expire-tokens the client refreshes once and carries on', async () => {
    const giga = client();
    await giga.getModels();
    const fetches = tokenFetches();
    expect(await mock.expireTokens()).toBeGreaterThan(0);
    const completion = await giga.chat('Hello');
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(tokenFetches()).toBe(fetches + 1);
  });

  it('expired token for good: token-expired makes even a fresh token 401 "Token has expired"', async () => {
    const giga = client();
    await giga.updateToken();
    await mock.setScenario('token-expired');
    const fetches = tokenFetches();
    expectApiError(await failure(giga.getModels()), 401, 'Token has expired');
    expect(tokenFetches()).toBe(fetches + 1); // the SDK retried once with a new token
  });

  it('402: chat-payment-required', async () => {
    await mock.setScenario('chat-payment-required');
    expectApiError(await failure(client().chat('Hello')), 402, 'Payment Required');
  });

  it('404 model: an unknown model by id or in chat, and chat-model-not-found for any model', async () => {
    const giga = client();
    expectApiError(await failure(giga.getModel('GigaChat-9000')), 404, 'No such model');
    expectApiError(await failure(giga.chat({ model: 'GigaChat-9000', messages: [{ role: 'user', content: 'Hi' }] })), 404, 'No such model');
    await mock.setScenario('chat-model-not-found');
    expectApiError(await failure(giga.chat('Hello')), 404, 'No such model');
  });

  it('429 with Retry-After: on chat, on every API call, on OAuth', async () => {
    const giga = client();
    await giga.updateToken();
    const cases = [
      ['chat-rate-limited', () => giga.chat('Hello'), '7'],
      ['api-rate-limited', () => giga.getModels(), '5'],
      ['auth-rate-limited', () => client().updateToken(), '3'],
    ] as const;
    for (const [scenario, call, retryAfter] of cases) {
      await mock.setScenario(scenario);
      const error = await failure(call());
      expect(error, scenario).toBeInstanceOf(ResponseError);
      expect(error.response.status).toBe(429);
      expect(error.response.headers['retry-after']).toBe(retryAfter);
      expect(error.response.data).toEqual({ status: 429, message: 'Too Many Requests' });
    }
  });

  it('5xx gateway page: HTML from SynGX on chat (503), every API call (502), OAuth (502)', async () => {
    const giga = client();
    await giga.updateToken();
    await mock.setScenario('chat-server-error');
    expectGatewayPage(await failure(giga.chat('Hello')), 503);
    await mock.setScenario('api-server-error');
    expectGatewayPage(await failure(giga.balance()), 502);
    await mock.setScenario('auth-server-error');
    expectGatewayPage(await failure(client().updateToken()), 502);
  });

  it('never answers: the client gives up at its timeout on chat, API and OAuth', async () => {
    const giga = client({ timeout: 0.5 });
    await giga.updateToken();
    const cases = [
      ['chat-hang', () => giga.chat('Hello')],
      ['api-hang', () => giga.embeddings(['x'])],
      ['auth-hang', () => client({ timeout: 0.5 }).updateToken()],
    ] as const;
    for (const [scenario, call] of cases) {
      await mock.setScenario(scenario);
      const started = performance.now();
      const error = await failure(call());
      expect(error.code, scenario).toBe('ECONNABORTED');
      expect(performance.now() - started).toBeGreaterThanOrEqual(450);
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('slow trickle: headers at once, then a byte a second; a timeout under a second cuts it', async () => {
    for (const [scenario, call] of [
      ['trickle', () => client({ timeout: 0.5 }).getModels()],
      ['chat-trickle', () => client({ timeout: 0.5 }).chat('Hello')],
    ] as const) {
      await mock.setScenario(scenario);
      const error = await failure(call());
      expect(error.response?.status, scenario).toBe(200); // the status had arrived
      expect(error.message).toMatch(/aborted/);
    }
  });

  it("slow trickle: the SDK's timeout is an idle timeout, so a 2 s timeout never fires on it", async () => {
    await mock.setScenario('chat-trickle');
    const pending = client({ timeout: 2 }).chat('Hello');
    const settled = pending.then(
      () => 'answered',
      () => 'failed',
    );
    const winner = await Promise.race([settled, new Promise((r) => setTimeout(() => r('still waiting'), 3000))]);
    expect(winner).toBe('still waiting'); // the mock's exit at the end of this file ends it
  });

  it('invalid JSON: the SDK does not throw; chat and models come back without their fields', async () => {
    const giga = client();
    await mock.setScenario('chat-bad-json');
    const completion = await giga.chat('Hello');
    expect(completion.choices).toBeUndefined();
    await mock.setScenario('models-bad-json');
    const models = await giga.getModels();
    expect(models.data).toBeUndefined();
  });

  it('invalid JSON from OAuth: the SDK fails with a TypeError of its own', async () => {
    await mock.setScenario('auth-bad-json');
    const error = await failure(client().updateToken());
    expect(error).toBeInstanceOf(TypeError);
  });

  it('an unknown scenario is refused by the admin endpoint and lists the valid ones', async () => {
    const answer = await post(`${mock.apiOrigin}/__admin/scenario`, 'scenario=nope', mock.caPem, { 'X-Admin-Token': mock.adminToken });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).scenarios).toContain('chat-payment-required');
  });
});

// --token-ttl is read by the command; these run once cli.ts registers the option.
const HELP = runMockToEnd(['--help']).stdout;

describe.runIf(HELP.includes('--token-ttl'))('gigadoctor mock --token-ttl', () => {
  it('tokens expire after the given seconds and the official client refreshes', async () => {
    const short = await startMockCommand(['--token-ttl', '1']);
    const shortAgent = new https.Agent({ ca: short.caPem });
    try {
      expect(short.stdout()).toContain('tokens live 1 s');
      const giga = new GigaChat({
        credentials: short.vars.GIGACHAT_CREDENTIALS,
        scope: short.vars.GIGACHAT_SCOPE,
        authUrl: short.vars.GIGACHAT_AUTH_URL,
        baseUrl: short.vars.GIGACHAT_BASE_URL,
        timeout: 5,
        httpsAgent: shortAgent,
      });
      await giga.getModels();
      const fetches = tokenFetches();
      await new Promise((r) => setTimeout(r, 1100));
      expect((await giga.getModels()).data.length).toBeGreaterThan(0);
      expect(tokenFetches()).toBe(fetches + 1);
    } finally {
      shortAgent.destroy();
      expect((await short.stop()).code).toBe(0);
    }
  });
});
