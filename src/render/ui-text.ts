import type { Lang } from '../catalog/types.js';

/** The few words of the human report that are not a finding's own text. */
export interface UiText {
  heading: string;
  passed: string;
  warnings: string;
  failed: string;
  skipped: string;
  rootCause: string;
  next: string;
  blockedBy: (titles: string, cause: string) => string;
  allGood: string;
  inconclusive: string;
  running: (title: string) => string;
}

const en: UiText = {
  heading: 'GigaChat connectivity check',
  passed: 'passed',
  warnings: 'warnings',
  failed: 'failed',
  skipped: 'skipped',
  rootCause: 'Root cause',
  next: 'First step',
  blockedBy: (titles, cause) => `${titles}: not run, because ${cause} failed`,
  allGood: 'Everything a GigaChat client needs works from here.',
  inconclusive: 'Inconclusive: every failure may pass on retry (exit 3).',
  running: (title) => `Checking ${title}…`,
};

const ru: UiText = {
  heading: 'Проверка подключения к GigaChat',
  passed: 'пройдено',
  warnings: 'предупреждений',
  failed: 'ошибок',
  skipped: 'пропущено',
  rootCause: 'Причина',
  next: 'Что сделать',
  blockedBy: (titles, cause) => `${titles}: не проверялось, потому что не прошла проверка «${cause}»`,
  allGood: 'Всё, что нужно клиенту GigaChat, отсюда работает.',
  inconclusive: 'Результат неокончательный: все сбои могут пройти при повторе (код 3).',
  running: (title) => `Проверяю: ${title}…`,
};

export function uiText(lang: Lang): UiText {
  return lang === 'ru' ? ru : en;
}
