/**
 * The API host (gigachat.devices.sberbank.ru in real life), under /api/v1 (and /v1, the
 * api.giga.chat layout). Every route but the password flow's /token needs a Bearer token
 * issued by this mock. Errors are {"status","message"} as application/json; charset=utf-8.
 *
 * Scenario order: faults of every API route (api-*, token-expired, redirect-api) answer
 * before the token is looked at, like a gateway would; faults of one route (models-*, chat-*,
 * the hostile-body modes on /models) answer after it, like the application would.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_SCOPE, SCOPE_AUDIENCE } from '../gigachat/index.js';
import { answerChatV1, answerChatV2, cannedCompletion } from './chat.js';
import { API_ERRORS, BALANCE, embeddingFor, estimateTokens, findModel, gatewayHtmlPage, modelsList } from './fixtures.js';
import { hang, hugeModelsBody, invalidUtf8ModelsBody, modelsEchoingToken, outOfRangeStatus, resetMidBody, trickle } from './faults.js';
import { API_JSON, HTML, authorizationValue, parseJsonBody, sendApiError, sendBody, sendJson, sendRedirect } from './respond.js';
import { decodeBasicPair } from './auth-server.js';
import { scenarioTarget } from './scenarios.js';
import type { MockState } from './state.js';
import type { IssuedToken } from './tokens.js';

const V1_PREFIX = /^\/(?:api\/)?v1(\/.*)?$/;
const V2_CHAT = /^\/(?:api\/)?v2\/chat\/completions\/?$/;

/**
 * A chat request is refused with 413 "Payload too large" beyond 4 MiB, as GigaChat refuses a
 * prompt bigger than the context, and without reading it: GigaChat's largest context is 128k
 * tokens, at four characters a token (the mock's own count) 512k characters, and even with every
 * character escaped as \uXXXX that is 3 MiB of JSON. Every other route has the server's cap.
 */
export const MAX_CHAT_BODY = 4 * 1024 * 1024;

/** The largest body the API host reads for a request target, or null for the server's cap. */
export function apiBodyLimit(url: string | undefined): number | null {
  const path = new URL(url ?? '/', 'https://mock.invalid').pathname;
  const route = V1_PREFIX.exec(path)?.[1]?.replace(/\/+$/, '');
  return route === '/chat/completions' || V2_CHAT.test(path) ? MAX_CHAT_BODY : null;
}

export function handleApiRequest(state: MockState, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const path = new URL(req.url ?? '/', 'https://mock.invalid').pathname;
  const v1 = V1_PREFIX.exec(path);
  const isV2Chat = V2_CHAT.test(path);
  if (!v1 && !isV2Chat) return sendBody(res, 404, HTML, gatewayHtmlPage(404));
  const route = isV2Chat ? '/v2/chat/completions' : (v1?.[1] ?? '/').replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';

  if (route === '/token') return answerPasswordFlow(state, req, res);
  if (scenarioTarget(state.scenario) === 'api') return answerApiFault(state, req, res);

  const token = authenticate(state, req, res);
  if (!token) return;

  const target = scenarioTarget(state.scenario);
  if (route === '/models') {
    if (method !== 'GET') return sendApiError(res, API_ERRORS.methodNotAllowed);
    if (target === 'models') return answerModelsFault(state, req, res);
    return sendJson(res, 200, modelsList());
  }
  if (route.startsWith('/models/')) {
    if (method !== 'GET') return sendApiError(res, API_ERRORS.methodNotAllowed);
    const model = findModel(decodeURIComponent(route.slice('/models/'.length)));
    return model ? sendJson(res, 200, model) : sendApiError(res, API_ERRORS.noSuchModel);
  }
  if (route === '/chat/completions' || route === '/v2/chat/completions') {
    if (method !== 'POST') return sendApiError(res, API_ERRORS.methodNotAllowed);
    if (target === 'chat' && state.scenario !== 'chat-blacklist') return answerChatFault(state, res);
    const blacklist = state.scenario === 'chat-blacklist';
    return route === '/chat/completions' ? answerChatV1(res, body, blacklist) : answerChatV2(res, body, blacklist);
  }
  if (route === '/embeddings') {
    if (method !== 'POST') return sendApiError(res, API_ERRORS.methodNotAllowed);
    return answerEmbeddings(res, body);
  }
  if (route === '/tokens/count') {
    if (method !== 'POST') return sendApiError(res, API_ERRORS.methodNotAllowed);
    return answerTokensCount(res, body);
  }
  if (route === '/balance') {
    if (method !== 'GET') return sendApiError(res, API_ERRORS.methodNotAllowed);
    // Balance exists on prepaid only; pay-as-you-go (CORP) gets 403 Permission denied.
    if (SCOPE_AUDIENCE[token.scope ?? DEFAULT_SCOPE] === 'postpaid') return sendApiError(res, API_ERRORS.permissionDenied);
    return sendJson(res, 200, BALANCE);
  }
  return sendApiError(res, API_ERRORS.notFound);
}

/** The token behind `Authorization: Bearer`, or null after answering 401. */
function authenticate(state: MockState, req: IncomingMessage, res: ServerResponse): IssuedToken | null {
  const value = authorizationValue(req, 'Bearer');
  const lookup = value ? state.tokens.lookup(value) : ({ state: 'unknown' } as const);
  if (lookup.state === 'valid') return lookup.token;
  sendApiError(res, lookup.state === 'expired' ? API_ERRORS.tokenExpired : API_ERRORS.unauthorized);
  return null;
}

/**
 * Username/password flow: POST {base}/token with Basic user:password, answered {"tok","exp"}.
 * exp is in milliseconds, as both SDKs read it (the reference notes the unit is ambiguous);
 * a failure's body is UNCONFIRMED and given in the API style.
 */
