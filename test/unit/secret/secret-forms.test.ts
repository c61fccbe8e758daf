/**
 * The echo forms of issue 12: case changed (2), dashes removed (2), pieces with separators (5),
 * and no false find on gigadoctor's own words (6); the Report scrubbed as data (11.5).
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, Scrubber, Secret, isCaseless, isPieceable, isSecretVariableName, redactText } from '../../../src/secret/index.js';

const ID = '0199a3b2-5c4d-7e8f-9a0b-1c2d3e4f5a6b';
const SECRET = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const KEY = Buffer.from(`${ID}:${SECRET}`).toString('base64');
const TOKEN = `eyJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwiYWxnIjoiUlNBLU9BRVAtMjU2In0.${'c2VjcmV0LXRva2VuLWJvZHk'.repeat(12)}.aXY.Y3Q.dGFn`;

function scrubberOf(...values: Array<string | Secret>): Scrubber {
  const s = new Scrubber({ remember: false });
  for (const v of values) s.add(v);
  return s;
}

/** Cut into pieces of `size` characters, joined by `separator`. */
const piecesOf = (value: string, size: number, separator: string) => value.match(new RegExp(`.{1,${size}}`, 'g'))!.join(separator);

describe('case (12.2): a key, a client id or secret, a token with its case changed is the same secret', () => {
  const scrubber = scrubberOf(KEY);
  it.each([
    ['the key lowercased', KEY.toLowerCase()],
    ['the key uppercased', KEY.toUpperCase()],
    ['the client id uppercased', ID.toUpperCase()],
    ['the client secret uppercased', SECRET.toUpperCase()],
    ['the pair, uppercased', `${ID}:${SECRET}`.toUpperCase()],
    ['the lowercased key, cut short', KEY.toLowerCase().slice(10, 40)],
    ['the lowercased key, URL-encoded', encodeURIComponent(KEY.toLowerCase())],
  ])('%s is found and redacted', (_what, echoed) => {
    const text = `server said: ${echoed} (end)`;
    expect(scrubber.finds(text)).toBe(true);
    const out = scrubber.scrub(text);
    expect(out).toContain(REDACTED);
    expect(out.toLowerCase()).not.toContain(echoed.toLowerCase().slice(0, 12));
    expect(out.startsWith('server said: ') && out.endsWith(' (end)')).toBe(true);
  });
  it('a token in another case is found too', () => {
    expect(scrubberOf(TOKEN).finds(`x ${TOKEN.toLowerCase()} y`)).toBe(true);
  });
  it('a password keeps its case: `Status1!x` does not hide the word `status1!x`', () => {
    const s = scrubberOf(new Secret('Status1!x', { kind: 'password' }));
    expect(s.finds('Status1!x')).toBe(true);
    expect(s.finds('status1!x')).toBe(false);
    expect(isCaseless('Status1!x')).toBe(false);
    expect(isCaseless(KEY)).toBe(true);
    expect(isCaseless(SECRET)).toBe(true);
  });
});

describe('dashes (12.2): a client id or secret without its dashes, in either case', () => {
  const scrubber = scrubberOf(KEY);
  it.each([
    ['the client secret without dashes', SECRET.replace(/-/g, '')],
    ['the client id without dashes, uppercased', ID.replace(/-/g, '').toUpperCase()],
    ['the client secret with only some dashes', SECRET.replace('-', '')],
  ])('%s is found and redacted', (_what, echoed) => {
    const out = scrubber.scrub(`id=${echoed};`);
    expect(out).toBe(`id=${REDACTED};`);
  });
});

describe('pieces (12.5): fragments of 11 characters or fewer with separators between them', () => {
  it.each([
    ['the key in pieces of 10, spaces between', piecesOf(KEY, 10, ' ')],
    ['the key in pieces of 8, commas between', piecesOf(KEY, 8, ',')],
    ['the key in pieces of 11, ", " between', piecesOf(KEY, 11, ', ')],
    ['the token in pieces of 6, " | " between', piecesOf(TOKEN.slice(0, 120), 6, ' | ')],
    ['the client secret in pieces of 4 as quoted list items', JSON.stringify(piecesOf(SECRET.replace(/-/g, ''), 4, ' ').split(' '))],
    ['a generated password in pieces of 3', piecesOf('Xk9#mQ2$vL7!', 3, ' ')],
  ])('%s: redacted in any text, and the same text refused by the self-check verdict', (_what, echoed) => {
    const s = scrubberOf(KEY, TOKEN, new Secret('Xk9#mQ2$vL7!', { kind: 'password' }));
    const text = `models: ${echoed}.`;
    expect(s.finds(text)).toBe(true);
    const out = s.scrub(text);
    expect(s.finds(out), out).toBe(false);
    expect(out).toMatch(/^models: .*\[REDACTED\].*\.$/);
  });
  it('pieces spread over separate strings of a document (model ids) are redacted in each', () => {
    const s = scrubberOf(KEY);
    const ids = piecesOf(KEY, 10, ' ').split(' ');
    const doc = { checks: [{ id: 'models', details: { models: ['GigaChat', ...ids, 'GigaChat-Pro'] } }] };
    const out = s.redactReport(doc);
    const models = out.checks[0].details.models;
    expect(models[0]).toBe('GigaChat');
    expect(models[models.length - 1]).toBe('GigaChat-Pro');
    expect(models.slice(1, -1).every((m) => m === REDACTED)).toBe(true);
    expect(s.finds(JSON.stringify(out))).toBe(false);
    expect(s.finds(models.join(', '))).toBe(false);
  });
  it('only values unmistakable without separators are looked for in pieces', () => {
    for (const v of [KEY, TOKEN, ID, 'Xk9#mQ2$vL7!']) expect(isPieceable(v), v).toBe(true);
    for (const v of ['exitcode', 'accesstoken', 'pass word', 'password1', 'changeme']) expect(isPieceable(v), v).toBe(false);
  });
});

