// Русский каталог сообщений. Факты: /work/shared/reference/gigachat-api.md; ошибки гайда не повторять.

import type { CheckId, CodeText, Details, RemedyContext } from '../types.js';
import type { Code } from '../codes.js';
import { phrases } from '../phrases/ru.js';
import {
  GIGACHAT_NO_PROXY,
  OFFICIAL,
  SCOPES,
  base64PairCommand,
  baseFromExpected,
  caPath,
  clockSyncCommand,
  decodeBase64FileCommand,
  duration,
  endpointEnv,
  endpointVar,
  envNameOf,
  has,
  hostOf,
  httpsOf,
  isFileSource,
  isOfficialAuthHost,
  isOfficialApiHost,
  isUltra,
  isWindows,
  list,
  num,
  officialFor,
  opt,
  otherScopes,
  portFor,
  portOf,
  targetOf,
  pathEndsWith,
  persistEnv,
  proxyWithAuth,
  records,
  retryAfter,
  showProxyCommand,
  str,
  tcpTest,
  truncate,
  unsetEnv,
  withPath,
} from '../text-helpers.js';
import { AUTH_PATH, DEFAULT_SCOPE, SCOPE_AUDIENCE, type Scope } from '../../gigachat/index.js';

const NEW_API_HOST = new URL(OFFICIAL.newBaseUrl).host;

const checks: Record<CheckId, string> = phrases.checks;

// ---------- мелкие помощники ----------

const KEY = '<ключ авторизации из Studio>';
const TOKEN = '<токен доступа>';
const PROXY = 'http://<хост-прокси>:<порт>';
const RETRY = 'при повторном запуске может пройти';

const ms = (v: unknown): string => duration(v, { ms: 'мс', s: 'с' });

const v = (d: Details, fallback = 'GIGACHAT_CREDENTIALS'): string => str(d.variable, fallback);

function sourceLabel(s: unknown): string {
  const x = str(s);
  if (x === 'env') return 'окружение';
  if (x === 'flag') return 'флаг командной строки';
  if (x === 'default') return 'значение по умолчанию';
  return x;
}

/** " (.env:3)" / " (окружение)" или "". */
const at = (d: Details): string => opt(sourceLabel(d.source), ' (', ')');

function placeholder(name: string): string {
  switch (name) {
    case 'GIGACHAT_ACCESS_TOKEN':
      return TOKEN;
    case 'GIGACHAT_PASSWORD':
      return '<пароль>';
    case 'GIGACHAT_USER':
      return '<логин>';
    default:
      return KEY;
  }
}

/** Последний шаг любого «исправьте значение»: где и как. */
function fixAt(d: Details, ctx: RemedyContext, fallbackVar = 'GIGACHAT_CREDENTIALS'): string {
  const name = v(d, fallbackVar);
  const src = str(d.source);
  if (isFileSource(src)) return `Исправьте строку ${src}, чтобы было ${name}=${placeholder(name)} (без кавычек и пробелов)`;
  return `Задайте значение заново там, откуда запускается приложение: ${ctx.setEnv(name, placeholder(name))}`;
}

const studioStep =
  `Ключ берётся в GigaChat Studio (${OFFICIAL.studio}) → проект GigaChat API → «Настройки API» → «Получить ключ»: ` +
  `скопируйте Authorization key — ключ авторизации (Base64 от ClientID:ClientSecret, около 100 символов, в конце «==»). ` +
  `Ключ показывается один раз; если он не сохранился, сгенерируйте новый`;

function scopeWho(scope: string): string {
  return { individuals: 'физлица', prepaid: 'ИП и юрлица, предоплаченные пакеты', postpaid: 'ИП и юрлица, постоплата' }[SCOPE_AUDIENCE[scope as Scope]] ?? '';
}

const scopesExplained = SCOPES.map((s) => `${s} (${scopeWho(s)})`).join(', ');

function httpStatus(d: Details): string {
  return opt(d.status, 'HTTP ');
}

/** `HTTP 400, код 7 «сообщение»` из того, что есть. */
function serverSaid(d: Details): string {
  const parts = [httpStatus(d), opt(d.code, 'код ')].filter(Boolean).join(', ');
  const msg = opt(d.message, '«', '»');
  return [parts, msg].filter(Boolean).join(' ');
}

