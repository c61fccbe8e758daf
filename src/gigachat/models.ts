// Model ids (reference/gigachat-api.md §5): the recorded GET /models (Jan 2026) plus the newer ones from the docs.
import { NEW_BASE_URL } from './hosts.js';

/** What the SDKs ask for when no model is set. */
export const DEFAULT_MODEL = 'GigaChat-2';

export const KNOWN_CHAT_MODELS = [
  'GigaChat', 'GigaChat-Plus', 'GigaChat-Pro', 'GigaChat-Max',
  'GigaChat-2', 'GigaChat-2-Pro', 'GigaChat-2-Max', 'GigaChat-2-Reasoning', 'GigaChat-3-Ultra',
  'GigaChat-preview', 'GigaChat-Pro-preview', 'GigaChat-Max-preview',
  'GigaChat-2-preview', 'GigaChat-2-Pro-preview', 'GigaChat-2-Max-preview',
];

/** First-generation ids being shut down (docs changelog 09.07.2025) and what replaces each. */
export const DEPRECATED_MODELS: Record<string, string> = {
  GigaChat: 'GigaChat-2',
  'GigaChat-Plus': 'GigaChat-2-Pro',
  'GigaChat-Pro': 'GigaChat-2-Pro',
  'GigaChat-Max': 'GigaChat-2-Max',
};

/** The second generation, which replaces the first. */
export const SECOND_GENERATION = ['GigaChat-2', 'GigaChat-2-Pro', 'GigaChat-2-Max'];

/** Models served only on one host, and the base URL that serves each. */
export const MODELS_ONLY_ON: Record<string, string> = { 'GigaChat-3-Ultra': NEW_BASE_URL };

/** The base URL a model needs when only one host serves it (case-insensitive), else undefined. */
export function onlyServedAt(model: string): string | undefined {
  const key = Object.keys(MODELS_ONLY_ON).find((m) => m.toLowerCase() === model.trim().toLowerCase());
  return key === undefined ? undefined : MODELS_ONLY_ON[key];
}
