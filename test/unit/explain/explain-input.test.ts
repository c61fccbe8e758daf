/**
 * explain's input layers one by one: bytes → lines (encodings), lines → records, and what is
 * redacted before anything pasted is shown.
 */
import { describe, expect, it } from 'vitest';
import { LineDecoder, MAX_LINE_CHARS, decodeAll, decodeLine } from '../../../src/explain/decode.js';
import { readText } from '../../../src/explain/reader.js';
import { RecordSplitter, type LogRecord } from '../../../src/explain/records.js';
import { redactPasted } from '../../../src/explain/redact.js';
import en from '../../../src/catalog/en.js';
import ru from '../../../src/catalog/ru.js';
import { present } from '../../../src/explain/present.js';
import { remedyContext } from '../../../src/render/shell.js';

const cp1251 = (text: string): Buffer => {
  const dec = new TextDecoder('windows-1251');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(dec.decode(Buffer.from([b])), b);
  return Buffer.from([...text].map((ch) => map.get(ch)!));
};

function chunked(bytes: Buffer, size: number): string[] {
  const d = new LineDecoder();
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += size) lines.push(...d.push(bytes.subarray(i, i + size)));
  return [...lines, ...d.end()];
}

describe('decode: bytes → lines', () => {
  const text = 'ERROR Превышен лимит запросов\r\nINFO ok\r\nпоследняя';
  it.each([
    ['UTF-8', Buffer.from(text)],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16 LE with BOM (PowerShell)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 LE without BOM', Buffer.from(text, 'utf16le')],
    ['CP1251', cp1251(text)],
  ])('%s, whole and in 1- to 7-byte chunks', (_name, bytes) => {
    const want = ['ERROR Превышен лимит запросов', 'INFO ok', 'последняя'];
    expect(decodeAll(bytes)).toEqual(want);
    for (const size of [1, 2, 3, 7]) expect(chunked(bytes, size)).toEqual(want);
  });
  it('CP1251 is decided per line: UTF-8 and CP1251 lines in one file both read right', () => {
    const bytes = Buffer.concat([Buffer.from('Токен истёк\n'), cp1251('Токен истёк\n'), Buffer.from('plain\n')]);
    expect(decodeAll(bytes)).toEqual(['Токен истёк', 'Токен истёк', 'plain']);
  });
  it('bytes that are neither stay readable (U+FFFD), never throw', () => {
    expect(decodeLine(Buffer.from([0x41, 0x98, 0x42]))).toBe('A\uFFFDB');
    expect(() => decodeAll(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]))).not.toThrow();
  });
  it('a line without end is cut, memory stays bounded', () => {
    const d = new LineDecoder();
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    for (let i = 0; i < 20; i++) expect(d.push(chunk)).toEqual([]);
    const [line] = [...d.push(Buffer.from('\nnext\n'))];
    expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
  });
});

function records(text: string): LogRecord[] {
  const s = new RecordSplitter();
  const out: LogRecord[] = [];
  for (const line of text.split('\n')) {
    const r = s.push(line);
    if (r) out.push(r);
  }
  const last = s.flush();
  return last ? [...out, last] : out;
}

describe('records: a line and its continuation', () => {
  it('a logged exception with a chained traceback is one record; the next log line starts another', () => {
    const r = records([
      '2026-11-30 10:00:00,001 ERROR app: failed',
      'Traceback (most recent call last):',
      '  File "/app/x.py", line 1, in <module>',
      'httpx.ConnectError: [Errno 111] Connection refused',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "/app/y.py", line 2, in <module>',
      'gigachat.exceptions.ResponseError: boom',
      '2026-11-30 10:00:01,000 INFO app: next',
    ].join('\n'));
    expect(r.map((x) => [x.firstLine, x.lastLine])).toEqual([[1, 10], [11, 11]]);
    expect(r[0].timestamp).toBe('2026-11-30 10:00:00,001');
    expect(r[1].quiet).toBe(true);
  });
  it('two bare tracebacks are two records', () => {
    const tb = 'Traceback (most recent call last):\n  File "a.py", line 1, in <module>\nValueError: x';
    expect(records(`${tb}\n${tb}`).map((x) => x.firstLine)).toEqual([1, 4]);
  });
  it('"Error: read ECONNRESET" after a log line is a record of its own (issue 13)', () => {
    const r = records('2026-11-30 10:00:05 INFO httpx: POST https://h/api/v1/chat/completions "HTTP/1.1 429 Too Many Requests"\nError: read ECONNRESET\nGET https://h/api/v1/models 200');
    expect(r.map((x) => x.firstLine)).toEqual([1, 2, 3]);
  });
  it('a Node error with its stack and properties, and an HTML body after a log line, stay whole', () => {
    expect(records("Error: connect ECONNREFUSED 127.0.0.1:9443\n    at TCPConnectWrap.afterConnect (node:net:1555:16) {\n  code: 'ECONNREFUSED'\n}\nnext")
      .map((x) => x.lastLine)).toEqual([4, 5]);
    expect(records('ERROR - body: <html>\n<head><title>404 Not Found</title></head>\n</html>\nplain').map((x) => x.lastLine)).toEqual([3, 4]);
  });
});

