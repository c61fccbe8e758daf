/** GigaChat facts the checks compare against (reference/gigachat-api.md §1, §3, §7). */

export const SCOPES = ['GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'] as const;

export const OFFICIAL_AUTH_HOSTS = ['ngw.devices.sberbank.ru'];
export const OFFICIAL_API_HOSTS = ['gigachat.devices.sberbank.ru', 'gigachat-preview.devices.sberbank.ru', 'api.giga.chat'];
export const AUTH_PATH = '/api/v2/oauth';
export const AUTH_PORT = 9443;

/** Hosts from the field guide's errata: another company's OAuth, a wrapper that never served the API. */
export const KNOWN_WRONG_HOSTS: Record<string, { which: 'auth' | 'api'; correct: string }> = {
  'auth.api.cloud.yandex.net': { which: 'auth', correct: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth' },
  'api.gigachat.ru': { which: 'api', correct: 'https://gigachat.devices.sberbank.ru/api/v1' },
  'console.gigachat.ai': { which: 'api', correct: 'https://gigachat.devices.sberbank.ru/api/v1' },
  'gigachat.ai': { which: 'api', correct: 'https://gigachat.devices.sberbank.ru/api/v1' },
};

/** Chat model ids of the recorded GET /models (Jan 2026) plus the newer ones from the docs. */
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

/** Models served only on the 2026 host. */
export const MODELS_ONLY_ON: Record<string, string> = { 'GigaChat-3-Ultra': 'https://api.giga.chat/v1' };
