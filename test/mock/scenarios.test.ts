import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SCENARIOS, startMock, type MockServer, type Scenario } from '../../src/mock/index.js';
import { call, oauth, CallError, type Answer } from './http.js';

let mock: MockServer;
let token: string;

beforeAll(async () => {
  mock = await startMock();
  token = (await oauth(mock.authUrl, mock.caPem, { key: mock.credentials })).json().access_token;
});
afterAll(() => mock.close());
beforeEach(() => mock.setScenario('ok'));

const HANG_MS = 300;

function oauthWithTimeout(timeoutMs?: number): Promise<Answer> {
  return call(mock.authUrl, {
    method: 'POST',
    ca: mock.caPem,
    timeoutMs,
    headers: {
      Authorization: `Basic ${mock.credentials}`,
      RqUID: '0b7f6a52-0f4a-4f8e-9a39-4a3c6f0b2d11',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'scope=GIGACHAT_API_PERS',
  });
}

/** Resolves with the answer or with the CallError, so tests can assert either. */
function callWith(fn: () => Promise<Answer>): Promise<Answer | CallError> {
  return fn().catch((e: CallError) => e);
}

const getModels = (timeoutMs?: number) =>
  callWith(() => call(`${mock.baseUrl}/models`, { ca: mock.caPem, timeoutMs, headers: { Authorization: `Bearer ${token}` } }));

const postChat = (timeoutMs?: number) =>
  callWith(() =>
    call(`${mock.baseUrl}/chat/completions`, {
      method: 'POST',
      ca: mock.caPem,
      timeoutMs,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'GigaChat', messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 }),
    }),
  );

function answered(result: Answer | CallError): Answer {
  if (result instanceof CallError) throw new Error(`expected an answer, got ${result.code}: ${result.message}`);
  return result;
}

function expectHtml(answer: Answer, status: number) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('text/html');
  expect(answer.headers['server']).toBe('SynGX');
  expect(answer.text).toMatch(new RegExp(`<title>${status} `));
  expect(answer.text).toContain('SynGX');
}

function expectApiError(answer: Answer, status: number, message: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(answer.json()).toEqual({ status, message });
}

function expectHang(result: Answer | CallError) {
  expect(result).toBeInstanceOf(CallError);
  expect((result as CallError).code).toBe('TEST_TIMEOUT');
  expect((result as CallError).partial.status).toBeUndefined();
}

function expectNotJson(text: string) {
  expect(() => JSON.parse(text)).toThrow();
}

