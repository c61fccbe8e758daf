import { randomUUID } from 'node:crypto';
import '../util/zod.js';
import * as z from 'zod/mini';
import { Secret } from '../secret/index.js';
import type { CheckContext, Check, CheckOutcome, Details, Verdict } from '../types.js';
import { credentialUrlRefusal } from './endpoints-check.js';
import { displayUrl } from '../util/display-url.js';
import {
  clockSkewSeconds, exchangeDetails, failureVerdict, malformedAnswer, readAnswer, retryAfterSeconds, type Answer,
} from '../requests/http-answer.js';
import { AUTH_PATH, AUTH_URL, SCOPES } from '../gigachat/index.js';
import { USER_AGENT } from '../requests/user-agent.js';

const MAX_SKEW_SECONDS = 60;

// Any larger and Date cannot hold it: such an answer is malformed, not a reason to crash.
const EXPIRY = z.number().check(z.minimum(0), z.maximum(8.64e15));

const tokenAnswer = z.union([
  z.object({ access_token: z.string().check(z.minLength(1)), expires_at: EXPIRY }),
  z.object({ tok: z.string().check(z.minLength(1)), exp: EXPIRY }),
]);

export interface OauthOutcome {
  verdict: Verdict;
  token?: string;
}

/** Exchanges the key (or user and password) for an access token, exactly as the SDKs do. */
export const oauthCheck: Check<'oauth'> = {
  id: 'oauth',
  needs: ['format', 'endpoints', 'tls'],
  async run(ctx): Promise<CheckOutcome<'oauth'>> {
    const { credential } = ctx.settings;
    if (!credential) return { status: 'skip', code: 'BLOCKED', details: { blockedBy: 'env' } };
    if (credential.kind === 'accessToken') {
      return {
        status: 'skip',
        code: 'ACCESS_TOKEN_PROVIDED',
        details: { variable: credential.variable },
        satisfiesNeeds: true,
        product: { secret: credential.secret, source: 'GIGACHAT_ACCESS_TOKEN' },
      };
    }
    const { verdict, token } = await requestToken(ctx);
    return token ? { ...verdict, product: { secret: new Secret(token, { kind: 'token', source: 'oauth' }), source: 'oauth' } } : verdict;
  },
};

