import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lintCredential } from '../../../src/credential/lint.js';

const id = randomUUID();
const secret = randomUUID();
const key = Buffer.from(`${id}:${secret}`).toString('base64');
const jwe = `eyJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwiYWxnIjoiUlNBLU9BRVAtMjU2In0.${'a'.repeat(340)}.${'b'.repeat(22)}.${'c'.repeat(800)}.${'d'.repeat(43)}`;

describe('lintCredential (key)', () => {
  it('accepts base64 of uuid:uuid (100 chars ending ==)', () => {
    expect(key).toHaveLength(100);
    expect(lintCredential(key, 'key')).toBeNull();
  });

  it.each([
    ['', 'CREDENTIALS_EMPTY'],
    ['   \n', 'CREDENTIALS_EMPTY'],
    ['test', 'CREDENTIALS_PLACEHOLDER'],
    ['<ваш_токен>', 'CREDENTIALS_PLACEHOLDER'],
    ['<paste your key here>', 'CREDENTIALS_PLACEHOLDER'],
    [`"${key}"`, 'CREDENTIALS_QUOTED'],
    [`'${key}'`, 'CREDENTIALS_QUOTED'],
    [`Bearer ${key}`, 'CREDENTIALS_BEARER_PREFIX'],
    [`Basic ${key}`, 'CREDENTIALS_BASIC_PREFIX'],
    [`${key}\n`, 'CREDENTIALS_WHITESPACE'],
    [`\uFEFF${key}`, 'CREDENTIALS_WHITESPACE'],
    [`${key.slice(0, 50)}\u200B${key.slice(50)}`, 'CREDENTIALS_WHITESPACE'],
    [`${key.slice(0, 10)}А${key.slice(11)}`, 'CREDENTIALS_FOREIGN_CHARACTERS'],
    [jwe, 'CREDENTIALS_IS_ACCESS_TOKEN'],
    [`${id}:${secret}`, 'CREDENTIALS_RAW_PAIR'],
    [secret, 'CREDENTIALS_SECRET_ONLY'],
    [key.replace(/\+|\//g, '-').slice(0, 98) + '_-', 'CREDENTIALS_NOT_BASE64'],
    [key.slice(0, 99), 'CREDENTIALS_NOT_BASE64'],
    [Buffer.from('just some bytes without colon').toString('base64'), 'CREDENTIALS_UNEXPECTED_CONTENT'],
    [Buffer.from(key).toString('base64'), 'CREDENTIALS_UNEXPECTED_CONTENT'],
  ])('%# → %s', (value, code) => {
    expect(lintCredential(value, 'key')?.code).toBe(code);
  });

  it('says where whitespace is and what it is', () => {
    expect(lintCredential(`${key}\r\n`, 'key')?.details).toMatchObject({ where: 'trailing', chars: ['carriage return', 'newline'] });
    expect(lintCredential(`\uFEFF${key}`, 'key')?.details).toMatchObject({ where: 'leading', chars: ['BOM'] });
  });

  it('names a Cyrillic look-alike and its position without echoing the key', () => {
    const finding = lintCredential(`${key.slice(0, 11)}С${key.slice(12)}`, 'key');
    expect(finding?.details?.chars).toEqual(['U+0421 (Cyrillic, looks like Latin C) at 12']);
    expect(JSON.stringify(finding)).not.toContain(key.slice(0, 11));
  });

  it('finds a key cut short, in the Client Secret or in the Client ID, whatever its length mod 4', () => {
    for (const cut of [60, 61, 62, 63, 88, 52]) {
      expect(lintCredential(key.slice(0, cut), 'key'), String(cut)).toEqual({
        code: 'CREDENTIALS_TRUNCATED',
        details: { length: cut, expectedLength: 100, cutIn: 'secret' },
      });
    }
    expect(lintCredential(key.slice(0, 24), 'key')?.details).toMatchObject({ cutIn: 'id' });
    // Whole but for its padding: not cut short.
    expect(lintCredential(key.slice(0, 99), 'key')?.code).toBe('CREDENTIALS_NOT_BASE64');
  });

  it('marks a key encoded twice', () => {
    expect(lintCredential(Buffer.from(key).toString('base64'), 'key')?.details).toMatchObject({ encodedTwice: true });
  });
});

describe('lintCredential (access token)', () => {
  it('accepts a JWE', () => expect(lintCredential(jwe, 'accessToken')).toBeNull());
  it('finds the key pasted as an access token', () => expect(lintCredential(key, 'accessToken')?.code).toBe('ACCESS_TOKEN_IS_KEY'));
  it('finds a malformed token', () => expect(lintCredential('abc.def', 'accessToken')?.code).toBe('ACCESS_TOKEN_MALFORMED'));
  it('finds Bearer in the token variable', () => expect(lintCredential(`Bearer ${jwe}`, 'accessToken')?.code).toBe('CREDENTIALS_BEARER_PREFIX'));
});
