// The OAuth scopes (reference/gigachat-api.md §2): the key belongs to exactly one of them.

export const SCOPES = ['GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'] as const;
export type Scope = (typeof SCOPES)[number];

/** What the SDKs send when no scope is set. */
export const DEFAULT_SCOPE: Scope = 'GIGACHAT_API_PERS';

/** Who each scope is for; the catalogue's phrase tables put it into words. */
export const SCOPE_AUDIENCE: Record<Scope, 'individuals' | 'prepaid' | 'postpaid'> = {
  GIGACHAT_API_PERS: 'individuals',
  GIGACHAT_API_B2B: 'prepaid',
  GIGACHAT_API_CORP: 'postpaid',
};

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
