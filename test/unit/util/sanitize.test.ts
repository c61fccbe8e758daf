import { describe, expect, it } from 'vitest';
import { Scrubber, neutralizeControls } from '../../../src/secret/index.js';
import { echoValue, hasUnsafeCharacters, internalErrorLine, sanitizeDeep, sanitizeText } from '../../../src/util/sanitize.js';

const KEY = Buffer.from('0199a3b2-5c4d-7e8f-9a0b-1c2d3e4f5a6b:f47ac10b-58cc-4372-a567-0e02b2c3d479').toString('base64');

describe('sanitizeText', () => {
  it('shows terminal controls as control pictures: ESC sequences, OSC, BEL, CR, backspace, DEL; C1 as [U+XXXX]', () => {
    expect(sanitizeText('GigaChat\x1b[2J\x1b[31mred')).toBe('GigaChat␛[2J␛[31mred');
    expect(sanitizeText('\x1b]0;pwned\x07')).toBe('␛]0;pwned␇');
    expect(sanitizeText('ok\rFAIL\b\x7f\x9b31m')).toBe('ok␍FAIL␈␡[U+009B]31m');
    expect(sanitizeText('a\nb\tc\0')).toBe('a␊b␉c␀');
  });
  it('shows bidi overrides, zero-width characters, BOM, line separators and lone surrogates', () => {
    expect(sanitizeText('abc\u202Efed\u2066x\u200By\uFEFF\u2028')).toBe('abc[U+202E]fed[U+2066]x[U+200B]y[U+FEFF][U+2028]');
    expect(sanitizeText('x\uD800y\uDC00z')).toBe('x[U+D800]y[U+DC00]z');
  });
  it('leaves ordinary text alone: Russian, emoji, quotes, backslashes, Windows paths', () => {
    const text = 'Проверка подключения ✓ → 😀 "q" \'s\' C:\\Users\\me\\ca.pem 100%';
    expect(sanitizeText(text)).toBe(text);
    expect(hasUnsafeCharacters(text)).toBe(false);
    expect(hasUnsafeCharacters('a\x1bb')).toBe(true);
    expect(hasUnsafeCharacters('a\x1bb')).toBe(true); // no lastIndex state leaks between calls
  });
  it('sanitizeDeep rewrites every string of plain data and keeps the rest', () => {
    expect(sanitizeDeep({ a: ['x\x1b[1m', 1, null, { 'k\r': true }] })).toEqual({ a: ['x␛[1m', 1, null, { 'k␍': true }] });
  });
});

describe('echoValue', () => {
  it('cuts and sanitizes; never quotes a credential', () => {
    expect(echoValue('soon')).toBe('soon');
    expect(echoValue('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(echoValue('\x1b[2J10')).toBe('␛[2J10');
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
    expect(line).toMatch(/^gigadoctor: internal error: TypeError: boom \[REDACTED\] \[REDACTED\] \[REDACTED\] ␛\[2J␊second line$/);
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(/\n\s+at /);
  });
  it('survives things that are not errors', () => {
    expect(internalErrorLine('plain string')).toBe('gigadoctor: internal error: plain string');
    expect(internalErrorLine({ toString() { throw new Error('no'); } })).toBe('gigadoctor: internal error: unprintable error');
    expect(internalErrorLine(new Error('x'.repeat(1000))).length).toBeLessThan(340);
  });
});

describe('one control-character policy for values and for the output boundary', () => {
  // Every character either sanitizer ever rewrote, and a sample around the edges of each range.
  const unsafe = [
    ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), '\x7f', '\x80', '\x9b', '\x9f', '\u00ad', '\u061c', '\u180e',
    '\u200b', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2060', '\u2066', '\u2069', '\u206f',
    '\ufeff', '\ufff9', '\ufffb', '\ud800', '\udfff',
  ];
  const safe = ['a', 'Ж', ' ', '~', '\u00a0', '\u00e9', '\u2013', '\u2192', '\u2713', '😀', '\ufe0f', '\u2400', '\u241b'];

  it('the two agree on every character: the same set, the same visible form', () => {
    for (const ch of unsafe) {
      const shown = sanitizeText(`<${ch}>`);
      expect(shown, JSON.stringify(ch)).not.toContain(ch);
      expect(hasUnsafeCharacters(ch), JSON.stringify(ch)).toBe(true);
      // At the output boundary only layout (line feed, tab) stays; everything else looks the same as in a value.
      const atBoundary = neutralizeControls(`<${ch}>`);
      expect(atBoundary, JSON.stringify(ch)).toBe(ch === '\n' || ch === '\t' ? `<${ch}>` : shown);
    }
    for (const ch of safe) {
      expect(sanitizeText(ch), JSON.stringify(ch)).toBe(ch);
      expect(neutralizeControls(ch), JSON.stringify(ch)).toBe(ch);
    }
  });
  it('the visible forms are plain text in JSON, XML and Markdown: no escape hands the character back', () => {
    const all = unsafe.join('');
    for (const shown of [sanitizeText(all), neutralizeControls(all)]) {
      expect(JSON.parse(JSON.stringify(shown))).toBe(shown);
      expect(shown).not.toMatch(/[\\<>&"]/);
      expect(hasUnsafeCharacters(shown.replace(/[\n\t]/g, ''))).toBe(false);
    }
  });
  it('a value never keeps a colour; the output keeps only the renderer’s own, harmless ones', () => {
    expect(sanitizeText('\x1b[31mred\x1b[39m')).toBe('␛[31mred␛[39m');
    expect(neutralizeControls('\x1b[1m\x1b[31mred\x1b[39m\x1b[22m\tx\ny')).toBe('\x1b[1m\x1b[31mred\x1b[39m\x1b[22m\tx\ny');
    expect(neutralizeControls('\x1b[8ma\x1b[7mb\x1b[30mc\x1b[41md\x1b[38;5;16me')).toBe('␛[8ma␛[7mb␛[30mc␛[41md␛[38;5;16me');
  });
});
