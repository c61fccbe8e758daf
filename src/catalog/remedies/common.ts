// Pieces many remedies share: placeholders, the server's own words, the usual last steps.
// Language-neutral: each is a message of the phrase tables, or a command.

import { ACCESS_TOKEN_VAR, AUTH_URL_VAR, CREDENTIALS_VAR, RUSSIAN_ROOT_CA } from '../../gigachat/index.js';
import { has, hostOf, isOfficialApiHost, isOfficialAuthHost, num, retryAfter, str } from '../text-helpers.js';
import { gigadoctor, say, setEnv, unsetEnv, type Details, type Say } from '../steps.js';
import type { Shell } from '../types.js';

export const KEY = say('placeholder.key');
export const TOKEN = say('placeholder.token');
export const PROXY = say('placeholder.proxy');
/** "this may pass on retry" */
export const RETRY = say('retry');

/** The variable a finding names, or the credential variable. */
export const variableOf = (d: Details, fallback = CREDENTIALS_VAR): string => str(d.variable, fallback);

/** `host:port` (the port when known), or '' when the finding names no host. */
export function hostPortOf(d: Details): string {
  if (!has(d.host)) return '';
  return has(d.port) ? `${str(d.host)}:${str(d.port)}` : str(d.host);
}

/** " (.env:3)" / " (environment)" or nothing. */
export const at = (d: Details): Say => say('at', { source: str(d.source) });

/** `HTTP 400, code 7 "message"` from whatever is present. */
export const serverSaid = (d: Details): Say => say('serverSaid', { status: str(d.status), code: str(d.code), message: str(d.message) });

/** "an HTML page", "an empty body" … or nothing. */
export const bodyKind = (d: Details): Say => say('bodyKind', { kind: str(d.bodyKind) });

/** Why an answer was not understood. */
export const badResponse = (d: Details): Say => say('badResponse', { reason: str(d.reason), field: str(d.field) });

/** A number of milliseconds in the language's units, or nothing. */
export const duration = (value: unknown): Say => say('duration', { ms: num(value) });

/** The title of another check, e.g. to point at its output. */
export const checkTitle = (id: string): Say => say('checkTitle', { id });

/** How a clock sync runs here: as administrator on Windows; the macOS command beside the Linux one. */
export const clockNote = (shell: Shell): Say => say(shell === 'posix' ? 'clock.unixNote' : 'clock.adminNote');

export const waitStep = (d: Details): Say => say('step.wait', { seconds: retryAfter(d) });
export const timeoutStep = say('step.timeout', { run: gigadoctor('--timeout', '30000') });
/** The JSON report to attach to a bug report or a support request. */
export const jsonReport = gigadoctor('check', '--json');
export const reportStep = say('step.report', { run: jsonReport });
/** gigadoctor writes the Russian Trusted Root CA to a file. */
export const getRootCa = gigadoctor('ca', '--out', RUSSIAN_ROOT_CA.file);

/** A step that sets HTTPS_PROXY, and what a Node.js app needs besides: its own fetch reads the proxy only with NODE_USE_ENV_PROXY=1. */
export const withNodeFetchProxy = (step: Say): Say => say('proxy.nodeFetch', { step, set: setEnv('NODE_USE_ENV_PROXY', '1') });

export const tokenMovedToCredentials = say('step.tokenToCredentials', { unset: unsetEnv(ACCESS_TOKEN_VAR), set: setEnv(CREDENTIALS_VAR, KEY) });

/** After a redirect: go to the final address when it is GigaChat's own, else to the official one. */
export function redirectSteps(d: Details, variable: string, official: string): Say[] {
  const location = str(d.location);
  const officialHost = variable === AUTH_URL_VAR ? isOfficialAuthHost(location) : isOfficialApiHost(location);
  return [
    location && officialHost
      ? say('redirect.useFinal', { set: setEnv(variable, location) })
      : say('redirect.useOfficial', { set: setEnv(variable, official), variable }),
    say('redirect.intercepted', { host: hostOf(location) }),
  ];
}

/** After a 5xx: wait; name a host that is not GigaChat's as the one failing; then support. */
export function serverErrorSteps(d: Details, variable: string, isOfficial: boolean): Say[] {
  const host = hostOf(d.url);
  return [
    say('serverError.retry'),
    ...(host && !isOfficial ? [say('serverError.notGigaChat', { host, variable })] : []),
    say('serverError.support'),
  ];
}
