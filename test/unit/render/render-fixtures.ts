/** Reports and settings for renderer unit tests: made by hand, so each test shows what it feeds in. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSettings } from '../../../src/settings/resolve.js';
import type { Settings } from '../../../src/settings/types.js';
import type { CheckResult, Report, Status } from '../../../src/types.js';

export const KEY = Buffer.from('6f1d2c3b-4a5e-4f70-8a9b-0c1d2e3f4a5b:9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b').toString('base64');

export function settingsFor(env: Record<string, string> = {}, flags: Record<string, unknown> = {}): Settings {
  const cwd = mkdtempSync(join(tmpdir(), 'gd-render-'));
  return resolveSettings({ flags, env: { GIGACHAT_CREDENTIALS: KEY, ...env }, cwd, stdoutIsTTY: false });
}

export function check(id: CheckResult['id'], status: Status, code: CheckResult['code'], extra: Partial<CheckResult> = {}): CheckResult {
  return {
    id,
    title: { env: 'Credentials', format: 'Credential format', endpoints: 'Endpoints', dns: 'DNS', tcp: 'TCP connect', tls: 'TLS certificate', oauth: 'OAuth token', models: 'Models list', chat: 'Chat probe', code: 'Project code', python: 'App Python' }[id],
    status,
    code,
    summary: `${code} summary`,
    remediation: status === 'pass' ? [] : [`fix ${code}`],
    transient: false,
    blockedBy: null,
    durationMs: 12,
    details: {},
    ...extra,
  };
}

export function reportOf(checks: CheckResult[], exitCode: 0 | 1 | 3 = checks.some((c) => c.status === 'fail') ? 1 : 0): Report {
  const counts = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const c of checks) counts[c.status]++;
  return {
    schemaVersion: 1,
    tool: { name: 'gigadoctor', version: '0.1.0' },
    ok: exitCode === 0,
    exitCode,
    counts,
    durationMs: 321,
    environment: { node: 'v20.0.0', platform: 'linux', proxy: null, extraCa: [] },
    checks,
  };
}

/** A failed OAuth scope mismatch with the request evidence a real run records. */
export function scopeMismatchReport(): Report {
  return reportOf([
    check('env', 'pass', 'CREDENTIALS_FOUND'),
    check('format', 'pass', 'CREDENTIALS_OK'),
    check('endpoints', 'pass', 'ENDPOINTS_OFFICIAL'),
    check('dns', 'pass', 'DNS_OK'),
    check('tcp', 'pass', 'TCP_OK'),
    check('tls', 'pass', 'TLS_OK'),
    check('oauth', 'fail', 'OAUTH_SCOPE_MISMATCH', {
      summary: 'The key does not allow scope GIGACHAT_API_PERS',
      remediation: ['Look up the scope in Studio', 'Set it: export GIGACHAT_SCOPE=GIGACHAT_API_B2B'],
      details: {
        http: {
          method: 'POST', url: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth', status: 400, ms: 40,
          rqUid: '3f0c1a52-8a43-4d8e-9a7b-2f1c9d0e4b11', requestId: null, sessionId: null,
          date: 'Wed, 25 Nov 2026 10:00:00 GMT', server: 'SynGX', contentType: 'application/json',
        },
        url: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth', status: 400, code: 7, scope: 'GIGACHAT_API_PERS',
      },
    }),
    check('models', 'skip', 'BLOCKED', { blockedBy: 'oauth', summary: 'Not run', remediation: [], durationMs: 0 }),
    check('chat', 'skip', 'BLOCKED', { blockedBy: 'oauth', summary: 'Not run', remediation: [], durationMs: 0 }),
  ]);
}
