import '../util/zod.js';
import * as z from 'zod/mini';
import type { Check, Details, Verdict } from '../types.js';
import { callApi, commonApiVerdict, type ApiCodes } from '../requests/api-request.js';
import { displayUrl } from '../util/display-url.js';
import { firstIssuePath, type Answer } from '../requests/http-answer.js';

const CHAT_CODES: ApiCodes = {
  timeout: 'CHAT_TIMEOUT', badResponse: 'CHAT_BAD_RESPONSE', redirect: 'API_REDIRECT',
  rateLimited: 'CHAT_RATE_LIMITED', serverError: 'CHAT_SERVER_ERROR',
};

const completion = z.object({
  choices: z.array(z.object({
    message: z.object({ role: z.string(), content: z.optional(z.nullable(z.string())) }),
    finish_reason: z.string(),
  })).check(z.minLength(1)),
  model: z.optional(z.string()),
  usage: z.optional(z.partial(z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }))),
});

/** One-token completion: the cheapest request that proves the model actually answers. */
export const chatCheck: Check = {
  id: 'chat',
  needs: ['models'],
  async run(ctx): Promise<Verdict> {
    const model = ctx.settings.model.value;
    const call = await callApi(ctx, '/chat/completions', CHAT_CODES, {
      model,
      messages: [{ role: 'user', content: 'ping' }],
      max_tokens: 1,
      stream: false,
    });
    if (call.verdict) return call.verdict;
    const verdict = classifyChatAnswer(call.answer, { url: call.url, model, now: ctx.now() });
    verdict.details = { ...call.details, ...verdict.details };
    return verdict;
  },
};

export function classifyChatAnswer(answer: Answer, ctx: { url: string; model: string; now: number }): Verdict {
  const common = commonApiVerdict(answer, ctx.url, CHAT_CODES, ctx.now);
  if (common) return common;
  const base: Details = { url: displayUrl(ctx.url), status: answer.status, model: ctx.model };
  const fail = (code: Verdict['code'], details: Details = {}): Verdict => ({
    status: 'fail', code, details: { ...base, message: answer.message, ...details },
  });
  switch (answer.status) {
    case 200:
      break;
    case 401:
      return fail('CHAT_TOKEN_REJECTED');
    case 402:
      return fail('CHAT_PAYMENT_REQUIRED');
    case 404:
      return fail('CHAT_MODEL_NOT_FOUND', { bodyKind: answer.kind });
    case 400:
    case 403:
    case 413:
    case 422:
      return fail('CHAT_INVALID_REQUEST');
    default:
      return fail('CHAT_BAD_RESPONSE', { reason: 'unexpected-status' });
  }
  if (answer.kind !== 'json') return fail('CHAT_BAD_RESPONSE', { reason: 'not-json', bodyKind: answer.kind });
  const parsed = completion.safeParse(answer.json);
  if (!parsed.success) return fail('CHAT_BAD_RESPONSE', { reason: 'wrong-shape', field: firstIssuePath(parsed.error.issues) });
  const { choices, model: served, usage } = parsed.data;
  const finishReason = choices[0].finish_reason;
  const facts: Details = {
    ...base,
    modelVersion: served ?? null,
    finishReason,
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    totalTokens: usage?.total_tokens ?? null,
  };
  // `length` is what max_tokens: 1 should end with; `stop` is a model that said one word.
  if (finishReason === 'stop' || finishReason === 'length') return { status: 'pass', code: 'CHAT_OK', details: facts };
  return { status: 'warn', code: 'CHAT_REFUSED', details: facts };
}
