/**
 * A finding as the user reads it: the catalogue's title and remedies, with the remedies of the
 * runtime that wrote the log first, and explain's own summary where the catalogue's would state
 * as fact what only a check observes (explain sees a log, not this machine: "this Node does not
 * trust…", "according to this machine's clock…").
 */
import type { Catalog, Lang, RemedyContext } from '../catalog/types.js';
import { OFFICIAL } from '../catalog/text-helpers.js';
import type { Code } from '../catalog/codes.js';
import type { Finding } from './findings.js';
import { redactDeep } from './redact.js';
import type { PythonLibrary, Runtime } from './runtime.js';

export interface Presented {
  title: string;
  summary: string;
  remediation: string[];
}

const CA_FILE = OFFICIAL.caFile;

type Steps = (ctx: RemedyContext, library: PythonLibrary | null) => string[];

/** Trusting the Russian root (or a corporate one), per runtime; the catalogue's steps follow. */
const TRUST_STEPS: Record<Lang, Partial<Record<Runtime, Steps>>> = {
  en: {
    python: (ctx, lib) => {
      const sdk = `GigaChat Python SDK${lib === 'langchain-gigachat' ? ' and langchain-gigachat' : ''}: ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', CA_FILE)} (or GigaChat(ca_bundle_file="${CA_FILE}")); gigadoctor ca --out ${CA_FILE} writes the file`;
      const requests = `requests / urllib3: ${ctx.setEnv('REQUESTS_CA_BUNDLE', CA_FILE)}; httpx and the ssl module: ${ctx.setEnv('SSL_CERT_FILE', CA_FILE)} — the file must also hold the public roots: start from certifi's bundle (python -m certifi prints its path) and append the Russian root`;
      const never = 'Do not turn verification off (verify=False, verify_ssl_certs=False): the key and tokens would go to whoever answers';
      return lib === 'requests' || lib === 'aiohttp' ? [requests, sdk, never] : [sdk, requests, never];
    },
    node: (ctx) => [`Node: ${ctx.setEnv('NODE_EXTRA_CA_CERTS', CA_FILE)} before node starts (a line in .env does nothing); gigadoctor ca --out ${CA_FILE} writes the file`],
    curl: () => [`curl: curl --cacert ${CA_FILE} … (gigadoctor ca --out ${CA_FILE} writes the file), never --insecure`],
    java: () => [`Java: keytool -importcert -alias russian-trusted-root -file ${CA_FILE} -cacerts (or a truststore passed with -Djavax.net.ssl.trustStore)`],
    dotnet: () => ['.NET reads the operating system\'s store: install the root there (the steps below)'],
  },
  ru: {
    python: (ctx, lib) => {
      const sdk = `GigaChat Python SDK${lib === 'langchain-gigachat' ? ' и langchain-gigachat' : ''}: ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', CA_FILE)} (или GigaChat(ca_bundle_file="${CA_FILE}")); файл запишет gigadoctor ca --out ${CA_FILE}`;
      const requests = `requests / urllib3: ${ctx.setEnv('REQUESTS_CA_BUNDLE', CA_FILE)}; httpx и модуль ssl: ${ctx.setEnv('SSL_CERT_FILE', CA_FILE)} — в файле должны быть и публичные корни: возьмите бандл certifi (путь покажет python -m certifi) и допишите в него российский корень`;
      const never = 'Не отключайте проверку (verify=False, verify_ssl_certs=False): ключ и токены уйдут тому, кто ответит';
      return lib === 'requests' || lib === 'aiohttp' ? [requests, sdk, never] : [sdk, requests, never];
    },
    node: (ctx) => [`Node: ${ctx.setEnv('NODE_EXTRA_CA_CERTS', CA_FILE)} до запуска node (строка в .env не действует); файл запишет gigadoctor ca --out ${CA_FILE}`],
    curl: () => [`curl: curl --cacert ${CA_FILE} … (файл запишет gigadoctor ca --out ${CA_FILE}), но не --insecure`],
    java: () => [`Java: keytool -importcert -alias russian-trusted-root -file ${CA_FILE} -cacerts (или truststore через -Djavax.net.ssl.trustStore)`],
    dotnet: () => ['.NET берёт корни из хранилища ОС: установите корень туда (шаги ниже)'],
  },
};

const RUNTIME_FIRST: ReadonlySet<Code> = new Set<Code>(['TLS_UNTRUSTED_ROOT', 'TLS_INTERCEPTED']);

