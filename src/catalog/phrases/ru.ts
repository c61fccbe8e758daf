// Русские фразы: слова каждого совета из src/catalog/remedies/, по одной записи на сообщение.
import { firstAddress, inUnits, localDate, opt, serverWords, spanIn, str, truncate } from './format.js';
import type { phrases as english } from './en.js';
import type { Phrase, Phrases } from './types.js';

const dated = (v: unknown): string => localDate(v, { months: ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'], yearSuffix: ' г.' });

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
  code: 'Код проекта',
  python: 'Ваш Python',
};

const SOURCE: Record<string, string> = { env: 'окружение', flag: 'флаг командной строки', default: 'значение по умолчанию' };
const BODY: Record<string, string> = { html: 'HTML-страница', json: 'JSON', text: 'текст', empty: 'пустое тело' };
const KIND_NOTE: Record<string, string> = { password: ' (вход по логину и паролю)', accessToken: ' (готовый токен доступа)' };
const SHAPE: Record<string, string> = { accessToken: 'токен доступа', password: 'логин и пароль' };
const PLACE: Record<string, string> = { leading: 'в начале', trailing: 'в конце', inside: 'внутри значения' };
const PROXY_REASON: Record<string, string> = {
  'no-scheme': 'нет схемы (http://), а undici в Node без неё не работает',
  'unsupported-scheme': 'gigadoctor умеет проверять только прокси http:// и https:// (CONNECT)',
};
const CA_FILE_REASON: Record<string, string> = {
  'missing': 'файла нет',
  'unreadable': 'файл не читается',
  'not-pem': 'это не PEM-сертификат (нет строки -----BEGIN CERTIFICATE-----)',
  'der': 'он в двоичном формате DER, а Node нужен PEM',
  'private-key': 'в нём закрытый ключ, а не сертификат',
  'double-base64': 'PEM-текст закодирован в Base64 ещё раз',
  'empty': 'файл пустой',
  'too-large': 'файл слишком большой для CA-сертификата',
};
const CLIENT_CERT_REASON: Record<string, string> = {
  'cert-not-set': 'задан GIGACHAT_KEY_FILE, но не задан GIGACHAT_CERT_FILE',
  'missing': 'файла нет',
  'unreadable': 'файл не читается',
  'too-large': 'файл слишком большой для сертификата или ключа',
  'der': 'он в двоичном формате DER, а нужен PEM',
  'not-pem': 'это не PEM (нет строки -----BEGIN)',
  'no-key': 'нет закрытого ключа: GIGACHAT_KEY_FILE не задан, а в файле сертификата ключа нет',
  'passphrase-missing': 'ключ зашифрован, а GIGACHAT_KEY_FILE_PASSWORD не задан',
  'bad-passphrase': 'GIGACHAT_KEY_FILE_PASSWORD не расшифровывает ключ',
  'key-mismatch': 'ключ не от этого сертификата',
};
const WHO: Record<string, string> = { individuals: 'физлица', prepaid: 'ИП и юрлица, предоплаченные пакеты', postpaid: 'ИП и юрлица, постоплата' };
const CLOCK: Record<string, string> = { off: 'расходятся с сервером', behind: 'отстают', ahead: 'спешат' };

const SECRET_KIND: Record<string, string> = { 'authorization-key': 'ключ авторизации', 'access-token': 'токен доступа', 'client-secret': 'Client Secret' };
const SCAN_LIMIT: Record<string, string> = { 'file-limit': 'пределе числа файлов', 'entry-limit': 'пределе числа записей в папках', 'time-limit': 'пределе времени' };

/** Чем неверен адрес, записанный в коде. */
function wrongUrl(p: { reason: string; host: string; port: number }): string {
  const why: Record<string, string> = {
    'known-wrong-host': `${p.host} — не адрес API GigaChat`,
    'not-https': 'http:// вместо https://',
    'auth-port': `адрес OAuth без порта ${p.port}`,
    'auth-path': 'адрес OAuth с неверным путём',
    'api-path': 'адрес API с неверным путём',
  };
  return why[p.reason] ?? 'неверный адрес';
}

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
    ACCESS_TOKEN_UNAVAILABLE: 'Нет токена доступа',
    CODE_NOT_A_PROJECT: 'Не папка проекта',
    CODE_OK: 'В коде ошибок нет',
    CODE_WRONG_URL: 'Неверный адрес GigaChat в коде',
    CODE_TLS_VERIFY_OFF: 'Проверка сертификата отключена в коде',
    CODE_UNOFFICIAL_VARIABLE: 'Код читает переменную, которую не читает ни один SDK',
    CODE_MODEL_RETIRED: 'Выводимая из работы модель в коде',
    CODE_MODEL_MISSPELLED: 'Опечатка в имени модели',
    CODE_SECRET_COMMITTED: 'Секрет в git',
    CODE_SECRET_IN_FILE: 'Секрет записан в файле',
    CODE_SDK_KNOWN_ISSUE: 'Версия SDK с известной проблемой',
    CODE_SDK_PROXY_DIFFERS: 'SDK для npm идёт другим путём',
    CODE_SCAN_PARTIAL: 'Просмотр остановлен раньше',
    PYTHON_NOT_A_PROJECT: 'Здесь нет приложения на Python',
    PYTHON_TLS_OK: 'Python доверяет GigaChat',
    PYTHON_TLS_DIVERGES: 'Node и Python расходятся',
    PYTHON_TLS_FAILED: 'Python не доверяет GigaChat',
    PYTHON_NETWORK_FAILED: 'Python не достаёт до GigaChat',
    PYTHON_PROBE_FAILED: 'Проба Python не выполнилась',
    PYTHON_SDK_MISSING: 'SDK GigaChat не установлен',
    PYTHON_VERIFY_DISABLED: 'Python SDK не будет проверять сертификат',
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
    MODELS_OK: 'Список моделей получен',
    API_TOKEN_REJECTED: 'API отклонил токен',
    API_TOKEN_EXPIRED: 'Токен истёк',
    API_FORBIDDEN: 'Доступ к API запрещён (403)',
    API_NOT_FOUND: 'URL API не найден (404)',
    API_REDIRECT: 'URL API перенаправляет',
    API_RATE_LIMITED: 'Слишком много запросов к API',
    API_SERVER_ERROR: 'Ошибка сервера API',
    API_TIMEOUT: 'API не ответил',
    API_BAD_RESPONSE: 'Странный ответ API',
    MODEL_NOT_AVAILABLE: 'Модель недоступна',
    MODEL_NOT_FOR_CHAT: 'Модель не для чата',
    MODEL_DEPRECATED: 'Модель первого поколения',
    CHAT_OK: 'Чат работает',
    CHAT_PAYMENT_REQUIRED: 'Токены закончились (402)',
    CHAT_MODEL_NOT_FOUND: 'Нет такой модели',
    CHAT_INVALID_REQUEST: 'Запрос к чату отклонён',
    CHAT_RATE_LIMITED: 'Слишком много запросов к чату',
    CHAT_SERVER_ERROR: 'Ошибка сервера чата',
    CHAT_TIMEOUT: 'Чат не ответил',
    CHAT_BAD_RESPONSE: 'Странный ответ чата',
    CHAT_TOKEN_REJECTED: 'Чат отклонил токен',
    CHAT_REFUSED: 'Модель не ответила',
    CREDENTIALS_FOUND: 'Учётные данные найдены',
    CREDENTIALS_MISSING: 'Нет учётных данных',
    CREDENTIALS_UNOFFICIAL_NAME: 'Неофициальное имя переменной',
    CREDENTIALS_SHADOWED: 'Окружение перекрывает .env',
    ENV_FILE_UNREADABLE: 'Файл .env не читается',
    CREDENTIALS_OK: 'Формат ключа в порядке',
    CREDENTIALS_EMPTY: 'Ключ пустой',
    CREDENTIALS_PLACEHOLDER: 'Заглушка вместо ключа',
    CREDENTIALS_BEARER_PREFIX: 'Префикс «Bearer » в значении',
    CREDENTIALS_BASIC_PREFIX: 'Префикс «Basic » в значении',
    CREDENTIALS_QUOTED: 'Кавычки в значении',
    CREDENTIALS_WHITESPACE: 'Пробелы в значении',
    CREDENTIALS_FOREIGN_CHARACTERS: 'Посторонние символы в ключе',
    CREDENTIALS_IS_ACCESS_TOKEN: 'Токен доступа вместо ключа',
    CREDENTIALS_RAW_PAIR: 'ClientID:ClientSecret не закодированы',
    CREDENTIALS_SECRET_ONLY: 'Только Client Secret или ID',
    CREDENTIALS_NOT_BASE64: 'Ключ не в Base64',
    CREDENTIALS_UNEXPECTED_CONTENT: 'Ключ раскодируется во что-то не то',
    CREDENTIALS_TRUNCATED: 'Ключ обрезан',
    ACCESS_TOKEN_IS_KEY: 'Ключ вместо токена',
    ACCESS_TOKEN_MALFORMED: 'Токен доступа повреждён',
    SCOPE_INVALID: 'Неверный scope',
    MODEL_NAME_SUSPICIOUS: 'Незнакомое имя модели',
    ENDPOINTS_OFFICIAL: 'Официальные адреса',
    ENDPOINT_CUSTOM_HOST: 'Неофициальный хост',
    ENDPOINT_KNOWN_WRONG: 'Заведомо неверный адрес',
    ENDPOINT_NOT_HTTPS: 'Нешифрованный http',
    ENDPOINT_BAD_PATH: 'Неверный путь в URL',
    ENDPOINT_INVALID_URL: 'Некорректный URL',
    ENDPOINT_MODEL_HOST: 'Модели нет на этом хосте',
    DNS_OK: 'Имена разрешаются',
    DNS_NOT_FOUND: 'Хост не найден',
    DNS_TIMEOUT: 'Таймаут DNS',
    TCP_OK: 'TCP-соединение есть',
    TCP_REFUSED: 'Соединение отклонено',
    TCP_TIMEOUT: 'Таймаут соединения',
    TCP_UNREACHABLE: 'Сеть недоступна',
    CONNECTION_RESET: 'Соединение сброшено',
    PROXY_UNREACHABLE: 'Прокси недоступен',
    PROXY_AUTH_REQUIRED: 'Прокси требует логин',
    PROXY_CONNECT_REFUSED: 'Прокси не открыл туннель',
    PROXY_BAD_GATEWAY: 'Прокси не достучался до хоста',
    PROXY_TIMEOUT: 'Таймаут прокси',
    PROXY_INVALID_URL: 'Настройка прокси непригодна',
    TLS_OK: 'Сертификат проверен',
    TLS_UNTRUSTED_ROOT: 'Нет корневого сертификата Минцифры',
    TLS_INTERCEPTED: 'TLS перехватывается',
    TLS_HOSTNAME_MISMATCH: 'Сертификат на другое имя',
    TLS_EXPIRED: 'Сертификат просрочен',
    TLS_NOT_YET_VALID: 'Сертификат ещё не действует',
    TLS_TIMEOUT: 'Таймаут TLS-рукопожатия',
    TLS_HANDSHAKE_FAILED: 'Ошибка TLS-рукопожатия',
    TLS_CLIENT_CERT_REQUIRED: 'Нужен клиентский сертификат',
    TLS_CLIENT_CERT_REJECTED: 'Клиентский сертификат отклонён',
    TLS_SUB_CA_EXPIRING: 'Скоро истекает Sub CA',
    TLS_VERIFICATION_DISABLED: 'Проверка TLS отключена',
    CA_FILE_INVALID: 'CA-файл непригоден',
    CLIENT_CERT_INVALID: 'Клиентский сертификат непригоден',
    NODE_EXTRA_CA_CERTS_IN_ENV_FILE: 'NODE_EXTRA_CA_CERTS только в .env',
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
    'step.timeout': (p) => `В медленной сети увеличьте таймаут шага: ${p.run} (GIGACHAT_TIMEOUT в SDK задаётся в секундах)`,
    'step.report': (p) => `Если не проходит, пришлите отчёт ${p.run} (секреты из него вырезаны)`,
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
      `${p.minutes !== undefined ? `; действует ${p.minutes} мин` : ''}${opt(dated(p.until), ', до ')}`,
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
    'INTERNAL_ERROR.report': (p) =>
      `Это ошибка gigadoctor, а не вашей настройки: сообщите о ней, приложив вывод ${p.run} (секреты из него вырезаны)`,
    'INTERNAL_ERROR.verbose': 'Запустите с --verbose, чтобы увидеть подробности',
    DEADLINE_EXCEEDED: (p) => `Прогон упёрся в общий лимит времени${opt(p.deadline, ' (', ')')}, проверка не успела завершиться; ${p.retry}`,
    'DEADLINE_EXCEEDED.slow': 'Найдите медленный шаг с --verbose; в медленной сети увеличьте --timeout (мс на шаг)',

    // --- модели и чат ---
    MODELS_OK: (p) => `${p.count ? `Доступно моделей: ${p.count}` : 'Список моделей получен'}${opt(p.model, '; ', ' в нём есть')}`,
    API_TOKEN_REJECTED: (p) => `API отклонил токен доступа${p.fromVariable ? ' из GIGACHAT_ACCESS_TOKEN' : ''}${opt(p.said, ': ')}`,
    'API_TOKEN_REJECTED.damaged': 'Токен повреждён или выдан не для этого API: вставьте его целиком, без «Bearer » и кавычек',
    'API_TOKEN_REJECTED.asIssued':
      'Передавайте токен ровно таким, каким его выдал сервер авторизации, после «Authorization: Bearer » — без кавычек, переносов строк и не ключ авторизации',
    'API_TOKEN_REJECTED.sameInstall': (p) =>
      `Проверьте, что токен получен от сервера авторизации той же инсталляции, что и API (официальные: ${p.auth} и ${p.api})`,
    'API_TOKEN_REJECTED.twoInstalls': (p) =>
      `Только что выданный токен отклонён: похоже, URL авторизации и URL API относятся к разным инсталляциям — проверьте GIGACHAT_AUTH_URL и GIGACHAT_BASE_URL (официальные: ${p.auth} и ${p.api})`,
    'API_TOKEN_REJECTED.proxy': 'Проверьте, не вырезает и не подменяет ли прокси заголовок Authorization (HTTPS_PROXY, NO_PROXY)',
    API_TOKEN_EXPIRED: (p) => `Срок токена доступа истёк${opt(p.said, ' (', ')')}${p.fromVariable ? ': в GIGACHAT_ACCESS_TOKEN старый токен' : ''}`,
    'API_TOKEN_EXPIRED.new': 'Токен живёт 30 минут — нужен новый',
    'API_TOKEN_EXPIRED.refresh':
      'Токен живёт 30 минут: приложение должно получать новый до expires_at; официальные SDK делают это сами, если у них есть ключ',
    'API_TOKEN_EXPIRED.clockIfFresh': (p) => `Если только что выданный токен уже считается истёкшим, проверьте часы этой машины: ${p.sync}`,
    'API_TOKEN_EXPIRED.clock': (p) => `Только что выданный токен считается истёкшим: проверьте часы этой машины — ${p.sync}`,
    'API_TOKEN_EXPIRED.early': 'В своём коде запрашивайте новый токен до expires_at (SDK делают это за 60 с), а не после 401',
    API_FORBIDDEN: (p) => `HTTP 403 от ${str(p.url, 'API')}${opt(p.message, ' «', '»')}: токен действителен, но проекту этот метод недоступен`,
    'API_FORBIDDEN.tariff': (p) => `Проверьте в Studio (${p.studio}), что это проект GigaChat API с активным тарифом или пакетом`,
    'API_FORBIDDEN.scope': (p) => `Проверьте, что GIGACHAT_SCOPE соответствует проекту: ${p.scopes}`,
    'API_FORBIDDEN.proxy': 'Если 403 отвечает промежуточный прокси, исключите хосты GigaChat через NO_PROXY или обратитесь к администраторам',
    API_NOT_FOUND: (p) => `HTTP 404 от ${str(p.url, 'API')}${opt(p.body, ' (', ')')}: неверный базовый URL API`,
    'API_NOT_FOUND.official': (p) => `Укажите официальный базовый URL: ${p.set} (или ${p.alt})`,
    'API_NOT_FOUND.paths': (p) =>
      `Базовый URL заканчивается на /api/v1 у ${p.host} и на /v1 у ${p.newHost}; /models и /chat/completions SDK дописывает сам`,
    API_REDIRECT: (p) =>
      `${str(p.url, 'URL API')} перенаправляет${opt(p.status, ' (HTTP ', ')')}${opt(p.location, ' на ')}; gigadoctor не стал отправлять туда токен`,
    API_RATE_LIMITED: (p) => `Слишком много запросов к API (HTTP 429)${p.seconds !== undefined ? `; повторить через ${p.seconds} с` : ''}; ${p.retry}`,
    'API_RATE_LIMITED.concurrency':
      'У физлиц 1 одновременный запрос, у юрлиц по умолчанию 10: остановите другие клиенты с тем же ключом или выстройте запросы в очередь',
    API_SERVER_ERROR: (p) => `Сбой API${opt(p.status, ': HTTP ')}${opt(p.body, ' (', ')')}; ${p.retry}`,
    API_TIMEOUT: (p) => `${str(p.url, 'API')} не ответил${opt(p.within, ' за ')}; ${p.retry}`,
    'API_TIMEOUT.proxy': 'Если в сети нужен прокси, проверьте HTTPS_PROXY и NO_PROXY',
    API_BAD_RESPONSE: (p) => `Неожиданный ответ от ${str(p.url, 'API')}${opt(p.status, ' (HTTP ', ')')}: ${p.reason}`,
    'API_BAD_RESPONSE.url': (p) =>
      `Убедитесь, что GIGACHAT_BASE_URL равен ${p.url} (или ${p.alt}) и что ответ не подменяет прокси или captive portal`,
    MODEL_NOT_AVAILABLE: (p) =>
      `Модели ${opt(p.model, '«', '»') || '(не указана)'} нет в списке, который получает этот ключ${opt(p.suggestion, '; возможно, имелась в виду ', '?')}`,
    'MODEL_NOT_AVAILABLE.exact': (p) => `Возьмите id из списка в точности (регистр важен): ${p.set}`,
    'MODEL_NOT_AVAILABLE.list': (p) => `Доступные чат-модели: ${truncate(p.models, 10, (n) => `и ещё ${n}`)}`,
    'model.onlyOn': (p) => `${p.model} есть только на ${p.host}: ${p.set}`,
    MODEL_NOT_FOR_CHAT: (p) => `Модель${opt(p.model, ' ')} есть в списке, но её тип — ${str(p.type, 'не чат')}: запросы к чату она не принимает`,
    'MODEL_NOT_FOR_CHAT.chatModel': (p) => `Для чата укажите чат-модель: ${p.set}`,
    'MODEL_NOT_FOR_CHAT.elsewhere': (p) => `Используйте${opt(p.model, ' ')} там, где обслуживается её тип (модели эмбеддингов — через POST /embeddings)`,
    MODEL_DEPRECATED: (p) => `Модель${opt(p.model, ' ')} относится к первому поколению, которое отключают${opt(p.suggestion, '; используйте ')}`,
    'MODEL_DEPRECATED.switch': (p) => `Перейдите на модель второго поколения: ${p.set}`,
    'MODEL_DEPRECATED.generation': (p) => `Второе поколение: ${p.models}; поменяйте имя и там, где оно зашито в коде`,
    CHAT_OK: (p) => `Модель${opt(p.model, ' ')} ответила${opt(p.version, ' (', ')')}${opt(p.tokens, ', потрачено токенов: ')}`,
    CHAT_PAYMENT_REQUIRED: (p) => `HTTP 402: закончились токены для ${str(p.model, 'этой модели')}${opt(p.message, ' («', '»)')}`,
    'CHAT_PAYMENT_REQUIRED.topUp': (p) => `Пополните баланс: купите пакет токенов для ${str(p.model, 'модели')} в Studio (${p.studio}) → ваш проект`,
    'CHAT_PAYMENT_REQUIRED.switch': (p) => `Или переключитесь на модель, по которой токены ещё есть: ${p.set}`,
    'CHAT_PAYMENT_REQUIRED.balance': 'В предоплаченных проектах остаток виден через GET /balance',
    CHAT_MODEL_NOT_FOUND: (p) => `API не знает модель ${opt(p.model, '«', '»') || '(не указана)'}${opt(p.said, ' (', ')')}`,
    'CHAT_MODEL_NOT_FOUND.exact': (p) => `Возьмите id из GET /models в точности, регистр важен: ${p.set}`,
    'CHAT_MODEL_NOT_FOUND.onlyOn': (p) => `${p.model} есть только на ${p.host}: ${p.set}`,
    'CHAT_MODEL_NOT_FOUND.list': (p) => `Проверка «${p.check}» показывает id, доступные вашему ключу`,
    CHAT_INVALID_REQUEST: (p) => `Запрос к чату отклонён${opt(p.said, ': ')}${opt(p.model, ' (модель ', ')')}`,
    'CHAT_INVALID_REQUEST.chatModel': (p) =>
      `gigadoctor шлёт минимальный запрос, так что проверьте, что ${p.model} — чат-модель (type «chat» в GET /models), а не, например, Embeddings`,
    CHAT_RATE_LIMITED: (p) => `Слишком много одновременных запросов (HTTP 429)${p.seconds !== undefined ? `; повторить через ${p.seconds} с` : ''}; ${p.retry}`,
    'CHAT_RATE_LIMITED.concurrency':
      'У физлиц 1 одновременный запрос (поток), у юрлиц по умолчанию 10: на время проверки остановите другие клиенты с тем же ключом',
    CHAT_SERVER_ERROR: (p) => `Сбой при генерации${opt(p.status, ': HTTP ')}${opt(p.body, ' (', ')')}; ${p.retry}`,
    CHAT_TIMEOUT: (p) => `${str(p.url, 'Чат')} не ответил${opt(p.within, ' за ')}; ${p.retry}`,
    'CHAT_TIMEOUT.again': 'Запустите ещё раз: под нагрузкой генерация бывает медленной',
    CHAT_BAD_RESPONSE: (p) => `Неожиданный ответ от ${str(p.url, 'чата')}${opt(p.status, ' (HTTP ', ')')}: ${p.reason}`,
    'CHAT_BAD_RESPONSE.proxy': 'Убедитесь, что ответ не подменяет прокси или шлюз (HTTPS_PROXY, NO_PROXY)',
    CHAT_TOKEN_REJECTED: (p) => `Чат отклонил токен${opt(p.said, ': ')}, хотя список моделей с ним получен`,
    'CHAT_TOKEN_REJECTED.again': 'Запустите ещё раз: если токен истёк между двумя запросами, ответ будет таким же',
    'CHAT_TOKEN_REJECTED.access': (p) =>
      `Если повторяется, у проекта может не быть доступа к чату на этом хосте: проверьте GIGACHAT_BASE_URL и тариф проекта в Studio (${p.studio})`,
    CHAT_REFUSED: (p) => `Модель${opt(p.model, ' ')} завершила ответ с finish_reason ${opt(p.reason, '«', '»') || '(неизвестно)'} вместо текста`,
    'CHAT_REFUSED.filter': 'Ответ заблокировал тематический фильтр; запрос gigadoctor нейтральный, так что запустите ещё раз',
    'CHAT_REFUSED.failed': 'Модель не смогла сгенерировать ответ: повторите позже',

    // --- учётные данные и формат ---
    'placeholder.password': '<пароль>',
    'placeholder.user': '<логин>',
    'placeholder.scope': '<ваш scope>',
    'placeholder.path': '<путь>',
    'placeholder.appFolder': '<папка приложения>',
    'placeholder.value': '<нужное значение>',
    'fix.fileLine': (p) => `Исправьте строку ${p.file}, чтобы было ${p.name}=${p.value} (без кавычек и пробелов)`,
    'fix.setAgain': (p) => `Задайте значение заново там, откуда запускается приложение: ${p.set}`,
    'step.studio': (p) =>
      `Ключ берётся в GigaChat Studio (${p.studio}) → проект GigaChat API → «Настройки API» → «Получить ключ»: ` +
      `скопируйте Authorization key — ключ авторизации (Base64 от ClientID:ClientSecret, около 100 символов, в конце «==»). ` +
      `Ключ показывается один раз; если он не сохранился, сгенерируйте новый`,
    CREDENTIALS_FOUND: (p) =>
      `Используется ${p.variable}${p.at}${KIND_NOTE[p.kind] ?? ''}${opt(p.length, ', ', ' симв.')}${opt(p.fingerprint, ', отпечаток ')}`,
    CREDENTIALS_MISSING: (p) =>
      `Учётные данные не найдены: ни GIGACHAT_CREDENTIALS, ни GIGACHAT_ACCESS_TOKEN, ни GIGACHAT_USER/GIGACHAT_PASSWORD не заданы в окружении` +
      (p.file ? ` и в ${p.file}` : ' (файл .env не читался)') +
      (p.empty.length ? `; заданы, но пусты: ${p.empty.join(', ')}` : ''),
    'CREDENTIALS_MISSING.set': (p) => `Задайте его: ${p.set} — или добавьте в ${p.file} строку GIGACHAT_CREDENTIALS=${p.key} (без слова «Basic»)`,
    'CREDENTIALS_MISSING.token':
      'Если есть только готовый токен доступа (живёт 30 минут), положите его в GIGACHAT_ACCESS_TOKEN; с GIGACHAT_CREDENTIALS SDK обновляет токены сам',
    'CREDENTIALS_MISSING.unofficial': (p) => `Официальные SDK не читают ${p.names}: используйте GIGACHAT_CREDENTIALS`,
    CREDENTIALS_UNOFFICIAL_NAME: (p) =>
      p.inUse
        ? `${p.variable || 'Неофициальная переменная'}${p.at} не используется: задана и ${p.inUse}, берётся она; ${p.variable || 'это имя'} официальные SDK не читают`
        : `Ключ лежит в ${p.variable || 'неофициальной переменной'}${p.at}, а официальные SDK её не читают — они читают ${p.official}`,
    'CREDENTIALS_UNOFFICIAL_NAME.removeIgnored': (p) =>
      `Убедитесь, что в ${p.inUse} нужный ключ, и уберите ${p.name}, чтобы её не приняли за используемую: ` +
      (p.file ? `удалите её строку в ${p.file}` : p.unset),
    'CREDENTIALS_UNOFFICIAL_NAME.rename': (p) => `В ${p.file} переименуйте переменную ${p.name} в ${p.official}, значение оставьте`,
    'CREDENTIALS_UNOFFICIAL_NAME.set': (p) => `Задайте официальное имя: ${p.set}${p.unset ? `, а старое уберите: ${p.unset}` : ''}`,
    'CREDENTIALS_UNOFFICIAL_NAME.which':
      'Проверьте, что именно лежит в значении: ключ авторизации (Base64, около 100 символов, в конце «==») — в GIGACHAT_CREDENTIALS; ' +
      'готовый токен доступа (около 1200 символов, живёт 30 минут) — в GIGACHAT_ACCESS_TOKEN',
    'CREDENTIALS_UNOFFICIAL_NAME.code': (p) =>
      `Если ваш код сам читает ${p.name || 'это имя'} (например, process.env.${p.name || 'NAME'}), переделайте его на ${p.official}`,
    CREDENTIALS_SHADOWED: (p) => {
      const winner = p.winner === 'env' ? 'окружения' : SOURCE[p.winner] ?? p.winner;
      return `${p.variable} задана и в окружении, и в ${p.file}, причём значения разные; побеждает значение из ${winner} (dotenv его не перезаписывает), строка в .env игнорируется`;
    },
    'CREDENTIALS_SHADOWED.unset': (p) => `Если верное значение в ${p.file}, уберите переменную из окружения: ${p.unset} — и там, где она задаётся ${p.places}`,
    'CREDENTIALS_SHADOWED.windowsPlaces': '(«Свойства системы» → «Переменные среды», $PROFILE в PowerShell, секреты CI, «environment:» в docker-compose)',
    'CREDENTIALS_SHADOWED.unixPlaces': '(~/.bashrc, ~/.zshrc, ~/.profile, секреты CI, «environment:» в docker-compose)',
    'CREDENTIALS_SHADOWED.fixFile': (p) => `Если верно значение из окружения, исправьте или удалите строку ${p.file}, чтобы они не расходились`,
    'CREDENTIALS_SHADOWED.set': (p) => `Или задайте нужное значение явно в shell, из которого запускается приложение: ${p.set}`,
    ENV_FILE_UNREADABLE: (p) => `Не удалось прочитать ${str(p.path, 'файл окружения')}${opt(p.reason, ': ')}; переменные из него не проверены`,
    'ENV_FILE_UNREADABLE.check': (p) => `Проверьте, что ${p.path} существует и доступен текущему пользователю на чтение: ${p.look}`,
    'ENV_FILE_UNREADABLE.point': (p) => `Укажите gigadoctor тот файл, который реально загружает приложение: ${p.file}; или отключите чтение .env: ${p.none}`,
    'ENV_FILE_UNREADABLE.utf8': 'Сохраните файл как текст в UTF-8 (не UTF-16), по одной строке ИМЯ=значение',
    CREDENTIALS_OK: (p) =>
      `${p.variable}: по форме это ${SHAPE[p.kind] ?? 'ключ авторизации'}${opt(p.length, ' (', ' симв.)')}${opt(p.scope, '; scope ')}${opt(p.model, '; модель ')}`,
    CREDENTIALS_EMPTY: (p) => `${p.variable}${p.at} задана, но пуста`,
    'CREDENTIALS_EMPTY.stillSet': 'Пустая переменная всё равно считается заданной: если значение должно браться из другого места, удалите пустую',
    CREDENTIALS_PLACEHOLDER: (p) => `В ${p.variable}${p.at} осталась заглушка ${opt(p.placeholder, '«', '»') || 'из примера'}, а не настоящий ключ`,
    CREDENTIALS_BEARER_PREFIX: (p) =>
      `${p.variable}${p.at} начинается с «Bearer »; в переменной должно быть голое значение — заголовок Authorization SDK собирает сам`,
    'CREDENTIALS_BEARER_PREFIX.delete': 'Удалите из значения слово «Bearer »',
    'CREDENTIALS_BEARER_PREFIX.token':
      '«Bearer» пишут перед токенами доступа: если остаток длиной около 1200 символов, это 30-минутный токен и место ему в GIGACHAT_ACCESS_TOKEN; ' +
      'в GIGACHAT_CREDENTIALS кладётся ключ авторизации из Studio (около 100 символов, в конце «==»)',
    CREDENTIALS_BASIC_PREFIX: (p) => `${p.variable}${p.at} начинается с «Basic »; SDK добавляет это слово сам, и на сервер уйдёт «Basic Basic …»`,
    'CREDENTIALS_BASIC_PREFIX.keyOnly': 'Оставьте только сам ключ, без «Basic »',
    CREDENTIALS_QUOTED: (p) => `Значение ${p.variable}${p.at} обёрнуто в кавычки${opt(p.quote, ' ')}, и они стали частью ключа`,
    'CREDENTIALS_QUOTED.remove': (p) => `Уберите кавычки${opt(p.quote, ' ')} вокруг ключа`,
    'CREDENTIALS_QUOTED.where':
      'Кавычки сохраняются там, где их никто не снимает: docker run --env-file, значения секретов CI и Kubernetes, set ИМЯ="значение" в cmd (пишите set "ИМЯ=значение") — туда кладите значение без кавычек',
    CREDENTIALS_WHITESPACE: (p) => `В ${p.variable}${p.at} есть пробельные или невидимые символы ${PLACE[p.where] ?? 'в значении'}${opt(p.chars, ': ')}`,
    'CREDENTIALS_WHITESPACE.remove': 'Удалите их: ключ — одна строка Base64 без пробелов',
    'CREDENTIALS_WHITESPACE.culprits':
      "Обычные причины: перенос строки, скопированный вместе с ключом; echo, дописавший перевод строки в файл секрета (используйте printf '%s'); " +
      'windows-переводы строк (CRLF) в .env; BOM от «Блокнота» (сохраняйте как UTF-8 без BOM)',
    CREDENTIALS_FOREIGN_CHARACTERS: (p) => `В ${p.variable}${p.at} есть символы, которых не бывает в ключе${opt(p.chars, ': ')}`,
    'CREDENTIALS_FOREIGN_CHARACTERS.ascii':
      'Ключ — это ASCII-Base64 (A–Z, a–z, 0–9, +, /, =). Кириллические двойники (А, В, Е, К, М, Н, О, Р, С, Т, Х) появляются, когда ключ перепечатывают или копируют из документа или скриншота',
    'CREDENTIALS_FOREIGN_CHARACTERS.copy': 'Скопируйте ключ из Studio заново, а не перепечатывайте; если он не сохранился, сгенерируйте новый',
    CREDENTIALS_IS_ACCESS_TOKEN: (p) => `В ${p.variable}${p.at} лежит токен доступа (JWE${opt(p.length, ', ', ' симв.')}), а не ключ авторизации`,
    'CREDENTIALS_IS_ACCESS_TOKEN.key': (p) => `Положите ключ авторизации в GIGACHAT_CREDENTIALS: ${p.set}`,
    'CREDENTIALS_IS_ACCESS_TOKEN.token': (p) =>
      `Если есть только токен, перенесите его в GIGACHAT_ACCESS_TOKEN: ${p.set} — он протухнет через 30 минут, а без ключа его не обновить`,
    CREDENTIALS_RAW_PAIR: (p) => `В ${p.variable}${p.at} лежит ClientID:ClientSecret открытым текстом, а SDK ждут их в Base64`,
    'CREDENTIALS_RAW_PAIR.ready': 'Возьмите готовый Authorization key из Studio: это и есть Base64 от ClientID:ClientSecret',
    'CREDENTIALS_RAW_PAIR.encode': (p) => `Или закодируйте пару сами, один раз: ${p.encode}`,
    CREDENTIALS_SECRET_ONLY: (p) => `В ${p.variable}${p.at} один UUID — это Client Secret или Client ID по отдельности, а не ключ авторизации`,
    'CREDENTIALS_SECRET_ONLY.encode': (p) => `Если у вас есть и Client ID, и Client Secret, закодируйте их вместе: ${p.encode}`,
    CREDENTIALS_NOT_BASE64: (p) =>
      `${p.variable}${p.at} — некорректный Base64${opt(p.position, ': первый недопустимый символ на позиции ')}${p.hasPosition ? opt(p.length, ' из ') : opt(p.length, ' (', ' симв.)')}`,
    'CREDENTIALS_NOT_BASE64.alphabet':
      'В ключе только A–Z, a–z, 0–9, +, / и «=» в конце; обычно виноваты обрезанная копия, лишний символ с переноса строки или URL-кодирование (%3D вместо =)',
    'CREDENTIALS_NOT_BASE64.copy': 'Скопируйте ключ из Studio заново целиком или сгенерируйте новый',
    CREDENTIALS_UNEXPECTED_CONTENT: (p) =>
      p.twice
        ? `${p.variable}${p.at} закодирован в Base64 дважды: после одного декодирования это снова Base64, а не ClientID:ClientSecret`
        : `${p.variable}${p.at} — корректный Base64${opt(p.length, ' (', ' симв.)')}, но раскодируется не в ClientID:ClientSecret (два UUID)${opt(p.decoded, '; получается ', ' байт')}`,
    'CREDENTIALS_UNEXPECTED_CONTENT.once':
      'Не кодируйте ключ повторно: Authorization key из Studio уже в Base64 и кладётся в переменную как есть (двойное кодирование — частая ошибка)',
    'CREDENTIALS_UNEXPECTED_CONTENT.project': 'Убедитесь, что это ключ вашего проекта GigaChat API, а не ключ или токен другого сервиса',
    CREDENTIALS_TRUNCATED: (p) =>
      `${p.variable}${p.at} обрезан${opt(p.length, ': ', ' симв.')}${opt(p.expected, ' из ')}; ` +
      `он раскодируется в начало ClientID:ClientSecret и обрывается ${p.inSecret ? 'внутри Client Secret' : 'внутри Client ID'}`,
    'CREDENTIALS_TRUNCATED.whole':
      'Скопируйте ключ из Studio заново целиком (он заканчивается на «==»): выделение, оборванное на краю окна или на переносе строки, теряет конец; если ключа больше нет, сгенерируйте новый',
    ACCESS_TOKEN_IS_KEY: (p) => `В ${p.variable}${p.at} лежит ключ авторизации (Base64 от ClientID:ClientSecret), а не токен доступа`,
    'ACCESS_TOKEN_IS_KEY.move': (p) => `Перенесите значение в GIGACHAT_CREDENTIALS: ${p.set}`,
    'ACCESS_TOKEN_IS_KEY.remove': (p) =>
      `Уберите ${p.name}: ${p.unset}${opt(p.line, ' и строку ')}; SDK сам обменяет ключ на токен и будет обновлять его каждые 30 минут`,
    ACCESS_TOKEN_MALFORMED: (p) =>
      `${p.variable}${p.at} не похож на токен доступа${opt(p.segments, ': частей через точку — ', ', а у токена их 5')}${opt(p.length, ', длина ', ' симв.')}`,
    'ACCESS_TOKEN_MALFORMED.whole': 'Вставьте токен целиком, без «Bearer », кавычек и переносов строк',
    SCOPE_INVALID: (p) => `Scope ${opt(p.scope, '«', '»') || '(пусто)'}${p.at} недопустим${opt(p.suggestion, '; возможно, имелся в виду ', '?')}`,
    'SCOPE_INVALID.set': (p) => `Укажите scope, который показан в вашем проекте в Studio: ${p.set}`,
    'SCOPE_INVALID.valid': (p) => `Допустимые значения: ${p.scopes}`,
    'SCOPE_INVALID.fileLine': (p) => `Или исправьте строку ${p.file}: ${p.line}`,
    MODEL_NAME_SUSPICIOUS: (p) =>
      `Имя модели ${opt(p.model, '«', '»') || '(пусто)'}${p.at} не похоже ни на одну известную модель GigaChat${opt(p.suggestion, '; возможно, имелась в виду ', '?')}`,
    'MODEL_NAME_SUSPICIOUS.case': (p) => `Имена моделей чувствительны к регистру: ${p.models} (для превью-моделей добавьте «-preview»)`,
    'MODEL_NAME_SUSPICIOUS.set': (p) => `Укажите модель: ${p.set}`,
    'MODEL_NAME_SUSPICIOUS.list': (p) => `Проверка «${p.check}» показывает список, который ваш ключ реально получает из GET /models`,

    // --- адреса, dns, tcp, прокси ---
    'placeholder.proxyHost': '<хост-прокси>',
    ENDPOINTS_OFFICIAL: (p) => `Официальные адреса: авторизация ${p.auth}, API ${p.api}`,
    ENDPOINT_CUSTOM_HOST: (p) =>
      `${p.setting} указывает на ${str(p.host, 'сторонний хост')} — это не официальный хост GigaChat, и туда уйдёт ${p.auth ? 'ключ авторизации' : 'токен доступа'}`,
    'ENDPOINT_CUSTOM_HOST.remove': (p) =>
      `Если ${str(p.host, 'этот хост')} — не ваш собственный доверенный шлюз, уберите настройку, чтобы действовало значение SDK по умолчанию: ${p.unset}`,
    'ENDPOINT_CUSTOM_HOST.deleteLine': (p) =>
      `Если ${str(p.host, 'этот хост')} — не ваш собственный доверенный шлюз, удалите строку ${p.name}=… в ${p.file}, чтобы действовало значение SDK по умолчанию`,
    'endpoint.official': (p) => `Официальные адреса: авторизация ${p.auth}; API ${p.api} или ${p.alt}`,
    'ENDPOINT_CUSTOM_HOST.leaked': 'Если ключ уже уходил на чужой хост, считайте его скомпрометированным: сгенерируйте новый в Studio',
    ENDPOINT_KNOWN_WRONG: (p) =>
      `${p.setting} указывает на ${str(p.host, 'заведомо неверный хост')} — неверный адрес из устаревших инструкций, это не GigaChat; gigadoctor туда ничего не отправлял`,
    'ENDPOINT_KNOWN_WRONG.set': (p) => `Укажите официальный URL: ${p.set} — или уберите ${p.name}, значение SDK по умолчанию верное`,
    'ENDPOINT_KNOWN_WRONG.hardCoded': 'Исправьте адрес и там, где он зашит (конфиги, код, скопированный из той же инструкции)',
    'ENDPOINT_KNOWN_WRONG.leaked': 'Если приложение уже отправляло туда ключ, сгенерируйте новый в Studio: старый мог утечь',
    ENDPOINT_NOT_HTTPS: (p) =>
      `${p.setting} использует http без шифрования${opt(p.url, ' (', ')')}: ${p.auth ? 'ключ авторизации' : 'токен доступа'} ушёл бы открытым текстом; gigadoctor его не отправлял`,
    'ENDPOINT_NOT_HTTPS.https': (p) => `Используйте https: ${p.set}`,
    ENDPOINT_BAD_PATH: (p) =>
      `В ${p.setting} путь ${opt(p.path, '«', '»') || '(пусто)'} вместо ${opt(p.expected, '«', '»') || 'ожидаемого'}${opt(p.url, ' (', ')')}`,
    'ENDPOINT_BAD_PATH.full': (p) => `Укажите полный URL: ${p.set}`,
    'ENDPOINT_BAD_PATH.bareHost': (p) => `На запрос токена к голому хосту (без ${p.path}) сервер отвечает 403 Forbidden`,
    'ENDPOINT_BAD_PATH.apiPath': (p) =>
      `SDK сам дописывает к базовому URL /models и /chat/completions; без /api/v1 (или /v1 на ${p.newHost}) API отвечает 404`,
    ENDPOINT_INVALID_URL: (p) => `${p.setting} — некорректный URL${opt(p.value, ': «', '»')}`,
    'ENDPOINT_INVALID_URL.set': (p) => `Укажите полный https-адрес: ${p.set}`,
    'ENDPOINT_INVALID_URL.remove': (p) => `Или уберите ${p.name} (${p.unset}): по умолчанию SDK использует официальный адрес`,
    ENDPOINT_MODEL_HOST: (p) =>
      `Модель ${str(p.model, '(не указана)')} не обслуживается на ${str(p.host, 'настроенном хосте API')}${opt(p.suggestion, '; она доступна на ')}`,
    'ENDPOINT_MODEL_HOST.switch': (p) => `Переключите API на этот адрес: ${p.set}`,
    'ENDPOINT_MODEL_HOST.otherModel': (p) => `Или оставьте ${str(p.host, 'текущий хост')} и выберите модель, которая там есть: ${p.set}`,
    DNS_OK: (p) => {
      const parts = [p.hosts.length ? `Разрешено: ${p.hosts.join('; ')}` : 'Все имена разрешаются'];
      if (p.byProxy) parts.push(`${p.byProxy} разрешает прокси`);
      if (p.direct.length) parts.push(p.direct.join('; '));
      return parts.join('; ');
    },
    'DNS_OK.host': (p) => `${p.proxy ? 'прокси ' : ''}${p.host}${firstAddress(p)}${opt(p.took, ' за ')}`,
    'DNS_OK.direct': (p) => `${p.host} идёт мимо прокси (запись NO_PROXY ${p.entry})`,
    DNS_NOT_FOUND: (p) => `Имя ${str(p.host, 'хоста')} не разрешается (такого хоста нет)${opt(p.url, ' — из ')}`,
    'DNS_NOT_FOUND.spelling': (p) => `Проверьте написание хоста в URL; официальные хосты: ${p.auth} (авторизация), ${p.api} (API)`,
    'DNS_NOT_FOUND.resolver': (p) =>
      `Проверьте системным резолвером: nslookup ${p.host}; если и он не находит, DNS этой сети (или VPN) не знает имя — попробуйте другой DNS-сервер или обратитесь к администраторам`,
    'DNS_NOT_FOUND.proxy': (p) => `Если в интернет можно выйти только через прокси, задайте его — тогда имена разрешает прокси: ${p.set}`,
    'DNS_NOT_FOUND.docker': 'В Docker проверьте DNS контейнера (docker run --dns, /etc/resolv.conf внутри контейнера)',
    DNS_TIMEOUT: (p) => `DNS-запрос для ${str(p.host, 'хоста')}${opt(p.proxy, ' (прокси из ', ')')} не уложился${opt(p.after, ' в ')}; ${p.retry}`,
    'DNS_TIMEOUT.works': (p) => `Проверьте, работает ли DNS вообще: nslookup ${p.host}`,
    'DNS_TIMEOUT.vpn': 'Если используется VPN, DNS-over-HTTPS или фильтрующий DNS, попробуйте без него или с другим DNS-сервером',
    TCP_OK: (p) => (p.targets.length ? `Соединение установлено: ${p.targets.join('; ')}` : 'Все хосты принимают соединения'),
    'TCP_OK.target': (p) => `${p.target}${p.proxy ? ` через ${p.proxy}${opt(p.status, ' (CONNECT ', ')')}` : ''}${opt(p.took, ' за ')}`,
    TCP_REFUSED: (p) => `${str(p.target, 'Сервер')} отклоняет соединение${opt(p.url, ' (', ')')}`,
    'TCP_REFUSED.port': (p) => `Проверьте порт в URL: сервер авторизации слушает ${p.port} (${p.url}), API — 443`,
    'TCP_REFUSED.firewall': (p) => `Так же выглядит и файрвол, который отклоняет соединение; проверьте с этой машины: ${p.test}`,
    'TCP_REFUSED.proxy': (p) => `Если исходящий трафик должен идти через прокси, задайте его: ${p.set}`,
    TCP_TIMEOUT: (p) =>
      `${str(p.target, 'Сервер')} не ответил${opt(p.within, ' за ')}` +
      (p.oauthPort !== undefined ? `: порт ${p.oauthPort} часто закрыт корпоративными файрволами и VPN, хотя 443 открыт` : ': соединение, вероятно, режет файрвол или VPN') +
      `; ${p.retry}`,
    'TCP_TIMEOUT.oauthPort': (p) => `Попросите администраторов открыть исходящий TCP на ${p.target} (порт OAuth) или пустите его через корпоративный прокси: ${p.set}`,
    'TCP_TIMEOUT.allow': (p) => `Файрвол/VPN должен пропускать исходящий TCP на ${p.target}; если в сети нужен прокси: ${p.set}`,
    'TCP_TIMEOUT.test': (p) => `Проверьте с этой машины: ${p.test}`,
    TCP_UNREACHABLE: (p) => `${str(p.target, 'Сервер')} недоступен${opt(p.errno, ' (', ')')}: нет маршрута до хоста`,
    'TCP_UNREACHABLE.route': 'Проверьте подключение к сети и VPN: у этой машины нет маршрута до хоста',
    'TCP_UNREACHABLE.proxy': (p) => `Если в интернет можно выйти только через прокси, задайте его: ${p.set}`,
    'tcp.test': (p) => `Проверка: ${p.test}`,
    CONNECTION_RESET: (p) =>
      `Соединение с ${str(p.target, 'сервером')} сброшено${opt(p.url, ' (', ')')}: его закрыло что-то по пути, чаще всего файрвол, DPI или прокси`,
    'CONNECTION_RESET.cut': (p) =>
      `Уточните у администраторов, не рвёт ли файрвол, DPI или прокси соединения с этим хостом; если в сети нужен прокси, задайте его: ${p.set}`,
    'proxy.nodeFetch': (p) =>
      `${p.step}. Приложению на Node.js нужно ещё ${p.set}: без этого встроенный fetch в Node не читает HTTPS_PROXY`,
    'proxy.noProxy': (p) => `Если GigaChat доступен напрямую, исключите его хосты из прокси: ${p.set}`,
    PROXY_UNREACHABLE: (p) =>
      `Прокси ${str(p.proxy, '(из HTTPS_PROXY)')} недоступен${opt(p.errno, ' (', ')')}${p.dns ? ': его имя не разрешается' : ''}${opt(p.target, ', поэтому нет пути к ')}`,
    'PROXY_UNREACHABLE.check': (p) => `Проверьте HTTPS_PROXY / HTTP_PROXY (в любом регистре): хост и порт должны быть верными — ${p.show}`,
    'PROXY_UNREACHABLE.remove': (p) => `Если в этой сети прокси не нужен, уберите его: ${p.unset} (и HTTP_PROXY, https_proxy, http_proxy)`,
    'PROXY_UNREACHABLE.test': (p) => `Проверьте порт прокси: ${p.test}`,
    PROXY_AUTH_REQUIRED: (p) =>
      `Прокси ${str(p.proxy, '(из HTTPS_PROXY)')} ${p.rejected ? 'не принял логин из URL прокси' : 'требует авторизации'}` +
      ` (HTTP 407${opt(p.scheme, ', схема ')})${opt(p.target, ' для CONNECT ')}`,
    'PROXY_AUTH_REQUIRED.localProxy':
      'Если прокси требует Windows-авторизацию (NTLM/Kerberos), поднимите локальный прокси-посредник вроде cntlm или px и укажите его в HTTPS_PROXY',
    'PROXY_AUTH_REQUIRED.checkLogin': (p) =>
      `Проверьте логин и пароль в URL прокси (${p.url}); спецсимволы пароля закодируйте (@ → %40, : → %3A)`,
    'PROXY_AUTH_REQUIRED.addLogin': (p) => `Добавьте логин в URL прокси: ${p.set}; спецсимволы пароля закодируйте (@ → %40, : → %3A)`,
    'PROXY_AUTH_REQUIRED.noProxy': (p) => `Если GigaChat доступен без прокси, исключите его хосты: ${p.set}`,
    PROXY_CONNECT_REFUSED: (p) =>
      p.status
        ? `Прокси ${str(p.proxy, '(из HTTPS_PROXY)')} отказал в CONNECT ${str(p.target, 'к хосту GigaChat')} (HTTP ${p.status}${opt(p.statusText, ' ')})`
        : `${str(p.proxy, 'Прокси')} ${p.closed ? 'закрыл соединение вместо ответа на CONNECT' : 'ответил на CONNECT не как HTTP-прокси'}${opt(p.target, ' (', ')')}`,
    'PROXY_CONNECT_REFUSED.oauthPort': (p) =>
      `Многие прокси разрешают CONNECT только на порт 443 (SSL_ports в Squid по умолчанию): попросите администраторов разрешить CONNECT на ${p.target} — порт OAuth`,
    'PROXY_CONNECT_REFUSED.allow': (p) => `Попросите администраторов разрешить CONNECT на ${str(p.target, 'хосты GigaChat')} через прокси`,
    'PROXY_CONNECT_REFUSED.isHttp': (p) => `Проверьте, что HTTPS_PROXY указывает на HTTP-прокси (хост и порт): ${p.show}`,
    PROXY_BAD_GATEWAY: (p) =>
      `Прокси ${str(p.proxy, '(из HTTPS_PROXY)')} не смог открыть ${str(p.target, 'соединение')} (HTTP ${p.status}${opt(p.statusText, ' ')}); ${p.retry}`,
    'PROXY_BAD_GATEWAY.again': 'Запустите ещё раз через минуту',
    'PROXY_BAD_GATEWAY.proxyCannot': (p) => `Сам прокси не достаёт до ${str(p.target, 'хоста')} (его DNS или файрвол): попросите администраторов открыть доступ`,
    PROXY_TIMEOUT: (p) =>
      `Прокси ${str(p.proxy, '(из HTTPS_PROXY)')} ${p.accepted ? 'принял соединение, но не ответил на CONNECT' : 'не принял соединение'}` +
      `${opt(p.within, ' за ')}; ${p.retry}`,
    'PROXY_TIMEOUT.check': (p) => `Проверьте хост и порт прокси: ${p.show}; проверка: ${p.test}`,
    PROXY_INVALID_URL: (p) => `${p.variable}=${p.value} нельзя использовать: ${PROXY_REASON[p.reason] ?? 'это не URL'}`,
    'PROXY_INVALID_URL.full': (p) => `Запишите полный URL: ${p.set} (с логином: ${p.withLogin})`,
    'PROXY_INVALID_URL.read': (p) =>
      `Node (undici), Python SDK (httpx) и gigadoctor читают HTTPS_PROXY / HTTP_PROXY в любом регистре; что задано сейчас: ${p.show}`,

    // --- tls ---
    'placeholder.keyPassword': '<пароль ключа>',
    sourceName: (p) => SOURCE[p.source] ?? p.source,
    'ca.get': (p) =>
      `Возьмите корневой сертификат: ${p.getRoot} или «Russian Trusted Root CA» с ${p.page}; ` +
      `сверьте отпечаток SHA-256: ${p.sha256}${opt(p.verify, ' (', ')')}`,
    'ca.node': (p) =>
      `Node: переменная должна быть задана до запуска node — ${p.set} — в shell, unit-файле сервиса, Dockerfile (ENV) или CI; ` +
      `чтобы сохранить её для новых терминалов: ${p.persist}; ` +
      `строка в .env, которую читает dotenv, появляется слишком поздно и не действует (в коде: передайте ca в https.Agent — httpsAgent в JS SDK)`,
    'ca.windowsStore': (p) =>
      `Или добавьте его в хранилище Windows (от администратора): certutil -addstore Root ${p.path}; ` +
      `Node читает системное хранилище только с флагом --use-system-ca (свежие версии Node), так что надёжнее NODE_EXTRA_CA_CERTS. ` +
      `Docker: ставьте сертификат внутрь образа (COPY, затем ENV NODE_EXTRA_CA_CERTS=<путь в образе>), а не на хост`,
    'ca.unixStore': (p) =>
      `Или добавьте его в системное хранилище — Debian/Ubuntu: sudo cp ${p.file} /usr/local/share/ca-certificates/${p.crt} && sudo update-ca-certificates; ` +
      `RHEL/Fedora: sudo cp ${p.file} /etc/pki/ca-trust/source/anchors/ && sudo update-ca-trust; ` +
      `macOS: sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${p.file}. ` +
      `Docker: в Dockerfile, а не на хосте — COPY ${p.file} /usr/local/share/ca-certificates/${p.crt}, RUN update-ca-certificates, ` +
      `ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/${p.crt}. Системное хранилище Node читает только с --use-system-ca (свежие версии Node)`,
    'clock.check': (p) => `Сначала проверьте часы этой машины (${p.show}) и синхронизируйте их: ${p.sync}${p.note}`,
    'clock.says': (p) => {
      const span = (s: number) => spanIn(s, { days: 'дн.', h: 'ч', min: 'мин', s: 'с' });
      switch (p.verdict) {
        case 'ok':
          return p.fromServer ? `; заголовок Date сервера совпадает с этими часами (в пределах ${span(p.skew)}), значит, дело в самом сертификате` : '';
        case 'behind':
          if (p.fromServer) return `; по заголовку Date сервера эти часы отстают на ${span(p.skew)}`;
          return p.least !== undefined && p.least > 0 ? ` минимум на ${span(p.least)} (сервер не предъявляет сертификат до его выпуска)` : '';
        case 'ahead':
          return p.fromServer
            ? `; по заголовку Date сервера эти часы спешат на ${span(p.skew)}`
            : '; сертификаты УЦ выше по цепочке тоже выглядят просроченными — похоже, часы сильно спешат';
        default:
          return '';
      }
    },
    TLS_OK: (p) => (p.targets.length ? `Цепочка проверена: ${p.targets.join('; ')}` : 'Цепочки сертификатов проверены'),
    'TLS_OK.target': (p) => {
      const times = [opt(p.connect, 'соединение '), opt(p.tls, 'TLS ')].filter(Boolean).join(', ');
      const extra = [opt(p.issuer, 'издатель '), opt(dated(p.validTo), 'действует до '), opt(p.proxy, 'через '), times].filter(Boolean).join(', ');
      return `${p.target}${extra ? ` (${extra})` : ''}`;
    },
    TLS_UNTRUSTED_ROOT: (p) => {
      const head = `${str(p.target, 'Сервер')}: цепочка сертификатов${opt(p.issuer, ' (издатель ', ')')} не проходит проверку${opt(p.errno, ' (', ')')}`;
      const caFile = opt(p.caFile, '; указанный CA-файл ', ' не помог');
      if (p.otherRoot) {
        const why = p.claims
          ? ': она носит имя Russian Trusted Root CA, но подписана не настоящим корнем, так что этому процессу не хватает корня, которым она подписана на самом деле'
          : ` и не ведёт к Russian Trusted Root CA: этому процессу не хватает корня ${opt(p.issuer, '«', '»') || 'её издателя'}`;
        return `${head}${why}${caFile}`;
      }
      const proof = p.provenRussian ? `. С встроенным корнем (SHA-256 ${p.short}) она проверяется: установка этого корня всё исправит` : '';
      return `${head} — этот Node не доверяет Russian Trusted Root CA (НУЦ Минцифры)${caFile}${proof}`;
    },
    'TLS_UNTRUSTED_ROOT.fakeRussian': (p) =>
      `Настоящий корень Минцифры (SHA-256 ${p.short}) не поможет: возьмите у владельцев ${str(p.host, 'этого сервера')} CA-сертификат (PEM), которым цепочка подписана на самом деле — у тестового стенда он свой`,
    'TLS_UNTRUSTED_ROOT.otherRoot': (p) =>
      `Корень Минцифры здесь не поможет: возьмите корневой сертификат ${opt(p.issuer, '«', '»') || 'издателя'} (PEM) у владельцев ${str(p.host, 'этого сервера')}`,
    'TLS_UNTRUSTED_ROOT.pythonFile': (p) => `Python SDK: ${p.set}; gigadoctor: --ca-file ${p.path}`,
    'TLS_UNTRUSTED_ROOT.caFileMisses': (p) => `${p.caFile} не подтверждает эту цепочку: проверьте, что в нём Russian Trusted Root CA. ${p.get}`,
    'TLS_UNTRUSTED_ROOT.python': (p) => `Python SDK: ${p.set} (gigadoctor тоже её читает, либо --ca-file)`,
    TLS_INTERCEPTED: (p) => {
      const how = p.claims
        ? `цепочка носит имя Russian Trusted Root CA, но им не подписана (верхний издатель ${opt(p.issuer, '«', '»') || 'неизвестен'})`
        : `сертификат выдан ${opt(p.issuer, '«', '»') || 'неизвестным издателем'}, а не Russian Trusted Root CA`;
      return `TLS-соединение с ${str(p.target, 'сервером')}${opt(p.proxy, ' через прокси ')} перехвачено: ${how} — трафик переподписывает ${p.proxy ? 'этот прокси' : 'корпоративный прокси'} или антивирус`;
    },
    'TLS_INTERCEPTED.root': (p) =>
      `Попросите у администраторов корневой сертификат ${opt(p.issuer, '«', '»') || 'перехватывающего прокси'} (PEM) и подключите его до запуска node: ${p.set}; ` +
      `в файле может быть несколько сертификатов — допишите туда и Russian Trusted Root CA (${p.getRoot})`,
    'TLS_INTERCEPTED.exclude': (p) =>
      `Или попросите исключить ${p.hosts} из TLS-инспекции${p.bypass ? `; если они доступны напрямую, пустите их мимо прокси: ${p.bypass}` : ''}`,
    'TLS_INTERCEPTED.antivirus': 'Если это локальный антивирус («проверка защищённых соединений», HTTPS-сканирование), добавьте эти хосты в исключения',
    'TLS_INTERCEPTED.python': (p) => `Python SDK: тот же PEM-файл в ${p.set}`,
    TLS_HOSTNAME_MISMATCH: (p) => `${str(p.target, 'Сервер')} предъявил сертификат на ${str(p.names, 'другие имена')}, а не на ${str(p.host, 'этот хост')}`,
    'TLS_HOSTNAME_MISMATCH.official': 'Указывайте в URL официальное имя хоста, а не IP-адрес или псевдоним',
    'TLS_HOSTNAME_MISMATCH.hosts': (p) =>
      `Проверьте, не переопределён ли ${str(p.host, 'хост')} в файле hosts: /etc/hosts (Windows: C:\\Windows\\System32\\drivers\\etc\\hosts)`,
    'TLS_HOSTNAME_MISMATCH.gateway': (p) =>
      `Если вместо GigaChat отвечает шлюз или прокси, попросите его владельцев выпустить сертификат на ${str(p.host, 'этот хост')} или исключить хост`,
    TLS_EXPIRED: (p) =>
      `Срок сертификата${opt(p.subject, ' «', '»')} ${str(p.target, 'сервера')} истёк${opt(dated(p.validTo), ' ')} — по часам этой машины${p.clock}`,
    'TLS_EXPIRED.notUsual':
      'Если часы верные, просроченный сертификат — не обычный сертификат GigaChat: на пути прокси или антивирус (издателя покажет --verbose) либо устаревший сертификат в вашем CA-файле',
    'TLS_EXPIRED.later': 'Повторите позже; если не проходит, сообщите в поддержку GigaChat хост и время',
    TLS_NOT_YET_VALID: (p) =>
      `Сертификат${opt(p.subject, ' «', '»')} ${str(p.target, 'сервера')} действует только с ${str(p.validFrom, 'более поздней даты')}` +
      (p.clockOk ? p.clock : ` — вероятно, часы этой машины отстают${p.clock}`),
    'TLS_NOT_YET_VALID.early':
      'Часы совпадают с серверными: сертификат поставили раньше даты начала его действия — сообщите хост и время его владельцам',
    TLS_TIMEOUT: (p) => `TLS-рукопожатие с ${str(p.target, 'сервером')}${opt(p.proxy, ' через ')} не завершилось${opt(p.within, ' за ')}; ${p.retry}`,
    'TLS_TIMEOUT.dpi': (p) =>
      `TCP проходит, а TLS зависает — типично для DPI или фильтрующего файрвола: попробуйте другую сеть, без VPN или через корпоративный прокси: ${p.set}`,
    TLS_HANDSHAKE_FAILED: (p) => `TLS-рукопожатие с ${str(p.target, 'сервером')} не удалось${opt(p.error, ': ')}`,
    'TLS_HANDSHAKE_FAILED.look': (p) => `Посмотрите, что отдаёт сервер: ${p.command}`,
    'TLS_HANDSHAKE_FAILED.middlebox':
      'Та же ошибка бывает, когда на этом порту отвечает прокси или промежуточное устройство, не говорящее по TLS: проверьте HTTPS_PROXY и NO_PROXY',
    'TLS_HANDSHAKE_FAILED.node': 'Используйте актуальный Node (20.18 или новее)',
    TLS_CLIENT_CERT_REQUIRED: (p) =>
      `${str(p.target, 'Сервер')} требует клиентский сертификат (mTLS)${p.offered ? ' и не принял предложенный' : ', а он не настроен'}${opt(p.errno, ' (', ')')}`,
    'TLS_CLIENT_CERT_REQUIRED.files': (p) =>
      `Укажите сертификат и ключ, выданные для этого сервиса: ${p.cert} и ${p.key} (и GIGACHAT_KEY_FILE_PASSWORD, если ключ зашифрован)`,
    'TLS_CLIENT_CERT_REQUIRED.sdks': 'Python SDK читает эти переменные; JS SDK принимает их как https.Agent с cert, key и passphrase, переданный в httpsAgent',
    'TLS_CLIENT_CERT_REQUIRED.public': (p) =>
      `Персональные и бизнес-ключи работают с публичными хостами (${p.url}), где клиентский сертификат не нужен: если mTLS неожидан, проверьте GIGACHAT_BASE_URL`,
    TLS_CLIENT_CERT_REJECTED: (p) => `${str(p.target, 'Сервер')} отклонил клиентский сертификат${opt(p.certFile, ' из ')}${opt(p.errno, ' (', ')')}`,
    'TLS_CLIENT_CERT_REJECTED.check': (p) =>
      `Проверьте, что это сертификат, выданный для этого сервиса, и он ещё действует: ${p.show}`,
    'TLS_CLIENT_CERT_REJECTED.intermediate': 'Если его выпустил промежуточный УЦ, допишите этот промежуточный сертификат в файл после самого сертификата',
    'TLS_CLIENT_CERT_REJECTED.enrolled': 'Уточните у выпустившего, зарегистрирован ли сертификат для этого хоста; возможно, нужен новый',
    TLS_SUB_CA_EXPIRING: (p) =>
      `${str(p.target, 'Сервер')} предъявляет ${str(p.subject, 'Russian Trusted Sub CA')}, срок которого истекает${opt(dated(p.validTo), ' ')}${opt(p.days, ' (через ', ' дн.)')}: всё, что доверяет этому промежуточному сертификату вместо корня, тогда сломается`,
    'TLS_SUB_CA_EXPIRING.root': (p) => `Доверяйте корню, а не промежуточному: ${p.set} (${p.getRoot})`,
    'TLS_SUB_CA_EXPIRING.successor': (p) => `Если ваш бандл закрепляет Sub CA, добавьте его преемника («Russian Trusted Sub CA 2024») с ${p.page}`,
    TLS_VERIFICATION_DISABLED: (p) =>
      p.byApp
        ? `Ваше приложение ОТКЛЮЧАЕТ проверку сертификатов (GIGACHAT_VERIFY_SSL_CERTS${opt(p.source, ' из ')}): ключ уйдёт любому подставному серверу; gigadoctor всё равно проверил`
        : `Проверка сертификатов ОТКЛЮЧЕНА${opt(p.reason, ' (', ')')}: ключ и токен ушли без доказательства, кто их получает; найденное проверкой показано как предупреждение`,
    'TLS_VERIFICATION_DISABLED.never': (p) =>
      `Отключение проверки — никогда не решение: подключите Russian Trusted Root CA — ${p.getRoot}, затем ${p.set} до запуска node`,
    'TLS_VERIFICATION_DISABLED.turnOn': (p) =>
      `Верните проверку: ${p.unset}${opt(p.line, ' и удалите строку ')}; Python SDK принимает CA-файл через ${p.set}`,
    'TLS_VERIFICATION_DISABLED.fixFirst':
      'Что нашла проверка, показано выше как предупреждение: клиент с включённой проверкой на этом остановится. Исправьте это и запустите gigadoctor без опции, отключающей проверку',
    CA_FILE_INVALID: (p) => `${p.variable} указывает на ${str(p.path, 'файл')}, который нельзя использовать: ${CA_FILE_REASON[p.reason] ?? (p.reason || 'это не пригодный PEM-сертификат')}`,
    'CA_FILE_INVALID.absolute': 'Укажите абсолютный путь (относительный считается от каталога, из которого запускается приложение) и проверьте права на чтение',
    'CA_FILE_INVALID.der': (p) => `Переведите в PEM: ${p.convert}`,
    'CA_FILE_INVALID.privateKey': (p) => `Это закрытый ключ: никому его не передавайте; уберите его из ${p.name} и укажите сертификат УЦ`,
    'CA_FILE_INVALID.decode': (p) => `Раскодируйте один раз: ${p.decode} (хранилища секретов CI часто держат файлы в Base64)`,
    'CA_FILE_INVALID.goodCopy': (p) => `Возьмите исправную копию: ${p.getRoot} или ${p.page}; сверьте SHA-256 ${p.sha256}`,
    'CA_FILE_INVALID.flag': (p) => `Передайте исправный файл: ${p.run}; Node-приложению нужно ${p.set} до запуска node`,
    'CA_FILE_INVALID.node': (p) => `Укажите его в NODE_EXTRA_CA_CERTS: ${p.set}; плохой файл Node молча пропускает, выдав лишь предупреждение`,
    'CA_FILE_INVALID.variable': (p) => `Укажите его в ${p.name}: ${p.set}`,
    CLIENT_CERT_INVALID: (p) =>
      `${p.variable}${opt(p.path, ' (', ')')} нельзя использовать для mTLS: ${CLIENT_CERT_REASON[p.reason] ?? 'сертификат и ключ не образуют рабочую пару'}`,
    'CLIENT_CERT_INVALID.certNotSet': (p) => `GIGACHAT_KEY_FILE задан, а сертификат — нет: ${p.set}`,
    'CLIENT_CERT_INVALID.absolute': (p) => `Укажите абсолютный путь к файлу и проверьте права на чтение: ${p.set}`,
    'CLIENT_CERT_INVALID.derKey': (p) => `Переведите ключ в PEM: ${p.convert}`,
    'CLIENT_CERT_INVALID.derCert': (p) => `Переведите сертификат в PEM: ${p.convert}`,
    'CLIENT_CERT_INVALID.noKey': (p) => `В файле сертификата нет закрытого ключа: ${p.set}`,
    'CLIENT_CERT_INVALID.passphrase': (p) => `Ключ зашифрован: задайте пароль там, где запускается приложение — ${p.set}, — но не в командной строке`,
    'CLIENT_CERT_INVALID.badPassphrase': 'GIGACHAT_KEY_FILE_PASSWORD не расшифровывает ключ: проверьте его (и что не прихватились кавычки или пробелы в конце)',
    'CLIENT_CERT_INVALID.mismatch': 'Ключ не от этого сертификата: возьмите ключ, с которым создавался запрос на этот сертификат',
    'CLIENT_CERT_INVALID.compare': (p) => `Сравните открытый ключ сертификата и ключа: ${p.compare} — должно напечататься true`,
    'CLIENT_CERT_INVALID.check': (p) => `Проверьте файлы: сертификат — ${p.cert}; ключ — ${p.key}`,
    NODE_EXTRA_CA_CERTS_IN_ENV_FILE: (p) =>
      `NODE_EXTRA_CA_CERTS задан только в ${p.source}${opt(p.path, ' (', ')')}: Node читает его один раз, при запуске процесса, раньше любого кода dotenv — Node-приложение этот CA не получит`,
    'NODE_EXTRA_CA_CERTS_IN_ENV_FILE.set': (p) => `Задайте его там, где запускается node — в shell, unit-файле сервиса, Dockerfile (ENV) или CI: ${p.set}`,
    'NODE_EXTRA_CA_CERTS_IN_ENV_FILE.delete': (p) => `Затем удалите строку из ${p.source}: она лишь создаёт видимость исправления`,
    'NODE_EXTRA_CA_CERTS_IN_ENV_FILE.python': (p) => `Python SDK вообще не читает NODE_EXTRA_CA_CERTS: ${p.set}`,

    // --- explain: что записало приложение ---
    ACCESS_TOKEN_UNAVAILABLE: 'У приложения нет токена доступа: запрос токена (OAuth) перед этим не удался или не выполнялся',
    'ACCESS_TOKEN_UNAVAILABLE.cause': 'Найдите ошибку OAuth в логе перед этой строкой: причина в ней (gigadoctor explain ставит её первой, если она есть в логе)',
    'ACCESS_TOKEN_UNAVAILABLE.key': (p) =>
      `Если перед этим ничего не упало, приложение, возможно, не нашло ключ: проверьте, что ${p.variable} задан там, где оно запускается (в его окружении или в .env, который оно читает)`,
    'ACCESS_TOKEN_UNAVAILABLE.check': (p) => `${p.run} проверит ключ и запрос токена с этой машины`,

    // --- code и python ---
    'app.places': (p) => `${p.shown}${p.more > 0 ? ` (и ещё ${p.more})` : ''}`,
    'app.systemStore': 'системным хранилищем',
    'app.route': (p) => (p.proxy ? `через ${p.proxy} (${p.variable})` : p.entry ? `напрямую (запись «${p.entry}» в ${p.variable})` : 'напрямую (прокси не задан)'),
    'app.secretKind': (p) => SECRET_KIND[p.kind] ?? 'секрет',
    'python.trust.get': (p) =>
      `Получите корневой сертификат: ${p.getRoot}; затем для Python SDK ${p.set} (или GigaChat(ca_bundle_file="${p.file}"))`,
    'python.trust.requests': (p) =>
      `Код на requests читает REQUESTS_CA_BUNDLE: укажите в ней набор с обычными корневыми и этим (cat "$(python -m certifi)" ${p.file} > bundle.pem)`,
    'python.trust.certifi': 'Не дописывайте сертификат в certifi/cacert.pem виртуального окружения: следующий pip install certifi молча его сотрёт',
    CODE_NOT_A_PROJECT: (p) =>
      `Не просматривался: в ${str(p.project, 'этой папке')} нет манифеста (package.json, pyproject.toml, requirements.txt …) и нет git`,
    'CODE_NOT_A_PROJECT.project': (p) => `Чтобы проверить файлы приложения, запустите из его папки или укажите её: ${p.run}`,
    CODE_OK: (p) => `Прочитано файлов: ${p.files}, ошибок не найдено${p.sdks.length ? `; объявленные SDK GigaChat: ${p.sdks.join(', ')}` : ''}`,
    CODE_WRONG_URL: (p) => `${p.places}: ${p.url} — ${wrongUrl(p)}; запросы приложения уходят не туда`,
    'CODE_WRONG_URL.replace': (p) => `Замените на ${p.correct}${p.others ? ' (и в остальных перечисленных местах)' : ''}`,
    'CODE_WRONG_URL.defaults': (p) =>
      `Лучше не писать адреса в коде: умолчания SDK верны (OAuth ${p.auth}, API ${p.api}), а GIGACHAT_AUTH_URL / GIGACHAT_BASE_URL их переопределяют`,
    'CODE_WRONG_URL.keyLeft': 'Это хост Yandex Cloud: отправленный туда ключ GigaChat ушёл за пределы Сбера; если приложение с ним запускалось, выпустите новый ключ в Studio',
    CODE_TLS_VERIFY_OFF: (p) => `${p.places}: ${str(p.what, 'проверка отключена')} — приложение примет любой сертификат, в том числе подменённый`,
    'CODE_TLS_VERIFY_OFF.install': (p) => `Уберите это и установите корневой сертификат Минцифры: ${p.getRoot}`,
    'CODE_TLS_VERIFY_OFF.point': (p) =>
      `Python SDK: GIGACHAT_CA_BUNDLE_FILE=${p.file} (или ca_bundle_file=…); Node: NODE_EXTRA_CA_CERTS=${p.file} до запуска node`,
    CODE_UNOFFICIAL_VARIABLE: (p) =>
      `${p.places}: код использует ${p.variables}; официальные SDK читают GIGACHAT_CREDENTIALS (ключ) и GIGACHAT_ACCESS_TOKEN (готовый токен)`,
    'CODE_UNOFFICIAL_VARIABLE.rename': (p) =>
      `Переименуйте ${str(p.variable, 'её')} в ${p.official} в коде и в .env (значение то же) — тогда SDK подхватит ключ сам`,
    'CODE_UNOFFICIAL_VARIABLE.token': (p) => `Если значение — готовый токен доступа (eyJ…, 30 минут), используйте ${p.variable}`,
    CODE_MODEL_RETIRED: (p) => `${p.places}: модель «${p.model}» первого поколения выводится из работы; её замена — ${p.successor}`,
    'CODE_MODEL_RETIRED.use': (p) => `Используйте «${p.successor}» (или задайте ${p.variable}=${p.successor} и читайте её)`,
    CODE_MODEL_MISSPELLED: (p) => `${p.places}: модели «${p.model}» нет (регистр важен); возможно, имелась в виду ${p.suggestion}`,
    'CODE_MODEL_MISSPELLED.write': (p) => `Напишите точно «${p.suggestion}»; ${p.run} проверит, доступна ли она вашему ключу`,
    CODE_SECRET_COMMITTED: (p) =>
      `${p.places}: ${p.kind} (${p.length} симв., sha256:${p.fingerprint}) в файле, который отслеживает git, — он есть у всех, у кого есть репозиторий`,
    'CODE_SECRET_COMMITTED.newKey': (p) =>
      `Выпустите новый ${p.token ? 'ключ (токен истечёт через 30 минут, ключ — нет)' : 'ключ авторизации'} в Studio (${p.studio}) и перестаньте пользоваться этим`,
    'CODE_SECRET_COMMITTED.untrack': (p) =>
      `Уберите его из файла и из индекса: git rm --cached ${str(p.file, '<файл>')} (для .env) или перенесите значение в .env, и добавьте .env в .gitignore`,
    'CODE_SECRET_COMMITTED.history': 'В истории он останется: перепишите её (git filter-repo) или считайте репозиторий скомпрометированным',
    CODE_SECRET_IN_FILE: (p) =>
      `${p.places}: ${p.kind} (${p.length} симв., sha256:${p.fingerprint}) записан в ${p.envFile ? 'файле .env, который не указан в .gitignore' : 'файле проекта'}`,
    'CODE_SECRET_IN_FILE.gitignore': 'Добавьте .env в .gitignore до следующего коммита (echo .env >> .gitignore)',
    'CODE_SECRET_IN_FILE.move': 'Перенесите значение из кода в .env (GIGACHAT_CREDENTIALS=…) или в окружение и добавьте .env в .gitignore',
    CODE_SDK_KNOWN_ISSUE: (p) => `${p.places}: ${p.name} ${p.version}: ${p.problem} (${p.source})`,
    'CODE_SDK_KNOWN_ISSUE.workaround': (p) => str(p.workaround, 'Перейдите на версию без этой проблемы (см. источник выше)'),
    CODE_SDK_PROXY_DIFFERS: (p) =>
      `К ${p.host} SDK для npm (axios) идёт ${p.sdk}, а проверки gigadoctor шли ${p.gigadoctor}: их вердикты не про приложение`,
    'CODE_SDK_PROXY_DIFFERS.agree':
      'Согласуйте их: axios читает записи NO_PROXY как точные имена, если они не начинаются с «.» (".sberbank.ru" покрывает поддомены), читает ALL_PROXY и не берёт HTTP_PROXY для https',
    'CODE_SDK_PROXY_DIFFERS.explicit': 'Или задайте SDK путь явно (httpsAgent / proxy в его настройках) и проверьте этот путь gigadoctor',
    CODE_SCAN_PARTIAL: (p) => {
      const left = [opt(p.filesLeftOut, 'файлов: '), opt(p.foldersLeftOut, 'папок: ')].filter(Boolean).join(', ');
      return `Остановлен на ${SCAN_LIMIT[p.reason] ?? 'пределе'} после ${p.files} файлов${left ? `; не прочитано ${left}` : ''}`;
    },
    'CODE_SCAN_PARTIAL.ignore':
      'Перечислите то, что читать не нужно (данные, сгенерированный код), в .gigadoctorignore (синтаксис gitignore) или укажите --project на папку самого приложения',
    PYTHON_NOT_A_PROJECT: 'Не проект на Python (нет pyproject.toml, requirements.txt, .venv или файлов .py): пропущено',
    'PYTHON_NOT_A_PROJECT.noInterpreter': 'Проект на Python, но интерпретатор не найден (VIRTUAL_ENV, .venv, venv, python3 в PATH)',
    'PYTHON_NOT_A_PROJECT.activate': 'Активируйте виртуальное окружение приложения (VIRTUAL_ENV) или создайте его в .venv и запустите снова',
    'PYTHON_NOT_A_PROJECT.project': (p) => `Чтобы проверить доверие и прокси самого приложения на Python, запустите из его папки или укажите её: ${p.run}`,
    PYTHON_TLS_OK: (p) => `${p.who} проверяет ${p.targets} с ${p.ca}`,
    PYTHON_TLS_DIVERGES: (p) =>
      `Доктор доволен, приложение — нет: Node проверяет ${p.host}:${p.port}, а ${p.who} — нет (${str(p.error, 'проверка не прошла')}) с ${p.ca}`,
    'PYTHON_TLS_DIVERGES.nodeFails': (p) =>
      `Python проверяет хосты GigaChat с ${p.ca}, а Node (проверка tls) — нет: приложения на Python здесь работают, на Node — нет`,
    'PYTHON_TLS_DIVERGES.node': (p) => `Node тоже нужен корневой сертификат: ${p.set} до запуска node (${p.getRoot})`,
    PYTHON_TLS_FAILED: (p) => `${p.who}: ${p.host}:${p.port} не проходит проверку (${str(p.error, 'проверка не прошла')}) с ${p.ca}`,
    PYTHON_NETWORK_FAILED: (p) => {
      const what = p.kind === 'timeout' ? 'время ожидания истекло' : p.kind === 'proxy' ? `прокси ${p.proxy} отказал (${p.error})` : `ошибка: ${p.error}`;
      return `${p.who}: ${p.host}:${p.port} — ${what}${p.proxy && p.kind !== 'proxy' ? ` через ${p.proxy}` : ''}`;
    },
    'PYTHON_NETWORK_FAILED.proxyRules':
      'Python читает HTTPS_PROXY / HTTP_PROXY / ALL_PROXY и NO_PROXY по своим правилам (httpx, requests): сравните с тем, что использует Node (подробности dns и tcp)',
    'PYTHON_NETWORK_FAILED.sameEnv':
      'Запустите интерпретатор приложения с тем же окружением, что и приложение (служба, контейнер и оболочка часто различаются)',
    PYTHON_PROBE_FAILED: (p) => `${str(p.interpreter, 'Интерпретатор')} не завершил пробу (${p.reason}${opt(p.detail, ': ')})`,
    'PYTHON_PROBE_FAILED.starts': (p) =>
      `Проверьте, что ${str(p.interpreter, 'интерпретатор')} запускается: ${str(p.interpreter, 'python3')} -c "import ssl; print(ssl.OPENSSL_VERSION)"`,
    PYTHON_SDK_MISSING: (p) => `Для ${str(p.interpreter, 'этого интерпретатора')} (Python ${p.python}) не установлены ни gigachat, ни langchain-gigachat`,
    'PYTHON_SDK_MISSING.install': (p) => `${p.interpreter} -m pip install gigachat (в виртуальном окружении приложения)`,
    PYTHON_VERIFY_DISABLED: (p) => `${p.variable} выключена (${p.source}): Python SDK примет любой сертификат`,
    'PYTHON_VERIFY_DISABLED.remove': (p) => `Уберите ${p.variable} и задайте ${p.set}`,
  },
} satisfies Phrases & { say: Record<keyof (typeof english)['say'], Phrase> };
