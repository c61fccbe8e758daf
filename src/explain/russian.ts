/**
 * Russian log lines. The official SDKs raise and log only in English (checked: ai-forever/gigachat
 * bc53e75 src/gigachat, ai-forever/gigachat-js 37b5d36 src, ai-forever/langchain-gigachat 49027a3:
 * the one Russian error is gigachat-js's browser guard), and GigaChat's error bodies are English
 * (reference/gigachat-api.md §3-4). What is Russian is what apps write around them ("Превышен лимит
 * запросов", "Токен истёк", "не удалось получить токен: 401" — phrases found across public GigaChat
 * apps with the code search) and what Russian Windows and .NET print for socket and TLS errors
 * (WSAECONNREFUSED 10061, WSAETIMEDOUT 10060, WSAECONNRESET 10054, "Этот хост неизвестен",
 * "Удаленный сертификат недействителен"); the last are matched in rules.ts next to their English.
 */
import { byContext, codesForStatus, withModel, withUrl, type Rule } from './rule-kit.js';

/** The first HTTP status in the record, when it carries one. */
function statusIn(text: string): number | null {
  const m = /(?:^|[\s:(=,])([45]\d\d)(?=$|[\s:),.;])/.exec(text);
  return m ? Number(m[1]) : null;
}

export const RUSSIAN_RULES: Rule[] = [
  {
    id: 'ru-rate-limit',
    re: /Превышен[а-я]* лимит[а-я]* запрос|Слишком много запросов|лимит запросов (?:превышен|исчерпан)/i,
    pattern: '«Превышен лимит запросов» (HTTP 429)',
    codes: (_m, f) => codesForStatus(429, f),
  },
  {
    id: 'ru-token-expired',
    re: /Токен (?:доступа )?ист[её]к|срок действия токена (?:ист[её]к|закончился)|токен просрочен/i,
    pattern: '«Токен истёк» (the 30-minute access token expired)',
    codes: (_m, f) => [{ code: 'API_TOKEN_EXPIRED', details: withUrl(f, { status: 401 }) }],
  },
  {
    id: 'ru-token-failed',
    re: /(?:не удалось|не получилось|невозможно) получить (?:access[ _-]?)?токен|ошибка (?:при )?получени[яи] (?:access[ _-]?)?токена|ошибка авторизации|ошибка аутентификации/i,
    pattern: '«не удалось получить токен» (the token request failed)',
    codes: (m, f) => {
      const status = statusIn(m.input.slice(m.index));
      if (status) return codesForStatus(status, { ...f, context: f.context ?? 'oauth' });
      return [{ code: 'ACCESS_TOKEN_UNAVAILABLE' }];
    },
  },
  {
    id: 'ru-no-token',
    re: /(?:нет|отсутствует) (?:access[ _-]?)?токен(?:а)? доступа|токен доступа (?:не получен|отсутствует)/i,
    pattern: '«нет токена доступа» (the app has no token)',
    codes: () => [{ code: 'ACCESS_TOKEN_UNAVAILABLE' }],
  },
  {
    id: 'ru-bad-key',
    re: /неверн[а-я]* (?:ключ[а-я]* авторизации|авторизационн[а-я]* данн|учётн[а-я]* данн|учетн[а-я]* данн)/i,
    pattern: '«неверный ключ авторизации» (the key was refused)',
    // The record's URL only when it is the token request's: a key is refused by the auth server alone.
    codes: (_m, f) => [{ code: 'OAUTH_BAD_CREDENTIALS', details: f.context === 'oauth' ? withUrl(f) : {} }],
  },
  {
    id: 'ru-model-not-found',
    re: /модель[^\n]{0,60}не найдена|модель не существует|нет такой модели/i,
    pattern: '«модель не найдена» (HTTP 404 "No such model")',
    codes: (_m, f) => [{ code: 'CHAT_MODEL_NOT_FOUND', details: withModel(f, withUrl(f, { status: 404 })) }],
  },
  {
    id: 'ru-payment',
    re: /недостаточно средств|закончил[а-я]* (?:токены|пакет|лимит токенов)|исчерпан[а-я]* (?:лимит|пакет|баланс) токенов|требуется оплата/i,
    pattern: '«закончились токены» / «недостаточно средств» (HTTP 402)',
    codes: (_m, f) => [{ code: 'CHAT_PAYMENT_REQUIRED', details: withModel(f, withUrl(f, { status: 402 })) }],
  },
  {
    id: 'ru-forbidden',
    re: /доступ запрещ[её]н/i,
    pattern: '«доступ запрещён» (HTTP 403)',
    codes: (_m, f) => codesForStatus(403, f),
  },
  {
    id: 'ru-server-error',
    re: /(?:сервис|сервер) (?:временно )?недоступен|внутренняя ошибка сервера/i,
    pattern: '«сервис временно недоступен» (HTTP 5xx)',
    codes: (m, f) => codesForStatus(statusIn(m.input) ?? 503, f),
  },
  {
    id: 'ru-cert-expired',
    re: /срок действия сертификата (?:ист[её]к|закончился)|сертификат просрочен/i,
    pattern: '«срок действия сертификата истёк»',
    codes: (_m, f) => [{ code: 'TLS_EXPIRED', details: withUrl(f) }],
  },
  {
    id: 'ru-cert-untrusted',
    re: /(?:ошибка|не удалось проверить|не прош[её]л проверку)[^\n]{0,20}сертификат|сертификат[^\n]{0,30}(?:не доверен|недоверенн|не прош[её]л проверку)/i,
    unless: /срок действия сертификата|сертификат просрочен/i,
    pattern: '«ошибка проверки сертификата» (the chain does not verify)',
    codes: (_m, f) => [{ code: 'TLS_UNTRUSTED_ROOT', details: withUrl(f) }],
    hints: ['tls-interception'],
  },
  {
    id: 'ru-refused',
    re: /(?:соединение|подключение) (?:было )?отклонено|в подключении отказано/i,
    pattern: '«соединение отклонено» (ECONNREFUSED)',
    codes: (_m, f) => [{ code: 'TCP_REFUSED', details: withUrl(f) }],
  },
  {
    id: 'ru-timeout',
    re: /истекло время ожидания|время ожидания (?:ответа )?истекло/i,
    pattern: '«истекло время ожидания» (no answer in time)',
    codes: (_m, f) => [{ code: byContext(f, { oauth: 'OAUTH_TIMEOUT', chat: 'CHAT_TIMEOUT', api: 'API_TIMEOUT' }), details: withUrl(f) }],
  },
];
