import type { Code } from '../codes.js';
import type { CheckId, Lang } from '../types.js';

/**
 * A phrase: fixed text, or text made from the parameters a remedy passes, already rendered
 * (strings, numbers, lists of strings); `any` keeps each of the several hundred phrases short.
 */
export type Phrase = string | ((p: any) => string);

export interface Phrases {
  lang: Lang;
  checks: Record<CheckId, string>;
  titles: Record<Code, string>;
  say: Record<string, Phrase>;
}
