import type { Catalog, Lang } from './types.js';

/** Only the language in use is loaded: each catalogue is its own chunk of the bundle. */
export async function loadCatalog(lang: Lang): Promise<Catalog> {
  const mod = lang === 'ru' ? await import('./ru.js') : await import('./en.js');
  return mod.default;
}
