import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIgnore } from '../../../src/app/files/ignore-rules.js';
import { scanProject, SCAN_LIMITS } from '../../../src/app/scan-project.js';
import { modelHits, variableHits, verifyOffHits } from '../../../src/app/scan/line-rules.js';
import { declaredSdks } from '../../../src/app/scan/sdks.js';
import { scanFile } from '../../../src/app/scan/scan-file.js';
import { secretHits } from '../../../src/app/scan/secrets.js';
import { urlHits } from '../../../src/app/scan/url-rules.js';
import { verdictOf } from '../../../src/checks/code-check.js';

const reasons = (line: string) => urlHits(line).map((h) => h.facts?.reason);

describe('URL rules', () => {
  it.each([
    ['url = "https://auth.api.cloud.yandex.net/oauth/token"', 'known-wrong-host'],
    ['BASE = "https://api.gigachat.ru/core/api/v1"', 'known-wrong-host'],
    ['base_url="https://gigachat.ai/api/v1"', 'known-wrong-host'],
    ['fetch("http://gigachat.devices.sberbank.ru/api/v1/models")', 'not-https'],
    ['AUTH = "https://ngw.devices.sberbank.ru/api/v2/oauth"', 'auth-port'],
    ['AUTH = "https://ngw.devices.sberbank.ru:9443/oauth"', 'auth-path'],
    ['API = "https://gigachat.devices.sberbank.ru/core/api/v1"', 'api-path'],
    ['base_url = "https://gigachat.devices.sberbank.ru"', 'api-path'],
    ['API = "https://api.giga.chat/api/v1"', 'api-path'],
  ])('%s → %s', (line, reason) => expect(reasons(line)).toEqual([reason]));

  it.each([
    'AUTH = "https://ngw.devices.sberbank.ru:9443/api/v2/oauth"',
    'BASE = "https://gigachat.devices.sberbank.ru/api/v1"',
    'BASE = "https://api.giga.chat/v1"',
    'see https://gigachat.ai for the product page',
    'https://developers.sber.ru/docs/ru/gigachat/api/overview',
  ])('%s is fine', (line) => expect(urlHits(line)).toEqual([]));
});

