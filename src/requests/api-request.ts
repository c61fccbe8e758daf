import { randomUUID } from 'node:crypto';
import type { Code } from '../catalog/codes.js';
import type { CheckContext, Details, Verdict } from '../types.js';
import { credentialUrlRefusal } from '../checks/endpoints-check.js';
import { displayUrl } from '../util/display-url.js';
import { exchangeDetails, failureVerdict, malformedAnswer, readAnswer, retryAfterSeconds, type Answer } from './http-answer.js';
import { USER_AGENT } from './user-agent.js';

/** The codes one API call (models or chat) uses for the answers every API call can get. */
export interface ApiCodes {
  timeout: Code;
  badResponse: Code;
  redirect: Code;
  rateLimited: Code;
  serverError: Code;
}

export type ApiCall = { answer: Answer; details: Details; url: string; verdict?: undefined } | { verdict: Verdict };

/** One authenticated call to the API host; the token goes nowhere else. */
export async function callApi(ctx: CheckContext, path: string, codes: ApiCodes, body?: unknown): Promise<ApiCall> {
  const { settings, probe } = ctx;
  const token = ctx.products.oauth;
  // No token when oauth was skipped by an option: nothing to call the API with.
  if (!token) return { verdict: { status: 'skip', code: 'BLOCKED', details: { blockedBy: 'oauth' } } };
  const refusal = credentialUrlRefusal('api', settings.baseUrl);
  if (refusal) return { verdict: refusal };
  const url = `${settings.baseUrl.value.trim().replace(/\/+$/, '')}${path}`;
  const requestId = randomUUID();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token.secret.reveal()}`,
    Accept: 'application/json',
    'User-Agent': USER_AGENT,
    'X-Request-ID': requestId,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const result = await probe.http({
    url,
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    timeoutMs: settings.timeoutMs.value,
  });
  if (!result.ok) return { verdict: failureVerdict(result.failure, codes, url) };
  const answer = readAnswer(result.response);
  const details = exchangeDetails(body === undefined ? 'GET' : 'POST', result.response, 'xRequestId', requestId);
  return { answer, details, url };
}

/** Redirects, broken bodies, 429 and 5xx mean the same on every API path. Pure. */
export function commonApiVerdict(answer: Answer, url: string, codes: ApiCodes, now: number): Verdict | null {
  const odd = malformedAnswer(answer, url, codes.badResponse, codes.redirect);
  if (odd) return odd;
  const base = { url: displayUrl(url), status: answer.status };
  if (answer.status === 429) {
    return { status: 'fail', code: codes.rateLimited, details: { ...base, retryAfter: retryAfterSeconds(answer.headers, now) } };
  }
  if (answer.status >= 500) {
    return { status: 'fail', code: codes.serverError, details: { ...base, bodyKind: answer.kind, message: answer.message } };
  }
  return null;
}