async function requestToken(ctx: CheckContext): Promise<OauthOutcome> {
  const { settings, probe } = ctx;
  const credential = settings.credential!;
  const rqUid = randomUUID();
  const passwordFlow = credential.kind === 'password';
  const url = passwordFlow ? `${settings.baseUrl.value.trim().replace(/\/+$/, '')}/token` : settings.authUrl.value.trim();
  const authorization = passwordFlow
    ? Buffer.from(`${credential.user!.value}:${credential.secret.reveal()}`).toString('base64')
    : credential.secret.reveal();
  const headers: Record<string, string> = {
    Authorization: `Basic ${authorization}`,
    Accept: 'application/json',
    'User-Agent': USER_AGENT,
  };
  if (!passwordFlow) {
    headers.RqUID = rqUid;
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const refusal = credentialUrlRefusal(passwordFlow ? 'api' : 'auth', passwordFlow ? settings.baseUrl : settings.authUrl);
  if (refusal) return { verdict: refusal };
  const result = await probe.http({
    url,
    method: 'POST',
    headers,
    body: passwordFlow ? undefined : `scope=${encodeURIComponent(settings.scope.value.trim())}`,
    timeoutMs: settings.timeoutMs.value,
  });
  if (!result.ok) return { verdict: failureVerdict(result.failure, { timeout: 'OAUTH_TIMEOUT', badResponse: 'OAUTH_BAD_RESPONSE' }, url) };
  const answer = readAnswer(result.response);
  // The password flow sends no RqUID: never report an id support could not find.
  const exchange = exchangeDetails('POST', result.response, 'rqUid', passwordFlow ? null : rqUid);
  const outcome = classifyOauthAnswer(answer, { url, scope: settings.scope.value.trim(), now: ctx.now(), flow: passwordFlow ? 'password' : 'key' });
  outcome.verdict.details = { ...exchange, ...outcome.verdict.details, ...(passwordFlow ? {} : { rqUid }) };
  return outcome;
}

export interface OauthContext {
  url: string;
  scope: string;
  now: number;
  flow: 'key' | 'password';
}

/** Every answer the OAuth host is known to give, to a verdict. Pure: recorded answers test it. */
export function classifyOauthAnswer(answer: Answer, ctx: OauthContext): OauthOutcome {
  const url = displayUrl(ctx.url);
  const base: Details = { url, status: answer.status };
  const odd = malformedAnswer(answer, ctx.url, 'OAUTH_BAD_RESPONSE', 'OAUTH_REDIRECT');
  if (odd) return { verdict: odd };
  const withBody = { ...base, code: answer.errorCode, message: answer.message };
  const { status } = answer;

  if (status === 200) return tokenVerdict(answer, base, ctx);
  if (status === 400 || status === 401) {
    switch (answer.errorCode) {
      case 7:
        return fail('OAUTH_SCOPE_MISMATCH', { ...withBody, scope: ctx.scope, otherScopes: SCOPES.filter((s) => s !== ctx.scope) });
      case 1:
      case 5:
        return fail('OAUTH_SCOPE_INVALID', { ...withBody, scope: ctx.scope });
      case 4:
        return fail('OAUTH_UNDECODABLE_CREDENTIALS', withBody);
      case 6:
        return fail('OAUTH_BAD_CREDENTIALS', withBody);
    }
    return fail(status === 401 ? 'OAUTH_BAD_CREDENTIALS' : 'OAUTH_BAD_REQUEST', withBody);
  }
  if (status === 403) return fail('OAUTH_FORBIDDEN', { ...withBody, expectedPath: AUTH_PATH });
  if (status === 404 || status === 405) {
    return fail('OAUTH_NOT_FOUND', { ...base, bodyKind: answer.kind, expectedUrl: AUTH_URL });
  }
  if (status === 429) return fail('OAUTH_RATE_LIMITED', { ...base, retryAfter: retryAfterSeconds(answer.headers, ctx.now) });
  if (status >= 500) return fail('OAUTH_SERVER_ERROR', { ...base, bodyKind: answer.kind, message: answer.message });
  return fail('OAUTH_BAD_RESPONSE', { ...withBody, reason: 'unexpected-status' });
}

function tokenVerdict(answer: Answer, base: Details, ctx: OauthContext): OauthOutcome {
  if (answer.kind !== 'json') return fail('OAUTH_BAD_RESPONSE', { ...base, reason: 'not-json', bodyKind: answer.kind });
  const parsed = tokenAnswer.safeParse(answer.json);
  if (!parsed.success) {
    return fail('OAUTH_BAD_RESPONSE', { ...base, reason: 'wrong-shape', field: missingTokenField(answer.json) });
  }
  const data = parsed.data;
  const [token, shape, rawExpiry] = 'access_token' in data
    ? [data.access_token, 'access_token', data.expires_at] as const
    : [data.tok, 'tok', data.exp] as const;
  // `exp` has been seen in seconds and in milliseconds: below 1e12 it can only be seconds.
  const expiresAtMs = rawExpiry < 1e12 ? rawExpiry * 1000 : rawExpiry;
  const skew = clockSkewSeconds(answer.headers, ctx.now);
  const serverNow = ctx.now + (skew ?? 0) * 1000;
  const details: Details = {
    ...base,
    shape,
    flow: ctx.flow,
    expiresAt: new Date(expiresAtMs).toISOString(),
    expiresInSec: Math.round((expiresAtMs - serverNow) / 1000),
    tokenLength: token.length,
  };
  const notes = skew !== null && Math.abs(skew) > MAX_SKEW_SECONDS
    ? [{ code: 'CLOCK_SKEW' as const, details: { skewSec: skew, serverDate: answer.headers.date, localDate: new Date(ctx.now).toUTCString() } }]
    : [];
  if (notes.length) return { verdict: { status: 'warn', code: 'CLOCK_SKEW', details: { ...details, ...notes[0].details } }, token };
  return { verdict: { status: 'pass', code: 'OAUTH_OK', details }, token };
}

/**
 * Which field broke a token answer. The schema is a union of two shapes, whose failure has no
 * path of its own: name the field of the shape the answer comes closest to.
 */
function missingTokenField(json: unknown): string {
  const obj = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const [token, expiry] = 'tok' in obj || 'exp' in obj ? ['tok', 'exp'] : ['access_token', 'expires_at'];
  const tokenOk = typeof obj[token] === 'string' && (obj[token] as string).length > 0;
  return tokenOk ? expiry : token;
}

function fail(code: Verdict['code'], details: Details): OauthOutcome {
  return { verdict: { status: 'fail', code, details } };
}
