/**
 * POST /chat/completions: the v1 contract (with and without server-sent events) and the v2
 * contract of mid-2026. The reply is canned; what matters is the shape, max_tokens,
 * finish_reason, the versioned model name and a filled usage block.
 */
import type { ServerResponse } from 'node:http';
import { API_ERRORS, BLACKLIST_REPLY, CHAT_REPLY, estimateTokens, findModel, versionedModel } from './fixtures.js';
import { parseJsonBody, sendApiError, sendJson } from './respond.js';

type FinishReason = 'stop' | 'length' | 'blacklist';

interface ChatPlan {
  model: string;
  /** The reply split into "tokens" (a word and its following space each). */
  pieces: string[];
  finishReason: FinishReason;
  promptTokens: number;
}

/** Parses and validates a chat request; on failure the error has been sent and null returned. */
function planChat(res: ServerResponse, body: Buffer, blacklist: boolean, contract: 'v1' | 'v2'): (ChatPlan & { stream: boolean }) | null {
  const request = parseJsonBody(res, body, API_ERRORS.invalidJson);
  if (request === undefined) return null;
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    sendApiError(res, API_ERRORS.invalidJson);
    return null;
  }
  const { model, messages, max_tokens: maxTokens, stream } = request as Record<string, unknown>;
  if (typeof model !== 'string' || model === '') {
    sendApiError(res, API_ERRORS.invalidParams('model is required'));
    return null;
  }
  if (!Array.isArray(messages) || messages.length === 0) {
    sendApiError(res, API_ERRORS.invalidParams('messages must be a non-empty list'));
    return null;
  }
  if (maxTokens !== undefined && (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1)) {
    sendApiError(res, API_ERRORS.invalidParams('max_tokens must be a positive integer'));
    return null;
  }
  const known = findModel(model);
  if (!known || known.type !== 'chat') {
    sendApiError(res, API_ERRORS.noSuchModel);
    return null;
  }

  const promptText = messages.map((m) => messageText(m, contract)).join('\n');
  const allPieces = (blacklist ? BLACKLIST_REPLY : CHAT_REPLY).match(/\S+\s*/g) ?? [];
  const truncated = !blacklist && typeof maxTokens === 'number' && maxTokens < allPieces.length;
  return {
    model: versionedModel(model),
    pieces: truncated ? allPieces.slice(0, maxTokens as number) : allPieces,
    finishReason: blacklist ? 'blacklist' : truncated ? 'length' : 'stop',
    promptTokens: estimateTokens(promptText) + 2 * messages.length, // role markers cost tokens too
    stream: stream === true,
  };
}

function messageText(message: unknown, contract: 'v1' | 'v2'): string {
  if (typeof message !== 'object' || message === null) return '';
  const content = (message as { content?: unknown }).content;
  if (typeof content === 'string') return content;
  if (contract === 'v2' && Array.isArray(content)) {
    return content.map((part) => (typeof part?.text === 'string' ? part.text : '')).join(' ');
  }
  return '';
}

function usage(plan: ChatPlan, completionTokens: number) {
  return {
    prompt_tokens: plan.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: plan.promptTokens + completionTokens,
    precached_prompt_tokens: 0,
  };
}

export function answerChatV1(res: ServerResponse, body: Buffer, blacklist: boolean): void {
  const plan = planChat(res, body, blacklist, 'v1');
  if (!plan) return;
  const created = Math.floor(Date.now() / 1000);
  if (plan.stream) return streamChat(res, plan, created);
  sendJson(res, 200, {
    choices: [
      { message: { content: plan.pieces.join('').trimEnd(), role: 'assistant' }, index: 0, finish_reason: plan.finishReason },
    ],
    created,
    model: plan.model,
    object: 'chat.completion',
    usage: usage(plan, plan.pieces.length),
  });
}

/** A whole v1 completion of the canned reply by "GigaChat", for faults that mangle its delivery. */
export function cannedCompletion(): object {
  const pieces = CHAT_REPLY.match(/\S+\s*/g) ?? [];
  const plan: ChatPlan = { model: versionedModel('GigaChat'), pieces, finishReason: 'stop', promptTokens: 3 };
  return {
    choices: [{ message: { content: CHAT_REPLY, role: 'assistant' }, index: 0, finish_reason: 'stop' }],
    created: Math.floor(Date.now() / 1000),
    model: plan.model,
    object: 'chat.completion',
    usage: usage(plan, pieces.length),
  };
}

/**
 * Server-sent events: one `data: {...}` event per token, the last one carrying finish_reason
 * and usage, then `data: [DONE]`. Each event is written whole, because the JS SDK parses
 * every received chunk line by line.
 */
function streamChat(res: ServerResponse, plan: ChatPlan, created: number): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  const base = { created, model: plan.model, object: 'chat.completion' };
  plan.pieces.forEach((piece, i) => {
    const last = i === plan.pieces.length - 1;
    const chunk = {
      choices: [
        {
          delta: { content: piece, role: 'assistant' },
          index: 0,
          ...(last ? { finish_reason: plan.finishReason } : {}),
        },
      ],
      ...base,
      ...(last ? { usage: usage(plan, plan.pieces.length) } : {}),
    };
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  });
  res.end('data: [DONE]\n\n');
}

/** The v2 contract: content is a list of parts, the answer lists messages (PY cassette, Jun 2026). */
export function answerChatV2(res: ServerResponse, body: Buffer, blacklist: boolean): void {
  const plan = planChat(res, body, blacklist, 'v2');
  if (!plan) return;
  if (plan.stream) {
    // The mock does not implement v2 streaming; say so instead of pretending.
    return sendApiError(res, API_ERRORS.invalidParams('stream is not supported by this mock on /v2'));
  }
  const completion = plan.pieces.length;
  sendJson(res, 200, {
    model: plan.model,
    created_at: Math.floor(Date.now() / 1000),
    messages: [{ role: 'assistant', content: [{ text: plan.pieces.join('').trimEnd() }] }],
    finish_reason: plan.finishReason,
    usage: {
      input_tokens: plan.promptTokens,
      input_tokens_details: { prompt_tokens: plan.promptTokens, cached_tokens: 0 },
      output_tokens: completion,
      total_tokens: plan.promptTokens + completion,
    },
  });
}
