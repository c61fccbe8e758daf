/**
 * Access tokens the mock has issued, each remembered with its expiry and the key's scope.
 *
 * Bounded (issue 12.3): a mock that remembered every token forever grew with every token
 * request. It remembers at most `count` tokens (the oldest go first) and forgets a token
 * `forgetAfterMs` after it expired; until then the API still answers it "Token has expired", as
 * GigaChat does, and after that "Unauthorized", as for any token it never issued.
 */
import { makeAccessToken, type KeyScope } from './fixtures.js';
import { appendBounded } from './request-log.js';

export interface IssuedToken {
  token: string;
  /** Unix time in milliseconds. */
  expiresAt: number;
  /** The scope of the key that obtained it; null for the username/password flow. */
  scope: KeyScope | null;
}

export type TokenLookup = { state: 'valid'; token: IssuedToken } | { state: 'expired' } | { state: 'unknown' };

export interface TokenLimits {
  /** How many tokens are remembered at most. */
  count: number;
  /** How long an expired token is still told apart from an unknown one. */
  forgetAfterMs: number;
}

/**
 * 10,000 tokens (~15 MB) are far more than the clients of one local stand-in hold at once: an SDK
 * keeps one per process and asks again only when it expires. An hour past its expiry covers an
 * app that was left idle over lunch with an old token.
 */
export const DEFAULT_TOKEN_LIMITS: TokenLimits = { count: 10_000, forgetAfterMs: 60 * 60 * 1000 };

export class TokenStore {
  /** In the order issued, which is also the order of expiry: every token gets the same lifetime. */
  private readonly byValue = new Map<string, IssuedToken>();
  /** The tokens issued, oldest first, as many as are remembered: tests assert none of them leaks into output. */
  readonly issued: string[] = [];
  private readonly limits: TokenLimits;

  constructor(
    private readonly ttlMs: number,
    limits: Partial<TokenLimits> = {},
  ) {
    this.limits = { ...DEFAULT_TOKEN_LIMITS, ...limits };
  }

  issue(scope: KeyScope | null, now = Date.now()): IssuedToken {
    this.forget(now);
    const token: IssuedToken = { token: makeAccessToken(), expiresAt: now + this.ttlMs, scope };
    this.byValue.set(token.token, token);
    appendBounded(this.issued, token.token, this.limits.count);
    if (this.byValue.size > this.limits.count) this.byValue.delete(this.byValue.keys().next().value as string);
    return token;
  }

  lookup(value: string, now = Date.now()): TokenLookup {
    const token = this.byValue.get(value);
    if (!token || token.expiresAt + this.limits.forgetAfterMs <= now) return { state: 'unknown' };
    if (token.expiresAt <= now) return { state: 'expired' };
    return { state: 'valid', token };
  }

  /** Ends every token's life now, so a client's refresh path can be tested without waiting. Returns how many were alive. */
  expireAll(now = Date.now()): number {
    let alive = 0;
    for (const token of this.byValue.values()) {
      if (token.expiresAt > now) alive++;
      token.expiresAt = Math.min(token.expiresAt, now);
    }
    return alive;
  }

  /** How many tokens are remembered (alive or recently expired). */
  get size(): number {
    return this.byValue.size;
  }

  /** Drops the tokens expired longer than forgetAfterMs ago: the oldest are first in line. */
  private forget(now: number): void {
    for (const [value, token] of this.byValue) {
      if (token.expiresAt + this.limits.forgetAfterMs > now) break;
      this.byValue.delete(value);
    }
  }
}
