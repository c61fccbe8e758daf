import type { Lang } from '../types.js';
import { inLanguage } from './format.js';

/** The words of `--help`: commands, options (by flag), commander's own headings, the examples. */
export interface CliWords {
  program: string;
  commands: Record<'check' | 'report' | 'ca' | 'explain' | 'mock' | 'fingerprint', string>;
  options: Record<string, string>;
  /** commander's section titles and its own two options. */
  titles: Record<string, string>;
  help: string;
  version: string;
  helpCommand: string;
  examples: string;
}

const en: CliWords = {
  program: 'Diagnoses connectivity to GigaChat: credentials, endpoints, DNS, TCP, TLS, OAuth, models, chat, and your app\'s code and Python.',
  commands: {
    check: 'run the diagnostic checks (the default command)',
    report: 'run the checks and print a Markdown report to paste into a support ticket (secrets never included)',
    ca: 'write the Russian Trusted Root CA and Sub CA (PEM) with their SHA-256 fingerprints',
    explain: 'explain an error message or a whole log: known GigaChat problems, grouped, with remedies; offline',
    mock: 'start a local GigaChat stand-in (auth + API over HTTPS) to develop and test without an account',
    fingerprint: 'read a key on stdin (never shown) and print the fingerprint the report shows for it, to tell keys apart',
  },
  options: {
    '--json': 'print the JSON report (schema v1) on stdout, nothing else',
    '--format': 'output format',
    '--dotenv': 'read variables from this file (default: ./.env when present)',
    '--no-dotenv': 'do not read any .env file',
    '--auth-url': 'OAuth URL (GIGACHAT_AUTH_URL)',
    '--base-url': 'API base URL (GIGACHAT_BASE_URL)',
    '--scope': 'the key\'s scope: {scopes} (GIGACHAT_SCOPE)',
    '--model': 'model to look for and probe (GIGACHAT_MODEL; default {model})',
    '--ca-file': 'extra CA certificates, PEM (GIGACHAT_CA_BUNDLE_FILE)',
    '--insecure': 'turn TLS verification off (every TLS finding becomes a loud warning)',
    '--timeout': 'timeout of each network step in ms (GIGACHAT_TIMEOUT is seconds; default 10000)',
    '--no-chat': 'skip the one-token chat probe (spends no tokens)',
    '--only': 'run only these checks (and what they need): {ids}',
    '--skip': 'skip these checks',
    '--project': 'the app\'s folder the code and python checks look at (default: the current folder)',
    '--lang': 'language (default: GIGADOCTOR_LANG, LC_ALL/LC_MESSAGES/LANG, else the OS locale)',
    '--shell': 'shell the remedies’ commands are written for (default: detected)',
    '--strict': 'a warning fails the run (exit 1)',
    '--verbose': 'show the evidence of every check: status, ids, timings',
    '--no-color': 'no colours (FORCE_COLOR and NO_COLOR as in Node)',
    '--out': 'write the PEM bundle to this file instead of stdout (an existing different file is never overwritten; an identical one is left as is)',
    text: 'the error text (or pipe it on stdin)',
    '--file': 'read the log from this file (any size, UTF-8, UTF-16 with BOM or CP1251)',
    '--follow': 'with --file: keep reading as the file grows (as tail -f), each new finding printed once',
    'explain --json': 'findings as JSON (one JSON object per line with --follow)',
    '--port': 'API port (default: a free one)',
    '--auth-port': 'OAuth port (default: a free one)',
    '--scenario': 'fault to serve from the start (see --list)',
    '--latency': 'delay every answer by this many ms',
    '--token-ttl': 'access token lifetime in seconds, to test refresh (default: 1800, as the real service)',
    '--key-scope': 'scope of the generated key: {scopes}',
    '--env-out': 'also write the variables to paste as a .env file',
    '--list': 'list the scenarios and exit',
  },
  titles: { 'Usage:': 'Usage:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Arguments:': 'Arguments:' },
  help: 'display help for command',
  version: 'output the version number',
  helpCommand: 'display help for command',
  examples: `
Examples:
  $ gigadoctor                          run every check (the key comes from GIGACHAT_CREDENTIALS or ./.env)
  $ gigadoctor check --no-chat --json   CI preflight: no tokens spent, JSON on stdout
  $ NODE_EXTRA_CA_CERTS=./russian-trusted-root-ca.pem gigadoctor
  $ gigadoctor report > gigachat-report.md     a report to paste into a support ticket
  $ gigadoctor explain --file logs/app.log     what the app logged, explained
  $ gigadoctor ca --out russian-trusted-root-ca.pem
  $ gigadoctor mock                     a local GigaChat to try things without an account

Exit codes: 0 nothing failed · 1 a problem found · 2 usage error · 3 inconclusive (timeouts, 429, 5xx: retry)
The key is never taken from the command line: set GIGACHAT_CREDENTIALS in the environment or in .env.`,
};

