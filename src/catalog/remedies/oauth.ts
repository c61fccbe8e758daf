// The oauth check's findings: exchanging the key for a token.

import {
  AUTH_HOST, AUTH_PATH, AUTH_PORT, AUTH_URL, AUTH_URL_VAR, ACCESS_TOKEN_VAR, CREDENTIALS_VAR, DEFAULT_SCOPE, SCOPE_AUDIENCE, SCOPE_VAR, SCOPES, STUDIO_URL, isScope,
} from '../../gigachat/index.js';
import { has, hostOf, isOfficialAuthHost, num, otherScopes, pathEndsWith, retryAfter, str, withPath } from '../text-helpers.js';
import { gigadoctor, none, run, say, setEnv, unsetEnv, type Details, type Remedy, type Say } from '../steps.js';
import {
  KEY, PROXY, RETRY, badResponse, bodyKind, checkTitle, clockNote, duration, redirectSteps, reportStep, serverErrorSteps, serverSaid, timeoutStep,
  variableOf, waitStep, withNodeFetchProxy,
} from './common.js';

/** Whom a scope is for: individuals, businesses prepaid or postpaid. */
const scopeWho = (scope: string): Say => say('scope.who', { audience: isScope(scope) ? SCOPE_AUDIENCE[scope] : '' });

/** Every scope with whom it is for. */
export const scopesExplained = say('scopes', { scopes: SCOPES, who: SCOPES.map((scope) => scopeWho(scope)) });

const expectedAuthPath = (d: Details): string => str(d.expectedPath, AUTH_PATH);
const lacksPath = (d: Details): boolean => has(d.url) && !pathEndsWith(d.url, expectedAuthPath(d));

