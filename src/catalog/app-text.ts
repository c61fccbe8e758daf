/** Language-free pieces of the code and python checks' texts (issue 14); each language brings its words. */
import type { Details } from './types.js';
import { list, num, opt, records, str } from './text-helpers.js';

/** "app.py:4, .env:2" and how many more there are, worded by `more`. */
export function findingPlaces(d: Details, more: (n: number) => string): string {
  const shown = list(d.places);
  const rest = (num(d.count) ?? shown.length) - shown.length;
  return `${shown.join(', ') || `${str(d.file)}:${str(d.line)}`}${rest > 0 ? more(rest) : ''}`;
}

/** "Python 3.11.2 (/app/.venv/bin/python)". */
export function pythonWho(d: Details): string {
  return `Python ${str(d.python, '')}`.trim() + opt(d.interpreter, ' (', ')');
}

/** "/path/ca.pem (GIGACHAT_CA_BUNDLE_FILE)", or `none` when the interpreter uses its built-in store. */
export function caDescription(d: Details, none: string): string {
  const ca = records([d.ca])[0] ?? {};
  const file = str(d.caFile, str(ca.file));
  const source = str(d.caSource, str(ca.source));
  return file ? `${file} (${source || '?'})` : none;
}
