/**
 * The admin endpoint on the API server, for switching faults while the mock runs (issue 7):
 *
 *   GET  /__admin/scenario                      → {"scenario":"ok","scenarios":[{name,description},…]}
 *   POST /__admin/scenario  {"scenario":"NAME"} → {"scenario":"NAME"}   (unknown name → 400)
 *   POST /__admin/scenario  scenario=NAME       the same as a form body (curl -d), no JSON quoting needed
 *   POST /__admin/expire-tokens                 → {"expired":N}  every issued token is expired now
 *
 *   curl --cacert ca.pem -X POST https://127.0.0.1:PORT/__admin/scenario -d '{"scenario":"chat-hang"}'
 *   curl --cacert ca.pem -d scenario=chat-hang https://127.0.0.1:PORT/__admin/scenario
 *
 * The form body exists because a JSON body cannot be quoted the same way in sh, PowerShell and
 * cmd; `gigadoctor mock` prints the form. A body that starts with "{" is read as JSON.
 *
 * It needs no token and is not subject to scenarios, latency or recording; it answers only
 * peers on loopback (the mock binds 127.0.0.1 by default, so that is everyone who can reach it).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_JSON, sendBody } from './respond.js';
import { SCENARIOS, isScenario, type Scenario } from './scenarios.js';
import type { MockState } from './state.js';

export const ADMIN_PREFIX = '/__admin/';

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
    const count = state.tokens.issued.length;
    state.tokens.expireAll();
    return sendJson(res, 200, { expired: count });
  }
  return adminError(res, 404, 'unknown admin endpoint');
}
