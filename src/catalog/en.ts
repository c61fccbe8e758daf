// The en catalogue: the remedies (language-neutral) in the words of phrases/en.ts.
// Its own file of the bundle, so a run loads only the language it speaks (scripts/build.mjs).
import { phrases } from './phrases/en.js';
import { catalogOf } from './render.js';
import { REMEDIES } from './remedies/index.js';
import type { Catalog } from './types.js';

export const en: Catalog = catalogOf(phrases, REMEDIES);
export default en;
