// The models and chat checks' findings: the API with a token.

import {
  ACCESS_TOKEN_VAR, API_HOSTS, AUTH_URL, BASE_URL, BASE_URL_VAR, DEFAULT_MODEL, MODEL_VAR, NEW_BASE_URL, SCOPES, SECOND_GENERATION, STUDIO_URL,
} from '../../gigachat/index.js';
import { baseFromExpected, isOfficialApiHost, list, retryAfter, servedOnlyBy, str } from '../text-helpers.js';
import { none, run, say, setEnv, type Details, type PhraseKey, type Remedy, type Say } from '../steps.js';
import {
  RETRY, badResponse, bodyKind, checkTitle, duration, redirectSteps, reportStep, serverErrorSteps, serverSaid, timeoutStep,
  tokenMovedToCredentials, waitStep,
} from './common.js';

/** Whose token the API saw: the one just issued, the user's ready one, or (from explain) unknown. */
function tokenFrom(d: Details): 'variable' | 'oauth' | 'unknown' {
  const source = str(d.tokenSource);
  return source === ACCESS_TOKEN_VAR ? 'variable' : source === 'oauth' ? 'oauth' : 'unknown';
}

/** For a model only one host serves: switch the base URL to it. */
function onlyHostStep(d: Details, phrase: PhraseKey): Say | undefined {
  const only = servedOnlyBy(d.model);
  return only && say(phrase, { model: only.model, host: only.host, set: setEnv(BASE_URL_VAR, only.baseUrl) });
}

const newHost = new URL(NEW_BASE_URL).host;

