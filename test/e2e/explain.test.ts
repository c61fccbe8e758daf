import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { explainStdin } from './explain-kit.js';

const KEY = Buffer.from('6f1d2c3b-4a5e-4f70-8a9b-0c1d2e3f4a5b:9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b').toString('base64');

describe('gigadoctor explain', () => {
  it('matches an OAuth error body from the arguments: code, summary, remedy; exit 0', async () => {
    const run = await runCli(['explain', 'WARNING - OAuth failed with status 400: {"code":7,"message":"scope from db not fully includes consumed scope"}']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('OAUTH_SCOPE_MISMATCH  Scope does not match the key');
    expect(run.stdout).toMatch(/→ Set it: export GIGACHAT_SCOPE=GIGACHAT_API_B2B/);
    expect(run.stdout).toContain('gigadoctor check');
  });

  it('reads the text from stdin when no argument is given', async () => {
    const log = [
      'Traceback (most recent call last):',
      '  File "/app/main.py", line 12, in <module>',
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='ngw.devices.sberbank.ru', port=9443): Max retries exceeded with url: /api/v2/oauth",
      '(Caused by SSLError(SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)")))',
    ].join('\n');
    const run = await explainStdin(log);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('TLS_UNTRUSTED_ROOT');
    expect(run.stdout).toContain('ngw.devices.sberbank.ru:9443');
    expect(run.stdout).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('answers in Russian by locale or --lang', async () => {
    const byLocale = await runCli(['explain', 'Token has expired'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(byLocale.stdout).toContain('API_TOKEN_EXPIRED  Токен истёк');
    const byFlag = await runCli(['explain', '--lang', 'ru', 'SELF_SIGNED_CERT_IN_CHAIN']);
    expect(byFlag.stdout).toContain('Проверьте на этой машине: gigadoctor check');
  });

  it('reads a log written in Russian: the bundle holds its Russian patterns escaped, and they still match', async () => {
    const run = await explainStdin(['Ошибка: Превышен лимит запросов, повторите позже', 'ERROR Токен доступа истёк'].join('\n'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('API_RATE_LIMITED');
    expect(run.stdout).toContain('API_TOKEN_EXPIRED');
  });

  it('--json prints the matches', async () => {
    const run = await runCli(['explain', '--json', 'POST https://api.gigachat.ru/core/api/v1/models → 404 Not Found']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { schemaVersion: number; matched: boolean; findings: Array<{ code: string; summary: string; remediation: string[]; pattern: string }> };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.matched).toBe(true);
    expect(doc.findings.map((m) => m.code)).toEqual(['ENDPOINT_KNOWN_WRONG', 'API_NOT_FOUND']);
    expect(doc.findings[0].remediation.join(' ')).toContain('https://gigachat.devices.sberbank.ru/api/v1');
  });

  it('no match: exit 1 with a hint to run gigadoctor check', async () => {
    const run = await runCli(['explain', 'everything is fine']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/No known GigaChat problem found.*Run gigadoctor check/);
    const json = await runCli(['explain', '--json', 'everything is fine']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ matched: false, findings: [] });
  });

  it('no text at all: exit 2 with usage', async () => {
    const run = await runCli(['explain']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give the error text/);
  });

  it('the SDK exception names, the guide\'s URLs, the mTLS regression', async () => {
    const run = await explainStdin([
      "gigachat.exceptions.ResponseError: ('https://gigachat.devices.sberbank.ru/api/v1/chat/completions', 402, b'{\"status\":402}', Headers({}))",
    ].join('\n'));
    expect(run.stdout).toContain('CHAT_PAYMENT_REQUIRED');
    const mtls = await runCli(['explain', 'ssl.SSLError: [SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED] tlsv13 alert certificate required']);
    expect(mtls.stdout).toContain('httpx==0.27.2');
    const yandex = await runCli(['explain', 'url = "https://auth.api.cloud.yandex.net/oauth/token"']);
    expect(yandex.stdout).toContain('ENDPOINT_KNOWN_WRONG');
    expect(yandex.stdout).toContain('https://ngw.devices.sberbank.ru:9443/api/v2/oauth');
  });

  it('never prints a pasted key, token or password back, in the excerpt or anywhere', async () => {
    const jwe = `eyJhbGciOiJSU0EtT0FFUC0yNTYifQ.${'Qw3'.repeat(100)}.${'Zx9'.repeat(10)}.${'Lm4'.repeat(200)}.${'Pq7'.repeat(8)}`;
    const text = [
      `curl -H "Authorization: Basic ${KEY}" https://ngw.devices.sberbank.ru:9443/api/v2/oauth`,
      '{"code":7,"message":"scope from db not fully includes consumed scope"}',
      `Authorization: Bearer ${jwe}`,
      '{"status":401,"message":"Token has expired"}',
      'HTTPS_PROXY=http://anna:s3cr3t-pa55@proxy.corp:3128 ECONNREFUSED',
    ].join('\n');
    for (const run of [await explainStdin(text), await explainStdin(text, ['--json'])]) {
      expect(run.code).toBe(0);
      const out = run.stdout + run.stderr;
      expect(out).not.toContain(KEY.slice(0, 24));
      expect(out).not.toContain(jwe.slice(0, 40));
      expect(out).not.toContain('s3cr3t');
      expect(out).not.toContain('9e8d7c6b-5a4f');
    }
  });

  it('a secret in this environment is scrubbed even where the pattern rules would miss it', async () => {
    const password = 'short-pass-42';
    const run = await explainStdin(`login failed for pw ${password}: ECONNREFUSED`, [], { GIGACHAT_PASSWORD: password });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(password);
  });
});
