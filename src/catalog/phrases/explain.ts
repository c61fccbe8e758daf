// The words of `gigadoctor explain` around the findings (whose own words are the remedies'): its
// messages, its hints, the summaries of what a log shows, and the trust steps of each runtime.
import type { Code } from '../codes.js';
import type { FileProblem } from '../../explain/input.js';
import type { HintId } from '../../explain/rule-kit.js';
import type { Lang } from '../types.js';
import { inLanguage, ruPlural } from './format.js';

/** What a log summary may name: the host (and port) the app talked to, '' when unknown, and the finding's details. */
export interface LogFacts {
  where: string;
  host: string;
  variable: string;
  reason: string;
  url: string;
  status: number | undefined;
  model: string | undefined;
}

/** The pieces of the trust steps, commands already written for the user's shell. */
export interface TrustParams {
  /** The Russian root's file name. */
  file: string;
  /** The Python SDK's CA variable set to the file. */
  setCaBundle: string;
  setRequests: string;
  setSslCertFile: string;
  setNode: string;
  /** The app uses langchain-gigachat too. */
  langchain: boolean;
  /** The command that writes the file: gigadoctor as the user ran it, `ca --out <file>`. */
  writeCa: string;
}

export interface ExplainWords {
  found: (n: number) => string;
  in: string;
  /** "line 3" / "4×, lines 3, 7, …" for the already shortened list of line numbers. */
  lines: (list: string, count: number) => string;
  confirm: string;
  noMatch: string;
  noText: string;
  followNeedsFile: string;
  fileAndText: string;
  fileProblem: (p: FileProblem, path: string) => string;
  /** What explain adds beyond the catalogue: problems it has no code for, and "paste more". */
  hints: Record<HintId, string>;
  /** What the log shows, for codes whose catalogue summary reports a check's observation. */
  summaries: Partial<Record<Code, (f: LogFacts) => string>>;
  /** Trusting the Russian root, per runtime; present.ts decides which and in what order. */
  trust: {
    pythonSdk: (p: TrustParams) => string;
    pythonRequests: (p: TrustParams) => string;
    pythonNever: string;
    node: (p: TrustParams) => string;
    curl: (p: TrustParams) => string;
    java: (p: TrustParams) => string;
    dotnet: string;
  };
}