export const oauthRemedies = {
  OAUTH_OK: {
    summary: (d) => {
      const secs = num(d.expiresInSec);
      return say('OAUTH_OK', {
        url: str(d.url), status: str(d.status), password: str(d.flow) === 'password',
        minutes: secs === undefined ? undefined : Math.round(secs / 60), until: str(d.expiresAt),
      });
    },
    steps: none,
  },
  ACCESS_TOKEN_PROVIDED: {
    summary: (d) => say('ACCESS_TOKEN_PROVIDED', { variable: variableOf(d, ACCESS_TOKEN_VAR) }),
    steps: () => [say('ACCESS_TOKEN_PROVIDED.alsoKey')],
  },
  OAUTH_BAD_CREDENTIALS: {
    summary: (d) => say('OAUTH_BAD_CREDENTIALS', { said: serverSaid(d) }),
    steps: (d) => [
      say('step.newKey', { studio: STUDIO_URL }),
      say('OAUTH_BAD_CREDENTIALS.set', { set: setEnv(CREDENTIALS_VAR, KEY) }),
      say('OAUTH_BAD_CREDENTIALS.fingerprint', { check: checkTitle('env') }),
      has(d.rqUid) && say('OAUTH_BAD_CREDENTIALS.support', { rqUid: str(d.rqUid) }),
    ],
  },
  OAUTH_UNDECODABLE_CREDENTIALS: {
    summary: (d) => say('OAUTH_UNDECODABLE_CREDENTIALS', { said: serverSaid(d) }),
    steps: () => [
      say('OAUTH_UNDECODABLE_CREDENTIALS.asShown'),
      say('OAUTH_UNDECODABLE_CREDENTIALS.format', { check: checkTitle('format') }),
      say('OAUTH_UNDECODABLE_CREDENTIALS.newKey', { set: setEnv(CREDENTIALS_VAR, KEY) }),
    ],
  },
  OAUTH_SCOPE_MISMATCH: {
    summary: (d) => say('OAUTH_SCOPE_MISMATCH', { scope: str(d.scope), defaultScope: DEFAULT_SCOPE, said: serverSaid(d) }),
    steps: (d) => [
      say('OAUTH_SCOPE_MISMATCH.lookUp', { scopes: scopesExplained }),
      say('OAUTH_SCOPE_MISMATCH.set', {
        choices: otherScopes(d).map((scope) => say('OAUTH_SCOPE_MISMATCH.choice', { set: setEnv(SCOPE_VAR, scope), who: scopeWho(scope) })),
      }),
      say('OAUTH_SCOPE_MISMATCH.code'),
    ],
  },
  OAUTH_SCOPE_INVALID: {
    summary: (d) => say('OAUTH_SCOPE_INVALID', { empty: num(d.code) === 5 || !has(d.scope), scope: str(d.scope), said: serverSaid(d) }),
    steps: () => [
      say('OAUTH_SCOPE_INVALID.set', { set: setEnv(SCOPE_VAR, SCOPES[0]), b2b: SCOPES[1], corp: SCOPES[2] }),
      say('OAUTH_SCOPE_INVALID.studio'),
    ],
  },
  OAUTH_BAD_REQUEST: {
    summary: (d) => say('OAUTH_BAD_REQUEST', { said: serverSaid(d) }),
    steps: (d) => [
      say('OAUTH_BAD_REQUEST.proxy', { url: AUTH_URL }),
      has(d.rqUid) ? say('step.reportRqUid', { report: reportStep, rqUid: str(d.rqUid) }) : reportStep,
    ],
  },
  OAUTH_FORBIDDEN: {
    summary: (d) => say('OAUTH_FORBIDDEN', { url: str(d.url), message: str(d.message), lacksPath: lacksPath(d), expected: expectedAuthPath(d) }),
    steps: (d) =>
      lacksPath(d)
        ? [say('OAUTH_FORBIDDEN.fullUrl', { set: setEnv(AUTH_URL_VAR, withPath(d.url, expectedAuthPath(d), AUTH_URL)) })]
        : [say('OAUTH_FORBIDDEN.proxy', { url: AUTH_URL }), say('OAUTH_FORBIDDEN.otherNetwork')],
  },
  OAUTH_NOT_FOUND: {
    summary: (d) => say('OAUTH_NOT_FOUND', { url: str(d.url), body: bodyKind(d) }),
    steps: (d) => [
      say('OAUTH_NOT_FOUND.official', { port: AUTH_PORT, path: AUTH_PATH, set: setEnv(AUTH_URL_VAR, str(d.expectedUrl, AUTH_URL)) }),
      say('OAUTH_NOT_FOUND.remove', { unset: unsetEnv(AUTH_URL_VAR) }),
    ],
  },
  OAUTH_REDIRECT: {
    summary: (d) => say('OAUTH_REDIRECT', { url: str(d.url), status: str(d.status), location: str(d.location) }),
    steps: (d) => redirectSteps(d, AUTH_URL_VAR, AUTH_URL),
  },
  OAUTH_RATE_LIMITED: {
    summary: (d) => say('OAUTH_RATE_LIMITED', { seconds: retryAfter(d), retry: RETRY }),
    steps: (d) => [waitStep(d), say('OAUTH_RATE_LIMITED.reuse'), say('OAUTH_RATE_LIMITED.others')],
  },
  OAUTH_SERVER_ERROR: {
    summary: (d) => say('OAUTH_SERVER_ERROR', { status: str(d.status), body: bodyKind(d), retry: RETRY }),
    steps: (d) => serverErrorSteps(d, AUTH_URL_VAR, isOfficialAuthHost(d.url)),
  },
  OAUTH_TIMEOUT: {
    summary: (d) => say('OAUTH_TIMEOUT', { url: str(d.url), within: duration(d.timeoutMs), retry: RETRY }),
    steps: (d) => [
      say('step.runAgain'),
      withNodeFetchProxy(
        say('OAUTH_TIMEOUT.port', {
          port: AUTH_PORT, test: run('tcpTest', hostOf(d.url) ?? AUTH_HOST, String(AUTH_PORT)), set: setEnv('HTTPS_PROXY', PROXY),
        }),
      ),
      timeoutStep,
    ],
  },
  OAUTH_BAD_RESPONSE: {
    summary: (d) => say('OAUTH_BAD_RESPONSE', { url: str(d.url), status: str(d.status), reason: badResponse(d) }),
    steps: () => [say('OAUTH_BAD_RESPONSE.url', { url: AUTH_URL }), say('step.verbose'), reportStep],
  },
  CLOCK_SKEW: {
    summary: (d) => {
      const skew = num(d.skewSec);
      return say('CLOCK_SKEW', {
        direction: skew === undefined ? 'off' : skew > 0 ? 'behind' : 'ahead',
        seconds: skew === undefined ? undefined : Math.abs(Math.round(skew)),
        server: str(d.serverDate), local: str(d.localDate),
      });
    },
    steps: (_d, shell) => [say('step.syncClock', { sync: run('clockSync'), note: clockNote(shell) }), say('CLOCK_SKEW.vm')],
  },
  // Found in an app's log by gigadoctor explain: the app asked the API without a token.
  ACCESS_TOKEN_UNAVAILABLE: {
    summary: () => say('ACCESS_TOKEN_UNAVAILABLE'),
    steps: () => [
      say('ACCESS_TOKEN_UNAVAILABLE.cause'),
      say('ACCESS_TOKEN_UNAVAILABLE.key', { variable: CREDENTIALS_VAR }),
      say('ACCESS_TOKEN_UNAVAILABLE.check', { run: gigadoctor('check', '--no-chat') }),
    ],
  },
} satisfies Record<string, Remedy>;
