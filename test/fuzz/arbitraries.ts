/**
 * Generators for the fuzz harness: keys and tokens as people paste them, .env files as editors
 * and shells write them, and answers as servers and gateways give them.
 *
 * `npm test` runs each property a few hundred times with a fixed seed; `npm run fuzz` runs it
 * FUZZ_RUNS times (default 20000) with a fresh seed, printed so a failure can be replayed
 * with FUZZ_SEED=<seed> (and FUZZ_PATH from fast-check's report).
 */
import fc from 'fast-check';
import { ALL_CODES, type Code } from '../../src/catalog/codes.js';

export const KNOWN_CODES: ReadonlySet<string> = new Set<Code>(ALL_CODES);

/** Runs and seed for this pass: short and fixed in CI, long and fresh under `npm run fuzz`. */
export function fuzzParams(ciRuns: number): fc.Parameters<unknown> {
  const runs = Number(process.env.FUZZ_RUNS) || 0;
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : runs ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : 20260105;
  const path = process.env.FUZZ_PATH;
  return { numRuns: runs || ciRuns, seed, ...(path ? { path } : {}), endOnFailure: true };
}

/** A per-test timeout that grows with the number of runs. */
export function fuzzTimeout(msPerRun: number, ciRuns: number): number {
  const runs = Number(process.env.FUZZ_RUNS) || ciRuns;
  return Math.max(30_000, runs * msPerRun * 3);
}

// ---------------------------------------------------------------------------------------------
// Secrets

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
export const uuid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((p) => p.join('-'));
export const realKey = fc.tuple(uuid, uuid).map(([id, secret]) => Buffer.from(`${id}:${secret}`).toString('base64'));
export const jweToken = fc
  .tuple(fc.uint8Array({ minLength: 8, maxLength: 300 }), fc.uint8Array({ minLength: 4, maxLength: 40 }))
  .map(([a, b]) => `eyJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwiYWxnIjoiUlNBLU9BRVAtMjU2In0.${Buffer.from(a).toString('base64url')}.${Buffer.from(b).toString('base64url')}.x.y`);

