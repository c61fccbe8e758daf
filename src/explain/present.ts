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
    CREDENTIALS_MISSING: () => 'The app says it found no credentials: the key may not be set where the app runs',
    CHAT_MODEL_NOT_FOUND: (f) => `The API answered 404 "No such model"${typeof f.details.model === 'string' ? ` for ${f.details.model}` : ': the model the app asked for (the log does not name it) is not available to this key'}`,
  },
  ru: {
    TLS_UNTRUSTED_ROOT: (f) => `Приложение не смогло проверить цепочку сертификатов ${where(f, 'сервера')}: скорее всего, в хранилище, которым оно пользуется, нет Russian Trusted Root CA; если трафик переподписывает корпоративный прокси или антивирус, причина в этом`,
    TLS_EXPIRED: (f) => `Приложение получило от ${where(f, 'сервера')} просроченный сертификат: либо сертификат устарел (на пути прокси или старый CA-файл), либо часы приложения врут`,
    TLS_NOT_YET_VALID: (f) => `Приложение получило от ${where(f, 'сервера')} сертификат, который ещё не действует: часы приложения, вероятно, отстают`,
    CREDENTIALS_MISSING: () => 'Приложение сообщает, что не нашло учётных данных: возможно, ключ не задан там, где оно запускается',
    CHAT_MODEL_NOT_FOUND: (f) => `API ответил 404 «No such model»${typeof f.details.model === 'string' ? ` для ${f.details.model}` : ': модель, которую запросило приложение (в логе она не названа), недоступна этому ключу'}`,
  },
};

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
