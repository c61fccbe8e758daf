/**
 * What every rule is made of: the rule's shape, and the codes an HTTP status means for the step a
 * record is about. Shared by the English rules (rules.ts) and the Russian ones (russian.ts).
 */
import type { Code } from '../catalog/codes.js';
import { DEFAULT_SCOPE, SCOPES } from '../gigachat/index.js';
import type { Details } from '../catalog/types.js';
import type { Found } from './context.js';

/** Hints that are not finding codes: a known problem the catalogue has no code for, or "paste more". */
export type HintId = 'mtls-httpx' | 'response-error-status' | 'tls-interception' | 'several-candidates';

export interface CodeWithDetails {
  code: Code;
  details?: Details;
}

export interface Rule {
  id: string;
  re: RegExp;
  /** Our own description of what the rule recognises. */
  pattern: string;
  fallback?: boolean;
  unless?: RegExp;
  codes(m: RegExpExecArray, f: Found): CodeWithDetails[];
  hints?: HintId[];
}

export const byContext = (f: Found, codes: { oauth: Code; chat?: Code; models?: Code; api: Code }): Code => {
  if (f.context === 'oauth') return codes.oauth;
  if (f.context === 'chat') return codes.chat ?? codes.api;
  if (f.context === 'models') return codes.models ?? codes.api;
  return codes.api;
};

export const net = (f: Found, extra: Details = {}): Details => ({
  ...(f.host ? { host: f.host } : {}),
  ...(f.port ? { port: f.port } : {}),
  ...(f.url ? { url: f.url } : {}),
  ...extra,
});

export const withUrl = (f: Found, d: Details = {}): Details => ({ ...d, ...(f.url ? { url: f.url } : {}) });
export const withModel = (f: Found, d: Details = {}): Details => ({ ...d, ...(f.model ? { model: f.model } : {}) });

/** The codes an HTTP status means, given what request it answered. */
export function codesForStatus(status: number, f: Found): CodeWithDetails[] {
  const d = withUrl(f, { status });
  if (status === 400) {
    return f.context === 'oauth'
      ? [
          { code: 'OAUTH_SCOPE_MISMATCH', details: { ...d, ...scopeDetails(f) } },
          { code: 'OAUTH_UNDECODABLE_CREDENTIALS', details: d },
          { code: 'OAUTH_SCOPE_INVALID', details: { ...d, ...(f.scope ? { scope: f.scope } : {}) } },
        ]
      : [{ code: 'CHAT_INVALID_REQUEST', details: withModel(f, d) }];
  }
  if (status === 401) {
    if (f.context === 'oauth') return [{ code: 'OAUTH_BAD_CREDENTIALS', details: d }];
    if (f.context) return [{ code: 'API_TOKEN_EXPIRED', details: d }, { code: 'API_TOKEN_REJECTED', details: d }];
    return [{ code: 'OAUTH_BAD_CREDENTIALS', details: d }, { code: 'API_TOKEN_EXPIRED', details: d }];
  }
  if (status === 402) return [{ code: 'CHAT_PAYMENT_REQUIRED', details: withModel(f, d) }];
  if (status === 403) return [{ code: byContext(f, { oauth: 'OAUTH_FORBIDDEN', api: 'API_FORBIDDEN' }), details: d }];
  if (status === 404) {
    if (f.context === null) return [{ code: 'API_NOT_FOUND', details: d }, { code: 'CHAT_MODEL_NOT_FOUND', details: withModel(f, d) }];
    if (f.context === 'chat') return [{ code: 'CHAT_MODEL_NOT_FOUND', details: withModel(f, d) }];
    return [{ code: byContext(f, { oauth: 'OAUTH_NOT_FOUND', api: 'API_NOT_FOUND' }), details: d }];
  }
  if (status === 413 || status === 422) return [{ code: 'CHAT_INVALID_REQUEST', details: withModel(f, d) }];
  if (status === 407) return [{ code: 'PROXY_AUTH_REQUIRED' }];
  if (status === 429) return [{ code: byContext(f, { oauth: 'OAUTH_RATE_LIMITED', chat: 'CHAT_RATE_LIMITED', api: 'API_RATE_LIMITED' }), details: d }];
  if (status >= 300 && status <= 308 && status !== 304) {
    return [{ code: f.context === 'oauth' ? 'OAUTH_REDIRECT' : 'API_REDIRECT', details: d }];
  }
  if (status >= 500 && status <= 599) {
    return [{ code: byContext(f, { oauth: 'OAUTH_SERVER_ERROR', chat: 'CHAT_SERVER_ERROR', api: 'API_SERVER_ERROR' }), details: d }];
  }
  return [];
}

/**
 * The scope a mismatch is about: the one named in the text, else the SDK default, which most
 * apps never change (a business key sent with GIGACHAT_API_PERS is the usual code 7).
 */
export function scopeDetails(f: Found): Details {
  const scope = f.scope ?? DEFAULT_SCOPE;
  return { ...(f.scope ? { scope: f.scope } : {}), otherScopes: SCOPES.filter((s) => s !== scope) };
}

