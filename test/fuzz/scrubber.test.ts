/**
 * Fuzz: for any generated secret and any way it may be embedded in text — raw, trimmed,
 * base64 in either alphabet at any offset of a larger blob, URL-encoded (once or twice, either
 * case), JSON-escaped (once or twice, or as \u escapes), XML-escaped, hex, wrapped across lines,
 * cut short — the scrubbed text holds no form of it. The forms checked are computed here,
 * independently of src/secret.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAGMENT_LENGTH, REDACTED, Scrubber } from '../../src/secret/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Secret } from '../../src/secret/index.js';
import { caseChange, caselessSecret, changeCase, fuzzParams, fuzzTimeout, pieceSeparator, pieceableSecret, piecesOf, scrubbableSecret } from './arbitraries.js';

const CI_RUNS = 400;
const OWN_TEXT_RUNS = 40;

/**
 * The secret with blanks at its ends, invisible characters, quotes and a Bearer/Basic prefix taken
 * off, and line breaks inside. Other blanks inside stay: a password's own space is part of it
 * (`pass word` is not "password").
 */
function bare(secret: string): string {
  let v = secret;
  for (let i = 0; i < 4; i++) {
    v = v.replace(/^[\s\uFEFF\u200B-\u200D\u2060\u00AD'"`]+|[\s\uFEFF\u200B-\u200D\u2060\u00AD'"`]+$/g, '').replace(/^(?:bearer|basic)[\s:]+/i, '');
  }
  return v.replace(/[\uFEFF\u200B-\u200D\u2060\u00AD]/g, '').replace(/[ \t]*[\r\n\u2028\u2029]+[ \t]*/g, '');
}

const xmlEscape = (s: string, numeric: boolean) =>
  [...s].map((c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? (numeric && c.codePointAt(0)! > 0x7e ? `&#${c.codePointAt(0)};` : c)).join('');
const unicodeEscape = (s: string, upper: boolean) =>
  s.split('').map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).map((e) => (upper ? e.toUpperCase().replace('\\U', '\\u') : e)).join('');

function wrap(text: string, width: number, eol: string, indent: string): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.join(eol + indent);
}

const ENCODINGS = [
  'raw', 'bare', 'url', 'url-lower', 'url-twice', 'form', 'json', 'json-twice', 'json-unicode', 'xml', 'xml-numeric', 'hex', 'hex-upper',
  'wrapped', 'wrapped-crlf', 'wrapped-json', 'base64', 'base64url', 'base64-wrapped',
] as const;
type Encoding = (typeof ENCODINGS)[number];

function encode(secret: string, how: Encoding, width: number, indent: string): string {
  const b = bare(secret);
  const bytes = Buffer.from(b, 'utf8');
  switch (how) {
    case 'raw': return secret;
    case 'bare': return b;
    case 'url': return encodeURIComponent(b);
    case 'url-lower': return encodeURIComponent(b).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    case 'url-twice': return encodeURIComponent(encodeURIComponent(b));
    case 'form': return new URLSearchParams({ k: b }).toString().slice(2);
    case 'json': return JSON.stringify(b).slice(1, -1);
    case 'json-twice': return JSON.stringify(JSON.stringify(b)).slice(1, -1);
    case 'json-unicode': return unicodeEscape(b, width % 2 === 0);
    case 'xml': return xmlEscape(b, false);
    case 'xml-numeric': return xmlEscape(b, true);
    case 'hex': return bytes.toString('hex');
    case 'hex-upper': return bytes.toString('hex').toUpperCase();
    case 'wrapped': return wrap(b, width, '\n', indent);
    case 'wrapped-crlf': return wrap(b, width, '\r\n', indent);
    case 'wrapped-json': return JSON.stringify(wrap(b, width, '\n', indent)).slice(1, -1);
    case 'base64': return bytes.toString('base64');
    case 'base64url': return bytes.toString('base64url');
    case 'base64-wrapped': return wrap(bytes.toString('base64'), width, '\r\n', '');
  }
}

/**
 * The text around the secret, escaped the way the secret is: a renderer escapes a whole string,
 * so a JSON-escaped secret sits in JSON-escaped text (a lone `\` right before it cannot occur).
 */
function encodeAround(text: string, how: Encoding): string {
  switch (how) {
    case 'json': case 'json-unicode': case 'wrapped-json': return JSON.stringify(text).slice(1, -1);
    case 'json-twice': return JSON.stringify(JSON.stringify(text)).slice(1, -1);
    case 'xml': case 'xml-numeric': return xmlEscape(text, false);
    case 'url': case 'url-lower': return encodeURIComponent(text);
    case 'url-twice': return encodeURIComponent(encodeURIComponent(text));
    case 'form': return new URLSearchParams({ k: text }).toString().slice(2);
    default: return text;
  }
}

/** Literal forms that must not survive, computed without src/secret.ts. */
function formsOf(secret: string): string[] {
  const b = bare(secret);
  const bytes = Buffer.from(b, 'utf8');
  const forms = [secret, b, bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url'), encodeURIComponent(b), JSON.stringify(b).slice(1, -1), bytes.toString('hex')];
  return [...new Set(forms)].filter((f) => f.length >= 6);
}

/** No secret form in the scrubbed text; markers count as opaque (they are replaced by NUL first). */
function expectNoForm(out: string, secret: string, extra: string[] = []): void {
  const opaque = out.split(REDACTED).join('\u0000');
  const flat = opaque.replace(/\s+/g, '');
  for (const form of [...formsOf(secret), ...extra]) {
    expect(opaque.includes(form), `form ${JSON.stringify(form)} in ${JSON.stringify(out)}`).toBe(false);
    if (!/\s/.test(form)) expect(flat.includes(form), `form ${JSON.stringify(form)} across lines in ${JSON.stringify(out)}`).toBe(false);
  }
}

const surrounding = fc.string({ unit: fc.constantFrom(...'abcXYZ019 .,:;"\'{}[]=/\\%&+-_\n\t'), maxLength: 30 });

describe('fuzz: the scrubber', () => {
  it('for any secret and any embedding, the scrubbed text holds no form of it', () => {
    fc.assert(
      fc.property(
        scrubbableSecret, fc.constantFrom(...ENCODINGS), fc.integer({ min: 3, max: 40 }), fc.constantFrom('', ' ', '    ', '\t', '  > '.slice(0, 2)),
        surrounding, surrounding, fc.nat(3),
        (secret, how, width, indent, before, after, copies) => {
          const scrubber = new Scrubber({ remember: false });
          scrubber.add(secret);
          const encoded = encode(secret, how, width, indent);
          const text = `${encodeAround(before, how)}${Array.from({ length: copies + 1 }, () => encoded).join(' ')}${encodeAround(after, how)}`;
          const out = scrubber.scrub(text);
          expect(out).toContain(REDACTED);
          expect(scrubber.finds(out), JSON.stringify(out)).toBe(false);
          expectNoForm(out, secret);
        },
      ),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(2, CI_RUNS));

  it('inside a larger base64 blob at any byte offset (Basic base64(user:secret)), the bytes of the secret leave nothing behind', () => {
    fc.assert(
      fc.property(
        scrubbableSecret, fc.uint8Array({ maxLength: 7 }), fc.uint8Array({ maxLength: 7 }), fc.constantFrom('base64', 'base64url'), fc.boolean(), fc.boolean(),
        (secret, pre, post, alphabet, pad, basic) => {
          const scrubber = new Scrubber({ remember: false });
          scrubber.add(secret);
          const core = Buffer.from(bare(secret), 'utf8');
          const blob = Buffer.concat([Buffer.from(pre), core, Buffer.from(post)]);
          let b64 = blob.toString(alphabet as BufferEncoding);
          if (!pad) b64 = b64.replace(/=+$/, '');
          const out = scrubber.scrub(`${basic ? 'Authorization: Basic ' : ''}${b64}`);
          // The characters of the blob's base64 that depend on the secret's bytes alone.
          const own = b64.slice(Math.ceil((8 * pre.length) / 6), Math.floor((8 * (pre.length + core.length)) / 6));
          expect(out).toContain(REDACTED);
          expectNoForm(out, secret, own.length >= 6 ? [own] : []);
        },
      ),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(2, CI_RUNS));

  it('a long secret cut short anywhere leaves no fragment of FRAGMENT_LENGTH characters', () => {
    fc.assert(
      fc.property(
        // A value of letters only is found whole only (12.6): its fragments may be anybody's words.
        scrubbableSecret.filter((s) => bare(s).length >= 16 && !/^[\p{L}\p{M}\s]+$/u.test(bare(s))), fc.nat(), fc.nat(), surrounding, surrounding,
        (secret, a, b, before, after) => {
          const core = bare(secret);
          const start = a % (core.length - FRAGMENT_LENGTH + 1);
          const end = start + FRAGMENT_LENGTH + (b % (core.length - start - FRAGMENT_LENGTH + 1));
          const scrubber = new Scrubber({ remember: false });
          scrubber.add(secret);
          const out = scrubber.scrub(`${before}${core.slice(start, end)}…${after}`).split(REDACTED).join('\u0000');
          for (let i = 0; i + FRAGMENT_LENGTH <= core.length; i++) expect(out.includes(core.slice(i, i + FRAGMENT_LENGTH))).toBe(false);
        },
      ),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(2, CI_RUNS));

  it('a JSON document scrubbed as text (what diagnose() does to the report) stays valid JSON with no form left', () => {
    fc.assert(
      fc.property(scrubbableSecret, fc.jsonValue({ maxDepth: 3 }), surrounding, fc.boolean(), (secret, doc, around, asKey) => {
        const scrubber = new Scrubber({ remember: false });
        scrubber.add(secret);
        const holder = asKey ? { [`${around}${secret}`]: doc } : { doc, message: `${around}${secret}${around}`, list: [secret, around] };
        const text = JSON.stringify(holder, null, asKey ? 2 : undefined);
        const scrubbed = scrubber.scrub(text);
        const parsed = JSON.parse(scrubbed) as unknown;
        expectNoForm(JSON.stringify(parsed), secret);
        // The string-by-string way: nothing to break, nothing left.
        expectNoForm(JSON.stringify(scrubber.redactData(holder)), secret);
      }),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(2, CI_RUNS));

  it('text without the secret passes through unchanged (but for terminal controls)', () => {
    fc.assert(
      fc.property(scrubbableSecret, fc.string({ unit: fc.constantFrom(...'abcdefghijklmnop qrstuvwxyz\n.,0123'), maxLength: 200 }), (secret, text) => {
        const scrubber = new Scrubber({ remember: false });
        scrubber.add(secret);
        fc.pre(!scrubber.finds(text));
        expect(scrubber.scrub(text)).toBe(text);
      }),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(2, CI_RUNS));

  it('case (12.2): a key, a client id or secret, a token in any case leaves nothing a reader could rebuild', () => {
    fc.assert(
      fc.property(caselessSecret, caseChange, fc.integer(), surrounding, surrounding, (secret, how, seed, before, after) => {
        const scrubber = new Scrubber({ remember: false });
        scrubber.add(secret);
        const text = `${before}${changeCase(secret, how, seed)}${after}`;
        expect(scrubber.finds(text)).toBe(true);
        const out = scrubber.scrub(text);
        expect(scrubber.finds(out), out).toBe(false);
        expectNoWindow(out, secret, (x) => x.toLowerCase());
      }),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(2, CI_RUNS));

  it('dashes (12.2): the client id and secret inside a key, with any of their dashes gone and in any case, are found', () => {
    fc.assert(
      fc.property(fc.tuple(caselessSecret, caselessSecret), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), caseChange, fc.integer(), surrounding, (pair, drop, how, seed, around) => {
        const [id, secret] = pair.map((p) => p.replace(/^eyJ.*/, '0199a3b2-5c4d-7e8f-9a0b-1c2d3e4f5a6b'));
        fc.pre(/^[0-9a-f-]{36}$/.test(secret));
        const key = Buffer.from(`${id}:${secret}`).toString('base64');
        const scrubber = new Scrubber({ remember: false });
        scrubber.add(key);
        let k = 0;
        const dashless = secret.replace(/-/g, (d) => (drop[k++] ? '' : d));
        const out = scrubber.scrub(`${around}${changeCase(dashless, how, seed)}${around}`);
        expect(out).toContain(REDACTED);
        expectNoWindow(out, secret, (x) => x.toLowerCase().replace(/-/g, ''));
      }),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(2, CI_RUNS));

  it('pieces (12.5): a secret cut into pieces of 1 to 11 characters with any separators is found, and none is left after', () => {
    fc.assert(
      fc.property(pieceableSecret, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), pieceSeparator, surrounding, surrounding, (secret, sizes, separator, before, after) => {
        const scrubber = new Scrubber({ remember: false });
        scrubber.add(secret);
        const text = `${before} ${piecesOf(secret, sizes, separator)} ${after}`;
        // The verdict the report's self-check acts on, and the redaction every other output gets.
        expect(scrubber.finds(text)).toBe(true);
        const out = scrubber.scrub(text);
        expect(scrubber.finds(out), out).toBe(false);
        expectNoWindow(out, secret, squeeze);
      }),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(3, CI_RUNS));

  it('pieces as separate strings of a document (model ids): redacted in each, the document whole', () => {
    fc.assert(
      fc.property(pieceableSecret, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (secret, sizes) => {
        const scrubber = new Scrubber({ remember: false });
        scrubber.add(secret);
        const ids = piecesOf(secret, sizes, '\u0000').split('\u0000');
        const doc = { checks: [{ status: 'fail', details: { chatModels: ['GigaChat', ...ids, 'GigaChat-Max'] } }] };
        const out = scrubber.redactReport(doc);
        expect(out.checks[0].status).toBe('fail');
        expect(out.checks[0].details.chatModels).toHaveLength(ids.length + 2);
        const json = JSON.stringify(out, null, 2);
        expect(scrubber.finds(json), json).toBe(false);
        expectNoWindow(json, secret, squeeze);
      }),
      fuzzParams(CI_RUNS),
    );
  }, fuzzTimeout(2, CI_RUNS));

  it('no false finds (12.6): a password made of words of one line of gigadoctor’s own text, spaces removed or not, finds nothing in it', () => {
    // Words of one line: a value broken across lines is found joined, by design (a wrapped key).
    const lines = ownText.split('\n').map((line) => line.split(/[^A-Za-zА-Яа-яЁё]+/).filter(Boolean)).filter((words) => words.length >= 2);
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.nat(), fc.integer({ min: 2, max: 4 }), fc.boolean(), (line, at, count, spaced) => {
        const words = lines[line];
        const from = at % words.length;
        const password = words.slice(from, from + count).join(spaced ? ' ' : '');
        fc.pre(password.replace(/\s/g, '').length >= 6 && !ownText.includes(password));
        const scrubber = new Scrubber({ remember: false });
        scrubber.add(new Secret(password, { kind: 'password' }));
        expect(scrubber.finds(ownText), password).toBe(false);
      }),
      // Each run searches every golden report in every view (~0.2 s): a few hundred runs say enough.
      { ...fuzzParams(OWN_TEXT_RUNS), numRuns: Math.min(fuzzParams(OWN_TEXT_RUNS).numRuns ?? OWN_TEXT_RUNS, 10 * OWN_TEXT_RUNS) },
    );
  }, 10 * OWN_TEXT_RUNS * 600);
});

/** Lowered, without the separators a secret may be cut up with. */
const squeeze = (x: string) => x.toLowerCase().replace(/[\s,;|"'`\-\u0000]/g, '');

/** No FRAGMENT_LENGTH characters of the secret left in the output, both seen through `view`; markers are opaque. */
function expectNoWindow(out: string, secret: string, view: (x: string) => string): void {
  const text = view(out.split(REDACTED).join('\u0001'));
  const s = view(secret);
  for (let i = 0; i + FRAGMENT_LENGTH <= s.length; i++) expect(text.includes(s.slice(i, i + FRAGMENT_LENGTH)), `${s.slice(i, i + FRAGMENT_LENGTH)} in ${out}`).toBe(false);
}

/** gigadoctor's own words: the golden reports, in both languages and every format. */
const ownText = ['pass', 'scope-mismatch', 'untrusted-chain']
  .flatMap((name) => ['en', 'ru'].map((lang) => readFileSync(join(__dirname, '../golden', `${name}.${lang}.md`), 'utf8')))
  .join('\n');