/** Characters people's values are made of, weighted towards the troublesome ones. */
const troubleChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') },
  { weight: 2, arbitrary: fc.constantFrom(...'+/=-_.:~!@#$%^&*()[]{}<>?,;\'"`\\| ') },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\n', '\r', '\u00a0', '\ufeff', '\u200b', '\u2028', '\x1b', '\x07', '\x7f', '\x9b', '\u202e') },
  { weight: 1, arbitrary: fc.constantFrom(...'АВЕКМНОРСТХаеорсухёЁжЖ', 'і', 'ј', 'é', 'ß', '😀', '中') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
export const anyValue = fc.string({ unit: troubleChar, minLength: 0, maxLength: 140 });

/** A key as it reaches the tool: real, or real with the usual damage done to it, or anything. */
export const pastedKey = fc.oneof(
  realKey,
  realKey.map((k) => `"${k}"`),
  realKey.map((k) => `Basic ${k}`),
  realKey.map((k) => `Bearer ${k}`),
  realKey.map((k) => `\ufeff${k}`),
  realKey.map((k) => `${k}\r`),
  realKey.map((k) => `${k.slice(0, 40)}\n${k.slice(40)}`),
  fc.tuple(realKey, fc.nat(99), fc.constantFrom('А', 'В', 'Е', 'О', 'Р', 'С', 'а', 'о')).map(([k, i, c]) => k.slice(0, i) + c + k.slice(i + 1)),
  fc.tuple(uuid, uuid).map(([a, b]) => `${a}:${b}`),
  uuid,
  jweToken,
  fc.tuple(realKey).map(([k]) => Buffer.from(k).toString('base64')),
  fc.constantFrom('', ' ', 'test', '<ваш_токен>', 'your_key', 'changeme', '...', 'null'),
  anyValue,
);

/** A secret to scrub: long enough to be scrubbed (≥ 6 characters once trimmed), of any make. */
export const scrubbableSecret = fc
  .oneof(realKey, uuid, jweToken, fc.string({ unit: troubleChar, minLength: 6, maxLength: 80 }), fc.string({ unit: 'binary', minLength: 6, maxLength: 40 }))
  .filter((s) => {
    const bare = s.replace(/[\s\uFEFF\u200B-\u200D\u2060\u00AD'"`]/g, '');
    // NUL, control pictures and the marker's own letters would make "no form left" ill-posed.
    return bare.length >= 8 && !/[\u0000\u2400-\u2426<>]|REDACTED|\[U\+/i.test(s);
  });

/** A character of a generated password, from one of four kinds. */
const passwordChar = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#$%&*+/=?@^_~.:');

/**
 * A secret that stays unmistakable with its separators taken out, so it is also looked for in
 * pieces: a key, a client id or secret, a token, or a generated password mixing three kinds of character.
 */
export const pieceableSecret = fc.oneof(
  realKey,
  uuid,
  jweToken,
  fc.string({ unit: passwordChar, minLength: 10, maxLength: 40 }).filter((s) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(s)).length >= 3),
);

/** A value whose case a server may change and whose owner can still rebuild it: a key, a client id or secret, a token. */
export const caselessSecret = fc.oneof(realKey, uuid, jweToken);

/** What a server or a renderer puts between the pieces it cut a secret into. */
export const pieceSeparator = fc.constantFrom(' ', ',', ', ', ' | ', '\n', '", "', '; ', '\t', ' - ');

/** The value cut at the given sizes (each 1 to 11 characters, cycled), joined by `separator`. */
export function piecesOf(value: string, sizes: number[], separator: string): string {
  const pieces: string[] = [];
  for (let at = 0, k = 0; at < value.length; k++) {
    const size = 1 + (sizes[k % sizes.length] % 11);
    pieces.push(value.slice(at, at + size));
    at += size;
  }
  return pieces.join(separator);
}

/** How a server may change the case of what it echoes. */
export const caseChange = fc.constantFrom('lower', 'upper', 'swap', 'random');
export function changeCase(value: string, how: string, seed: number): string {
  switch (how) {
    case 'lower': return value.toLowerCase();
    case 'upper': return value.toUpperCase();
    case 'swap': return [...value].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
    default: return [...value].map((c, i) => (((seed >> (i % 31)) & 1) === 1 ? c.toUpperCase() : c.toLowerCase())).join('');
  }
}

// ---------------------------------------------------------------------------------------------
// .env files

const envName = fc.oneof(
  fc.constantFrom(
    'GIGACHAT_CREDENTIALS', 'GIGACHAT_ACCESS_TOKEN', 'GIGACHAT_USER', 'GIGACHAT_PASSWORD', 'GIGACHAT_SCOPE', 'GIGACHAT_AUTH_URL',
    'GIGACHAT_BASE_URL', 'GIGACHAT_MODEL', 'GIGACHAT_TIMEOUT', 'GIGACHAT_VERIFY_SSL_CERTS', 'GIGACHAT_CA_BUNDLE_FILE', 'GIGACHAT_TOKEN',
    'GIGACHAT_API_KEY', 'NODE_EXTRA_CA_CERTS', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'OTHER',
  ),
  fc.string({ unit: fc.constantFrom(...'ABCXYZ_09.-'), minLength: 1, maxLength: 12 }),
);
const envValue = fc.oneof(
  pastedKey,
  fc.constantFrom('GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'gigachat_api_pers', 'GigaChat-2', 'GigaChat-2-Max', 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth',
    'https://auth.api.cloud.yandex.net/oauth/token', 'https://api.gigachat.ru/core/api/v1', 'http://gigachat.devices.sberbank.ru/api/v1', '30', '0.5', 'soon', 'false', 'http://u:p@proxy:3128'),
  anyValue,
);
const quote = (v: string, q: string) => (q === '' ? v : `${q}${v}${q}`);
const envLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.boolean(), envName, fc.constantFrom('', '"', "'", '`'), envValue, fc.constantFrom('=', ' = ', '=', ':')).map(([exp, k, q, v, eq]) => `${exp ? 'export ' : ''}${k}${eq}${quote(v, q)}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '# comment', '#GIGACHAT_CREDENTIALS=old', '   ', 'garbage line without equals') },
  { weight: 1, arbitrary: anyValue },
);

/** A .env file's bytes: lines joined by LF, CRLF or CR, maybe a BOM, maybe UTF-16, maybe a NUL, maybe noise. */
export const envFileBytes = fc
  .tuple(fc.array(envLine, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('none', 'bom', 'utf16le', 'utf16be', 'nul', 'noise'), fc.uint8Array({ maxLength: 64 }))
  .map(([lines, eol, dress, noise]) => {
    const text = lines.join(eol);
    switch (dress) {
      case 'bom':
        return Buffer.from(`\ufeff${text}`, 'utf8');
      case 'utf16le':
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      case 'utf16be':
        return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      case 'nul':
        return Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]);
      case 'noise':
        return Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from(noise)]);
      default:
        return Buffer.from(text, 'utf8');
    }
  });

export const envVars = fc.dictionary(envName, envValue, { maxKeys: 8 });

/** Flag values as commander would hand them over: mostly sane, sometimes anything. */
export const rawFlags = fc.record(
  {
    json: fc.boolean(),
    format: fc.oneof(fc.constantFrom('human', 'json', 'markdown', 'junit'), anyValue),
    authUrl: envValue,
    baseUrl: envValue,
    scope: envValue,
    model: envValue,
    insecure: fc.boolean(),
    timeout: fc.oneof(fc.constantFrom('100', '1500', '600000', '600001', '99', '0', '-1', '1e3', ''), fc.nat().map(String), anyValue),
    chat: fc.boolean(),
    only: fc.oneof(fc.constantFrom('env', 'env,format', 'oauth,models', 'nope', ',', ''), anyValue),
    skip: fc.oneof(fc.constantFrom('chat', 'dns,tcp,tls', 'x'), anyValue),
    lang: fc.constantFrom('ru', 'en', 'de', ''),
    strict: fc.boolean(),
    verbose: fc.boolean(),
    color: fc.boolean(),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------------
// Server answers

const jsonScalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const looseJson = fc.jsonValue({ maxDepth: 3 });

/** Bodies a GigaChat host, a gateway or something else entirely might answer with. */
export const answerBody = fc.oneof(
  fc.record({ access_token: fc.oneof(jweToken, fc.string()), expires_at: fc.oneof(fc.integer(), fc.double(), jsonScalar) }).map((o) => JSON.stringify(o)),
  fc.record({ tok: fc.string(), exp: fc.oneof(fc.integer({ min: 0, max: 2 ** 53 - 1 }), jsonScalar) }).map((o) => JSON.stringify(o)),
  fc.record({ code: fc.oneof(fc.integer({ min: 0, max: 10 }), jsonScalar), message: fc.oneof(anyValue, jsonScalar) }).map((o) => JSON.stringify(o)),
  fc.record({ status: fc.integer({ min: 100, max: 599 }), message: anyValue }).map((o) => JSON.stringify(o)),
  fc.array(fc.record({ id: fc.oneof(fc.constantFrom('GigaChat', 'GigaChat-2', 'GigaChat-2-Max'), fc.string(), jsonScalar), type: fc.oneof(fc.constantFrom('chat', 'embedder'), jsonScalar) }, { requiredKeys: [] }), { maxLength: 6 })
    .map((data) => JSON.stringify({ object: 'list', data })),
  fc.record({
    choices: fc.array(fc.record({ message: fc.record({ role: fc.string(), content: fc.oneof(fc.string(), fc.constant(null)) }, { requiredKeys: [] }), finish_reason: fc.oneof(fc.constantFrom('stop', 'length', 'blacklist', 'error'), jsonScalar) }, { requiredKeys: [] }), { maxLength: 3 }),
    model: fc.oneof(fc.string(), jsonScalar),
    usage: fc.oneof(fc.record({ prompt_tokens: fc.nat(), completion_tokens: fc.nat(), total_tokens: fc.nat() }), jsonScalar),
  }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
  looseJson.map((v) => JSON.stringify(v)),
  fc.constantFrom('<!DOCTYPE html><html><body>404</body></html>', '<html><head><title>502 Bad Gateway</title></head></html>', '', '   ', 'null', '[]', '{', '{"data":[', 'OK'),
  anyValue,
).map((s) => Buffer.from(s, 'utf8'));

export const answerBytes = fc.oneof(
  { weight: 5, arbitrary: answerBody },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.tuple(answerBody, fc.uint8Array({ minLength: 1, maxLength: 4 })).map(([b, bad]) => Buffer.concat([b, Buffer.from(bad.map((x) => 0x80 | x))])) },
);

const headerValue = fc.oneof(fc.constantFrom('application/json', 'text/html', '0', '5', 'Wed, 21 Oct 2015 07:28:00 GMT', 'soon', 'https://localhost/x?token=abc'), fc.string({ maxLength: 40 }));

export const httpResponse = fc.record({
  url: fc.constantFrom('https://ngw.devices.sberbank.ru:9443/api/v2/oauth', 'https://gigachat.devices.sberbank.ru/api/v1/models', 'https://127.0.0.1:1/x?y=z', 'https://u:p@host/x'),
  status: fc.oneof(fc.constantFrom(200, 200, 200, 301, 302, 307, 400, 401, 402, 403, 404, 405, 413, 422, 429, 500, 502, 503), fc.integer({ min: 100, max: 599 })),
  headers: fc.dictionary(fc.constantFrom('content-type', 'date', 'retry-after', 'location', 'x-request-id', 'x-session-id', 'server', 'x-other'), headerValue, { maxKeys: 6 }),
  body: answerBytes,
  truncated: fc.constantFrom(false, false, false, false, true),
  ms: fc.nat(100_000),
});