export const apiRemedies = {
  MODELS_OK: {
    summary: (d) => say('MODELS_OK', { count: str(d.count), model: str(d.model) }),
    steps: none,
  },
  API_TOKEN_REJECTED: {
    summary: (d) => say('API_TOKEN_REJECTED', { fromVariable: tokenFrom(d) === 'variable', said: serverSaid(d) }),
    steps: (d) => {
      switch (tokenFrom(d)) {
        case 'variable':
          return [say('API_TOKEN_REJECTED.damaged'), tokenMovedToCredentials];
        case 'unknown':
          return [say('API_TOKEN_REJECTED.asIssued'), tokenMovedToCredentials, say('API_TOKEN_REJECTED.sameInstall', { auth: AUTH_URL, api: BASE_URL })];
        default:
          return [say('API_TOKEN_REJECTED.twoInstalls', { auth: AUTH_URL, api: BASE_URL }), say('API_TOKEN_REJECTED.proxy')];
      }
    },
  },
  API_TOKEN_EXPIRED: {
    summary: (d) => say('API_TOKEN_EXPIRED', { fromVariable: tokenFrom(d) === 'variable', said: serverSaid(d) }),
    steps: (d) => {
      switch (tokenFrom(d)) {
        case 'variable':
          return [say('API_TOKEN_EXPIRED.new'), tokenMovedToCredentials];
        case 'unknown':
          return [say('API_TOKEN_EXPIRED.refresh'), tokenMovedToCredentials, say('API_TOKEN_EXPIRED.clockIfFresh', { sync: run('clockSync') })];
        default:
          return [say('API_TOKEN_EXPIRED.clock', { sync: run('clockSync') }), say('API_TOKEN_EXPIRED.early')];
      }
    },
  },
  API_FORBIDDEN: {
    summary: (d) => say('API_FORBIDDEN', { url: str(d.url), message: str(d.message) }),
    steps: () => [say('API_FORBIDDEN.tariff', { studio: STUDIO_URL }), say('API_FORBIDDEN.scope', { scopes: SCOPES.join(', ') }), say('API_FORBIDDEN.proxy')],
  },
  API_NOT_FOUND: {
    summary: (d) => say('API_NOT_FOUND', { url: str(d.url), body: bodyKind(d) }),
    steps: (d) => [
      say('API_NOT_FOUND.official', { set: setEnv(BASE_URL_VAR, baseFromExpected(d.expectedUrl, BASE_URL)), alt: NEW_BASE_URL }),
      say('API_NOT_FOUND.paths', { host: API_HOSTS[0].host, newHost }),
    ],
  },
  API_REDIRECT: {
    summary: (d) => say('API_REDIRECT', { url: str(d.url), status: str(d.status), location: str(d.location) }),
    steps: (d) => redirectSteps(d, BASE_URL_VAR, BASE_URL),
  },
  API_RATE_LIMITED: {
    summary: (d) => say('API_RATE_LIMITED', { seconds: retryAfter(d), retry: RETRY }),
    steps: (d) => [waitStep(d), say('API_RATE_LIMITED.concurrency')],
  },
  API_SERVER_ERROR: {
    summary: (d) => say('API_SERVER_ERROR', { status: str(d.status), body: bodyKind(d), retry: RETRY }),
    steps: (d) => serverErrorSteps(d, BASE_URL_VAR, isOfficialApiHost(d.url)),
  },
  API_TIMEOUT: {
    summary: (d) => say('API_TIMEOUT', { url: str(d.url), within: duration(d.timeoutMs), retry: RETRY }),
    steps: () => [say('step.runAgain'), timeoutStep, say('API_TIMEOUT.proxy')],
  },
  API_BAD_RESPONSE: {
    summary: (d) => say('API_BAD_RESPONSE', { url: str(d.url), status: str(d.status), reason: badResponse(d) }),
    steps: () => [say('API_BAD_RESPONSE.url', { url: BASE_URL, alt: NEW_BASE_URL }), say('step.verbose'), reportStep],
  },
  MODEL_NOT_AVAILABLE: {
    summary: (d) => say('MODEL_NOT_AVAILABLE', { model: str(d.model), suggestion: str(d.suggestion) }),
    steps: (d) => {
      const chat = list(d.chatModels);
      return [
        say('MODEL_NOT_AVAILABLE.exact', { set: setEnv(MODEL_VAR, str(d.suggestion, chat[0] ?? DEFAULT_MODEL)) }),
        chat.length > 0 && say('MODEL_NOT_AVAILABLE.list', { models: chat }),
        onlyHostStep(d, 'model.onlyOn'),
      ];
    },
  },
  MODEL_NOT_FOR_CHAT: {
    summary: (d) => say('MODEL_NOT_FOR_CHAT', { model: str(d.model), type: str(d.type) }),
    steps: (d) => [
      say('MODEL_NOT_FOR_CHAT.chatModel', { set: setEnv(MODEL_VAR, str(d.suggestion, DEFAULT_MODEL)) }),
      say('MODEL_NOT_FOR_CHAT.elsewhere', { model: str(d.model) }),
    ],
  },
  MODEL_DEPRECATED: {
    summary: (d) => say('MODEL_DEPRECATED', { model: str(d.model), suggestion: str(d.suggestion) }),
    steps: (d) => [
      say('MODEL_DEPRECATED.switch', { set: setEnv(MODEL_VAR, str(d.suggestion, DEFAULT_MODEL)) }),
      say('MODEL_DEPRECATED.generation', { models: SECOND_GENERATION.join(', ') }),
    ],
  },
  CHAT_OK: {
    summary: (d) => say('CHAT_OK', { model: str(d.model), version: str(d.modelVersion), tokens: str(d.totalTokens) }),
    steps: none,
  },
  CHAT_PAYMENT_REQUIRED: {
    summary: (d) => say('CHAT_PAYMENT_REQUIRED', { model: str(d.model), message: str(d.message) }),
    steps: (d) => [
      say('CHAT_PAYMENT_REQUIRED.topUp', { model: str(d.model), studio: STUDIO_URL }),
      say('CHAT_PAYMENT_REQUIRED.switch', {
        set: setEnv(MODEL_VAR, str(d.model) === DEFAULT_MODEL ? SECOND_GENERATION[1] : DEFAULT_MODEL),
      }),
      say('CHAT_PAYMENT_REQUIRED.balance'),
    ],
  },
  CHAT_MODEL_NOT_FOUND: {
    summary: (d) => say('CHAT_MODEL_NOT_FOUND', { model: str(d.model), said: serverSaid(d) }),
    steps: (d) => [
      say('CHAT_MODEL_NOT_FOUND.exact', { set: setEnv(MODEL_VAR, DEFAULT_MODEL) }),
      onlyHostStep(d, 'CHAT_MODEL_NOT_FOUND.onlyOn') ?? say('CHAT_MODEL_NOT_FOUND.list', { check: checkTitle('models') }),
    ],
  },
  CHAT_INVALID_REQUEST: {
    summary: (d) => say('CHAT_INVALID_REQUEST', { said: serverSaid(d), model: str(d.model) }),
    steps: (d) => [say('CHAT_INVALID_REQUEST.chatModel', { model: str(d.model, MODEL_VAR) }), reportStep],
  },
  CHAT_RATE_LIMITED: {
    summary: (d) => say('CHAT_RATE_LIMITED', { seconds: retryAfter(d), retry: RETRY }),
    steps: (d) => [waitStep(d), say('CHAT_RATE_LIMITED.concurrency')],
  },
  CHAT_SERVER_ERROR: {
    summary: (d) => say('CHAT_SERVER_ERROR', { status: str(d.status), body: bodyKind(d), retry: RETRY }),
    steps: (d) => serverErrorSteps(d, BASE_URL_VAR, isOfficialApiHost(d.url)),
  },
  CHAT_TIMEOUT: {
    summary: (d) => say('CHAT_TIMEOUT', { url: str(d.url), within: duration(d.timeoutMs), retry: RETRY }),
    steps: () => [say('CHAT_TIMEOUT.again'), timeoutStep],
  },
  CHAT_BAD_RESPONSE: {
    summary: (d) => say('CHAT_BAD_RESPONSE', { url: str(d.url), status: str(d.status), reason: badResponse(d) }),
    steps: () => [say('CHAT_BAD_RESPONSE.proxy'), say('step.verbose'), reportStep],
  },
  CHAT_TOKEN_REJECTED: {
    summary: (d) => say('CHAT_TOKEN_REJECTED', { said: serverSaid(d) }),
    steps: () => [say('CHAT_TOKEN_REJECTED.again'), say('CHAT_TOKEN_REJECTED.access', { studio: STUDIO_URL })],
  },
  CHAT_REFUSED: {
    summary: (d) => say('CHAT_REFUSED', { model: str(d.model), reason: str(d.finishReason) }),
    steps: (d) => [say(str(d.finishReason) === 'blacklist' ? 'CHAT_REFUSED.filter' : 'CHAT_REFUSED.failed'), reportStep],
  },
} satisfies Record<string, Remedy>;