function answerPasswordFlow(state: MockState, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'POST') return sendApiError(res, API_ERRORS.methodNotAllowed);
  const basic = authorizationValue(req, 'Basic');
  const pair = basic === null ? null : decodeBasicPair(basic);
  const known = pair && state.users.some((u) => u.user === pair.id && u.password === pair.secret);
  if (!known) return sendApiError(res, API_ERRORS.unauthorized);
  const issued = state.tokens.issue(null);
  sendJson(res, 200, { tok: issued.token, exp: issued.expiresAt });
}

function answerApiFault(state: MockState, req: IncomingMessage, res: ServerResponse): void {
  switch (state.scenario) {
    case 'token-expired':
      return sendApiError(res, API_ERRORS.tokenExpired);
    case 'api-unauthorized':
      return sendApiError(res, API_ERRORS.unauthorized);
    case 'api-forbidden':
      return sendApiError(res, API_ERRORS.permissionDenied);
    case 'api-rate-limited':
      return sendApiError(res, API_ERRORS.tooManyRequests, { 'Retry-After': 5 });
    case 'api-server-error':
      return sendBody(res, 502, HTML, gatewayHtmlPage(502));
    case 'api-hang':
      return hang(res);
    case 'redirect-api':
      return sendRedirect(res, 302, `${state.origins.apiRedirect}/__redirected${req.url ?? '/'}`);
    default:
      return sendBody(res, 500, HTML, gatewayHtmlPage(500));
  }
}

function answerModelsFault(state: MockState, req: IncomingMessage, res: ServerResponse): void {
  switch (state.scenario) {
    case 'models-not-found-html':
      return sendBody(res, 404, HTML, gatewayHtmlPage(404));
    case 'models-bad-json':
      // Cut off mid-document: the content type promises JSON, the body is not.
      return sendBody(res, 200, API_JSON, '{"object":"list","data":[{"id":"GigaChat","object":"mod');
    case 'models-wrong-shape':
      // Valid JSON, but the list is not under "data" and the entries lack "id".
      return sendJson(res, 200, { object: 'list', models: [{ name: 'GigaChat', type: 'chat' }] });
    case 'models-echo-token':
      return sendJson(res, 200, modelsEchoingToken(authorizationValue(req, 'Bearer') ?? ''));
    case 'models-status-999':
      return outOfRangeStatus(res);
    case 'huge-body':
      return sendBody(res, 200, API_JSON, hugeModelsBody());
    case 'trickle':
      return trickle(res, Buffer.from(JSON.stringify(modelsList()), 'utf8'), state.timers);
    case 'invalid-utf8':
      return sendBody(res, 200, API_JSON, invalidUtf8ModelsBody());
    case 'reset':
      return resetMidBody(res, Buffer.from(JSON.stringify(modelsList()), 'utf8'));
    default:
      return sendBody(res, 500, HTML, gatewayHtmlPage(500));
  }
}

function answerChatFault(state: MockState, res: ServerResponse): void {
  switch (state.scenario) {
    case 'chat-payment-required':
      return sendApiError(res, API_ERRORS.paymentRequired);
    case 'chat-unprocessable':
      return sendApiError(res, API_ERRORS.unsupportedFunctions);
    case 'chat-rate-limited':
      return sendApiError(res, API_ERRORS.tooManyRequests, { 'Retry-After': 7 });
    case 'chat-server-error':
      return sendBody(res, 503, HTML, gatewayHtmlPage(503));
    case 'chat-hang':
      return hang(res);
    case 'chat-bad-json':
      return sendBody(res, 200, API_JSON, '{"choices":[{"message":{"content":"Hel');
    case 'chat-model-not-found':
      return sendApiError(res, API_ERRORS.noSuchModel);
    case 'chat-trickle':
      return trickle(res, Buffer.from(JSON.stringify(cannedCompletion()), 'utf8'), state.timers);
    default:
      return sendBody(res, 500, HTML, gatewayHtmlPage(500));
  }
}

/** {model, input}: input a string or a list of strings. Null after answering an error. */
function parseModelInput(res: ServerResponse, body: Buffer): { model: string; input: string[] } | null {
  const request = parseJsonBody(res, body, API_ERRORS.invalidJson);
  if (request === undefined) return null;
  const { model, input } = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const inputs = typeof input === 'string' ? [input] : input;
  if (typeof model !== 'string' || model === '') {
    sendApiError(res, API_ERRORS.invalidParams('model is required'));
    return null;
  }
  if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((s) => typeof s === 'string')) {
    sendApiError(res, API_ERRORS.invalidParams('input must be a non-empty list of strings'));
    return null;
  }
  return { model, input: inputs as string[] };
}

function answerEmbeddings(res: ServerResponse, body: Buffer): void {
  const request = parseModelInput(res, body);
  if (!request) return;
  // A chat model asked for embeddings: the real answer is UNCONFIRMED; 404 "No such model" here.
  if (findModel(request.model)?.type !== 'embedder') return sendApiError(res, API_ERRORS.noSuchModel);
  sendJson(res, 200, {
    object: 'list',
    model: request.model,
    data: request.input.map((text, index) => ({
      object: 'embedding',
      index,
      embedding: embeddingFor(text),
      usage: { prompt_tokens: estimateTokens(text) },
    })),
  });
}

/** A top-level array, one entry per input (PY cassette test_tokens_count_single.yaml). */
function answerTokensCount(res: ServerResponse, body: Buffer): void {
  const request = parseModelInput(res, body);
  if (!request) return;
  if (!findModel(request.model)) return sendApiError(res, API_ERRORS.noSuchModel);
  sendJson(
    res,
    200,
    request.input.map((text) => ({ object: 'tokens', tokens: estimateTokens(text), characters: text.length })),
  );
}