const ru: CliWords = {
  program: 'Диагностика подключения к GigaChat: ключ, адреса, DNS, TCP, TLS, OAuth, модели, чат, а также код и Python вашего приложения.',
  commands: {
    check: 'выполнить проверки (команда по умолчанию)',
    report: 'выполнить проверки и вывести отчёт в Markdown для обращения в поддержку (без секретов)',
    ca: 'записать Russian Trusted Root CA и Sub CA (PEM) с их отпечатками SHA-256',
    explain: 'объяснить сообщение об ошибке или целый лог: известные проблемы GigaChat, сгруппированные, с решениями; без сети',
    mock: 'запустить локальную замену GigaChat (авторизация и API по HTTPS), чтобы разрабатывать и проверять без учётной записи',
    fingerprint: 'прочитать ключ со stdin (он не показывается) и вывести его отпечаток, как в отчёте, — чтобы различать ключи',
  },
  options: {
    '--json': 'вывести на stdout только отчёт JSON (схема v1)',
    '--format': 'формат вывода',
    '--dotenv': 'читать переменные из этого файла (по умолчанию ./.env, если он есть)',
    '--no-dotenv': 'не читать файл .env',
    '--auth-url': 'адрес OAuth (GIGACHAT_AUTH_URL)',
    '--base-url': 'базовый адрес API (GIGACHAT_BASE_URL)',
    '--scope': 'область ключа: {scopes} (GIGACHAT_SCOPE)',
    '--model': 'модель, которую искать и проверять (GIGACHAT_MODEL; по умолчанию {model})',
    '--ca-file': 'дополнительные сертификаты УЦ, PEM (GIGACHAT_CA_BUNDLE_FILE)',
    '--insecure': 'отключить проверку TLS (каждая находка TLS становится громким предупреждением)',
    '--timeout': 'тайм-аут каждого сетевого шага в мс (GIGACHAT_TIMEOUT — в секундах; по умолчанию 10000)',
    '--no-chat': 'не делать пробный запрос к чату (токены не тратятся)',
    '--only': 'выполнить только эти проверки (и то, что им нужно): {ids}',
    '--skip': 'пропустить эти проверки',
    '--project': 'папка приложения для проверок code и python (по умолчанию текущая)',
    '--lang': 'язык (по умолчанию: GIGADOCTOR_LANG, LC_ALL/LC_MESSAGES/LANG, иначе язык ОС)',
    '--shell': 'оболочка, для которой написаны команды в решениях (по умолчанию определяется)',
    '--strict': 'предупреждение считается ошибкой (код 1)',
    '--verbose': 'показать подробности каждой проверки: статусы, идентификаторы, время',
    '--no-color': 'без цвета (FORCE_COLOR и NO_COLOR — как в Node)',
    '--out': 'записать PEM в этот файл вместо stdout (другой существующий файл не перезаписывается; такой же остаётся как есть)',
    text: 'текст ошибки (или подайте его на stdin)',
    '--file': 'читать лог из этого файла (любого размера; UTF-8, UTF-16 с BOM или CP1251)',
    '--follow': 'с --file: читать дальше по мере роста файла (как tail -f), каждую новую находку — один раз',
    'explain --json': 'находки в JSON (с --follow — по объекту JSON на строку)',
    '--port': 'порт API (по умолчанию свободный)',
    '--auth-port': 'порт OAuth (по умолчанию свободный)',
    '--scenario': 'с какой неисправности начать (см. --list)',
    '--latency': 'задерживать каждый ответ на столько мс',
    '--token-ttl': 'время жизни токена в секундах, чтобы проверить обновление (по умолчанию 1800, как у сервиса)',
    '--key-scope': 'область созданного ключа: {scopes}',
    '--env-out': 'ещё и записать переменные в файл .env',
    '--list': 'показать список сценариев и выйти',
  },
  titles: { 'Usage:': 'Использование:', 'Options:': 'Параметры:', 'Commands:': 'Команды:', 'Arguments:': 'Аргументы:' },
  help: 'показать справку по команде',
  version: 'показать номер версии',
  helpCommand: 'показать справку по команде',
  examples: `
Примеры:
  $ gigadoctor                          все проверки (ключ — из GIGACHAT_CREDENTIALS или ./.env)
  $ gigadoctor check --no-chat --json   проверка в CI: токены не тратятся, JSON на stdout
  $ NODE_EXTRA_CA_CERTS=./russian-trusted-root-ca.pem gigadoctor
  $ gigadoctor report > gigachat-report.md     отчёт для обращения в поддержку
  $ gigadoctor explain --file logs/app.log     что записало приложение, с объяснением
  $ gigadoctor ca --out russian-trusted-root-ca.pem
  $ gigadoctor mock                     локальный GigaChat, чтобы попробовать без учётной записи

Коды выхода: 0 ошибок нет · 1 найдена проблема · 2 ошибка в команде · 3 неясно (тайм-ауты, 429, 5xx: повторите)
Ключ никогда не берётся из командной строки: задайте GIGACHAT_CREDENTIALS в окружении или в .env.`,
};

export function cliWords(lang: Lang): CliWords {
  return inLanguage(lang, { en, ru });
}
