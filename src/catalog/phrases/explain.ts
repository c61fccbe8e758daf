// The words of `gigadoctor explain` around the findings (whose own words are the remedies').
import type { Lang } from '../types.js';
import { inLanguage, ruPlural } from './format.js';

export interface ExplainWords {
  /** No text to explain was given. */
  noText: string;
  found: (n: number) => string;
  in: string;
  confirm: string;
  noMatch: string;
}

const en: ExplainWords = {
  noText: 'gigadoctor explain: give the error text as an argument (gigadoctor explain "SELF_SIGNED_CERT_IN_CHAIN") or on stdin (… 2>&1 | gigadoctor explain)\n',
  found: (n) => (n === 1 ? '1 known problem' : `${n} known problems`),
  in: 'seen in',
  confirm: 'Confirm on this machine: gigadoctor check (add --no-chat to spend no tokens); it tests the real setup step by step.',
  noMatch: 'No known GigaChat problem found in this text. Run gigadoctor check: it tests the key, the network, TLS, OAuth and the API from this machine and names the step that fails.',
};

const ru: ExplainWords = {
  noText: 'gigadoctor explain: нужен текст ошибки — аргументом (gigadoctor explain "SELF_SIGNED_CERT_IN_CHAIN") или на stdin (… 2>&1 | gigadoctor explain)\n',
  found: (n) => ruPlural(n, 'известная проблема', 'известные проблемы', 'известных проблем'),
  in: 'найдено в',
  confirm: 'Проверьте на этой машине: gigadoctor check (с --no-chat токены не тратятся) — он проверит настройку шаг за шагом.',
  noMatch: 'В этом тексте не найдено известных проблем GigaChat. Запустите gigadoctor check: он проверит ключ, сеть, TLS, OAuth и API с этой машины и назовёт шаг, который не проходит.',
};

export function explainWords(lang: Lang): ExplainWords {
  return inLanguage(lang, { en, ru });
}
