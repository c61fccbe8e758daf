import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  FRAGMENT_LENGTH, REDACTED, Scrubber, Secret, alignedBase64, decodeKeyParts, encodedForms, fingerprintOf,
  looksLikeCredential, redactEverySecretSeen, secretCores,
} from '../../../src/secret/index.js';

const ID = '0199a3b2-5c4d-7e8f-9a0b-1c2d3e4f5a6b';
const SECRET = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const KEY = Buffer.from(`${ID}:${SECRET}`).toString('base64');
const TOKEN = `eyJjdHkiOiJqd3QiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwiYWxnIjoiUlNBLU9BRVAtMjU2In0.${'Qk9EWV9PRl9UT0tFTl9'.repeat(20)}.aXZpdg.${'Y2lwaGVydGV4dA'.repeat(30)}.dGFn`;

function scrubberOf(...values: string[]): Scrubber {
  const s = new Scrubber();
  for (const v of values) s.add(v);
  return s;
}

/** Every way the value could be written: the scrubbed text must hold none of them. */
function expectGone(scrubber: Scrubber, text: string, secret: string): string {
  const out = scrubber.scrub(text);
  expect(scrubber.finds(out), out).toBe(false);
  for (const form of encodedForms(secret)) expect(out.includes(form), `form ${form} in ${out}`).toBe(false);
  expect(out).toContain(REDACTED);
  return out;
}

