/**
 * The admin endpoint on the API server, for switching faults while the mock runs (issue 7):
 *
 *   GET  /__admin/scenario                      → {"scenario":"ok","scenarios":[{name,description},…]}
 *   POST /__admin/scenario  {"scenario":"NAME"} → {"scenario":"NAME"}   (unknown name → 400)
 *   POST /__admin/scenario  scenario=NAME       the same as a form body (curl -d), no JSON quoting needed
 *   POST /__admin/expire-tokens                 → {"expired":N}  every issued token is expired now (N were alive)
 *
 *   curl --cacert ca.pem -H X-Admin-Token:TOKEN -X POST https://127.0.0.1:PORT/__admin/scenario -d '{"scenario":"chat-hang"}'
 *   curl --cacert ca.pem -H X-Admin-Token:TOKEN -d scenario=chat-hang https://127.0.0.1:PORT/__admin/scenario
 *
 * The form body exists because a JSON body cannot be quoted the same way in sh, PowerShell and
 * cmd; `gigadoctor mock` prints the form. A body that starts with "{" is read as JSON.
 *
 * Every admin request needs the run's admin token in X-Admin-Token (401 without it, 403 with
 * another): loopback is every user and process on the machine, and switching a fault or
 * expiring tokens is the mock's owner's call. `gigadoctor mock` prints the token in its curl
 * lines. Admin requests are not subject to scenarios, latency or recording, and are answered
 * only to peers on loopback.
 */
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_JSON, sendBody } from './respond.js';
import { SCENARIOS, isScenario, type Scenario } from './scenarios.js';
import type { MockState } from './state.js';

export const ADMIN_PREFIX = '/__admin/';

/** The header that carries the admin token, as curl is told to send it. */
export const ADMIN_TOKEN_HEADER = 'X-Admin-Token';

/** A fresh per-run admin token: 192 random bits, base64url (no character any shell quotes). */
export function makeAdminToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Whether the request carries the token; compared in constant time, as any secret. */
function hasAdminToken(req: IncomingMessage, token: string): boolean | null {
  const sent = req.headers[ADMIN_TOKEN_HEADER.toLowerCase()];
  if (typeof sent !== 'string' || sent === '') return null;
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(sent.trim()), digest(token));
}

export function isAdminPath(url: string | undefined): boolean {
  return (url ?? '').startsWith(ADMIN_PREFIX);
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** JSON with a final newline, so curl's output does not run into the shell prompt. */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendBody(res, status, API_JSON, `${JSON.stringify(body)}\n`);
}

function adminError(res: ServerResponse, status: number, message: string, extra: object = {}): void {
  sendJson(res, status, { status, message, ...extra });
}

export function handleAdminRequest(
  state: MockState,
  setScenario: (scenario: Scenario) => void,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): void {
  if (!isLoopback(req.socket.remoteAddress)) return adminError(res, 403, 'admin endpoint answers loopback only');
  const authorized = hasAdminToken(req, state.adminToken);
  if (authorized === null) return adminError(res, 401, `admin token required: send the ${ADMIN_TOKEN_HEADER} header that gigadoctor mock printed`);
  if (!authorized) return adminError(res, 403, `wrong admin token: use the ${ADMIN_TOKEN_HEADER} value that gigadoctor mock printed`);
  const path = new URL(req.url ?? '/', 'https://mock.invalid').pathname;

  if (path === '/__admin/scenario' && req.method === 'GET') {
    return sendJson(res, 200, { scenario: state.scenario, scenarios: SCENARIOS });
  }
  if (path === '/__admin/scenario' && req.method === 'POST') {
    let requested: unknown;
    const text = body.toString('utf8').trim();
    if (text.startsWith('{')) {
      try {
        requested = (JSON.parse(text) as { scenario?: unknown }).scenario;
      } catch {
        return adminError(res, 400, 'body must be JSON {"scenario":"NAME"} or a form scenario=NAME');
      }
    } else {
      requested = new URLSearchParams(text).get('scenario') ?? undefined;
      if (requested === undefined) {
        return adminError(res, 400, 'body must be JSON {"scenario":"NAME"} or a form scenario=NAME');
      }
    }
    if (!isScenario(requested)) {
      return adminError(res, 400, `unknown scenario: ${String(requested)}`, {
        scenarios: SCENARIOS.map((s) => s.name),
      });
    }
    setScenario(requested);
    return sendJson(res, 200, { scenario: state.scenario });
  }
  if (path === '/__admin/expire-tokens' && req.method === 'POST') {
    return sendJson(res, 200, { expired: state.tokens.expireAll() });
  }
  return adminError(res, 404, 'unknown admin endpoint');
}
