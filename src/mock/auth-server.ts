/**
 * The OAuth host (ngw.devices.sberbank.ru:9443 in real life): POST /api/v2/oauth exchanges the
 * authorization key for a 30-minute access token. Error bodies are the OAuth style
 * {"code","message"}; the gateway in front answers the bare host in the API style.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_ERRORS, OAUTH_ERRORS, gatewayHtmlPage, isKeyScope } from './fixtures.js';
import { echoedKeyMessage, hang } from './faults.js';
import { HTML, OAUTH_JSON, authorizationValue, sendApiError, sendBody, sendJson, sendRedirect } from './respond.js';
import { scenarioTarget } from './scenarios.js';
import type { MockState } from './state.js';

export const OAUTH_PATH = '/api/v2/oauth';

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** The docs' pattern for RqUID: 36 characters of hex digits and dashes. */
const RQUID = /^[0-9a-fA-F-]{36}$/;

/** "id:secret" from a Basic value, or null when the server could not decode it (code 4). */
export function decodeBasicPair(value: string): { id: string; secret: string } | null {
  if (value.length === 0 || !STRICT_BASE64.test(value)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'base64'));
  } catch {
    return null;
  }
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return null;
  return { id: text.slice(0, colon), secret: text.slice(colon + 1) };
}

function sendOAuthError(res: ServerResponse, error: { status: number; body: { code: number; message: string } }) {
  sendJson(res, error.status, error.body, OAUTH_JSON);
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'https://mock.invalid').pathname;
}

export function handleAuthRequest(state: MockState, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const path = pathOf(req);
  if (path === OAUTH_PATH) {
    if (scenarioTarget(state.scenario) === 'oauth') return answerOAuthFault(state, req, res);
    if (req.method !== 'POST') return sendBody(res, 405, HTML, gatewayHtmlPage(405));
    return answerTokenRequest(state, req, res, body);
  }
  // The guide's mistake of posting to the bare host gets this JSON from the gateway (n8n-gigachat #46).
  if (path === '/') return sendApiError(res, API_ERRORS.forbidden);
  return sendBody(res, 404, HTML, gatewayHtmlPage(404));
}

/**
 * The natural exchange. The order of the checks is a guess (the real order is not
 * documented): decode the key, then RqUID, then the scope's form, then the database
 * (key, then whether the key's scope covers the requested one).
 */
function answerTokenRequest(state: MockState, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  // Whether "Bearer <key>" (the English docs' curl) is also accepted is UNCONFIRMED: treated as undecodable.
  const basic = authorizationValue(req, 'Basic');
  const pair = basic === null ? null : decodeBasicPair(basic);
  if (!pair) return sendOAuthError(res, OAUTH_ERRORS.undecodable);

  const rqUid = req.headers['rquid'];
  if (typeof rqUid !== 'string' || !RQUID.test(rqUid)) return sendOAuthError(res, OAUTH_ERRORS.badRqUid);

  const scope = (new URLSearchParams(body.toString('utf8')).get('scope') ?? '').trim();
  if (scope === '') return sendOAuthError(res, OAUTH_ERRORS.scopeEmpty);
  if (!isKeyScope(scope)) return sendOAuthError(res, OAUTH_ERRORS.scopeInvalid);

  if (pair.id !== state.clientId || pair.secret !== state.clientSecret) {
    return sendOAuthError(res, OAUTH_ERRORS.badCredentials);
  }
  if (scope !== state.keyScope) return sendOAuthError(res, OAUTH_ERRORS.scopeMismatch);

  const issued = state.tokens.issue(state.keyScope);
  sendJson(res, 200, { access_token: issued.token, expires_at: issued.expiresAt }, OAUTH_JSON);
}

function answerOAuthFault(state: MockState, req: IncomingMessage, res: ServerResponse): void {
  switch (state.scenario) {
    case 'auth-not-found-html':
      return sendBody(res, 404, HTML, gatewayHtmlPage(404));
    case 'auth-bad-key':
      // The answer a wrong or revoked key gets, here whatever key came: the app keeps its config.
      return sendOAuthError(res, OAUTH_ERRORS.badCredentials);
    case 'auth-wrong-scope':
      return sendOAuthError(res, OAUTH_ERRORS.scopeMismatch);
    case 'auth-echo-key':
      return sendOAuthError(res, { status: 401, body: { code: 6, message: echoedKeyMessage(authorizationValue(req, 'Basic') ?? '') } });
    case 'auth-server-error':
      return sendBody(res, 502, HTML, gatewayHtmlPage(502));
    case 'auth-rate-limited':
      // Body UNCONFIRMED: a limit enforced by the gateway is assumed to answer in its style.
      return sendApiError(res, API_ERRORS.tooManyRequests, { 'Retry-After': 3 });
    case 'auth-hang':
      return hang(res);
    case 'auth-tok-shape': {
      const issued = state.tokens.issue(state.keyScope);
      // The English docs' example: 10 digits, i.e. seconds.
      return sendJson(res, 200, { tok: issued.token, exp: Math.floor(issued.expiresAt / 1000) }, OAUTH_JSON);
    }
    case 'auth-bad-json':
      return sendBody(res, 200, HTML, '<html><body><h1>Welcome</h1><p>Please log in.</p></body></html>\r\n');
    case 'auth-wrong-shape':
      // A generic OAuth2 answer: a lifetime, a type, and no token under any name the SDKs read.
      return sendJson(res, 200, { token_type: 'Bearer', expires_in: 1800 }, OAUTH_JSON);
    case 'auth-redirect':
      return sendRedirect(res, 302, `${state.origins.authRedirect}/__redirected${req.url ?? OAUTH_PATH}`);
    default:
      return sendBody(res, 500, HTML, gatewayHtmlPage(500));
  }
}
