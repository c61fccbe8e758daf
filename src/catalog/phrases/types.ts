import type { Code } from '../codes.js';
import type { CheckId, Lang } from '../types.js';

/** A phrase: fixed text, or text made from the parameters a remedy passes (already rendered). */
// Parameters arrive as the remedy wrote them: strings, numbers, lists; `any` keeps each phrase short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Phrase = string | ((p: any) => string);

export interface Phrases {
  lang: Lang;
  checks: Record<CheckId, string>;
  titles: Partial<Record<Code, string>>;
  say: Record<string, Phrase>;
}