describe('findings: grouped, causes first, each from its own record', () => {
  it('an OAuth failure comes before the "No access token available" after it, and a chat 429 keeps its own URL', () => {
    const set = readText([
      '2026-11-30 10:00:00 ERROR app: No access token available',
      '2026-11-30 10:00:01 WARNING app: OAuth failed with status 401',
      '2026-11-30 10:00:02 ERROR app: ❌ No access token available',
      '2026-11-30 10:00:03 INFO httpx: HTTP Request: POST https://gigachat.devices.sberbank.ru/api/v1/chat/completions "HTTP/1.1 429 Too Many Requests"',
    ].join('\n'));
    const list = set.list();
    expect(list.map((f) => f.code)).toEqual(['OAUTH_BAD_CREDENTIALS', 'ACCESS_TOKEN_UNAVAILABLE', 'CHAT_RATE_LIMITED']);
    expect(list[1]).toMatchObject({ count: 2, lines: [1, 3], firstSeen: '2026-11-30 10:00:00', lastSeen: '2026-11-30 10:00:02' });
    expect(list[2].details).toMatchObject({ url: 'https://gigachat.devices.sberbank.ru/api/v1/chat/completions' });
    expect(list[0].details.url).toBeUndefined();
  });
  it('specific beats generic: an expired or wrong-name certificate is not "untrusted root"', () => {
    const codes = (t: string) => readText(t).list().map((f) => f.code);
    expect(codes('ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)')).toEqual(['TLS_EXPIRED']);
    expect(codes("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: IP address mismatch, certificate is not valid for '127.0.0.1'. (_ssl.c:1006)")).toEqual(['TLS_HOSTNAME_MISMATCH']);
    expect(codes('[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate is not yet valid (_ssl.c:1006)')).toEqual(['TLS_NOT_YET_VALID']);
  });
  it('the OAuth host without a port in the text is on 9443; "Error" is never a host', () => {
    const [f] = readText('getaddrinfo ENOTFOUND ngw.devices.sberbank.ru').list();
    expect(f.details).toMatchObject({ host: 'ngw.devices.sberbank.ru', port: 9443 });
    const [r] = readText('Error: read ECONNRESET\nError: something else').list();
    expect(r.details.host).toBeUndefined();
  });
  it('a model comes from a model field, never from a module path', () => {
    const [f] = readText("gigachat.exceptions.ResponseError: (URL('https://gigachat.devices.sberbank.ru/api/v1/chat/completions'), 404, b'{\"status\":404,\"message\":\"No such model\"}', Headers({}))\n  File \"/usr/lib/python3/site-packages/gigachat/client.py\"").list();
    expect(f.code).toBe('CHAT_MODEL_NOT_FOUND');
    expect(f.details.model).toBeUndefined();
    const [g] = readText('{"model": "GigaChat-3-Ultra"} → 404 No such model').list();
    expect(g.details.model).toBe('GigaChat-3-Ultra');
  });
  it.each([
    ['Превышен лимит запросов', 'API_RATE_LIMITED'],
    ['POST /api/v1/chat/completions: превышен лимит запросов', 'CHAT_RATE_LIMITED'],
    ['Токен истёк', 'API_TOKEN_EXPIRED'],
    ['не удалось получить токен: 401', 'OAUTH_BAD_CREDENTIALS'],
    ['Не удалось получить токен', 'ACCESS_TOKEN_UNAVAILABLE'],
    ['Ошибка авторизации: 400', 'OAUTH_SCOPE_MISMATCH'],
    ['Модель GigaChat-Max не найдена', 'CHAT_MODEL_NOT_FOUND'],
    ['Закончились токены, пополните баланс', 'CHAT_PAYMENT_REQUIRED'],
    ['Доступ запрещён', 'API_FORBIDDEN'],
    ['Сервис временно недоступен', 'API_SERVER_ERROR'],
    ['Ошибка проверки сертификата', 'TLS_UNTRUSTED_ROOT'],
    ['[WinError 10061] Подключение не установлено, т.к. конечный компьютер отверг запрос на подключение', 'TCP_REFUSED'],
    ['[WinError 10054] Удаленный хост принудительно разорвал существующее подключение', 'CONNECTION_RESET'],
    ['System.Net.Http.HttpRequestException: Этот хост неизвестен.', 'DNS_NOT_FOUND'],
  ])('Russian: %s → %s', (text, code) => {
    expect(readText(text).list()[0]?.code).toBe(code);
  });
});

