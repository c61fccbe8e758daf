import { explainWords } from '../catalog/phrases/explain.js';
import type { Lang } from '../catalog/types.js';
import type { HintId } from './rules.js';

/** What `explain` adds beyond the catalogue: problems it has no code for, and "paste more" (words: phrases/explain.ts). */
export function hintText(lang: Lang, id: HintId): string {
  return explainWords(lang).hints[id];
}
