/** Access tokens the mock has issued, each remembered with its expiry and the key's scope. */
import { makeAccessToken, type KeyScope } from './fixtures.js';

export interface IssuedToken {
  token: string;
  /** Unix time in milliseconds. */
  expiresAt: number;
  /** The scope of the key that obtained it; null for the username/password flow. */
  scope: KeyScope | null;
}

export type TokenLookup = { state: 'valid'; token: IssuedToken } | { state: 'expired' } | { state: 'unknown' };

export class TokenStore {
  private readonly byValue = new Map<string, IssuedToken>();
  /** Every token ever issued, in order: tests assert none of them leaks into output. */
  readonly issued: string[] = [];

  constructor(private readonly ttlMs: number) {}

  issue(scope: KeyScope | null, now = Date.now()): IssuedToken {
    const token: IssuedToken = { token: makeAccessToken(), expiresAt: now + this.ttlMs, scope };
    this.byValue.set(token.token, token);
    this.issued.push(token.token);
    return token;
  }

  lookup(value: string, now = Date.now()): TokenLookup {
    const token = this.byValue.get(value);
    if (!token) return { state: 'unknown' };
    if (token.expiresAt <= now) return { state: 'expired' };
    return { state: 'valid', token };
  }

  /** Ends every token's life now, so a client's refresh path can be tested without waiting. */
  expireAll(now = Date.now()): void {
    for (const token of this.byValue.values()) token.expiresAt = Math.min(token.expiresAt, now);
  }
}
