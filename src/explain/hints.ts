import type { Lang } from '../catalog/types.js';
import type { HintId } from './rules.js';

/** What `explain` adds beyond the catalogue: problems it has no code for, and "paste more". */
const HINTS: Record<Lang, Record<HintId, string>> = {
  en: {
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
  ru: {
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
};

export function hintText(lang: Lang, id: HintId): string {
  return HINTS[lang][id];
}
