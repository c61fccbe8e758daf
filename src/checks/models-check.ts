import '../util/zod.js';
import * as z from 'zod/mini';
import type { Check, Details, Verdict } from '../types.js';
import { nearest } from '../util/nearest.js';
import { callApi, commonApiVerdict, type ApiCodes } from '../requests/api-request.js';
import { displayUrl } from '../util/display-url.js';
import { firstIssuePath, type Answer } from '../requests/http-answer.js';
import { BASE_URL, DEPRECATED_MODELS } from '../gigachat/index.js';

const MODELS_CODES: ApiCodes = {
  timeout: 'API_TIMEOUT', badResponse: 'API_BAD_RESPONSE', redirect: 'API_REDIRECT',
  rateLimited: 'API_RATE_LIMITED', serverError: 'API_SERVER_ERROR',
};

const modelList = z.object({
  data: z.array(z.object({ id: z.string().check(z.minLength(1)), type: z.optional(z.string()) })),
});

/** GET /models with the token: the token works on the API host, and the configured model is served. */
export const modelsCheck: Check = {
  id: 'models',
  needs: ['oauth'],
  async run(ctx): Promise<Verdict> {
    const call = await callApi(ctx, '/models', MODELS_CODES);
    if (call.verdict) return call.verdict;
    const verdict = classifyModelsAnswer(call.answer, {
      url: call.url,
      model: ctx.settings.model.value,
      tokenSource: ctx.products.oauth!.source,
      now: ctx.now(),
    });
    verdict.details = { ...call.details, ...verdict.details };
    return verdict;
  },
};

export interface ModelsContext {
  url: string;
  model: string;
  tokenSource: 'oauth' | 'GIGACHAT_ACCESS_TOKEN';
  now: number;
}

export function classifyModelsAnswer(answer: Answer, ctx: ModelsContext): Verdict {
  const common = commonApiVerdict(answer, ctx.url, MODELS_CODES, ctx.now);
  if (common) return common;
  const base: Details = { url: displayUrl(ctx.url), status: answer.status };
  const fail = (code: Verdict['code'], details: Details): Verdict => ({ status: 'fail', code, details: { ...base, ...details } });

  switch (answer.status) {
    case 200:
      break;
    case 401:
      return fail(/expired/i.test(answer.message ?? '') ? 'API_TOKEN_EXPIRED' : 'API_TOKEN_REJECTED', { message: answer.message, tokenSource: ctx.tokenSource });
    case 403:
      return fail('API_FORBIDDEN', { message: answer.message });
    case 404:
    case 405:
      return fail('API_NOT_FOUND', { bodyKind: answer.kind, message: answer.message, expectedUrl: BASE_URL });
    default:
      return fail('API_BAD_RESPONSE', { reason: 'unexpected-status', message: answer.message });
  }
  if (answer.kind !== 'json') return fail('API_BAD_RESPONSE', { reason: 'not-json', bodyKind: answer.kind });
  const parsed = modelList.safeParse(answer.json);
  if (!parsed.success) return fail('API_BAD_RESPONSE', { reason: 'wrong-shape', field: firstIssuePath(parsed.error.issues) });

  const models = parsed.data.data.map((m) => m.id);
  const chatModels = parsed.data.data.filter((m) => !m.type || m.type === 'chat').map((m) => m.id);
  const facts = { ...base, count: models.length, model: ctx.model, chatModels };
  if (!models.includes(ctx.model)) {
    return { status: 'fail', code: 'MODEL_NOT_AVAILABLE', details: { ...facts, suggestion: nearest(ctx.model, chatModels, 4) } };
  }
  const listed = parsed.data.data.find((m) => m.id === ctx.model);
  // An embedder or classifier passes "is it in the list", then fails the chat probe with a bare 404.
  if (listed?.type && listed.type !== 'chat') {
    return { status: 'fail', code: 'MODEL_NOT_FOR_CHAT', details: { ...facts, type: listed.type, suggestion: chatModels.includes('GigaChat-2') ? 'GigaChat-2' : chatModels[0] ?? null } };
  }
  const replacement = Object.hasOwn(DEPRECATED_MODELS, ctx.model) ? DEPRECATED_MODELS[ctx.model] : undefined;
  if (replacement) {
    return { status: 'warn', code: 'MODEL_DEPRECATED', details: { ...facts, suggestion: replacement } };
  }
  return { status: 'pass', code: 'MODELS_OK', details: facts };
}
