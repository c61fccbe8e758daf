import { describe, expect, it } from 'vitest';
import { classifyChatAnswer } from '../../../src/checks/chat-check.js';
import { readAnswer } from '../../../src/requests/http-answer.js';
import { classifyModelsAnswer } from '../../../src/checks/models-check.js';
import { classifyOauthAnswer } from '../../../src/checks/oauth-check.js';
import type { HttpResponse } from '../../../src/probe/types.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const JSON_HEADERS = { 'content-type': 'application/json', date: new Date(NOW).toUTCString() };
const HTML_502 = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>SynGX</center></body></html>';
const HTML_404 = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>';

function response(status: number, body: string | Buffer | object, headers: Record<string, string> = JSON_HEADERS, truncated = false): HttpResponse {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return { url: 'https://h/x', status, headers, body: buf, truncated, ms: 5 };
}

const oauth = (res: HttpResponse) =>
  classifyOauthAnswer(readAnswer(res), { url: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth', scope: 'GIGACHAT_API_PERS', now: NOW, flow: 'key' });

describe('classifyOauthAnswer', () => {
  it('accepts {access_token, expires_at} in ms and hands over the token', () => {
    const out = oauth(response(200, { access_token: 'tok-value', expires_at: NOW + 30 * 60_000 }));
    expect(out.verdict).toMatchObject({ status: 'pass', code: 'OAUTH_OK', details: { shape: 'access_token', expiresInSec: 1800 } });
    expect(out.token).toBe('tok-value');
  });
  it('accepts {tok, exp} with exp in seconds', () => {
    const out = oauth(response(200, { tok: 't', exp: Math.round(NOW / 1000) + 1800 }));
    expect(out.verdict).toMatchObject({ code: 'OAUTH_OK', details: { shape: 'tok', expiresInSec: 1800 } });
  });
  it.each([
    [400, { code: 7, message: 'scope from db not fully includes consumed scope' }, 'OAUTH_SCOPE_MISMATCH'],
    [401, { code: 7, message: 'scope from db not fully includes consumed scope' }, 'OAUTH_SCOPE_MISMATCH'],
    [400, { code: 1, message: 'scope data format invalid' }, 'OAUTH_SCOPE_INVALID'],
    [400, { code: 5, message: 'scope is empty' }, 'OAUTH_SCOPE_INVALID'],
    [400, { code: 4, message: "Can't decode 'Authorization' header" }, 'OAUTH_UNDECODABLE_CREDENTIALS'],
    [401, { code: 4, message: "Can't decode 'Authorization' header" }, 'OAUTH_UNDECODABLE_CREDENTIALS'],
    [401, { code: 6, message: "credentials doesn't match db data" }, 'OAUTH_BAD_CREDENTIALS'],
    [400, { message: 'bad RqUID' }, 'OAUTH_BAD_REQUEST'],
    [403, { status: 403, message: 'Forbidden' }, 'OAUTH_FORBIDDEN'],
  ])('%i %j → %s', (status, body, code) => {
    expect(oauth(response(status, body)).verdict).toMatchObject({ status: 'fail', code });
  });
  it('404 HTML page → OAUTH_NOT_FOUND with bodyKind html', () => {
    expect(oauth(response(404, HTML_404, { 'content-type': 'text/html' })).verdict).toMatchObject({ code: 'OAUTH_NOT_FOUND', details: { bodyKind: 'html' } });
  });
  it('502 SynGX page → OAUTH_SERVER_ERROR', () => {
    expect(oauth(response(502, HTML_502, { 'content-type': 'text/html' })).verdict).toMatchObject({ code: 'OAUTH_SERVER_ERROR', details: { bodyKind: 'html' } });
  });
  it('429 reads Retry-After', () => {
    expect(oauth(response(429, '', { 'retry-after': '3' })).verdict).toMatchObject({ code: 'OAUTH_RATE_LIMITED', details: { retryAfter: 3 } });
  });
  it('redirect is reported with its Location, not followed', () => {
    expect(oauth(response(302, '', { location: 'https://evil.example/steal?x=1' })).verdict)
      .toMatchObject({ code: 'OAUTH_REDIRECT', details: { status: 302, location: 'https://evil.example/steal' } });
  });
  it.each([
    [response(200, '<html>oops</html>', { 'content-type': 'text/html' }), 'not-json'],
    [response(200, { token: 'x' }), 'wrong-shape'],
    [response(200, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 'invalid-utf8'],
    [response(200, '{"access_token":"', JSON_HEADERS, true), 'too-large'],
  ])('200 with a bad body → OAUTH_BAD_RESPONSE (%#)', (res, reason) => {
    expect(oauth(res).verdict).toMatchObject({ code: 'OAUTH_BAD_RESPONSE', details: { reason } });
  });
  it('a Date header minutes away from the local clock → CLOCK_SKEW warning', () => {
    const res = response(200, { access_token: 't', expires_at: NOW + 1_800_000 }, { ...JSON_HEADERS, date: new Date(NOW + 5 * 60_000).toUTCString() });
    expect(oauth(res).verdict).toMatchObject({ status: 'warn', code: 'CLOCK_SKEW', details: { skewSec: 300 } });
  });
});

const MODELS = { object: 'list', data: [{ id: 'GigaChat', object: 'model', owned_by: 'salutedevices', type: 'chat' }, { id: 'GigaChat-2', type: 'chat' }, { id: 'Embeddings', type: 'embedder' }] };
const models = (res: HttpResponse, model = 'GigaChat-2') =>
  classifyModelsAnswer(readAnswer(res), { url: 'https://gigachat.devices.sberbank.ru/api/v1/models', model, tokenSource: 'oauth', now: NOW });

describe('classifyModelsAnswer', () => {
  it('finds the model', () => expect(models(response(200, MODELS))).toMatchObject({ status: 'pass', code: 'MODELS_OK', details: { count: 3 } }));
  it('case matters, and the nearest id is suggested', () =>
    expect(models(response(200, MODELS), 'gigachat-2')).toMatchObject({ status: 'fail', code: 'MODEL_NOT_AVAILABLE', details: { suggestion: 'GigaChat-2' } }));
  it('first generation is a warning naming its successor', () =>
    expect(models(response(200, MODELS), 'GigaChat')).toMatchObject({ status: 'warn', code: 'MODEL_DEPRECATED', details: { suggestion: 'GigaChat-2' } }));
  it.each([
    [401, { status: 401, message: 'Token has expired' }, 'API_TOKEN_EXPIRED'],
    [401, { status: 401, message: 'Unauthorized' }, 'API_TOKEN_REJECTED'],
    [403, { status: 403, message: 'Permission denied' }, 'API_FORBIDDEN'],
    [429, { status: 429, message: 'Too Many Requests' }, 'API_RATE_LIMITED'],
    [503, { status: 503, message: 'Service Unavailable' }, 'API_SERVER_ERROR'],
  ])('%i → %s', (status, body, code) => expect(models(response(status, body))).toMatchObject({ status: 'fail', code }));
  it('404 HTML (a wrong base URL) → API_NOT_FOUND', () =>
    expect(models(response(404, HTML_404, { 'content-type': 'text/html' }))).toMatchObject({ code: 'API_NOT_FOUND', details: { bodyKind: 'html' } }));
  it('a list of the wrong shape names the field', () =>
    expect(models(response(200, { data: [{ name: 'x' }] }))).toMatchObject({ code: 'API_BAD_RESPONSE', details: { reason: 'wrong-shape', field: 'data[0].id' } }));
});

const CHAT_OK = {
  choices: [{ message: { content: 'Hi', role: 'assistant' }, index: 0, finish_reason: 'length' }],
  created: 1768996171, model: 'GigaChat-2:2.0.28.2', object: 'chat.completion',
  usage: { prompt_tokens: 17, completion_tokens: 1, total_tokens: 18 },
};
const chat = (res: HttpResponse) => classifyChatAnswer(readAnswer(res), { url: 'https://gigachat.devices.sberbank.ru/api/v1/chat/completions', model: 'GigaChat-2', now: NOW });

describe('classifyChatAnswer', () => {
  it('finish_reason length counts as served', () =>
    expect(chat(response(200, CHAT_OK))).toMatchObject({ status: 'pass', code: 'CHAT_OK', details: { modelVersion: 'GigaChat-2:2.0.28.2', totalTokens: 18 } }));
  it('blacklist is a warning', () =>
    expect(chat(response(200, { ...CHAT_OK, choices: [{ ...CHAT_OK.choices[0], finish_reason: 'blacklist' }] }))).toMatchObject({ status: 'warn', code: 'CHAT_REFUSED' }));
  it.each([
    [402, { status: 402, message: 'Payment Required' }, 'CHAT_PAYMENT_REQUIRED'],
    [404, { status: 404, message: 'No such model' }, 'CHAT_MODEL_NOT_FOUND'],
    [422, { status: 422, message: 'Invalid params' }, 'CHAT_INVALID_REQUEST'],
    [401, { status: 401, message: 'Token has expired' }, 'CHAT_TOKEN_REJECTED'],
    [502, HTML_502, 'CHAT_SERVER_ERROR'],
  ])('%i → %s', (status, body, code) => expect(chat(response(status, body))).toMatchObject({ status: 'fail', code }));
  it('429 reports Retry-After', () =>
    expect(chat(response(429, { status: 429, message: 'Too Many Requests' }, { ...JSON_HEADERS, 'retry-after': '7' }))).toMatchObject({ code: 'CHAT_RATE_LIMITED', details: { retryAfter: 7 } }));
  it('no choices → CHAT_BAD_RESPONSE', () => expect(chat(response(200, { choices: [] }))).toMatchObject({ code: 'CHAT_BAD_RESPONSE', details: { field: 'choices' } }));
});

describe('classifyOauthAnswer names the field a token answer lacks', () => {
  it.each([
    [{ token: 'x' }, 'access_token'],
    [{ access_token: 'x' }, 'expires_at'],
    [{ tok: 'x' }, 'exp'],
    [{ exp: 1 }, 'tok'],
  ])('%j → %s', (body, field) => {
    expect(oauth(response(200, body)).verdict).toMatchObject({ code: 'OAUTH_BAD_RESPONSE', details: { reason: 'wrong-shape', field } });
  });
});

describe('classifyModelsAnswer and the model type', () => {
  it('a listed embedder is not a chat model', () =>
    expect(models(response(200, MODELS), 'Embeddings')).toMatchObject({ status: 'fail', code: 'MODEL_NOT_FOR_CHAT', details: { type: 'embedder', suggestion: 'GigaChat-2' } }));
});
