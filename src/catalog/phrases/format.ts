// Formatting both languages share: optional parts, durations, lists.
export { opt, str, truncate } from '../text-helpers.js';
import { opt } from '../text-helpers.js';
import type { Lang } from '../types.js';

/** A language gigadoctor speaks, e.g. from --lang. */
export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ru';
}

/** The one place a language picks its table. */
export function inLanguage<T>(lang: Lang, tables: Record<Lang, T>): T {
  return tables[lang];
}

/** Russian plural: 1 ошибка, 2 ошибки, 5 ошибок, 21 ошибка. */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const word = m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
  return `${n} ${word}`;
}

/** `HTTP 400, code 7 "message"`: the status and code, then the message in the language's quotes. */
export function serverWords(p: { status: string; code: string; message: string }, codeWord: string, open: string, close: string): string {
  const parts = [opt(p.status, 'HTTP '), opt(p.code, codeWord)].filter(Boolean).join(', ');
  return [parts, opt(p.message, open, close)].filter(Boolean).join(' ');
}

/** "850 ms" / "10 s" in the language's units; '' when unknown. */
export function inUnits(ms: number | undefined, units: { ms: string; s: string }): string {
  if (ms === undefined) return '';
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} ${units.s}` : `${Math.round(ms)} ${units.ms}`;
}

/** "3 days" / "5 h" / "12 min" / "40 s" for a number of seconds, in the language's units. */
export function spanIn(sec: number, units: { days: string; h: string; min: string; s: string }): string {
  const s = Math.abs(Math.round(sec));
  if (s >= 2 * 86_400) return `${Math.round(s / 86_400)} ${units.days}`;
  if (s >= 2 * 3_600) return `${Math.round(s / 3_600)} ${units.h}`;
  if (s >= 120) return `${Math.round(s / 60)} ${units.min}`;
  return `${s} ${units.s}`;
}

/** " → 10.0.0.1 (+2)": the first address and how many more; '' when there is none. */
export function firstAddress(p: { first?: string; more: number }): string {
  return p.first ? ` → ${p.first}${p.more > 0 ? ` (+${p.more})` : ''}` : '';
}

/** How a language writes a date: its short month names, and what follows the year ("г." in Russian). */
export interface DateWords {
  months: readonly string[];
  yearSuffix: string;
}

/**
 * An ISO date as a person reads it, in the machine's time zone with its offset shown ("31 Dec
 * 2026, 15:04 GMT+3"): a report pasted into a ticket stays unambiguous. Anything else as it is.
 * Written out here rather than by Intl.DateTimeFormat, whose first use loads ICU's calendar and
 * time-zone data (~20 ms, more than the rest of the report); the words are ICU's own.
 */
export function localDate(value: unknown, words: DateWords): string {
  const text = typeof value === 'string' ? value : '';
  const date = /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : null;
  if (!date || Number.isNaN(date.getTime())) return text;
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = offset === 0
    ? 'UTC'
    : `GMT${offset > 0 ? '+' : '-'}${Math.floor(Math.abs(offset) / 60)}${Math.abs(offset) % 60 ? `:${two(Math.abs(offset) % 60)}` : ''}`;
  return `${date.getDate()} ${words.months[date.getMonth()]} ${date.getFullYear()}${words.yearSuffix}, ${two(date.getHours())}:${two(date.getMinutes())} ${zone}`;
}