describe('Secret', () => {
  it('renders as presence, length and a short fingerprint only', () => {
    const s = new Secret(KEY);
    expect(String(s)).toBe(`[secret: ${KEY.length} chars, sha256:${fingerprintOf(KEY)}]`);
    expect(JSON.stringify({ s })).toBe(JSON.stringify({ s: String(s) }));
    expect(inspect(s)).toBe(String(s));
    expect(`${s}`).not.toContain(KEY.slice(0, 5));
    expect(Object.keys(s)).toEqual([]);
    expect(s.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(s.reveal()).toBe(KEY);
  });
  it('a password has no fingerprint at all, however long: only presence and length (12.10)', () => {
    const long = 'a-password-of-more-than-sixteen-characters';
    const s = new Secret(long, { kind: 'password', source: '.env:3' });
    expect(s.fingerprint).toBeNull();
    expect(String(s)).toBe(`[secret: ${long.length} chars]`);
    expect(JSON.stringify({ s })).not.toMatch(/sha256/);
    expect(s).toMatchObject({ kind: 'password', source: '.env:3', present: true, length: long.length });
    // Kind and source are no own enumerable properties: spreading or logging a Secret shows nothing more.
    expect(Object.keys(s)).toEqual([]);
    expect(new Secret(long, { kind: 'key' }).fingerprint).toBe(fingerprintOf(long));
  });
  it('a short value has no fingerprint (8 hex digits of a short password are a brute-force oracle)', () => {
    const s = new Secret('hunter2');
    expect(s.fingerprint).toBeNull();
    expect(String(s)).toBe('[secret: 7 chars]');
    expect(new Secret('').toString()).toBe('[secret: empty]');
    expect(new Secret('').present).toBe(false);
  });
});

describe('alignedBase64', () => {
  it('is a substring of the base64 of any blob that holds the bytes, at every offset', () => {
    const secret = Buffer.from('s3cr3t-value!');
    for (let prefix = 0; prefix < 9; prefix++) {
      for (let suffix = 0; suffix < 4; suffix++) {
        const blob = Buffer.concat([Buffer.alloc(prefix, 0x41 + prefix), secret, Buffer.alloc(suffix, 0x7a)]);
        const core = alignedBase64(secret, (prefix % 3) as 0 | 1 | 2);
        expect(core.length).toBeGreaterThanOrEqual(Math.floor((secret.length * 8) / 6) - 2);
        expect(blob.toString('base64')).toContain(core);
      }
    }
  });
});

describe('secretCores and decodeKeyParts', () => {
  it('a pasted value stands for itself trimmed, unquoted, without prefix or invisible characters', () => {
    expect(secretCores(`  "Basic ${KEY}"\r\n`)).toEqual(expect.arrayContaining([KEY, `Basic ${KEY}`]));
    expect(secretCores(`\uFEFF${KEY}`)).toContain(KEY);
    expect(secretCores(`${KEY.slice(0, 10)}\u200B${KEY.slice(10)}`)).toContain(KEY);
    expect(secretCores('abc')).toEqual([]);
  });
  it('the key holds the client id and secret; a key encoded twice holds the key', () => {
    expect(decodeKeyParts(KEY)).toEqual([`${ID}:${SECRET}`, ID, SECRET]);
    expect(decodeKeyParts(Buffer.from(KEY).toString('base64'))).toEqual(expect.arrayContaining([KEY, ID, SECRET]));
    expect(decodeKeyParts('not base64 at all!')).toEqual([]);
  });
});

describe('Scrubber', () => {
  const scrubber = scrubberOf(KEY);

  it('scrubs the raw key, the id and the secret inside it', () => {
    expect(scrubber.scrub(`Authorization: Basic ${KEY}`)).toBe(`Authorization: Basic ${REDACTED}`);
    expect(scrubber.scrub(`client id ${ID}, secret ${SECRET}.`)).toBe(`client id ${REDACTED}, secret ${REDACTED}.`);
    expect(scrubber.scrub(`pair ${ID}:${SECRET}`)).toBe(`pair ${REDACTED}`);
  });

  it('leaves text without secrets exactly as it was', () => {
    const text = 'line one\n  line two\n\tline three %41 \\u0041 &amp; \\n «Проверка» \x1b[1m\x1b[31mred\x1b[39m\x1b[0m';
    expect(scrubber.scrub(text)).toBe(text);
    expect(scrubber.redact(`${text}\r\n`)).toBe(`${text}\r\n`);
    expect(scrubber.finds(text)).toBe(false);
    expect(new Scrubber().scrub(`${KEY}`)).toBe(KEY);
  });

  it('scrubs base64 in both alphabets, padded or not', () => {
    const secret = 'pa$$w0rd+/with?odd&chars';
    const s = scrubberOf(secret);
    const b64 = Buffer.from(secret).toString('base64');
    for (const form of [b64, b64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url')]) {
      expect(s.scrub(`x ${form} y`)).toBe(`x ${REDACTED} y`);
    }
  });

  it('scrubs a secret inside a larger base64 blob at every byte offset: Basic base64(user:pass)', () => {
    const password = 'correct-horse-battery';
    const s = scrubberOf(password);
    for (const user of ['u', 'us', 'usr', 'user', 'admin', 'serviceaccount']) {
      const header = `Authorization: Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
      expectGone(s, header, password);
      expect(s.scrub(header)).toMatch(/^Authorization: Basic [A-Za-z0-9+/]*\[REDACTED\][A-Za-z0-9+/=]{0,3}$/);
    }
    // The client secret alone, base64-encoded inside the key (offset 37): found without knowing the key.
    expect(scrubberOf(SECRET).scrub(KEY)).toContain(REDACTED);
  });

  it('scrubs URL-encoded forms: upper or lower hex digits, partly encoded, form-encoded, encoded twice', () => {
    const secret = 'p@ss/word+=?&x';
    const s = scrubberOf(secret);
    for (const text of [
      encodeURIComponent(secret),
      encodeURIComponent(secret).toLowerCase().replace(/p@/, 'P@'),
      encodeURI(secret),
      new URLSearchParams({ k: secret }).toString().slice(2),
      encodeURIComponent(encodeURIComponent(secret)),
      encodeURIComponent(Buffer.from(secret).toString('base64')),
    ]) {
      expect(s.scrub(`?q=${text}&z=1`)).toBe(`?q=${REDACTED}&z=1`);
    }
    const cyrillic = scrubberOf('пароль-секрет');
    expect(cyrillic.scrub(`u=${encodeURIComponent('пароль-секрет')}`)).toBe(`u=${REDACTED}`);
  });

  it('scrubs JSON-escaped, doubly escaped, XML-escaped and backslash-escaped forms', () => {
    const secret = 'a"b\\c/d<e>&f\'g';
    const s = scrubberOf(secret);
    const once = JSON.stringify(secret).slice(1, -1);
    const twice = JSON.stringify(JSON.stringify(secret)).slice(1, -1);
    const xml = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    const unicode = [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    for (const text of [once, xml, unicode, unicode.toUpperCase().replace(/\\U/g, '\\u')]) {
      expect(s.scrub(`{"m":"${text}"}`)).toBe(`{"m":"${REDACTED}"}`);
    }
    // Escaped twice, the quotes around the value are escaped too: they stay, the value goes.
    expect(s.scrub(`{"m":"${twice}"}`)).toBe(`{"m":"\\"${REDACTED}\\""}`);
  });

  it('scrubs hex of the secret in either case', () => {
    const s = scrubberOf('hunter22');
    const hex = Buffer.from('hunter22').toString('hex');
    expect(s.scrub(`bytes ${hex} / ${hex.toUpperCase()}`)).toBe(`bytes ${REDACTED} / ${REDACTED}`);
  });

  it('a secret wrapped across lines: only its span is replaced, every line break stays', () => {
    const text = `head\nAuthorization:\n  ${KEY.slice(0, 40)}\n  ${KEY.slice(40, 76)}\n  ${KEY.slice(76)}\ntail one\ntail two\n`;
    const out = expectGone(scrubber, text, KEY);
    expect(out).toBe(`head\nAuthorization:\n  ${REDACTED}\n  ${REDACTED}\n  ${REDACTED}\ntail one\ntail two\n`);
    expect(out.split('\n').length).toBe(text.split('\n').length);
  });

  it('a secret wrapped with CRLF, with trailing blanks, or as JSON-escaped line breaks', () => {
    const crlf = `x ${KEY.slice(0, 50)}  \r\n    ${KEY.slice(50)} y\r\nz`;
    expect(scrubber.redact(crlf)).toBe(`x ${REDACTED}  \r\n    ${REDACTED} y\r\nz`);
    const json = JSON.stringify({ message: `${KEY.slice(0, 30)}\n${KEY.slice(30)}`, other: 'a\nb' });
    expect(JSON.parse(scrubber.scrub(json))).toEqual({ message: `${REDACTED}\n${REDACTED}`, other: 'a\nb' });
  });

  it('base64 of a secret wrapped at 76 columns (MIME) is found', () => {
    const s = scrubberOf(TOKEN);
    const b64 = Buffer.from(TOKEN).toString('base64');
    const wrapped = b64.match(/.{1,76}/g)!.join('\r\n');
    expect(s.finds(wrapped)).toBe(true);
    expect(s.redact(wrapped).replace(/\[REDACTED\]|\r\n/g, '')).toBe('');
  });

  it('a secret cut short (a message sliced mid-token) is scrubbed by its fragments', () => {
    const s = scrubberOf(TOKEN);
    for (const cut of [TOKEN.slice(0, 300), TOKEN.slice(500, 520), TOKEN.slice(-FRAGMENT_LENGTH)]) {
      const out = s.scrub(`server said: ${cut}…`);
      expect(out).toContain(REDACTED);
      expect(out).not.toContain(cut.slice(0, FRAGMENT_LENGTH));
    }
    // Fragments are for long secrets only: a short one is replaced whole or not at all.
    expect(scrubberOf('hunter22').scrub('hunter2')).toBe('hunter2');
  });

  it('values shorter than 6 characters are not scrubbed (they would destroy the text)', () => {
    const s = scrubberOf('test', '12345', '   abc   ');
    expect(s.size).toBe(0);
    expect(s.scrub('test 12345 abc')).toBe('test 12345 abc');
  });

  it('Secret instances and quoted, prefixed or padded values are scrubbed in every form', () => {
    const s = new Scrubber();
    s.add(new Secret(`"Bearer ${TOKEN}"\n`));
    expect(s.scrub(`token=${TOKEN}`)).toBe(`token=${REDACTED}`);
    expect(s.scrub(`"Bearer ${TOKEN}"`)).toBe(REDACTED);
    s.add(null);
    s.add(undefined);
  });

  it('overlapping secrets are replaced as one span', () => {
    const s = scrubberOf('abcdef123', '123456xyz');
    expect(s.scrub('--abcdef123456xyz--')).toBe(`--${REDACTED}--`);
  });

  it('redactData redacts every string of plain data, keys too, without touching the structure', () => {
    const s = scrubberOf('a"b","c');
    const report = { checks: [{ message: 'x a"b","c y', n: 1, ok: true, nil: null, nested: { 'a"b","c': ['a"b","c'] } }] };
    const out = s.redactData(report);
    expect(out).toEqual({ checks: [{ message: `x ${REDACTED} y`, n: 1, ok: true, nil: null, nested: { [REDACTED]: [REDACTED] } }] });
    expect(report.checks[0].message).toBe('x a"b","c y');
    const cyclic: Record<string, unknown> = { v: 'a"b","c' };
    cyclic.self = cyclic;
    expect(() => s.redactData(cyclic)).not.toThrow();
  });

  it('redactEverySecretSeen knows what earlier scrubbers were given, plus extra values', () => {
    scrubberOf('remembered-secret-1');
    expect(redactEverySecretSeen('boom: remembered-secret-1')).toBe(`boom: ${REDACTED}`);
    expect(redactEverySecretSeen('boom: other-secret', ['other-secret'])).toBe(`boom: ${REDACTED}`);
  });

  it('runs in linear time on hostile text (long runs of blanks, backslashes, percent signs, entities)', () => {
    const s = scrubberOf(KEY, TOKEN);
    const hostile = (n: number) => [' '.repeat(n), '\\'.repeat(n), '%'.repeat(n), '&#'.repeat(n / 2), '\\u'.repeat(n / 2), '\\\\n'.repeat(n / 4)].join('x');
    const time = (n: number) => {
      const t0 = performance.now();
      s.scrub(hostile(n));
      return performance.now() - t0;
    };
    time(2_000); // warm up
    const small = time(10_000);
    const large = time(40_000);
    // Four times the text: linear is about 4×, quadratic 16×.
    expect(large).toBeLessThan(small * 10 + 250);
    expect(large).toBeLessThan(20_000);
  });
});

describe('terminal controls at the output boundary', () => {
  it('scrub makes every terminal control visible, keeps SGR colours, tabs and line feeds', () => {
    const s = new Scrubber();
    expect(s.scrub('a\x1b[2J\x1b[Hb\rc\x07d\x1b]0;title\x07e')).toBe('a␛[2J␛[Hb␍c␇d␛]0;title␇e');
    expect(s.scrub('\x1b[1m\x1b[31mred\x1b[39m\x1b[22m\tx\ny')).toBe('\x1b[1m\x1b[31mred\x1b[39m\x1b[22m\tx\ny');
    expect(s.scrub('x\x9b2Jy\u202Ez\u2028w\x7f\x00')).toBe('x[U+009B]2Jy[U+202E]z[U+2028]w\u2421\u2400');
    // SGR that could hide text — conceal, reverse, black, a background, several parameters — is shown, not obeyed.
    expect(s.scrub('\x1b[8ma\x1b[7mb\x1b[30mc\x1b[41md\x1b[38;5;16me\x1b[5mf')).toBe('␛[8ma␛[7mb␛[30mc␛[41md␛[38;5;16me␛[5mf');
  });
  it('keeps a JSON document well-formed', () => {
    const s = new Scrubber();
    const json = JSON.stringify({ m: 'a\x9b\u202eb\u2028c', n: 'x\x1by' });
    expect(JSON.parse(s.scrub(json))).toEqual({ m: 'a[U+009B][U+202E]b[U+2028]c', n: 'x\x1by' });
  });
});

describe('looksLikeCredential', () => {
  it('knows keys, pairs, ids, tokens', () => {
    for (const v of [KEY, `"${KEY}"`, `Basic ${KEY}`, ID, `${ID}:${SECRET}`, TOKEN, 'sk_live_AbCdEf0123456789AbCdEf0123456789']) {
      expect(looksLikeCredential(v), v).toBe(true);
    }
  });
  it('not scopes, models, URLs, paths or words', () => {
    for (const v of [
      'GIGACHAT_API_PERS', 'GigaChat-2-Max-preview', 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth',
      '/home/User1/certs/russian_trusted_root_ca_2024.pem', 'C:\\Users\\Me\\Documents\\gigachat-ca-bundle-2024.crt',
      'changeme', '10', 'false', 'GIGACHAT_API_PERS_GIGACHAT_API_B2B_GIGACHAT_API_CORP',
    ]) {
      expect(looksLikeCredential(v), v).toBe(false);
    }
  });
});
