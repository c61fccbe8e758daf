import type { Source } from '../../settings/types.js';
import type { Status } from '../../types.js';
import type { Lang } from '../types.js';
import { inLanguage, ruPlural } from './format.js';

/** The words of the Markdown report, the GitHub summary and the JUnit file that are not a finding's own text. */
export interface ReportText {
  title: string;
  result: string;
  rootCause: string;
  generated: (at: string, version: string) => string;
  privacy: string;
  status: Record<Status, string>;
  statusHead: string;
  exitMeaning: Record<0 | 1 | 3, string>;
  exitCode: (n: number) => string;
  counts: (c: Record<Status, number>) => string;
  blockedBy: (id: string) => string;
  // sections
  environment: string;
  settings: string;
  network: string;
  checks: string;
  requests: string;
  requestsIntro: string;
  problems: string;
  noProblems: string;
  whatToDo: string;
  reproduce: string;
  reproduceNote: string;
  presentedChain: string;
  alsoNoted: string;
  fullReport: string;
  // table heads
  setting: string;
  value: string;
  source: string;
  check: string;
  code: string;
  time: string;
  request: string;
  answer: string;
  sent: string;
  receivedId: string;
  receivedDate: string;
  // environment rows
  node: string;
  os: string;
  shell: string;
  language: string;
  // settings rows
  credential: string;
  credentialValue: (variable: string, length: number, fingerprint: string | null, kind: string) => string;
  credentialNone: string;
  kind: Record<'key' | 'accessToken' | 'password', string>;
  user: string;
  alsoSet: string;
  presentOnly: string;
  emptyVars: string;
  shadowed: string;
  shadowedValue: (name: string, file: string) => string;
  scope: string;
  authUrl: string;
  baseUrl: string;
  model: string;
  timeout: string;
  envFile: string;
  envFileState: Record<'loaded' | 'absent' | 'disabled' | 'unreadable', string>;
  chat: string;
  on: string;
  off: string;
  selection: string;
  all: string;
  strict: string;
  yes: string;
  no: string;
  // network rows
  proxyNone: string;
  passwordHidden: string;
  caFile: string;
  caFileOk: (n: number) => string;
  caFileBad: (reason: string) => string;
  nodeExtraCa: string;
  tlsVerification: string;
  tlsOff: string;
  appVerification: string;
  notSet: string;
  // sources
  sourceLabel: (source: Source, name: string) => string;
  // ci
  junitWarning: string;
  junitTransient: string;
  annotationTitle: (title: string, code: string) => string;
  runReport: string;
  /** Printed instead of a report whose self-check found a secret in it. */
  selfCheckFailed: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: ReportText = {
  title: 'gigadoctor report',
  result: 'Result',
  rootCause: 'Root cause',
  generated: (at, version) => `Made ${at} by gigadoctor ${version}.`,
  privacy: 'Secrets appear only as presence, length and a SHA-256 fingerprint; the text was checked for them before it was printed. The home directory is shown as ~.',
  status: { pass: 'pass', warn: 'warning', fail: 'fail', skip: 'skipped' },
  statusHead: 'Status',
  exitMeaning: { 0: 'nothing failed', 1: 'a definite problem', 3: 'inconclusive: every failure may pass on retry' },
  exitCode: (n) => `exit code ${n}`,
  counts: (c) => [
    plural(c.fail, 'failed', 'failed'),
    plural(c.warn, 'warning', 'warnings'),
    plural(c.pass, 'passed', 'passed'),
    plural(c.skip, 'skipped', 'skipped'),
  ].join(' · '),
  blockedBy: (id) => `not run: needs \`${id}\``,
  environment: 'Environment',
  settings: 'Settings',
  network: 'Proxy and certificates',
  checks: 'Checks',
  requests: 'Requests',
  requestsIntro: 'GigaChat support can find each call by these ids and times.',
  problems: 'Problems',
  noProblems: 'No problems found.',
  whatToDo: 'What to do',
  reproduce: 'Reproduce with curl',
  reproduceNote: 'secrets are read from environment variables, no value is written here',
  presentedChain: 'Presented certificate chain',
  alsoNoted: 'Also noted',
  fullReport: 'For the full report with settings, request ids and curl lines run `gigadoctor report`.',
  setting: 'Setting',
  value: 'Value',
  source: 'Source',
  check: 'Check',
  code: 'Code',
  time: 'Time',
  request: 'Request',
  answer: 'Answer',
  sent: 'Sent',
  receivedId: 'X-Request-ID received',
  receivedDate: 'Date received',
  node: 'Node.js',
  os: 'OS',
  shell: 'Shell of the commands',
  language: 'Language',
  credential: 'Credential',
  credentialValue: (variable, length, fp, kind) => `\`${variable}\`: present, ${length} characters${fp ? `, SHA-256 \`${fp}\`` : ''} (${kind})`,
  credentialNone: 'none found',
  kind: { key: 'authorization key', accessToken: 'access token', password: 'login and password' },
  user: 'User',
  alsoSet: 'Also set (not used)',
  presentOnly: 'present',
  emptyVars: 'Set but empty',
  shadowed: 'Set twice',
  shadowedValue: (name, file) => `\`${name}\`: the environment value wins over ${file}`,
  scope: 'Scope',
  authUrl: 'Auth URL',
  baseUrl: 'API base URL',
  model: 'Model',
  timeout: 'Timeout per step',
  envFile: '.env file',
  envFileState: { loaded: 'read', absent: 'none', disabled: 'not read (--no-env-file)', unreadable: 'unreadable' },
  chat: 'Chat probe',
  on: 'on',
  off: 'off',
  selection: 'Checks selected',
  all: 'all',
  strict: 'Strict (warnings fail)',
  yes: 'yes',
  no: 'no',
  proxyNone: 'not set',
  passwordHidden: 'password not shown',
  caFile: 'CA file',
  caFileOk: (n) => plural(n, 'certificate', 'certificates'),
  caFileBad: (reason) => `unusable: ${reason}`,
  nodeExtraCa: 'NODE_EXTRA_CA_CERTS',
  tlsVerification: 'TLS verification (gigadoctor)',
  tlsOff: 'OFF (--insecure)',
  appVerification: 'TLS verification (app, GIGACHAT_VERIFY_SSL_CERTS)',
  notSet: 'not set',
  sourceLabel: (source, name) => {
    if (source === 'flag') return `flag ${name}`;
    if (source === 'env') return `environment (${name})`;
    if (source === 'default') return 'default';
    return `${source} (${name})`;
  },
  junitWarning: 'WARNING',
  junitTransient: 'May pass on retry.',
  annotationTitle: (title, code) => `gigadoctor: ${title} (${code})`,
  runReport: 'Run `gigadoctor report` for a report to attach to a support ticket.',
  selfCheckFailed:
    'gigadoctor: report not printed: the self-check found a secret in it (a key, token or password, possibly base64- or URL-encoded). This is a gigadoctor bug: please report it with the output of gigadoctor check --json.\n',
};

