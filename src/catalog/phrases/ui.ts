import type { Lang } from '../types.js';
import { inLanguage, ruPlural } from './format.js';

/** The few words of the human report that are not a finding's own text. */
export interface UiText {
  heading: string;
  passed: (n: number) => string;
  warnings: (n: number) => string;
  failed: (n: number) => string;
  skipped: (n: number) => string;
  rootCause: string;
  next: string;
  moreSteps: (n: number) => string;
  /** The compact report: the other steps are shown by --verbose. */
  moreWithVerbose: (n: number) => string;
  confirm: string;
  /** `self`: gigadoctor as the user ran it (`npx gigadoctor`, `node bin/gigadoctor.js`). */
  confirmHow: (id: string, expect: string, self: string) => string;
  blockedBy: (titles: string, cause: string) => string;
  /** Checks an option left out (--only, --skip, --no-chat), on one line. */
  leftOut: (titles: string, option: string) => string;
  /** A duration for a person: "131 ms", "2.4 s". */
  duration: (ms: number) => string;
  /** The spinner's text while a step runs. */
  running: (title: string) => string;
  allGood: string;
  /** Nothing failed, but some steps did not run (--only, --skip, --no-chat): not the whole path. */
  partlyGood: (skipped: string) => string;
  unverified: string;
  inconclusive: string;
  spinner: string;
  sent: string;
  received: string;
  notShown: string;
  accessToken: string;
  firstByte: string;
}

const en: UiText = {
  heading: 'GigaChat connectivity check',
  passed: (n) => `${n} passed`,
  warnings: (n) => `${n} ${n === 1 ? 'warning' : 'warnings'}`,
  failed: (n) => `${n} failed`,
  skipped: (n) => `${n} skipped`,
  rootCause: 'Root cause',
  next: 'First step',
  moreSteps: (n) => `(${n} more ${n === 1 ? 'step' : 'steps'} above)`,
  moreWithVerbose: (n) => `(${n} more ${n === 1 ? 'step' : 'steps'} and every remedy: --verbose)`,
  confirm: 'Then confirm',
  confirmHow: (id, expect, self) => `run ${self} again (this step only: ${self} --only ${id}); expect ${expect}`,
  blockedBy: (titles, cause) => `${titles}: not run, because ${cause} failed`,
  leftOut: (titles, option) => `Not run (${option}): ${titles}`,
  duration: (ms) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`),
  running: (title) => `${title}…`,
  allGood: 'Everything a GigaChat client needs works from here.',
  partlyGood: (skipped) => `Nothing failed in the steps that ran; not run: ${skipped}. That is not the whole path a client takes.`,
  unverified: 'The requests went through, but with TLS verification off: a client that verifies may still fail (see the TLS warning above).',
  inconclusive: 'Inconclusive: every failure may pass on retry (exit 3).',
  spinner: 'Checking GigaChat connectivity…',
  sent: 'sent',
  received: 'received',
  notShown: 'not shown',
  accessToken: 'access token',
  firstByte: 'first byte after',
};

const ru: UiText = {
  heading: 'Проверка подключения к GigaChat',
  passed: (n) => `${n} пройдено`,
  warnings: (n) => ruPlural(n, 'предупреждение', 'предупреждения', 'предупреждений'),
  failed: (n) => ruPlural(n, 'ошибка', 'ошибки', 'ошибок'),
  skipped: (n) => `${n} пропущено`,
  rootCause: 'Причина',
  next: 'Что сделать',
  moreSteps: (n) => `(и ещё ${ruPlural(n, 'шаг', 'шага', 'шагов')} выше)`,
  moreWithVerbose: (n) => `(ещё ${ruPlural(n, 'шаг', 'шага', 'шагов')} и все решения: --verbose)`,
  confirm: 'Как проверить',
  confirmHow: (id, expect, self) => `запустите ${self} ещё раз (только этот шаг: ${self} --only ${id}); должно быть ${expect}`,
  blockedBy: (titles, cause) => `${titles}: не проверялось, потому что не прошла проверка «${cause}»`,
  leftOut: (titles, option) => `Не выполнялось (${option}): ${titles}`,
  duration: (ms) => (ms < 1000 ? `${ms} мс` : `${(ms / 1000).toFixed(1).replace('.', ',')} с`),
  running: (title) => `${title}…`,
  allGood: 'Всё, что нужно клиенту GigaChat, отсюда работает.',
  partlyGood: (skipped) => `В выполненных шагах ошибок нет; не выполнялись: ${skipped}. Это не весь путь, который проходит клиент.`,
  unverified: 'Запросы прошли, но с отключённой проверкой TLS: клиент, который проверяет сертификаты, всё ещё может не подключиться (см. предупреждение TLS выше).',
  inconclusive: 'Результат неокончательный: все сбои могут пройти при повторе (код 3).',
  spinner: 'Проверяю подключение к GigaChat…',
  sent: 'отправлено',
  received: 'получено',
  notShown: 'не показан',
  accessToken: 'токен доступа',
  firstByte: 'первый байт через',
};

export function uiText(lang: Lang): UiText {
  return inLanguage(lang, { en, ru });
}
