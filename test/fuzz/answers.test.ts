/**
 * Fuzz: generated HTTP answers through readAnswer and the OAuth, models and chat classifiers.
 * None may throw; each gives a known code; an issued token never lands in a verdict.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyChatAnswer } from '../../src/checks/chat-check.js';
import { readAnswer } from '../../src/requests/http-answer.js';
import { classifyModelsAnswer } from '../../src/checks/models-check.js';
import { classifyOauthAnswer } from '../../src/checks/oauth-check.js';
import type { HttpResponse } from '../../src/probe/types.js';
import type { Verdict } from '../../src/types.js';
import { KNOWN_CODES, fuzzParams, fuzzTimeout, httpResponse } from './arbitraries.js';

const CI_RUNS = 500;

function expectKnown(v: Verdict): void {
  expect(KNOWN_CODES.has(v.code), v.code).toBe(true);
  expect(['pass', 'warn', 'fail', 'skip']).toContain(v.status);
  for (const n of v.notes ?? []) expect(KNOWN_CODES.has(n.code), n.code).toBe(true);
  JSON.stringify(v);
}

describe('fuzz: server answers', () => {
  it('readAnswer and every classifier take any answer to a known code', () => {
    fc.assert(
      fc.property(httpResponse, fc.constantFrom('GigaChat-2', 'GigaChat', 'gigachat-2', ''), fc.constantFrom('key', 'password') as fc.Arbitrary<'key' | 'password'>, (res, model, flow) => {
        const response: HttpResponse = { ...res, body: Buffer.from(res.body) };
        const answer = readAnswer(response);
        expect(['json', 'html', 'text', 'empty']).toContain(answer.kind);
        const now = Date.parse('2026-01-05T12:00:00Z');
        const oauth = classifyOauthAnswer(answer, { url: res.url, scope: 'GIGACHAT_API_PERS', now, flow });
        expectKnown(oauth.verdict);
        if (oauth.token !== undefined) {
          expect(oauth.verdict.status).not.toBe('fail');
          // The token is handed over, never described: only its length is in the verdict.
          if (oauth.token.length >= 8) expect(JSON.stringify(oauth.verdict)).not.toContain(oauth.token);
        }
        const models = classifyModelsAnswer(answer, { url: res.url, model, tokenSource: 'oauth', now });
        expectKnown(models);
        expectKnown(classifyChatAnswer(answer, { url: res.url, model, now }));
        // A redirect is always reported as one, never treated as an answer.
        if (res.status >= 300 && res.status < 400) {
          expect(oauth.verdict.code).toBe('OAUTH_REDIRECT');
          expect(models.code).toBe('API_REDIRECT');
        }
      }),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(1, CI_RUNS));

  // Found by this harness (RangeError from new Date(ms).toISOString()); fixed in oauth-check.ts.
  it('an expiry outside the Date range is OAUTH_BAD_RESPONSE, not a throw', () => {
    for (const body of ['{"access_token":"abcdefgh","expires_at":-8.3e115}', '{"tok":"abcdefgh","exp":1e300}']) {
      const answer = readAnswer({ url: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth', status: 200, headers: {}, body: Buffer.from(body), truncated: false, ms: 1 });
      const { verdict } = classifyOauthAnswer(answer, { url: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth', scope: 'GIGACHAT_API_PERS', now: Date.now(), flow: 'key' });
      expect(verdict).toMatchObject({ code: 'OAUTH_BAD_RESPONSE' });
    }
  });
});