/** One check per scenario; a test below asserts none is missing. */
const checks: Record<Scenario, () => Promise<void>> = {
  ok: async () => {
    expect(answered(await oauthWithTimeout()).status).toBe(200);
    expect(answered(await getModels()).status).toBe(200);
    expect(answered(await postChat()).json().choices[0].finish_reason).toBe('length');
  },
  'auth-not-found-html': async () => {
    expectHtml(answered(await oauthWithTimeout()), 404);
    expect(answered(await getModels()).status).toBe(200); // only OAuth is affected
  },
  'auth-bad-key': async () => {
    const answer = answered(await oauthWithTimeout());
    expect(answer.status).toBe(401);
    expect(answer.json()).toEqual({ code: 6, message: "credentials doesn't match db data" });
    expect(answered(await getModels()).status).toBe(200); // tokens already issued still work
  },
  'auth-wrong-scope': async () => {
    const answer = answered(await oauthWithTimeout());
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({ code: 7, message: 'scope from db not fully includes consumed scope' });
  },
  'auth-echo-key': async () => {
    const answer = answered(await oauthWithTimeout());
    expect(answer.status).toBe(401);
    const { code, message } = answer.json();
    expect(code).toBe(6);
    expect(message).toContain(mock.credentials.toLowerCase());
    expect(message).toContain(mock.clientSecret.replace(/-/g, '').toUpperCase());
    expect(message).toContain(mock.credentials.slice(10, 20));
    expect(message).not.toContain(mock.credentials);
  },
  'auth-server-error': async () => expectHtml(answered(await oauthWithTimeout()), 502),
  'models-echo-token': async () => {
    const ids: string[] = answered(await getModels()).json().data.map((m: { id: string }) => m.id);
    expect(ids).toContain('GigaChat');
    expect(ids.join('')).toContain(token);
    expect(ids.every((id) => id.length <= 12 || !token.includes(id))).toBe(true);
  },
  'auth-rate-limited': async () => {
    const answer = answered(await oauthWithTimeout());
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('3');
    expect(answer.json()).toEqual({ status: 429, message: 'Too Many Requests' });
  },
  'auth-hang': async () => expectHang(await callWith(() => oauthWithTimeout(HANG_MS))),
  'auth-tok-shape': async () => {
    const answer = answered(await oauthWithTimeout());
    expect(answer.status).toBe(200);
    const { tok, exp, access_token: accessToken } = answer.json();
    expect(accessToken).toBeUndefined();
    expect(exp).toBeLessThan(1e12); // seconds
    expect(exp).toBeGreaterThan(Date.now() / 1000 + 29 * 60);
    const models = answered(await callWith(() => call(`${mock.baseUrl}/models`, { ca: mock.caPem, headers: { Authorization: `Bearer ${tok}` } })));
    expect(models.status).toBe(200);
  },
  'auth-bad-json': async () => {
    const answer = answered(await oauthWithTimeout());
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html');
    expectNotJson(answer.text);
  },
  'auth-wrong-shape': async () => {
    const answer = answered(await oauthWithTimeout());
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body).not.toHaveProperty('access_token');
    expect(body).not.toHaveProperty('tok');
  },
  'auth-redirect': async () => {
    const answer = answered(await oauthWithTimeout());
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers['location']!);
    expect(location.hostname).not.toBe(new URL(mock.authUrl).hostname);
    expect(location.pathname.endsWith('/api/v2/oauth')).toBe(true);
  },
  'token-expired': async () => {
    expectApiError(answered(await getModels()), 401, 'Token has expired');
    expectApiError(answered(await postChat()), 401, 'Token has expired');
    expect(answered(await oauthWithTimeout()).status).toBe(200); // OAuth still works
  },
  'api-unauthorized': async () => expectApiError(answered(await getModels()), 401, 'Unauthorized'),
  'api-forbidden': async () => expectApiError(answered(await postChat()), 403, 'Permission denied'),
  'models-not-found-html': async () => {
    expectHtml(answered(await getModels()), 404);
    expect(answered(await postChat()).status).toBe(200);
  },
  'api-rate-limited': async () => {
    const answer = answered(await getModels());
    expectApiError(answer, 429, 'Too Many Requests');
    expect(answer.headers['retry-after']).toBe('5');
  },
  'api-server-error': async () => expectHtml(answered(await getModels()), 502),
  'api-hang': async () => {
    const [models, chat] = await Promise.all([getModels(HANG_MS), postChat(HANG_MS)]);
    expectHang(models);
    expectHang(chat);
  },
  'models-bad-json': async () => {
    const answer = answered(await getModels());
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expectNotJson(answer.text);
  },
  'models-wrong-shape': async () => {
    const answer = answered(await getModels());
    expect(answer.status).toBe(200);
    expect(answer.json()).not.toHaveProperty('data');
  },
  'chat-payment-required': async () => {
    expectApiError(answered(await postChat()), 402, 'Payment Required');
    expect(answered(await getModels()).status).toBe(200);
  },
  'chat-model-not-found': async () => {
    expectApiError(answered(await postChat()), 404, 'No such model');
    expect(answered(await getModels()).status).toBe(200);
  },
  'chat-unprocessable': async () =>
    expectApiError(answered(await postChat()), 422, 'Requested model does not support functions'),
  'chat-rate-limited': async () => {
    const answer = answered(await postChat());
    expectApiError(answer, 429, 'Too Many Requests');
    expect(answer.headers['retry-after']).toBe('7');
  },
  'chat-server-error': async () => expectHtml(answered(await postChat()), 503),
  'chat-hang': async () => {
    expectHang(await postChat(HANG_MS));
    expect(answered(await getModels()).status).toBe(200);
  },
  'chat-bad-json': async () => {
    const answer = answered(await postChat());
    expect(answer.status).toBe(200);
    expectNotJson(answer.text);
  },
  'chat-trickle': async () => {
    const result = await postChat(HANG_MS);
    expect(result).toBeInstanceOf(CallError);
    const { partial } = result as CallError;
    expect(partial.status).toBe(200);
    expect(partial.received).toBeLessThanOrEqual(1);
    expect(Number(partial.headers?.['content-length'])).toBeGreaterThan(100);
    expect(answered(await getModels()).status).toBe(200);
  },
  'chat-blacklist': async () => {
    const completion = answered(await postChat()).json();
    expect(completion.choices[0].finish_reason).toBe('blacklist');
    expect(completion.choices[0].message.content.length).toBeGreaterThan(0);
  },
  'huge-body': async () => {
    const answer = answered(await getModels(10_000));
    expect(answer.status).toBe(200);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(answer.json().data[0].id).toBe('GigaChat');
  },
  trickle: async () => {
    const result = await getModels(HANG_MS);
    expect(result).toBeInstanceOf(CallError);
    const { partial } = result as CallError;
    expect(partial.status).toBe(200); // headers arrive at once ...
    expect(partial.received).toBeLessThanOrEqual(1); // ... the body does not
    expect(Number(partial.headers?.['content-length'])).toBeGreaterThan(100);
  },
  'invalid-utf8': async () => {
    const answer = answered(await getModels());
    expect(answer.status).toBe(200);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(answer.body)).toThrow();
  },
  reset: async () => {
    const result = await getModels();
    expect(result).toBeInstanceOf(CallError);
    const { code, partial } = result as CallError;
    expect(code).not.toBe('TEST_TIMEOUT');
    expect(partial.status).toBe(200);
    expect(partial.received).toBeLessThan(Number(partial.headers?.['content-length']));
  },
  'redirect-api': async () => {
    const answer = answered(await getModels());
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers['location']!);
    expect(location.hostname).not.toBe(new URL(mock.baseUrl).hostname);
    expect(location.pathname).toMatch(/\/api\/v1\/models$/);
  },
};

describe('scenarios', () => {
  it('every scenario has a description and a check here', () => {
    expect(Object.keys(checks).sort()).toEqual(SCENARIOS.map((s) => s.name).sort());
    for (const s of SCENARIOS) expect(s.description.length).toBeGreaterThan(10);
  });

  it.each(SCENARIOS.map((s) => s.name))('%s', async (scenario) => {
    mock.setScenario(scenario);
    await checks[scenario]();
  });

  it('a scenario can be chosen at start', async () => {
    const m = await startMock({ scenario: 'chat-payment-required' });
    try {
      expect(m.scenario).toBe('chat-payment-required');
    } finally {
      await m.close();
    }
  });
});
