import { describe, expect, it } from 'vitest';
import { Scrubber } from '../../src/secret.js';
import { echoValue, hasUnsafeCharacters, internalErrorLine, sanitizeDeep, sanitizeText } from '../../src/util/sanitize.js';

const KEY = Buffer.from('0199a3b2-5c4d-7e8f-9a0b-1c2d3e4f5a6b:f47ac10b-58cc-4372-a567-0e02b2c3d479').toString('base64');

describe('sanitizeText', () => {
  it('shows terminal controls as escapes: ESC sequences, OSC, BEL, CR, backspace, DEL, C1', () => {
    expect(sanitizeText('GigaChat\x1b[2J\x1b[31mred')).toBe('GigaChat\\x1B[2J\\x1B[31mred');
    expect(sanitizeText('\x1b]0;pwned\x07')).toBe('\\x1B]0;pwned\\x07');
    expect(sanitizeText('ok\rFAIL\b\x7f\x9b31m')).toBe('ok\\rFAIL\\x08\\x7F\\x9B31m');
    expect(sanitizeText('a\nb\tc\0')).toBe('a\\nb\\tc\\x00');
  });
  it('shows bidi overrides, zero-width characters, BOM, line separators and lone surrogates', () => {
    expect(sanitizeText('abc\u202Efed\u2066x\u200By\uFEFF\u2028')).toBe('abc\\u202Efed\\u2066x\\u200By\\uFEFF\\u2028');
    expect(sanitizeText('x\uD800y\uDC00z')).toBe('x\\uD800y\\uDC00z');
  });
  it('leaves ordinary text alone: Russian, emoji, quotes, backslashes, Windows paths', () => {
    const text = 'Проверка подключения ✓ → 😀 "q" \'s\' C:\\Users\\me\\ca.pem 100%';
    expect(sanitizeText(text)).toBe(text);
    expect(hasUnsafeCharacters(text)).toBe(false);
    expect(hasUnsafeCharacters('a\x1bb')).toBe(true);
    expect(hasUnsafeCharacters('a\x1bb')).toBe(true); // no lastIndex state leaks between calls
  });
  it('sanitizeDeep rewrites every string of plain data and keeps the rest', () => {
    expect(sanitizeDeep({ a: ['x\x1b[1m', 1, null, { 'k\r': true }] })).toEqual({ a: ['x\\x1B[1m', 1, null, { 'k\\r': true }] });
  });
});

describe('echoValue', () => {
  it('cuts and sanitizes; never quotes a credential', () => {
    expect(echoValue('soon')).toBe('soon');
    expect(echoValue('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(echoValue('\x1b[2J10')).toBe('\\x1B[2J10');
    const shown = echoValue(KEY, 20);
    expect(shown).not.toContain(KEY.slice(0, 5));
    expect(shown).toContain(`${KEY.length} characters`);
  });
});

describe('internalErrorLine', () => {
  it('one line: message only, no stack, no secret from the env or from any scrubber, no controls', () => {
    const scrubber = new Scrubber();
    scrubber.add('token-the-run-was-issued-0123456789');
    const err = new TypeError(`boom ${KEY} token-the-run-was-issued-0123456789 p%40ss-word-1 \x1b[2J\nsecond line`);
    const line = internalErrorLine(err, { GIGACHAT_CREDENTIALS: KEY, HTTPS_PROXY: 'http://me:p%40ss-word-1@proxy:3128', PATH: '/usr/bin' });
    expect(line).toMatch(/^gigadoctor: internal error: TypeError: boom \[REDACTED\] \[REDACTED\] \[REDACTED\] \\x1B\[2J\\nsecond line$/);
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(/\n\s+at /);
  });
  it('survives things that are not errors', () => {
    expect(internalErrorLine('plain string')).toBe('gigadoctor: internal error: plain string');
    expect(internalErrorLine({ toString() { throw new Error('no'); } })).toBe('gigadoctor: internal error: unprintable error');
    expect(internalErrorLine(new Error('x'.repeat(1000))).length).toBeLessThan(340);
  });
});
