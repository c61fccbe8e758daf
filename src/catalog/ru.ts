// The ru catalogue: the remedies (language-neutral) in the words of phrases/ru.ts.
// Its own file of the bundle, so a run loads only the language it speaks (scripts/build.mjs).
import { phrases } from './phrases/ru.js';
import { catalogOf } from './render.js';
import { REMEDIES } from './remedies/index.js';
import type { Catalog } from './types.js';

export const ru: Catalog = catalogOf(phrases, REMEDIES);
export default ru;
