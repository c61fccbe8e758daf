// Русские фразы: слова каждого совета из src/catalog/remedies/, по одной записи на сообщение.
import { inUnits, opt, serverWords, str } from './format.js';
import type { Phrases } from './types.js';

const checks = {
  env: 'Учётные данные',
  format: 'Формат ключа',
  endpoints: 'Адреса',
  dns: 'DNS',
  tcp: 'TCP-соединение',
  tls: 'TLS-сертификат',
  oauth: 'OAuth-токен',
  models: 'Список моделей',
  chat: 'Пробный запрос',
};

const SOURCE: Record<string, string> = { env: 'окружение', flag: 'флаг командной строки', default: 'значение по умолчанию' };
const BODY: Record<string, string> = { html: 'HTML-страница', json: 'JSON', text: 'текст', empty: 'пустое тело' };
const WHO: Record<string, string> = { individuals: 'физлица', prepaid: 'ИП и юрлица, предоплаченные пакеты', postpaid: 'ИП и юрлица, постоплата' };
const CLOCK: Record<string, string> = { off: 'расходятся с сервером', behind: 'отстают', ahead: 'спешат' };

function badResponse(p: { reason: string; field: string }): string {
  const field = opt(p.field, ' (поле ', ')');
  switch (p.reason) {
    case 'not-json':
      return `тело ответа — не JSON${field}`;
    case 'wrong-shape':
      return `в JSON нет ожидаемых полей${field}`;
    case 'too-large':
      return 'ответ слишком большой';
    case 'invalid-utf8':
      return 'ответ не в UTF-8';
    case 'unexpected-status':
      return `неожиданный статус${field}`;
    default:
      return `неожиданное содержимое${field}`;
  }
}