describe('no false finds on gigadoctor’s own words (12.6)', () => {
  const ownText = [
    'exit code 1 (a check failed)', 'the access token was refused', 'Put the password in GIGACHAT_PASSWORD',
    '| Check | Status | Code | Time |', 'checks: 9, status: fail', 'Пароль и логин: GIGACHAT_USER / GIGACHAT_PASSWORD',
  ].join('\n');
  it.each(['exitcode', 'accesstoken', 'pass word', 'Password', 'passwordin', 'checks9status'])('password %j: nothing found in the report’s own words', (password) => {
    const s = scrubberOf(new Secret(password, { kind: 'password' }));
    expect(s.finds(ownText)).toBe(false);
    expect(s.scrub(ownText)).toBe(ownText);
  });
  it('`pass word` is still found where it stands, and the word "password" is left alone', () => {
    const s = scrubberOf('pass word');
    expect(s.scrub('you sent "pass word"; the password is wrong')).toBe(`you sent "${REDACTED}"; the password is wrong`);
  });
  it('a key wrapped across lines in a .env file is still found joined', () => {
    const s = scrubberOf(`${KEY.slice(0, 40)}\n  ${KEY.slice(40)}`);
    expect(s.scrub(`got ${KEY}`)).toBe(`got ${REDACTED}`);
  });
});

describe('the Report scrubbed as data (11.5)', () => {
  it.each(['checks', 'status', 'exitCode', 'summary'])('a password equal to the field name %j leaves the document whole', (password) => {
    const s = scrubberOf(new Secret(password, { kind: 'password' }));
    const report = {
      schemaVersion: 1, ok: false, exitCode: 1, counts: { pass: 1, fail: 1 },
      checks: [{ id: 'oauth', status: 'fail', code: 'OAUTH_UNAUTHORIZED', summary: `server said: bad ${password}`, details: { message: password, 'x-echo': password, [password]: 1 } }],
    };
    const out = s.redactReport(report);
    expect(Object.keys(out)).toEqual(Object.keys(report));
    expect(out.checks).toHaveLength(1);
    expect(out.checks[0].status).toBe('fail');
    expect(out.checks[0].summary).toBe(`server said: bad ${REDACTED}`);
    expect(out.checks[0].details.message).toBe(REDACTED);
    expect(out.checks[0].details['x-echo']).toBe(REDACTED);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });
  it('keys that are not field names are text: redacted, and two that now read the same stay two', () => {
    const s = scrubberOf(KEY);
    const out = s.redactReport({ details: { [`k ${KEY}`]: 1, [`k ${KEY.toLowerCase()}`]: 2 } });
    expect(out.details).toEqual({ [`k ${REDACTED}`]: 1, [`k ${REDACTED} (2)`]: 2 });
  });
});

describe('the API for pasted text (explain)', () => {
  it('redactText hides every form of the values given, remembering none', () => {
    expect(redactText(`a ${KEY.toLowerCase()} b ${SECRET.replace(/-/g, '')} c`, [KEY])).toBe(`a ${REDACTED} b ${REDACTED} c`);
    expect(redactText('nothing here', [KEY, undefined, null])).toBe('nothing here');
  });
  it('isSecretVariableName knows a secret by its name', () => {
    for (const name of ['GIGACHAT_PASSWORD', 'GIGACHAT_KEY_FILE_PASSWORD', 'GIGACHAT_ACCESS_TOKEN', 'GIGACHAT_CREDENTIALS', 'CLIENT_SECRET', 'openai_api_key', 'DB_PWD']) {
      expect(isSecretVariableName(name), name).toBe(true);
    }
    for (const name of ['GIGACHAT_SCOPE', 'GIGACHAT_MODEL', 'GIGACHAT_BASE_URL', 'HOME', 'GIGACHAT_USER']) expect(isSecretVariableName(name), name).toBe(false);
  });
});