function bodyKind(k: unknown): string {
  switch (str(k)) {
    case 'html':
      return 'HTML-страница';
    case 'json':
      return 'JSON';
    case 'text':
      return 'текст';
    case 'empty':
      return 'пустое тело';
    default:
      return '';
  }
}

function badResponseReason(d: Details): string {
  const field = opt(d.field, ' (поле ', ')');
  switch (str(d.reason)) {
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

/** host:port, или `fallback` в нужном падеже, если хоста нет. */
function hostPort(d: Details, fallback = 'Сервер'): string {
  if (!has(d.host)) return fallback;
  return has(d.port) ? `${str(d.host)}:${str(d.port)}` : str(d.host);
}

function waitStep(d: Details): string {
  const ra = retryAfter(d);
  return ra !== undefined ? `Подождите ${ra} с (Retry-After) и запустите снова` : 'Подождите несколько секунд и запустите снова';
}

const caGetStep = (ctx: RemedyContext): string =>
  `Возьмите корневой сертификат: gigadoctor ca --out ${OFFICIAL.caFile} или «Russian Trusted Root CA» с ${OFFICIAL.caPage}; ` +
  `сверьте отпечаток SHA-256: ${OFFICIAL.caSha256}` +
  (isWindows(ctx) ? '' : ` (openssl x509 -in ${OFFICIAL.caFile} -noout -fingerprint -sha256)`);

const caNodeStep = (ctx: RemedyContext, file: string = OFFICIAL.caFile): string =>
  `Node: переменная должна быть задана до запуска node — ${ctx.setEnv('NODE_EXTRA_CA_CERTS', caPath(ctx, file))} — в shell, unit-файле сервиса, Dockerfile (ENV) или CI; ` +
  `чтобы сохранить её для новых терминалов: ${persistEnv(ctx, 'NODE_EXTRA_CA_CERTS', caPath(ctx, file))}; ` +
  `строка в .env, которую читает dotenv, появляется слишком поздно и не действует (в коде: передайте ca в https.Agent — httpsAgent в JS SDK)`;

function osStoreStep(ctx: RemedyContext, file: string = OFFICIAL.caFile): string {
  const crt = file.replace(/\.pem$/, '.crt');
  if (isWindows(ctx)) {
    return `Или добавьте его в хранилище Windows (от администратора): certutil -addstore Root ${caPath(ctx, file)}; ` +
      `Node читает системное хранилище только с флагом --use-system-ca (свежие версии Node), так что надёжнее NODE_EXTRA_CA_CERTS. ` +
      `Docker: ставьте сертификат внутрь образа (COPY, затем ENV NODE_EXTRA_CA_CERTS=<путь в образе>), а не на хост`;
  }
  return `Или добавьте его в системное хранилище — Debian/Ubuntu: sudo cp ${file} /usr/local/share/ca-certificates/${crt} && sudo update-ca-certificates; ` +
    `RHEL/Fedora: sudo cp ${file} /etc/pki/ca-trust/source/anchors/ && sudo update-ca-trust; ` +
    `macOS: sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${file}. ` +
    `Docker: в Dockerfile, а не на хосте — COPY ${file} /usr/local/share/ca-certificates/${crt}, RUN update-ca-certificates, ` +
    `ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/${crt}. Системное хранилище Node читает только с --use-system-ca (свежие версии Node)`;
}

/** «3 дн.» / «5 ч» / «12 мин» / «40 с» для числа секунд. */
function span(sec: number): string {
  const s = Math.abs(Math.round(sec));
  if (s >= 2 * 86_400) return `${Math.round(s / 86_400)} дн.`;
  if (s >= 2 * 3_600) return `${Math.round(s / 3_600)} ч`;
  if (s >= 120) return `${Math.round(s / 60)} мин`;
  return `${s} с`;
}

const clockOf = (c: unknown): Record<string, unknown> => records([c])[0] ?? {};
const clockVerdict = (c: unknown): string => str(clockOf(c).verdict);

/** Что говорят улики о часах — хвост к описанию ошибки дат ('' если ничего не известно). */
function clockSays(c: unknown): string {
  const r = clockOf(c);
  const skew = num(r.skewSec);
  const least = num(r.atLeastSec);
  const fromServer = str(r.evidence) === 'server-date' && skew !== undefined;
  switch (str(r.verdict)) {
    case 'ok':
      return fromServer ? `; заголовок Date сервера совпадает с этими часами (в пределах ${span(skew)}), значит, дело в самом сертификате` : '';
    case 'behind':
      if (fromServer) return `; по заголовку Date сервера эти часы отстают на ${span(skew)}`;
      return least !== undefined && least > 0 ? ` минимум на ${span(least)} (сервер не предъявляет сертификат до его выпуска)` : '';
    case 'ahead':
      return fromServer
        ? `; по заголовку Date сервера эти часы спешат на ${span(skew)}`
        : '; сертификаты УЦ выше по цепочке тоже выглядят просроченными — похоже, часы сильно спешат';
    default:
      return '';
  }
}

function proxyReason(reason: string): string {
  switch (reason) {
    case 'no-scheme':
      return 'нет схемы (http://), а undici в Node без неё не работает';
    case 'unsupported-scheme':
      return 'gigadoctor умеет проверять только прокси http:// и https:// (CONNECT)';
    default:
      return 'это не URL';
  }
}

function clientCertReason(reason: string): string {
  switch (reason) {
    case 'cert-not-set':
      return 'задан GIGACHAT_KEY_FILE, но не задан GIGACHAT_CERT_FILE';
    case 'missing':
      return 'файла нет';
    case 'unreadable':
      return 'файл не читается';
    case 'too-large':
      return 'файл слишком большой для сертификата или ключа';
    case 'der':
      return 'он в двоичном формате DER, а нужен PEM';
    case 'not-pem':
      return 'это не PEM (нет строки -----BEGIN)';
    case 'no-key':
      return 'нет закрытого ключа: GIGACHAT_KEY_FILE не задан, а в файле сертификата ключа нет';
    case 'passphrase-missing':
      return 'ключ зашифрован, а GIGACHAT_KEY_FILE_PASSWORD не задан';
    case 'bad-passphrase':
      return 'GIGACHAT_KEY_FILE_PASSWORD не расшифровывает ключ';
    case 'key-mismatch':
      return 'ключ не от этого сертификата';
    default:
      return 'сертификат и ключ не образуют рабочую пару';
  }
}

function clockCheckStep(ctx: RemedyContext): string {
  const show = isWindows(ctx) ? 'w32tm /stripchart /computer:time.windows.com /samples:3' : 'date -u';
  return `Сначала проверьте часы этой машины (${show}) и синхронизируйте их: ${clockSyncCommand(ctx)}${isWindows(ctx) ? ' (от администратора)' : ' (Linux; macOS: sudo sntp -sS time.apple.com)'}`;
}

const timeoutStep =
  'В медленной сети увеличьте таймаут шага: gigadoctor --timeout 30000 (GIGACHAT_TIMEOUT в SDK задаётся в секундах)';

const reportStep =
  'Если не проходит, пришлите отчёт gigadoctor check --json (секреты из него вырезаны)';

function redirectSteps(d: Details, ctx: RemedyContext, variable: string, official: string): string[] {
  const loc = str(d.location);
  const host = hostOf(loc);
  const officialHost = variable === 'GIGACHAT_AUTH_URL' ? isOfficialAuthHost(loc) : isOfficialApiHost(loc);
  const steps: string[] = [];
  if (loc && officialHost) steps.push(`Укажите конечный адрес сразу: ${ctx.setEnv(variable, loc)}`);
  else steps.push(`Укажите официальный адрес: ${ctx.setEnv(variable, official)} — или уберите ${variable}, значение SDK по умолчанию верное`);
  steps.push(
    `Редирект на ${host ?? 'другой хост'}, не принадлежащий GigaChat, обычно значит, что запросы перехватывает сеть (captive portal, страница входа прокси): авторизуйтесь в сети или обратитесь к администраторам`,
  );
  return steps;
}

function serverErrorSteps(d: Details, variable: string, isOfficial: boolean): string[] {
  const steps = ['Повторите через минуту-другую: ошибки шлюза (5xx, HTML-страница от шлюза) обычно кратковременные'];
  const host = hostOf(d.url);
  if (host && !isOfficial) {
    steps.push(`${host} — не официальный хост GigaChat: ошибку отдаёт он (например, локальный прокси или шлюз), а не GigaChat — проверьте ${variable}`);
  }
  steps.push('Если сбой длится дольше ~15 минут, сообщите в поддержку GigaChat время, URL и статус');
  return steps;
}

function tokenMovedToCredentials(ctx: RemedyContext): string {
  return `Лучше уберите GIGACHAT_ACCESS_TOKEN (${unsetEnv(ctx, 'GIGACHAT_ACCESS_TOKEN')}) и задайте ключ: ${ctx.setEnv('GIGACHAT_CREDENTIALS', KEY)} — тогда SDK сам получает и обновляет 30-минутные токены`;
}

function caFileReason(reason: string): string {
  switch (reason) {
    case 'missing':
      return 'файла нет';
    case 'unreadable':
      return 'файл не читается';
    case 'not-pem':
      return 'это не PEM-сертификат (нет строки -----BEGIN CERTIFICATE-----)';
    case 'der':
      return 'он в двоичном формате DER, а Node нужен PEM';
    case 'private-key':
      return 'в нём закрытый ключ, а не сертификат';
    case 'double-base64':
      return 'PEM-текст закодирован в Base64 ещё раз';
    case 'empty':
      return 'файл пустой';
    case 'too-large':
      return 'файл слишком большой для CA-сертификата';
    default:
      return reason || 'это не пригодный PEM-сертификат';
  }
}

// ---------- каталог ----------

const codes: Partial<Record<Code, CodeText>> = {
  // --- env ---

  // --- format ---
  CREDENTIALS_NOT_BASE64: {
    title: 'Ключ не в Base64',
    summary: (d) =>
      `${v(d)}${at(d)} — некорректный Base64${opt(d.position, ': первый недопустимый символ на позиции ')}${has(d.position) ? opt(d.length, ' из ') : opt(d.length, ' (', ' симв.)')}`,
    remediation: (d, ctx) => [
      'В ключе только A–Z, a–z, 0–9, +, / и «=» в конце; обычно виноваты обрезанная копия, лишний символ с переноса строки или URL-кодирование (%3D вместо =)',
      'Скопируйте ключ из Studio заново целиком или сгенерируйте новый',
      fixAt(d, ctx),
    ],
  },

  // --- endpoints ---

  // --- dns ---

  // --- tcp ---

  // --- tls ---
  TLS_OK: {
    title: 'Сертификат проверен',
    summary: (d) => {
      const targets = records(d.targets).map((t) => {
        const timing = records([t.timings])[0] ?? {};
        const times = [opt(ms(timing.connectMs), 'соединение '), opt(ms(timing.tlsMs), 'TLS ')].filter(Boolean).join(', ');
        const extra = [opt(t.issuer, 'издатель '), opt(t.validTo, 'действует до '), opt(t.proxy, 'через '), times].filter(Boolean).join(', ');
        return `${str(t.host, '?')}:${portFor(t.host, t.port)}${extra ? ` (${extra})` : ''}`;
      });
      return targets.length ? `Цепочка проверена: ${targets.join('; ')}` : 'Цепочки сертификатов проверены';
    },
    remediation: () => [],
  },
  TLS_UNTRUSTED_ROOT: {
    title: 'Нет корневого сертификата Минцифры',
    summary: (d) => {
      const head = `${hostPort(d)}: цепочка сертификатов${opt(d.issuer, ' (издатель ', ')')} не проходит проверку${opt(d.errno, ' (', ')')}`;
      if (d.verifiesWithRussianRoot === false) {
        const why = d.claimsRussianRoot === true
          ? ': она носит имя Russian Trusted Root CA, но подписана не настоящим корнем, так что этому процессу не хватает корня, которым она подписана на самом деле'
          : ` и не ведёт к Russian Trusted Root CA: этому процессу не хватает корня ${opt(d.issuer, '«', '»') || 'её издателя'}`;
        return `${head}${why}${opt(d.caFile, '; указанный CA-файл ', ' не помог')}`;
      }
      const proof = d.verifiesWithRussianRoot === true ? ' С встроенным корнем (SHA-256 D2:6D…CF:31) она проверяется: установка этого корня всё исправит' : '';
      return `${head} — этот Node не доверяет Russian Trusted Root CA (НУЦ Минцифры)` +
        opt(d.caFile, '; указанный CA-файл ', ' не помог') + (proof ? `.${proof}` : '');
    },
    remediation: (d, ctx) => {
      if (d.verifiesWithRussianRoot === false) {
        const file = 'server-root-ca.pem';
        return [
          d.claimsRussianRoot === true
            ? `Настоящий корень Минцифры (SHA-256 D2:6D…CF:31) не поможет: возьмите у владельцев ${str(d.host, 'этого сервера')} CA-сертификат (PEM), которым цепочка подписана на самом деле — у тестового стенда он свой`
            : `Корень Минцифры здесь не поможет: возьмите корневой сертификат ${opt(d.issuer, '«', '»') || 'издателя'} (PEM) у владельцев ${str(d.host, 'этого сервера')}`,
          caNodeStep(ctx, file),
          `Python SDK: ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', caPath(ctx, file))}; gigadoctor: --ca-file ${caPath(ctx, file)}`,
          osStoreStep(ctx, file),
        ];
      }
      const first = has(d.caFile)
        ? `${str(d.caFile)} не подтверждает эту цепочку: проверьте, что в нём Russian Trusted Root CA. ${caGetStep(ctx)}`
        : caGetStep(ctx);
      return [
        first,
        caNodeStep(ctx),
        `Python SDK: ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', caPath(ctx))} (gigadoctor тоже её читает, либо --ca-file)`,
        osStoreStep(ctx),
      ];
    },
  },
  TLS_INTERCEPTED: {
    title: 'TLS перехватывается',
    summary: (d) => {
      const who = opt(d.issuer, '«', '»') || 'неизвестным издателем';
      const how = d.claimsRussianRoot === true
        ? `цепочка носит имя Russian Trusted Root CA, но им не подписана (верхний издатель ${opt(d.issuer, '«', '»') || 'неизвестен'})`
        : `сертификат выдан ${who}, а не Russian Trusted Root CA`;
      return `TLS-соединение с ${hostPort(d, 'сервером')}${opt(d.proxy, ' через прокси ')} перехвачено: ${how} — трафик переподписывает ${has(d.proxy) ? 'этот прокси' : 'корпоративный прокси'} или антивирус`;
    },
    remediation: (d, ctx) => [
      `Попросите у администраторов корневой сертификат ${opt(d.issuer, '«', '»') || 'перехватывающего прокси'} (PEM) и подключите его до запуска node: ${ctx.setEnv('NODE_EXTRA_CA_CERTS', caPath(ctx, 'corporate-root.pem'))}; ` +
        'в файле может быть несколько сертификатов — допишите туда и Russian Trusted Root CA (gigadoctor ca --out russian-trusted-root-ca.pem)',
      `Или попросите исключить ${OFFICIAL.authHost}, ${OFFICIAL.apiHosts.join(', ')} из TLS-инспекции` +
        (has(d.proxy) ? `; если они доступны напрямую, пустите их мимо прокси: ${ctx.setEnv('NO_PROXY', GIGACHAT_NO_PROXY)}` : ''),
      'Если это локальный антивирус («проверка защищённых соединений», HTTPS-сканирование), добавьте эти хосты в исключения',
      `Python SDK: тот же PEM-файл в ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', caPath(ctx, 'corporate-root.pem'))}`,
    ],
  },
  TLS_HOSTNAME_MISMATCH: {
    title: 'Сертификат на другое имя',
    summary: (d) =>
      `${hostPort(d)} предъявил сертификат на ${str(d.certNames, 'другие имена')}, а не на ${str(d.host, 'этот хост')}`,
    remediation: (d) => [
      'Указывайте в URL официальное имя хоста, а не IP-адрес или псевдоним',
      `Проверьте, не переопределён ли ${str(d.host, 'хост')} в файле hosts: /etc/hosts (Windows: C:\\Windows\\System32\\drivers\\etc\\hosts)`,
      `Если вместо GigaChat отвечает шлюз или прокси, попросите его владельцев выпустить сертификат на ${str(d.host, 'этот хост')} или исключить хост`,
    ],
  },
  TLS_EXPIRED: {
    title: 'Сертификат просрочен',
    summary: (d) =>
      `Срок сертификата${opt(d.subject, ' «', '»')} ${hostPort(d, 'сервера')} истёк${opt(d.validTo, ' ')} — по часам этой машины${clockSays(d.clock)}`,
    remediation: (d, ctx) => {
      const clockOk = clockVerdict(d.clock) === 'ok';
      return [
        ...(clockOk ? [] : [clockCheckStep(ctx)]),
        'Если часы верные, просроченный сертификат — не обычный сертификат GigaChat: на пути прокси или антивирус (издателя покажет --verbose) либо устаревший сертификат в вашем CA-файле',
        'Повторите позже; если не проходит, сообщите в поддержку GigaChat хост и время',
      ];
    },
  },
  TLS_NOT_YET_VALID: {
    title: 'Сертификат ещё не действует',
    summary: (d) =>
      `Сертификат${opt(d.subject, ' «', '»')} ${hostPort(d, 'сервера')} действует только с ${str(d.validFrom, 'более поздней даты')}` +
      (clockVerdict(d.clock) === 'ok' ? clockSays(d.clock) : ` — вероятно, часы этой машины отстают${clockSays(d.clock)}`),
    remediation: (d, ctx) => clockVerdict(d.clock) === 'ok'
      ? ['Часы совпадают с серверными: сертификат поставили раньше даты начала его действия — сообщите хост и время его владельцам', reportStep]
      : [
        clockCheckStep(ctx),
        'В WSL2 и виртуалках часы уходят после сна: wsl --shutdown или перезапуск ВМ; контейнеры берут время хоста',
      ],
  },
  TLS_TIMEOUT: {
    title: 'Таймаут TLS-рукопожатия',
    summary: (d) => `TLS-рукопожатие с ${hostPort(d, 'сервером')}${opt(d.proxy, ' через ')} не завершилось${opt(ms(d.timeoutMs), ' за ')}; ${RETRY}`,
    remediation: (_d, ctx) => [
      'Запустите ещё раз',
      `TCP проходит, а TLS зависает — типично для DPI или фильтрующего файрвола: попробуйте другую сеть, без VPN или через корпоративный прокси: ${ctx.setEnv('HTTPS_PROXY', PROXY)}`,
      timeoutStep,
    ],
  },
  TLS_HANDSHAKE_FAILED: {
    title: 'Ошибка TLS-рукопожатия',
    summary: (d) => `TLS-рукопожатие с ${hostPort(d, 'сервером')} не удалось${opt([str(d.errno), str(d.message)].filter(Boolean).join(' '), ': ')}`,
    remediation: (d) => {
      const { host, port } = targetOf(d);
      return [
        `Посмотрите, что отдаёт сервер: openssl s_client -connect ${host}:${port} -servername ${host}`,
        'Та же ошибка бывает, когда на этом порту отвечает прокси или промежуточное устройство, не говорящее по TLS: проверьте HTTPS_PROXY и NO_PROXY',
        'Используйте актуальный Node (20.18 или новее)',
        reportStep,
      ];
    },
  },
  TLS_CLIENT_CERT_REQUIRED: {
    title: 'Нужен клиентский сертификат',
    summary: (d) =>
      `${hostPort(d)} требует клиентский сертификат (mTLS)${d.clientCertSent === true ? ' и не принял предложенный' : ', а он не настроен'}${opt(d.errno, ' (', ')')}`,
    remediation: (_d, ctx) => [
      `Укажите сертификат и ключ, выданные для этого сервиса: ${ctx.setEnv('GIGACHAT_CERT_FILE', caPath(ctx, 'client.crt'))} и ${ctx.setEnv('GIGACHAT_KEY_FILE', caPath(ctx, 'client.key'))} (и GIGACHAT_KEY_FILE_PASSWORD, если ключ зашифрован)`,
      'Python SDK читает эти переменные; JS SDK принимает их как https.Agent с cert, key и passphrase, переданный в httpsAgent',
      `Персональные и бизнес-ключи работают с публичными хостами (${OFFICIAL.baseUrl}), где клиентский сертификат не нужен: если mTLS неожидан, проверьте GIGACHAT_BASE_URL`,
    ],
  },
  TLS_CLIENT_CERT_REJECTED: {
    title: 'Клиентский сертификат отклонён',
    summary: (d) => `${hostPort(d)} отклонил клиентский сертификат${opt(d.certFile, ' из ')}${opt(d.errno, ' (', ')')}`,
    remediation: (d) => [
      `Проверьте, что это сертификат, выданный для этого сервиса, и он ещё действует: openssl x509 -in ${str(d.certFile, 'client.crt')} -noout -subject -issuer -dates`,
      'Если его выпустил промежуточный УЦ, допишите этот промежуточный сертификат в файл после самого сертификата',
      'Уточните у выпустившего, зарегистрирован ли сертификат для этого хоста; возможно, нужен новый',
    ],
  },
  TLS_SUB_CA_EXPIRING: {
    title: 'Скоро истекает Sub CA',
    summary: (d) =>
      `${hostPort(d)} предъявляет ${str(d.subject, 'Russian Trusted Sub CA')}, срок которого истекает${opt(d.validTo, ' ')}${opt(d.daysLeft, ' (через ', ' дн.)')}: всё, что доверяет этому промежуточному сертификату вместо корня, тогда сломается`,
    remediation: (_d, ctx) => [
      `Доверяйте корню, а не промежуточному: ${ctx.setEnv('NODE_EXTRA_CA_CERTS', caPath(ctx))} (gigadoctor ca --out ${OFFICIAL.caFile})`,
      `Если ваш бандл закрепляет Sub CA, добавьте его преемника («Russian Trusted Sub CA 2024») с ${OFFICIAL.caPage}`,
    ],
  },
  TLS_VERIFICATION_DISABLED: {
    title: 'Проверка TLS отключена',
    summary: (d) =>
      str(d.reason) === 'GIGACHAT_VERIFY_SSL_CERTS'
        ? `Ваше приложение ОТКЛЮЧАЕТ проверку сертификатов (GIGACHAT_VERIFY_SSL_CERTS${opt(sourceLabel(d.source), ' из ')}): ключ уйдёт любому подставному серверу; gigadoctor всё равно проверил`
        : `Проверка сертификатов ОТКЛЮЧЕНА${opt(d.reason, ' (', ')')}: ключ и токен ушли без доказательства, кто их получает; найденное проверкой показано как предупреждение`,
    remediation: (d, ctx) => [
      `Отключение проверки — никогда не решение: подключите Russian Trusted Root CA — gigadoctor ca --out ${OFFICIAL.caFile}, затем ${ctx.setEnv('NODE_EXTRA_CA_CERTS', caPath(ctx))} до запуска node`,
      str(d.reason) === 'GIGACHAT_VERIFY_SSL_CERTS'
        ? `Верните проверку: ${unsetEnv(ctx, 'GIGACHAT_VERIFY_SSL_CERTS')}${isFileSource(d.source) ? ` и удалите строку ${str(d.source)}` : ''}; Python SDK принимает CA-файл через ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', caPath(ctx))}`
        : 'Что нашла проверка, показано выше как предупреждение: клиент с включённой проверкой на этом остановится. Исправьте это и запустите gigadoctor без опции, отключающей проверку',
    ],
  },
  CA_FILE_INVALID: {
    title: 'CA-файл непригоден',
    summary: (d) =>
      `${str(d.variable, 'NODE_EXTRA_CA_CERTS')} указывает на ${str(d.path, 'файл')}, который нельзя использовать: ${caFileReason(str(d.reason))}`,
    remediation: (d, ctx) => {
      const reason = str(d.reason);
      const path = str(d.path, OFFICIAL.caFile);
      const name = str(d.variable, 'NODE_EXTRA_CA_CERTS');
      const steps: string[] = [];
      if (reason === 'missing' || reason === 'unreadable') {
        steps.push('Укажите абсолютный путь (относительный считается от каталога, из которого запускается приложение) и проверьте права на чтение');
      } else if (reason === 'der') {
        steps.push(`Переведите в PEM: openssl x509 -inform der -in ${path} -out ${OFFICIAL.caFile}`);
      } else if (reason === 'private-key') {
        steps.push(`Это закрытый ключ: никому его не передавайте; уберите его из ${name} и укажите сертификат УЦ`);
      } else if (reason === 'double-base64') {
        steps.push(`Раскодируйте один раз: ${decodeBase64FileCommand(ctx, path, caPath(ctx))} (хранилища секретов CI часто держат файлы в Base64)`);
      }
      steps.push(`Возьмите исправную копию: gigadoctor ca --out ${OFFICIAL.caFile} или ${OFFICIAL.caPage}; сверьте SHA-256 ${OFFICIAL.caSha256}`);
      if (name.startsWith('-')) {
        steps.push(`Передайте исправный файл: gigadoctor ${name} ${caPath(ctx)}; Node-приложению нужно ${ctx.setEnv('NODE_EXTRA_CA_CERTS', caPath(ctx))} до запуска node`);
      } else if (name === 'NODE_EXTRA_CA_CERTS') {
        steps.push(`Укажите его в NODE_EXTRA_CA_CERTS: ${ctx.setEnv(name, caPath(ctx))}; плохой файл Node молча пропускает, выдав лишь предупреждение`);
      } else {
        steps.push(`Укажите его в ${name}: ${ctx.setEnv(envNameOf(name), caPath(ctx))}`);
      }
      return steps;
    },
  },

  CLIENT_CERT_INVALID: {
    title: 'Клиентский сертификат непригоден',
    summary: (d) =>
      `${str(d.variable, 'GIGACHAT_CERT_FILE')}${opt(d.path, ' (', ')')} нельзя использовать для mTLS: ${clientCertReason(str(d.reason))}`,
    remediation: (d, ctx) => {
      const reason = str(d.reason);
      const path = str(d.path, str(d.which) === 'key' ? 'client.key' : 'client.crt');
      switch (reason) {
        case 'cert-not-set':
          return [`GIGACHAT_KEY_FILE задан, а сертификат — нет: ${ctx.setEnv('GIGACHAT_CERT_FILE', caPath(ctx, 'client.crt'))}`];
        case 'missing':
        case 'unreadable':
        case 'too-large':
          return [`Укажите абсолютный путь к файлу и проверьте права на чтение: ${ctx.setEnv(str(d.variable, 'GIGACHAT_CERT_FILE'), caPath(ctx, str(d.which) === 'key' ? 'client.key' : 'client.crt'))}`];
        case 'der':
          return [str(d.which) === 'key'
            ? `Переведите ключ в PEM: openssl pkey -inform der -in ${path} -out client.key`
            : `Переведите сертификат в PEM: openssl x509 -inform der -in ${path} -out client.crt`];
        case 'no-key':
          return [`В файле сертификата нет закрытого ключа: ${ctx.setEnv('GIGACHAT_KEY_FILE', caPath(ctx, 'client.key'))}`];
        case 'passphrase-missing':
          return [`Ключ зашифрован: задайте пароль там, где запускается приложение — ${ctx.setEnv('GIGACHAT_KEY_FILE_PASSWORD', '<пароль ключа>')}, — но не в командной строке`];
        case 'bad-passphrase':
          return ['GIGACHAT_KEY_FILE_PASSWORD не расшифровывает ключ: проверьте его (и что не прихватились кавычки или пробелы в конце)'];
        case 'key-mismatch':
          return ['Ключ не от этого сертификата: возьмите ключ, с которым создавался запрос на этот сертификат',
            `Сравните: openssl x509 -in ${str(d.path, 'client.crt')} -noout -pubkey и openssl pkey -in client.key -pubout должны совпасть`];
        default:
          return ['Проверьте файлы через openssl: openssl x509 -in client.crt -noout -subject -dates; openssl pkey -in client.key -noout'];
      }
    },
  },
  NODE_EXTRA_CA_CERTS_IN_ENV_FILE: {
    title: 'NODE_EXTRA_CA_CERTS только в .env',
    summary: (d) =>
      `NODE_EXTRA_CA_CERTS задан только в ${str(d.source, '.env')}${opt(d.path, ' (', ')')}: Node читает его один раз, при запуске процесса, раньше любого кода dotenv — Node-приложение этот CA не получит`,
    remediation: (d, ctx) => [
      `Задайте его там, где запускается node — в shell, unit-файле сервиса, Dockerfile (ENV) или CI: ${ctx.setEnv('NODE_EXTRA_CA_CERTS', str(d.path, caPath(ctx)))}`,
      `Затем удалите строку из ${str(d.source, '.env')}: она лишь создаёт видимость исправления`,
      `Python SDK вообще не читает NODE_EXTRA_CA_CERTS: ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', str(d.path, caPath(ctx)))}`,
    ],
  },

  // --- oauth ---

  // --- models ---

  // --- chat ---

  // --- runner ---
};

/** The codes not yet written as remedies + phrases (docs/catalog.md). */
export const legacyCodes = codes;