const en: ExplainWords = {
  found: (n) => (n === 1 ? '1 known problem' : `${n} known problems`),
  in: 'seen in',
  lines: (list, count) => `${count === 1 ? 'line' : `${count}×, lines`} ${list}`,
  confirm: 'Confirm on this machine: gigadoctor check (add --no-chat to spend no tokens); it tests the real setup step by step.',
  noMatch:
    'No known GigaChat problem found in this text. Run gigadoctor check: it tests the key, the network, TLS, OAuth and the API from this machine and names the step that fails.',
  noText:
    'give the error text as an argument (gigadoctor explain "SELF_SIGNED_CERT_IN_CHAIN"), on stdin (… 2>&1 | gigadoctor explain) or as a file (--file logs/app.log)',
  followNeedsFile: '--follow needs --file PATH (the log to follow)',
  fileAndText: 'give either --file or the text, not both',
  fileProblem: (p, path) =>
    ({
      missing: `${path}: no such file`,
      directory: `${path} is a folder; give a log file`,
      'not-regular': `${path} is not a regular file (a device never ends); give a log file or pipe it on stdin`,
      unreadable: `${path} cannot be read (permissions?)`,
    })[p],
  hints: {
    'mtls-httpx':
      'TLSV13_ALERT_CERTIFICATE_REQUIRED: the server asked for a client certificate (mTLS) and got none. ' +
      'With the Python SDK this is a known regression with httpx 0.28 and newer (ai-forever/gigachat#64): pin httpx==0.27.2, ' +
      'and check that GIGACHAT_CERT_FILE and GIGACHAT_KEY_FILE point to your client certificate and key.',
    'response-error-status':
      'ResponseError alone does not say what went wrong: it carries the HTTP status and body. Paste the whole line with the status (e.g. "(…, 402, b\'{…}\', …)") or run gigadoctor check.',
    'tls-interception':
      'If the certificate is issued by your company (a proxy or antivirus re-signing traffic) rather than by the Russian Trusted Root CA, the cause is TLS interception: gigadoctor check tells the two apart.',
    'several-candidates':
      'The text names only an HTTP status or an exception, which has several causes; the error body (e.g. {"code":7,…}) would decide. gigadoctor check tells which one it is.',
  },
  summaries: {
    TLS_UNTRUSTED_ROOT: (f) =>
      `The app could not verify the certificate chain of ${f.where || 'the server'}: most likely the trust store it uses lacks the Russian Trusted Root CA; if a corporate proxy or antivirus re-signs traffic, the cause is that instead`,
    TLS_EXPIRED: (f) =>
      `The app saw an expired certificate from ${f.where || 'the server'}: either the certificate is out of date (a proxy or an old CA file in the way) or the app's clock is wrong`,
    TLS_NOT_YET_VALID: (f) => `The app saw a certificate from ${f.where || 'the server'} that is not valid yet: the app's clock is probably behind`,
    ENDPOINT_KNOWN_WRONG: (f) =>
      `The log names ${f.host || 'a wrong host'}, an address from outdated guides that is not GigaChat's: if your app reads ${f.variable || 'the URL'} from its settings, it may be set to it`,
    CREDENTIALS_UNOFFICIAL_NAME: (f) =>
      `The log names ${f.variable || 'a variable'}, which the official SDKs do not read: a key kept there is not seen by them (they read GIGACHAT_CREDENTIALS)`,
    TLS_VERIFICATION_DISABLED: (f) =>
      `The log shows certificate verification turned off (${f.reason || 'verify=False'}): an app doing that would hand its key to any impostor`,
    TLS_CLIENT_CERT_REQUIRED: (f) => `${f.where || 'The server'} demands a client certificate (mTLS), and the app presented none it accepts`,
    API_REDIRECT: (f) =>
      `${f.url || 'The API'} answered with a redirect${f.status !== undefined ? ` (HTTP ${f.status})` : ''}: the base URL the app uses is probably not the API's own`,
    CREDENTIALS_BEARER_PREFIX: () =>
      'The log shows "Bearer Bearer": the token the app sends already carries the prefix (if it comes from GIGACHAT_ACCESS_TOKEN, the value there starts with "Bearer ")',
    CREDENTIALS_MISSING: () => 'The app says it found no credentials: the key may not be set where the app runs',
    CHAT_MODEL_NOT_FOUND: (f) =>
      `The API answered 404 "No such model"${f.model !== undefined ? ` for ${f.model}` : ': the model the app asked for (the log does not name it) is not available to this key'}`,
  },
  trust: {
    pythonSdk: (p) =>
      `GigaChat Python SDK${p.langchain ? ' and langchain-gigachat' : ''}: ${p.setCaBundle} (or GigaChat(ca_bundle_file="${p.file}")); ${p.writeCa} writes the file`,
    pythonRequests: (p) =>
      `requests / urllib3: ${p.setRequests}; httpx and the ssl module: ${p.setSslCertFile} — the file must also hold the public roots: start from certifi's bundle (python -m certifi prints its path) and append the Russian root`,
    pythonNever: 'Do not turn verification off (verify=False, verify_ssl_certs=False): the key and tokens would go to whoever answers',
    node: (p) => `Node: ${p.setNode} before node starts (a line in .env does nothing); ${p.writeCa} writes the file`,
    curl: (p) => `curl: curl --cacert ${p.file} … (${p.writeCa} writes the file), never --insecure`,
    java: (p) => `Java: keytool -importcert -alias russian-trusted-root -file ${p.file} -cacerts (or a truststore passed with -Djavax.net.ssl.trustStore)`,
    dotnet: ".NET reads the operating system's store: install the root there (the steps below)",
  },
};