export const phrases = {
  lang: 'ru',
  checks,
  titles: {
    OAUTH_OK: 'Токен доступа получен',
    ACCESS_TOKEN_PROVIDED: 'Передан готовый токен',
    OAUTH_BAD_CREDENTIALS: 'Ключ отклонён',
    OAUTH_UNDECODABLE_CREDENTIALS: 'Ключ не раскодируется',
    OAUTH_SCOPE_MISMATCH: 'Scope не совпадает с ключом',
    OAUTH_SCOPE_INVALID: 'Scope отклонён',
    OAUTH_BAD_REQUEST: 'Запрос токена отклонён',
    OAUTH_FORBIDDEN: 'Доступ к URL авторизации запрещён (403)',
    OAUTH_NOT_FOUND: 'URL авторизации не найден (404)',
    OAUTH_REDIRECT: 'URL авторизации перенаправляет',
    OAUTH_RATE_LIMITED: 'Слишком много запросов токена',
    OAUTH_SERVER_ERROR: 'Ошибка сервера авторизации',
    OAUTH_TIMEOUT: 'Сервер авторизации не ответил',
    OAUTH_BAD_RESPONSE: 'Странный ответ авторизации',
    CLOCK_SKEW: 'Часы расходятся',
    SKIPPED_BY_OPTION: 'Пропущено',
    BLOCKED: 'Не запускалось',
    INTERNAL_ERROR: 'Внутренняя ошибка',
    DEADLINE_EXCEEDED: 'Общий лимит времени исчерпан',
  },
  say: {
    // --- общее ---
    'placeholder.key': '<ключ авторизации из Studio>',
    'placeholder.token': '<токен доступа>',
    'placeholder.proxy': 'http://<хост-прокси>:<порт>',
    retry: 'при повторном запуске может пройти',
    at: (p) => opt(SOURCE[p.source] ?? p.source, ' (', ')'),
    serverSaid: (p) => serverWords(p, 'код ', '«', '»'),
    bodyKind: (p) => BODY[p.kind] ?? '',
    badResponse,
    duration: (p) => inUnits(p.ms, { ms: 'мс', s: 'с' }),
    checkTitle: (p) => (checks as Record<string, string>)[p.id] ?? p.id,
    'scope.who': (p) => WHO[p.audience] ?? '',
    scopes: (p) => p.scopes.map((s: string, i: number) => `${s} (${p.who[i]})`).join(', '),
    'clock.unixNote': ' (Linux; macOS: sudo sntp -sS time.apple.com)',
    'clock.adminNote': ' (от администратора)',
    'step.wait': (p) => (p.seconds !== undefined ? `Подождите ${p.seconds} с (Retry-After) и запустите снова` : 'Подождите несколько секунд и запустите снова'),
    'step.timeout': 'В медленной сети увеличьте таймаут шага: gigadoctor --timeout 30000 (GIGACHAT_TIMEOUT в SDK задаётся в секундах)',
    'step.report': 'Если не проходит, пришлите отчёт gigadoctor check --json (секреты из него вырезаны)',
    'step.reportRqUid': (p) => `${p.report}; укажите RqUID ${p.rqUid}`,
    'step.runAgain': 'Запустите ещё раз',
    'step.verbose': 'Запустите с --verbose, чтобы увидеть ответ (секреты вырезаны)',
    'step.syncClock': (p) => `Синхронизируйте часы: ${p.sync}${p.note}`,
    'step.newKey': (p) => `Сгенерируйте новый ключ авторизации: GigaChat Studio (${p.studio}) → проект GigaChat API → «Настройки API» → «Получить ключ»`,
    'step.tokenToCredentials': (p) =>
      `Лучше уберите GIGACHAT_ACCESS_TOKEN (${p.unset}) и задайте ключ: ${p.set} — тогда SDK сам получает и обновляет 30-минутные токены`,
    'redirect.useFinal': (p) => `Укажите конечный адрес сразу: ${p.set}`,
    'redirect.useOfficial': (p) => `Укажите официальный адрес: ${p.set} — или уберите ${p.variable}, значение SDK по умолчанию верное`,
    'redirect.intercepted': (p) =>
      `Редирект на ${p.host ?? 'другой хост'}, не принадлежащий GigaChat, обычно значит, что запросы перехватывает сеть (captive portal, страница входа прокси): авторизуйтесь в сети или обратитесь к администраторам`,
    'serverError.retry': 'Повторите через минуту-другую: ошибки шлюза (5xx, HTML-страница от шлюза) обычно кратковременные',
    'serverError.notGigaChat': (p) =>
      `${p.host} — не официальный хост GigaChat: ошибку отдаёт он (например, локальный прокси или шлюз), а не GigaChat — проверьте ${p.variable}`,
    'serverError.support': 'Если сбой длится дольше ~15 минут, сообщите в поддержку GigaChat время, URL и статус',

    // --- oauth ---
    OAUTH_OK: (p) =>
      `Токен доступа получен${opt(p.url, ' от ')}${opt(p.status, ' (HTTP ', ')')}${p.password ? ' по GIGACHAT_USER/GIGACHAT_PASSWORD' : ''}` +
      `${p.minutes !== undefined ? `; действует ${p.minutes} мин` : ''}${opt(p.until, ', до ')}`,
    ACCESS_TOKEN_PROVIDED: (p) => `Обмен ключа на токен пропущен: используется готовый токен из ${p.variable}`,
    'ACCESS_TOKEN_PROVIDED.alsoKey': 'Токен живёт 30 минут; для всего, что работает дольше, задайте ещё и GIGACHAT_CREDENTIALS, чтобы SDK мог получать новые',
    OAUTH_BAD_CREDENTIALS: (p) => `Сервер авторизации отклонил ключ${opt(p.said, ': ')} — ключ неверный или отозван`,
    'OAUTH_BAD_CREDENTIALS.set': (p) => `Задайте его: ${p.set} — и замените старые копии (.env, секреты CI), чтобы приложение не подхватило прежний`,
    'OAUTH_BAD_CREDENTIALS.fingerprint': (p) => `Сравните отпечаток из проверки «${p.check}» с ожидаемым ключом: возможно, приложение читает другое значение`,
    'OAUTH_BAD_CREDENTIALS.support': (p) => `Если и новый ключ не проходит, обратитесь в поддержку GigaChat и укажите RqUID ${p.rqUid}`,
    OAUTH_UNDECODABLE_CREDENTIALS: (p) =>
      `Сервер авторизации не может раскодировать заголовок Authorization${opt(p.said, ' (', ')')}: ключ повреждён, не в Base64 или закодирован дважды`,
    'OAUTH_UNDECODABLE_CREDENTIALS.asShown':
      'Положите ключ авторизации из Studio в GIGACHAT_CREDENTIALS ровно как он показан: не кодируйте его повторно в Base64 и не добавляйте «Basic » — SDK сам отправляет Authorization: Basic <ключ>',
    'OAUTH_UNDECODABLE_CREDENTIALS.format': (p) => `Посмотрите проверку «${p.check}»: нет ли в значении кавычек, пробелов, переносов строк или посторонних символов`,
    'OAUTH_UNDECODABLE_CREDENTIALS.newKey': (p) => `Если сомневаетесь, сгенерируйте в Studio новый ключ и задайте его: ${p.set}`,
    OAUTH_SCOPE_MISMATCH: (p) =>
      `Ключ не допускает scope ${p.scope || `(по умолчанию ${p.defaultScope})`}${opt(p.said, ' (', ')')}: у проекта ключа другой scope — укажите его в GIGACHAT_SCOPE`,
    'OAUTH_SCOPE_MISMATCH.lookUp': (p) => `Посмотрите scope своего проекта в Studio (поле «Scope» в проекте): ${p.scopes}`,
    'OAUTH_SCOPE_MISMATCH.set': (p) => `Задайте его: ${p.choices.join(' или ')}`,
    'OAUTH_SCOPE_MISMATCH.choice': (p) => `${p.set} (${p.who})`,
    'OAUTH_SCOPE_MISMATCH.code': 'Если ваш код передаёт scope явно (например, new GigaChat({ scope: ... })), исправьте и там: он важнее GIGACHAT_SCOPE',
    OAUTH_SCOPE_INVALID: (p) =>
      p.empty
        ? `Сервер авторизации получил пустой scope${opt(p.said, ' (', ')')}`
        : `Сервер авторизации отклонил scope «${p.scope}»${opt(p.said, ' (', ')')}: в значении опечатка`,
    'OAUTH_SCOPE_INVALID.set': (p) =>
      `Укажите одно из трёх допустимых значений точно (заглавными, без пробелов и кавычек): ${p.set} для физлиц либо ${p.b2b} / ${p.corp} для проектов юрлиц`,
    'OAUTH_SCOPE_INVALID.studio': 'Значение берите из поля «Scope» вашего проекта в Studio',
    OAUTH_BAD_REQUEST: (p) => `Сервер авторизации отклонил запрос токена${opt(p.said, ': ')}`,
    'OAUTH_BAD_REQUEST.proxy': (p) =>
      `В запросе токена нужны Authorization: Basic <ключ>, RqUID: <uuid4> и тело scope=<scope>; gigadoctor отправляет всё это, так что 400 здесь обычно значит, что запрос изменил прокси или шлюз — проверьте, что URL равен ${p.url}`,
    OAUTH_FORBIDDEN: (p) =>
      p.lacksPath
        ? `HTTP 403 от ${p.url}${opt(p.message, ' «', '»')}: в URL авторизации нет пути ${p.expected}`
        : `HTTP 403 от ${str(p.url, 'сервера авторизации')}${opt(p.message, ' «', '»')}: в запросе отказано`,
    'OAUTH_FORBIDDEN.fullUrl': (p) => `Укажите полный URL авторизации: ${p.set} — или уберите GIGACHAT_AUTH_URL, значение по умолчанию верное`,
    'OAUTH_FORBIDDEN.proxy': (p) => `Проверьте, не отказывает ли промежуточный прокси или шлюз (HTTPS_PROXY, NO_PROXY); официальный URL — ${p.url}`,
    'OAUTH_FORBIDDEN.otherNetwork': 'Попробуйте из другой сети; если не проходит, обратитесь в поддержку GigaChat, указав время запроса',
    OAUTH_NOT_FOUND: (p) => `HTTP 404 от ${str(p.url, 'URL авторизации')}${opt(p.body, ' (', ')')}: по этому адресу нет выдачи токенов`,
    'OAUTH_NOT_FOUND.official': (p) => `Укажите официальный URL (порт ${p.port}, путь ${p.path}): ${p.set}`,
    'OAUTH_NOT_FOUND.remove': (p) => `Или уберите GIGACHAT_AUTH_URL (${p.unset}): значение SDK по умолчанию верное`,
    OAUTH_REDIRECT: (p) =>
      `${str(p.url, 'URL авторизации')} перенаправляет${opt(p.status, ' (HTTP ', ')')}${opt(p.location, ' на ')}; gigadoctor не стал отправлять туда ключ`,
    OAUTH_RATE_LIMITED: (p) => `Слишком много запросов токена (HTTP 429)${p.seconds !== undefined ? `; повторить через ${p.seconds} с` : ''}; ${p.retry}`,
    'OAUTH_RATE_LIMITED.reuse': 'Лимит — 10 запросов токена в секунду: используйте токен все его 30 минут, а не запрашивайте новый на каждый вызов (SDK кэшируют токен)',
    'OAUTH_RATE_LIMITED.others': 'Проверьте, не запрашивает ли токены с тем же ключом кто-то ещё (другой экземпляр, матрица CI)',
    OAUTH_SERVER_ERROR: (p) => `Сбой сервера авторизации${opt(p.status, ': HTTP ')}${opt(p.body, ' (', ')')}; ${p.retry}`,
    OAUTH_TIMEOUT: (p) => `${str(p.url, 'Сервер авторизации')} не ответил${opt(p.within, ' за ')}; ${p.retry}`,
    'OAUTH_TIMEOUT.port': (p) =>
      `Сервер авторизации работает на порту ${p.port}, который корпоративные файрволы и VPN часто закрывают при открытом 443: проверьте ${p.test}, попросите администраторов открыть порт или идите через корпоративный прокси: ${p.set}`,
    OAUTH_BAD_RESPONSE: (p) => `Неожиданный ответ от ${str(p.url, 'сервера авторизации')}${opt(p.status, ' (HTTP ', ')')}: ${p.reason}`,
    'OAUTH_BAD_RESPONSE.url': (p) =>
      `Убедитесь, что GIGACHAT_AUTH_URL равен ${p.url} и что ответ не подменяет прокси или captive portal (обычно это HTML-страница входа)`,
    CLOCK_SKEW: (p) => {
      const dates = [opt(p.server, 'сервер: '), opt(p.local, 'локально: ')].filter(Boolean).join(', ');
      return `Часы этой машины ${CLOCK[p.direction]}${p.seconds !== undefined ? ` на ${p.seconds} с` : ''}${dates ? ` (${dates})` : ''}: срок жизни токена и даты сертификатов оцениваются неверно`;
    },
    'CLOCK_SKEW.vm': 'В WSL2 и виртуалках часы уходят после сна: wsl --shutdown или перезапуск ВМ; контейнеры берут время хоста',

    // --- runner ---
    SKIPPED_BY_OPTION: (p) => `Пропущено${opt(p.option, ' по ')}`,
    BLOCKED: (p) => (p.id ? `Не запускалось: проверка «${p.title}» (${p.id}) не прошла` : 'Не запускалось: не прошла проверка, от которой эта зависит'),
    INTERNAL_ERROR: (p) => `Неожиданная ошибка в gigadoctor${opt(p.message, ': ')}`,
    'INTERNAL_ERROR.report':
      'Это ошибка gigadoctor, а не вашей настройки: сообщите о ней, приложив вывод gigadoctor check --json (секреты из него вырезаны)',
    'INTERNAL_ERROR.verbose': 'Запустите с --verbose, чтобы увидеть подробности',
    DEADLINE_EXCEEDED: (p) => `Прогон упёрся в общий лимит времени${opt(p.deadline, ' (', ')')}, проверка не успела завершиться; ${p.retry}`,
    'DEADLINE_EXCEEDED.slow': 'Найдите медленный шаг с --verbose; в медленной сети увеличьте --timeout (мс на шаг)',
  },
} satisfies Phrases;