/** Summaries of what the log shows, for codes whose catalogue summary reports a check's observation. */
const SUMMARIES: Record<Lang, Partial<Record<Code, (f: Finding) => string>>> = {
  en: {
    TLS_UNTRUSTED_ROOT: (f) => `The app could not verify the certificate chain of ${where(f, 'the server')}: most likely the trust store it uses lacks the Russian Trusted Root CA; if a corporate proxy or antivirus re-signs traffic, the cause is that instead`,
    TLS_EXPIRED: (f) => `The app saw an expired certificate from ${where(f, 'the server')}: either the certificate is out of date (a proxy or an old CA file in the way) or the app's clock is wrong`,
    TLS_NOT_YET_VALID: (f) => `The app saw a certificate from ${where(f, 'the server')} that is not valid yet: the app's clock is probably behind`,
    ENDPOINT_KNOWN_WRONG: (f) => `The log names ${str(f.details.host, 'a wrong host')}, an address from outdated guides that is not GigaChat's: if your app reads ${str(f.details.variable, 'the URL')} from its settings, it may be set to it`,
    CREDENTIALS_UNOFFICIAL_NAME: (f) => `The log names ${str(f.details.variable, 'a variable')}, which the official SDKs do not read: a key kept there is not seen by them (they read GIGACHAT_CREDENTIALS)`,
    TLS_VERIFICATION_DISABLED: (f) => `The log shows certificate verification turned off (${str(f.details.reason, 'verify=False')}): an app doing that would hand its key to any impostor`,
    TLS_CLIENT_CERT_REQUIRED: (f) => `${where(f, 'The server')} demands a client certificate (mTLS), and the app presented none it accepts`,
    API_REDIRECT: (f) => `${str(f.details.url, 'The API')} answered with a redirect${typeof f.details.status === 'number' ? ` (HTTP ${f.details.status})` : ''}: the base URL the app uses is probably not the API's own`,
    CREDENTIALS_BEARER_PREFIX: () => 'The log shows "Bearer Bearer": the token the app sends already carries the prefix (if it comes from GIGACHAT_ACCESS_TOKEN, the value there starts with "Bearer ")',
    CREDENTIALS_MISSING: () => 'The app says it found no credentials: the key may not be set where the app runs',
    CHAT_MODEL_NOT_FOUND: (f) => `The API answered 404 "No such model"${typeof f.details.model === 'string' ? ` for ${f.details.model}` : ': the model the app asked for (the log does not name it) is not available to this key'}`,
  },
  ru: {
    TLS_UNTRUSTED_ROOT: (f) => `Приложение не смогло проверить цепочку сертификатов ${where(f, 'сервера')}: скорее всего, в хранилище, которым оно пользуется, нет Russian Trusted Root CA; если трафик переподписывает корпоративный прокси или антивирус, причина в этом`,
    TLS_EXPIRED: (f) => `Приложение получило от ${where(f, 'сервера')} просроченный сертификат: либо сертификат устарел (на пути прокси или старый CA-файл), либо часы приложения врут`,
    TLS_NOT_YET_VALID: (f) => `Приложение получило от ${where(f, 'сервера')} сертификат, который ещё не действует: часы приложения, вероятно, отстают`,
    ENDPOINT_KNOWN_WRONG: (f) => `В логе — ${str(f.details.host, 'неверный адрес')}, адрес из устаревших инструкций, он не принадлежит GigaChat: если приложение берёт ${str(f.details.variable, 'URL')} из настроек, возможно, там он и записан`,
    CREDENTIALS_UNOFFICIAL_NAME: (f) => `В логе — ${str(f.details.variable, 'переменная')}, которую официальные SDK не читают: ключ в ней они не увидят (они читают GIGACHAT_CREDENTIALS)`,
    TLS_VERIFICATION_DISABLED: (f) => `В логе видно, что проверка сертификатов выключена (${str(f.details.reason, 'verify=False')}): так приложение отдаст ключ любому, кто подменит сервер`,
    TLS_CLIENT_CERT_REQUIRED: (f) => `${where(f, 'Сервер')} требует клиентский сертификат (mTLS), а приложение не предъявило подходящего`,
    API_REDIRECT: (f) => `${str(f.details.url, 'API')} ответил перенаправлением${typeof f.details.status === 'number' ? ` (HTTP ${f.details.status})` : ''}: похоже, приложение использует не тот базовый URL`,
    CREDENTIALS_BEARER_PREFIX: () => 'В логе «Bearer Bearer»: токен, который отправляет приложение, уже содержит префикс (если он из GIGACHAT_ACCESS_TOKEN, значение там начинается с «Bearer »)',
    CREDENTIALS_MISSING: () => 'Приложение сообщает, что не нашло учётных данных: возможно, ключ не задан там, где оно запускается',
    CHAT_MODEL_NOT_FOUND: (f) => `API ответил 404 «No such model»${typeof f.details.model === 'string' ? ` для ${f.details.model}` : ': модель, которую запросило приложение (в логе она не названа), недоступна этому ключу'}`,
  },
};

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' && v ? v : fallback;
}

function where(f: Finding, fallback: string): string {
  const host = typeof f.details.host === 'string' ? f.details.host : null;
  if (!host) return fallback;
  return typeof f.details.port === 'number' ? `${host}:${f.details.port}` : host;
}

export function present(f: Finding, catalog: Catalog, ctx: RemedyContext, fallbackRuntime: Runtime | null): Presented {
  const entry = catalog.codes[f.code];
  // Details were read from the pasted text: what could be a secret goes before they are printed.
  const details = redactDeep(f.details);
  const runtime = f.runtime ?? fallbackRuntime;
  const own = SUMMARIES[catalog.lang][f.code];
  const steps = entry.remediation(details, ctx);
  const first = runtime && RUNTIME_FIRST.has(f.code) ? TRUST_STEPS[catalog.lang][runtime]?.(ctx, f.library) ?? [] : [];
  const rest = steps.filter((s) => !first.includes(s) && !(runtime === 'python' && /verify=False/.test(s)));
  return {
    title: entry.title,
    summary: own ? own({ ...f, details }) : entry.summary(details),
    remediation: [...first, ...rest],
  };
}