describe('verification off, unofficial names, models', () => {
  it.each([
    ['client = GigaChat(verify_ssl_certs=False)', 'verify_ssl_certs=False'],
    ['requests.get(url, verify=False)', 'verify=False'],
    ['new https.Agent({ rejectUnauthorized: false })', 'rejectUnauthorized: false'],
    ['ENV NODE_TLS_REJECT_UNAUTHORIZED=0', 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
    ['  NODE_TLS_REJECT_UNAUTHORIZED: "0"', 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
    ['curl -sk https://x', 'curl --insecure'],
    ['curl --insecure https://x', 'curl --insecure'],
    ['GIGACHAT_VERIFY_SSL_CERTS=false', 'GIGACHAT_VERIFY_SSL_CERTS=false'],
  ])('%s', (line, what) => expect(verifyOffHits(line).map((h) => h.facts?.what)).toEqual([what]));

  it('leaves verification that stays on alone', () => {
    for (const line of ['verify=True', 'self.verify = False_positive', 'curl -X POST https://x', 'rejectUnauthorized: true']) expect(verifyOffHits(line), line).toEqual([]);
  });

  it('reads of unofficial names, in every language; official and longer names are not them', () => {
    const names = (line: string) => variableHits(line).map((h) => h.facts?.variable);
    expect(names('key = os.environ["GIGACHAT_API_KEY"]')).toEqual(['GIGACHAT_API_KEY']);
    expect(names("os.environ.get('GIGACHAT_AUTH_KEY')")).toEqual(['GIGACHAT_AUTH_KEY']);
    expect(names('const k = process.env.GIGACHAT_TOKEN;')).toEqual(['GIGACHAT_TOKEN']);
    expect(names('export GIGACHAT_TOKEN=abc')).toEqual(['GIGACHAT_TOKEN']);
    expect(names('echo $GIGACHAT_TOKEN')).toEqual(['GIGACHAT_TOKEN']);
    expect(names('os.getenv("GIGACHAT_CREDENTIALS")')).toEqual([]);
    expect(names('os.getenv("GIGACHAT_KEY_FILE")')).toEqual([]);
  });

  it('retired and misspelled models, only where a model is set', () => {
    expect(modelHits('model="GigaChat"').map((h) => h.facts)).toEqual([{ model: 'GigaChat', successor: 'GigaChat-2' }]);
    expect(modelHits("{ model: 'gigachat-2-max' }").map((h) => h.facts)).toEqual([{ model: 'gigachat-2-max', suggestion: 'GigaChat-2-Max' }]);
    expect(modelHits("{ model: 'GigaChat-2-Max' }")).toEqual([]);
    expect(modelHits('from langchain_gigachat.chat_models import GigaChat')).toEqual([]);
    expect(modelHits('name = "GigaChat"')).toEqual([]);
  });
});

describe('secrets in a line', () => {
  const key = Buffer.from(`${randomUUID()}:${randomUUID()}`).toString('base64');
  const token = `eyJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwiYWxnIjoiUlNBLU9BRVAtMjU2In0.${'a'.repeat(300)}.${'b'.repeat(20)}.${'c'.repeat(400)}.${'d'.repeat(40)}`;

  it('a key, a token and a client secret: kind, length and fingerprint, and an excerpt without them', () => {
    const scan = scanFile('app.py', `KEY = "${key}"\nTOKEN = '${token}'\nclient_secret: ${randomUUID()}\nrequest_id = "${randomUUID()}"\n`);
    expect(scan.secrets.map((s) => [s.kind, s.line])).toEqual([['authorization-key', 1], ['access-token', 2], ['client-secret', 3]]);
    expect(scan.secrets[0]).toMatchObject({ length: key.length, fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/), excerpt: 'KEY = "[REDACTED]"' });
    expect(JSON.stringify(scan)).not.toContain(key);
    expect(JSON.stringify(scan)).not.toContain(token.slice(0, 60));
  });

  it('Base64 that is not id:secret is not a key', () => {
    expect(secretHits(`x = "${Buffer.from('just some forty-plus characters of text here!').toString('base64')}"`)).toEqual([]);
  });

  it('a secret in a comment is still written down; a URL in a comment is not the app\'s', () => {
    const scan = scanFile('app.py', `# KEY=${key}\n# https://api.gigachat.ru/core/api/v1\n`);
    expect(scan.secrets).toHaveLength(1);
    expect(scan.findings).toEqual([]);
  });
});

describe('declared SDKs', () => {
  it('requirements, pyproject (PEP 621 and Poetry), Pipfile, the lock files, package.json', () => {
    const sdk = (file: string, text: string) => declaredSdks(file, text).map((s) => [s.ecosystem, s.name, s.spec, s.version, s.line]);
    expect(sdk('requirements-dev.txt', '# x\ngigachat==0.1.43\nlangchain_gigachat>=0.3\ngigachat-extra==1\n')).toEqual([
      ['pypi', 'gigachat', '==0.1.43', '0.1.43', 2], ['pypi', 'langchain-gigachat', '>=0.3', null, 3],
    ]);
    expect(sdk('pyproject.toml', '[project]\ndependencies = [\n  "gigachat>=0.1.40",\n]\n[tool.poetry.dependencies]\nlangchain-gigachat = "^0.3.1"\n')).toEqual([
      ['pypi', 'gigachat', '>=0.1.40', null, 3], ['pypi', 'langchain-gigachat', '^0.3.1', null, 6],
    ]);
    expect(sdk('poetry.lock', '[[package]]\nname = "gigachat"\nversion = "0.1.39"\n')).toEqual([['pypi', 'gigachat', '==0.1.39', '0.1.39', 2]]);
    expect(sdk('Pipfile.lock', '{\n "default": {\n  "gigachat": {\n   "hashes": [],\n   "version": "==0.1.43"\n  }\n }\n}\n')).toEqual([['pypi', 'gigachat', '==0.1.43', '0.1.43', 3]]);
    expect(sdk('package.json', '{\n  "dependencies": {\n    "gigachat": "0.0.20"\n  }\n}\n')).toEqual([['npm', 'gigachat', '0.0.20', '0.0.20', 3]]);
    // Written on one line (or minified): read as JSON, not line by line.
    expect(sdk('package.json', '{"devDependencies":{"gigachat":"^0.0.20"}}')).toEqual([['npm', 'gigachat', '^0.0.20', null, 1]]);
    expect(sdk('package-lock.json', '{\n "packages": {\n  "node_modules/gigachat": {\n   "version": "0.0.20"\n  }\n }\n}')).toEqual([['npm', 'gigachat', '0.0.20', '0.0.20', 3]]);
    expect(sdk('package.json', '{ not json')).toEqual([]);
  });
});

describe('ignore rules (gitignore syntax)', () => {
  const rules = parseIgnore(['# c', 'build/', '*.log', '/only-root.py', 'docs/**/gen.ts', '!keep.log', '']);
  it.each([
    ['build', true, true], ['a/build', true, true], ['build', false, false],
    ['x.log', false, true], ['a/b/x.log', false, true], ['keep.log', false, false],
    ['only-root.py', false, true], ['a/only-root.py', false, false],
    ['docs/gen.ts', false, true], ['docs/a/b/gen.ts', false, true], ['src/gen.ts', false, false],
  ])('%s (folder: %s) ignored: %s', (path, isDir, ignored) => expect(rules.ignores(path, isDir)).toBe(ignored));
});

describe('bounds', () => {
  function tree(files: number): string {
    const dir = mkdtempSync(join(tmpdir(), 'gd-scan-'));
    writeFileSync(join(dir, 'package.json'), '{}');
    mkdirSync(join(dir, 'src'));
    for (let i = 0; i < files; i++) writeFileSync(join(dir, 'src', `m${i}.js`), 'const URL = "https://api.gigachat.ru/core/api/v1";\n');
    return dir;
  }

  it('a file limit makes a partial scan that says how much it left out', async () => {
    const scan = await scanProject(tree(30), { ...SCAN_LIMITS, maxFiles: 10 });
    expect(scan).toMatchObject({ project: true, partial: { reason: 'file-limit', filesLeftOut: 21 }, counts: { files: 10 } });
    const verdict = verdictOf('/p', scan);
    expect(verdict).toMatchObject({ status: 'fail', code: 'CODE_WRONG_URL', notes: [{ code: 'CODE_SCAN_PARTIAL', details: { reason: 'file-limit', filesLeftOut: 21 } }] });
  });

  it('a time limit stops the scan and says so', async () => {
    const scan = await scanProject(tree(5), { ...SCAN_LIMITS, timeMs: -1 });
    expect(scan).toMatchObject({ project: true, partial: { reason: expect.stringMatching(/time-limit/) } });
    expect(verdictOf('/p', scan)).toMatchObject({ status: 'warn', code: 'CODE_SCAN_PARTIAL' });
  });
});
