/**
 * Fault modes of the mock. 'ok' is the natural protocol; every other scenario breaks one
 * thing, the way the real hosts or the network in between break it.
 */

export const SCENARIO_DESCRIPTIONS = {
  ok: 'natural protocol: OAuth, models, chat and the rest answer like GigaChat',
  'auth-not-found-html': 'OAuth path answers 404 with an nginx-style HTML page (wrong URL)',
  'auth-bad-key': 'OAuth answers 401 {"code":6} "credentials doesn\'t match db data" to any key (a wrong or revoked key)',
  'auth-wrong-scope': 'OAuth answers 400 {"code":7} "scope from db not fully includes consumed scope" (key and scope disagree)',
  'auth-server-error': 'OAuth answers 502 with the SynGX gateway HTML page',
  'auth-rate-limited': 'OAuth answers 429 with Retry-After: 3',
  'auth-hang': 'OAuth accepts the request and never answers',
  'auth-tok-shape': 'OAuth answers 200 in the older {"tok","exp"} shape, exp in seconds',
  'auth-bad-json': 'OAuth answers 200 with a text/html body instead of JSON',
  'auth-wrong-shape': 'OAuth answers 200 JSON that carries no token',
  'auth-echo-key': 'OAuth answers 401 {"code":6} echoing the key lower- and upper-cased, the client id and secret without dashes, and the key in pieces',
  'auth-redirect': 'OAuth answers 302 to another host name (localhost); a followed request is recorded under /__redirected',
  'token-expired': 'API answers every request 401 "Token has expired"',
  'api-unauthorized': 'API answers every request 401 "Unauthorized"',
  'api-forbidden': 'API answers every request 403 "Permission denied"',
  'models-not-found-html': 'GET /models answers 404 with an nginx-style HTML page',
  'api-rate-limited': 'API answers every request 429 with Retry-After: 5',
  'api-server-error': 'API answers every request 502 with the SynGX gateway HTML page',
  'api-hang': 'API accepts every request and never answers',
  'models-bad-json': 'GET /models answers 200 application/json with a body that is not JSON',
  'models-wrong-shape': 'GET /models answers 200 JSON without the "data" list',
  'models-echo-token': 'GET /models lists the token it got, cut into model ids of 10 characters',
  'chat-payment-required': 'chat answers 402 "Payment Required"',
  'chat-model-not-found': 'chat answers 404 "No such model", whatever model is asked for',
  'chat-unprocessable': 'chat answers 422 "Requested model does not support functions"',
  'chat-rate-limited': 'chat answers 429 with Retry-After: 7',
  'chat-server-error': 'chat answers 503 with the SynGX gateway HTML page',
  'chat-hang': 'chat accepts the request and never answers',
  'chat-bad-json': 'chat answers 200 application/json with a body that is not JSON',
  'chat-trickle': 'chat sends its headers at once, then a valid completion one byte a second',
  'chat-blacklist': 'chat answers 200 with finish_reason "blacklist" (topic restriction)',
  'huge-body': 'GET /models answers a valid 5 MiB JSON document',
  trickle: 'GET /models sends its body one byte a second',
  'invalid-utf8': 'GET /models answers JSON containing bytes that are not UTF-8',
  reset: 'GET /models sends half its body, then the connection is destroyed',
  'redirect-api': 'API answers every request 302 to another host name (localhost); followed requests land under /__redirected',
} as const satisfies Record<string, string>;

export type Scenario = keyof typeof SCENARIO_DESCRIPTIONS;

/** Every scenario with its one-line description, in a stable order ('ok' first). */
export const SCENARIOS: ReadonlyArray<{ name: Scenario; description: string }> = (
  Object.keys(SCENARIO_DESCRIPTIONS) as Scenario[]
).map((name) => ({ name, description: SCENARIO_DESCRIPTIONS[name] }));

export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SCENARIO_DESCRIPTIONS, value);
}

/** Where a scenario acts: the OAuth endpoint, every API route, /models, or /chat/completions. */
export type FaultTarget = 'oauth' | 'api' | 'models' | 'chat';

export function scenarioTarget(scenario: Scenario): FaultTarget | null {
  if (scenario === 'ok') return null;
  if (scenario.startsWith('auth-')) return 'oauth';
  if (scenario.startsWith('chat-')) return 'chat';
  if (scenario.startsWith('models-')) return 'models';
  if (scenario === 'huge-body' || scenario === 'trickle' || scenario === 'invalid-utf8' || scenario === 'reset') {
    return 'models';
  }
  return 'api';
}