const ru: ReportText = {
  title: 'Отчёт gigadoctor',
  result: 'Итог',
  rootCause: 'Причина',
  generated: (at, version) => `Составлен ${at}, gigadoctor ${version}.`,
  privacy: 'Секреты показаны только как наличие, длина и отпечаток SHA-256; перед выводом текст проверен на их отсутствие. Домашний каталог показан как ~.',
  status: { pass: 'пройдено', warn: 'предупреждение', fail: 'ошибка', skip: 'пропущено' },
  statusHead: 'Статус',
  exitMeaning: { 0: 'ошибок нет', 1: 'найдена проблема', 3: 'неокончательно: все сбои могут пройти при повторе' },
  exitCode: (n) => `код выхода ${n}`,
  counts: (c) => [
    ruPlural(c.fail, 'ошибка', 'ошибки', 'ошибок'),
    ruPlural(c.warn, 'предупреждение', 'предупреждения', 'предупреждений'),
    `${c.pass} пройдено`,
    `${c.skip} пропущено`,
  ].join(' · '),
  blockedBy: (id) => `не проверялось: нужна \`${id}\``,
  environment: 'Окружение',
  settings: 'Настройки',
  network: 'Прокси и сертификаты',
  checks: 'Проверки',
  requests: 'Запросы',
  requestsIntro: 'По этим идентификаторам и времени поддержка GigaChat найдёт каждый вызов.',
  problems: 'Проблемы',
  noProblems: 'Проблем не найдено.',
  whatToDo: 'Что сделать',
  reproduce: 'Повторить через curl',
  reproduceNote: 'секреты берутся из переменных окружения, их значений здесь нет',
  presentedChain: 'Предъявленная цепочка сертификатов',
  alsoNoted: 'Также замечено',
  fullReport: 'Полный отчёт с настройками, идентификаторами запросов и строками curl: `gigadoctor report`.',
  setting: 'Настройка',
  value: 'Значение',
  source: 'Источник',
  check: 'Проверка',
  code: 'Код',
  time: 'Время',
  request: 'Запрос',
  answer: 'Ответ',
  sent: 'Отправлено',
  receivedId: 'Получен X-Request-ID',
  receivedDate: 'Получен Date',
  node: 'Node.js',
  os: 'ОС',
  shell: 'Shell для команд',
  language: 'Язык',
  credential: 'Учётные данные',
  credentialValue: (variable, length, fp, kind) => `\`${variable}\`: задана, ${length} симв.${fp ? `, SHA-256 \`${fp}\`` : ''} (${kind})`,
  credentialNone: 'не найдены',
  kind: { key: 'ключ авторизации', accessToken: 'токен доступа', password: 'логин и пароль' },
  user: 'Пользователь',
  alsoSet: 'Также заданы (не используются)',
  presentOnly: 'задана',
  emptyVars: 'Заданы пустыми',
  shadowed: 'Заданы дважды',
  shadowedValue: (name, file) => `\`${name}\`: значение из окружения важнее, чем ${file}`,
  scope: 'Scope',
  authUrl: 'Адрес авторизации',
  baseUrl: 'Базовый адрес API',
  model: 'Модель',
  timeout: 'Тайм-аут шага',
  envFile: 'Файл .env',
  envFileState: { loaded: 'прочитан', absent: 'нет', disabled: 'не читался (--no-env-file)', unreadable: 'не читается' },
  chat: 'Пробный запрос к чату',
  on: 'вкл.',
  off: 'выкл.',
  selection: 'Выбранные проверки',
  all: 'все',
  strict: 'Строгий режим (предупреждение = ошибка)',
  yes: 'да',
  no: 'нет',
  proxyNone: 'не задан',
  passwordHidden: 'пароль не показан',
  caFile: 'Файл CA',
  caFileOk: (n) => ruPlural(n, 'сертификат', 'сертификата', 'сертификатов'),
  caFileBad: (reason) => `непригоден: ${reason}`,
  nodeExtraCa: 'NODE_EXTRA_CA_CERTS',
  tlsVerification: 'Проверка TLS (gigadoctor)',
  tlsOff: 'ВЫКЛЮЧЕНА (--insecure)',
  appVerification: 'Проверка TLS (приложение, GIGACHAT_VERIFY_SSL_CERTS)',
  notSet: 'не задан',
  sourceLabel: (source, name) => {
    if (source === 'flag') return `флаг ${name}`;
    if (source === 'env') return `окружение (${name})`;
    if (source === 'default') return 'по умолчанию';
    return `${source} (${name})`;
  },
  junitWarning: 'ПРЕДУПРЕЖДЕНИЕ',
  junitTransient: 'Может пройти при повторе.',
  annotationTitle: (title, code) => `gigadoctor: ${title} (${code})`,
  runReport: 'Отчёт для обращения в поддержку: `gigadoctor report`.',
  selfCheckFailed:
    'gigadoctor: отчёт не выведен — самопроверка нашла в нём секрет (ключ, токен или пароль, возможно в base64 или URL-кодировке). Это ошибка gigadoctor: сообщите о ней, приложив вывод gigadoctor check --json.\n',
};

export function reportText(lang: Lang): ReportText {
  return inLanguage(lang, { en, ru });
}
