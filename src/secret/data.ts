/**
 * Plain data (a Report) walked string by string, keys included, so that whatever is done to
 * its text can never break its structure (as replacing in its JSON text could).
 */
import { Secret } from './secret.js';

/** Applies `fn` to every string of plain data: values, keys, inside arrays and objects. */
export function deepMap(value: unknown, fn: (s: string) => string): unknown {
  const strings = collectStrings(value, () => true);
  return replaceStrings(value, () => true, strings.map(fn));
}

/**
 * Every string of plain data in document order — values, and the keys `keyIsText` says are text
 * rather than names of the document's own fields. A Secret counts as the string it renders as.
 */
export function collectStrings(value: unknown, keyIsText: (key: string) => boolean): string[] {
  const out: string[] = [];
  walk(value, keyIsText, (s) => {
    out.push(s);
    return s;
  });
  return out;
}

/** The same data with its strings, in the order collectStrings gives them, replaced by `replacements`. */
export function replaceStrings(value: unknown, keyIsText: (key: string) => boolean, replacements: readonly string[]): unknown {
  let next = 0;
  return walk(value, keyIsText, () => replacements[next++]);
}

function walk(value: unknown, keyIsText: (key: string) => boolean, fn: (s: string) => string, seen = new WeakMap<object, unknown>()): unknown {
  if (typeof value === 'string') return fn(value);
  if (value instanceof Secret) return fn(value.toString());
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(walk(item, keyIsText, fn, seen));
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) {
    let key = keyIsText(k) ? fn(k) : k;
    // Two keys that now read the same (both redacted) stay two.
    for (let n = 2; Object.hasOwn(out, key); n++) key = `${key} (${n})`;
    out[key] = walk(v, keyIsText, fn, seen);
  }
  return out;
}