describe('redact: nothing pasted that could be a secret', () => {
  const ID = '6f1d2c3b-4a5e-4f70-8a9b-0c1d2e3f4a5b';
  const SECRET = '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b';
  const KEY = Buffer.from(`${ID}:${SECRET}`).toString('base64');
  it.each([
    ['GIGACHAT_PASSWORD=hunter2', 'hunter2'],
    ['GIGACHAT_KEY_FILE_PASSWORD=kfp-77', 'kfp-77'],
    ['GIGACHAT_ACCESS_TOKEN=tok1', 'tok1'],
    ['export GIGACHAT_CREDENTIALS="abc def"', 'abc def'],
    ['MY_SERVICE_SECRET: x9', 'x9'],
    ['OPENAI_API_KEY=sk-1', 'sk-1'],
    ["$env:GIGACHAT_PASSWORD = 'ps-pw'", 'ps-pw'],
    ['set GIGACHAT_PASSWORD=cmd-pw', 'cmd-pw'],
    ['{"client_secret": "js-sec"}', 'js-sec'],
    [`key ${KEY}`, KEY.slice(0, 20)],
    [`key ${KEY.toLowerCase()}`, KEY.toLowerCase().slice(0, 20)],
    [`key ${KEY.toUpperCase()}`, KEY.toUpperCase().slice(0, 20)],
    [`id ${SECRET}`, SECRET.slice(0, 13)],
    [`id ${SECRET.toUpperCase()}`, SECRET.toUpperCase().slice(0, 13)],
    [`id ${SECRET.replace(/-/g, '')}`, SECRET.replace(/-/g, '').slice(0, 12)],
    [`Authorization: Bearer ${'eyJhbGciOiJIUzI1NiJ9'}.e30.sig`, 'eyJhbGci'],
    ['https://anna:pa55@proxy:3128', 'pa55'],
  ])('%s', (text, secret) => {
    expect(redactPasted(text)).not.toContain(secret);
  });
  it('leaves what explains: paths, codes, URLs, names', () => {
    const text = 'File "/usr/lib/python3/dist-packages/urllib3/connectionpool.py", SELF_SIGNED_CERT_IN_CHAIN https://ngw.devices.sberbank.ru:9443/api/v2/oauth GIGACHAT_CA_BUNDLE_FILE langchain-gigachat';
    expect(redactPasted(text)).toBe(text);
  });
});

describe('explain states only what the log shows', () => {
  const samples = [
    'https://auth.api.cloud.yandex.net/oauth/token', 'GIGACHAT_TOKEN=x', 'verify_ssl_certs=False', 'TLSV13_ALERT_CERTIFICATE_REQUIRED',
    'SELF_SIGNED_CERT_IN_CHAIN', 'certificate has expired', 'certificate is not yet valid', 'No access token available', 'Bearer Bearer x',
    "ResponseError: (URL('https://h/api/v1/models'), 302, b'', {})", '{"status":404,"message":"No such model"}',
  ];
  it.each(samples)('%s', (text) => {
    for (const catalog of [en, ru]) {
      for (const f of readText(text).list()) {
        const { summary } = present(f, catalog, remedyContext('posix'), null);
        // What only a check observes: this process's trust, its clock, the settings, what gigadoctor sent.
        expect(summary).not.toMatch(/this Node|this machine's clock|gigadoctor (?:sent|verified|did not)|none is configured|not set in the environment|\(not set\)|часы этой машины|gigadoctor (?:ничего не отправлял|проверил)|этот Node/i);
      }
    }
  });
});

describe('the OAuth host is never paired with port 443', () => {
  it.each(['Error: connect ECONNREFUSED', 'Error: read ECONNRESET', 'connect ETIMEDOUT', 'EHOSTUNREACH', 'WRONG_VERSION_NUMBER'])('%s without a host', (text) => {
    for (const catalog of [en, ru]) {
      for (const shell of ['posix', 'powershell', 'cmd'] as const) {
        const [f] = readText(text).list();
        const steps = present(f, catalog, remedyContext(shell), null).remediation.join('\n');
        expect(steps).not.toMatch(/ngw\.devices\.sberbank\.ru(?::| -Port | )443\b/);
      }
    }
  });
});
