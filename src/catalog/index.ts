import { inLanguage } from './phrases/format.js';
import type { Catalog, Lang } from './types.js';

/** Only the language in use is loaded: each catalogue is its own file of the bundle (named exports: see scripts/build.mjs). */
export async function loadCatalog(lang: Lang): Promise<Catalog> {
  return inLanguage(lang, { en: async () => (await import('./en.js')).en, ru: async () => (await import('./ru.js')).ru })();
}