const ru: ExplainWords = {
  found: (n) => ruPlural(n, 'известная проблема', 'известные проблемы', 'известных проблем'),
  in: 'найдено в',
  lines: (list, count) => `${count === 1 ? 'строка' : `${count} раз, строки`} ${list}`,
  confirm: 'Проверьте на этой машине: gigadoctor check (с --no-chat токены не тратятся) — он проверит настройку шаг за шагом.',
  noMatch:
    'В этом тексте не найдено известных проблем GigaChat. Запустите gigadoctor check: он проверит ключ, сеть, TLS, OAuth и API с этой машины и назовёт шаг, который не проходит.',
  noText:
    'нужен текст ошибки — аргументом (gigadoctor explain "SELF_SIGNED_CERT_IN_CHAIN"), на stdin (… 2>&1 | gigadoctor explain) или файлом (--file logs/app.log)',
  followNeedsFile: '--follow работает с --file PATH (какой лог читать)',
  fileAndText: 'укажите либо --file, либо текст, но не оба',
  fileProblem: (p, path) =>
    ({
      missing: `${path}: файла нет`,
      directory: `${path} — папка; укажите файл лога`,
      'not-regular': `${path} — не обычный файл (устройство не кончается); укажите файл лога или подайте его на stdin`,
      unreadable: `${path} не читается (права доступа?)`,
    })[p],
  hints: {
    'mtls-httpx':
      'TLSV13_ALERT_CERTIFICATE_REQUIRED: сервер запросил клиентский сертификат (mTLS) и не получил его. ' +
      'В Python SDK это известная регрессия с httpx 0.28 и новее (ai-forever/gigachat#64): закрепите httpx==0.27.2 ' +
      'и проверьте, что GIGACHAT_CERT_FILE и GIGACHAT_KEY_FILE указывают на ваш клиентский сертификат и ключ.',
    'response-error-status':
      'Одно имя ResponseError не говорит, что случилось: внутри него HTTP-статус и тело ответа. Вставьте строку целиком, со статусом (например, «(…, 402, b\'{…}\', …)»), или запустите gigadoctor check.',
    'tls-interception':
      'Если сертификат выпущен вашей компанией (прокси или антивирус переподписывает трафик), а не Russian Trusted Root CA, причина — перехват TLS: gigadoctor check различает эти случаи.',
    'several-candidates':
      'В тексте есть только HTTP-статус или имя исключения, а у них несколько причин; решило бы тело ответа (например, {"code":7,…}). Какая именно — покажет gigadoctor check.',
  },
  summaries: {
    TLS_UNTRUSTED_ROOT: (f) =>
      `Приложение не смогло проверить цепочку сертификатов ${f.where || 'сервера'}: скорее всего, в хранилище, которым оно пользуется, нет Russian Trusted Root CA; если трафик переподписывает корпоративный прокси или антивирус, причина в этом`,
    TLS_EXPIRED: (f) =>
      `Приложение получило от ${f.where || 'сервера'} просроченный сертификат: либо сертификат устарел (на пути прокси или старый CA-файл), либо часы приложения врут`,
    TLS_NOT_YET_VALID: (f) => `Приложение получило от ${f.where || 'сервера'} сертификат, который ещё не действует: часы приложения, вероятно, отстают`,
    ENDPOINT_KNOWN_WRONG: (f) =>
      `В логе — ${f.host || 'неверный адрес'}, адрес из устаревших инструкций, он не принадлежит GigaChat: если приложение берёт ${f.variable || 'URL'} из настроек, возможно, там он и записан`,
    CREDENTIALS_UNOFFICIAL_NAME: (f) =>
      `В логе — ${f.variable || 'переменная'}, которую официальные SDK не читают: ключ в ней они не увидят (они читают GIGACHAT_CREDENTIALS)`,
    TLS_VERIFICATION_DISABLED: (f) =>
      `В логе видно, что проверка сертификатов выключена (${f.reason || 'verify=False'}): так приложение отдаст ключ любому, кто подменит сервер`,
    TLS_CLIENT_CERT_REQUIRED: (f) => `${f.where || 'Сервер'} требует клиентский сертификат (mTLS), а приложение не предъявило подходящего`,
    API_REDIRECT: (f) =>
      `${f.url || 'API'} ответил перенаправлением${f.status !== undefined ? ` (HTTP ${f.status})` : ''}: похоже, приложение использует не тот базовый URL`,
    CREDENTIALS_BEARER_PREFIX: () =>
      'В логе «Bearer Bearer»: токен, который отправляет приложение, уже содержит префикс (если он из GIGACHAT_ACCESS_TOKEN, значение там начинается с «Bearer »)',
    CREDENTIALS_MISSING: () => 'Приложение сообщает, что не нашло учётных данных: возможно, ключ не задан там, где оно запускается',
    CHAT_MODEL_NOT_FOUND: (f) =>
      `API ответил 404 «No such model»${f.model !== undefined ? ` для ${f.model}` : ': модель, которую запросило приложение (в логе она не названа), недоступна этому ключу'}`,
  },
  trust: {
    pythonSdk: (p) =>
      `GigaChat Python SDK${p.langchain ? ' и langchain-gigachat' : ''}: ${p.setCaBundle} (или GigaChat(ca_bundle_file="${p.file}")); файл запишет ${p.writeCa}`,
    pythonRequests: (p) =>
      `requests / urllib3: ${p.setRequests}; httpx и модуль ssl: ${p.setSslCertFile} — в файле должны быть и публичные корни: возьмите бандл certifi (путь покажет python -m certifi) и допишите в него российский корень`,
    pythonNever: 'Не отключайте проверку (verify=False, verify_ssl_certs=False): ключ и токены уйдут тому, кто ответит',
    node: (p) => `Node: ${p.setNode} до запуска node (строка в .env не действует); файл запишет ${p.writeCa}`,
    curl: (p) => `curl: curl --cacert ${p.file} … (файл запишет ${p.writeCa}), но не --insecure`,
    java: (p) => `Java: keytool -importcert -alias russian-trusted-root -file ${p.file} -cacerts (или truststore через -Djavax.net.ssl.trustStore)`,
    dotnet: '.NET берёт корни из хранилища ОС: установите корень туда (шаги ниже)',
  },
};

export function explainWords(lang: Lang): ExplainWords {
  return inLanguage(lang, { en, ru });
}
