import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CODES } from '../../../src/catalog/codes.js';
import en from '../../../src/catalog/en.js';
import ru from '../../../src/catalog/ru.js';
import type { Shell } from '../../../src/catalog/types.js';
import { commandSpans } from '../../../src/render/command-spans.js';
import { renderHuman } from '../../../src/render/human.js';
import { remedyContext } from '../../../src/render/shell.js';
import { REDACTED, Scrubber } from '../../../src/secret/index.js';
import { columnsOf, hanging } from '../../../src/render/wrap.js';
import type { Report } from '../../../src/types.js';
import { expectGolden, GOLDEN_DIR, normalise } from '../../golden/normalise.js';
import { scopeMismatchReport } from './render-fixtures.js';

const commandsIn = (text: string) => commandSpans(text).map(([s, e]) => text.slice(s, e));

describe('commands in a remedy', () => {
  it.each<[string, string[]]>([
    [
      `Set it: export GIGACHAT_CREDENTIALS='<authorization key from Studio>' — or add the line GIGACHAT_CREDENTIALS=<authorization key from Studio> to .env`,
      [`export GIGACHAT_CREDENTIALS='<authorization key from Studio>'`],
    ],
    ['Set it: $env:GIGACHAT_CREDENTIALS = "<authorization key from Studio>" — or add the line', ['$env:GIGACHAT_CREDENTIALS = "<authorization key from Studio>"']],
    ['Set it: set "GIGACHAT_CREDENTIALS=<authorization key from Studio>", and replace old copies', ['set "GIGACHAT_CREDENTIALS=<authorization key from Studio>"']],
    ['Or remove GIGACHAT_AUTH_URL (unset GIGACHAT_AUTH_URL): the SDK default is right', ['unset GIGACHAT_AUTH_URL']],
    ['Remove GIGACHAT_ACCESS_TOKEN: Remove-Item Env:GIGACHAT_ACCESS_TOKEN; the SDK exchanges the key', ['Remove-Item Env:GIGACHAT_ACCESS_TOKEN']],
    [
      `to persist it: [Environment]::SetEnvironmentVariable('NODE_EXTRA_CA_CERTS', 'C:\\certs\\root.pem', 'User'); a line in .env`,
      [`[Environment]::SetEnvironmentVariable('NODE_EXTRA_CA_CERTS', 'C:\\certs\\root.pem', 'User')`],
    ],
    ['to persist it: setx NODE_EXTRA_CA_CERTS "C:\\certs\\root.pem"; a line in .env', ['setx NODE_EXTRA_CA_CERTS "C:\\certs\\root.pem"']],
    [
      'Set it: export GIGACHAT_SCOPE=GIGACHAT_API_B2B (businesses, prepaid packages) or export GIGACHAT_SCOPE=GIGACHAT_API_CORP (businesses, postpaid)',
      ['export GIGACHAT_SCOPE=GIGACHAT_API_B2B', 'export GIGACHAT_SCOPE=GIGACHAT_API_CORP'],
    ],
    [
      'Debian/Ubuntu: sudo cp ca.pem /usr/local/share/ca-certificates/ca.crt && sudo update-ca-certificates; macOS: sudo security add-trusted-cert -d ca.pem. Docker: COPY ca.pem /x/ca.crt, RUN update-ca-certificates, ENV NODE_EXTRA_CA_CERTS=/x/ca.crt. Node',
      [
        'sudo cp ca.pem /usr/local/share/ca-certificates/ca.crt && sudo update-ca-certificates',
        'sudo security add-trusted-cert -d ca.pem',
        'COPY ca.pem /x/ca.crt',
        'RUN update-ca-certificates',
        'ENV NODE_EXTRA_CA_CERTS=/x/ca.crt',
      ],
    ],
    [
      'Check the clock first (date -u) and sync it: sudo timedatectl set-ntp true (Linux; macOS: sudo sntp -sS time.apple.com)',
      ['date -u', 'sudo timedatectl set-ntp true', 'sudo sntp -sS time.apple.com'],
    ],
    [
      `Check the proxy: Get-ChildItem Env: | Where-Object Name -like '*proxy*'; test: Test-NetConnection <proxy-host> -Port 3128`,
      [`Get-ChildItem Env: | Where-Object Name -like '*proxy*'`, 'Test-NetConnection <proxy-host> -Port 3128'],
    ],
    [
      `Or encode it: powershell -NoProfile -Command "[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('<client_id>:<client_secret>'))"`,
      [`powershell -NoProfile -Command "[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('<client_id>:<client_secret>'))"`],
    ],
    [`Or encode it: printf '%s' '<client_id>:<client_secret>' | base64 | tr -d '\\n'`, [`printf '%s' '<client_id>:<client_secret>' | base64 | tr -d '\\n'`]],
    [
      'Reproduce it: curl -sS https://ngw.devices.sberbank.ru:9443/api/v2/oauth -H "Authorization: Basic $GIGACHAT_CREDENTIALS" -d scope=GIGACHAT_API_PERS',
      ['curl -sS https://ngw.devices.sberbank.ru:9443/api/v2/oauth -H "Authorization: Basic $GIGACHAT_CREDENTIALS" -d scope=GIGACHAT_API_PERS'],
    ],
    [`Run from its folder or name it: gigadoctor check --project <your app's folder>`, [`gigadoctor check --project <your app's folder>`]],
    ['gigadoctor check --no-chat tests the key and the token request from this machine', ['gigadoctor check --no-chat']],
    ['Write "GigaChat-2" exactly; gigadoctor check --model GigaChat-2 confirms your key can use it', ['gigadoctor check --model GigaChat-2']],
    ['run gigadoctor again (this step only: gigadoctor --only oauth); expect ✓ OAuth token', ['gigadoctor --only oauth']],
    ['this step only: npx gigadoctor --only tls; or: node bin/gigadoctor.js --only tls', ['npx gigadoctor --only tls', 'node bin/gigadoctor.js --only tls']],
    ['Возьмите корневой сертификат: gigadoctor ca --out root.pem или «Russian Trusted Root CA» с https://www.gosuslugi.ru/crt', ['gigadoctor ca --out root.pem']],
    ['In WSL2 the clock drifts after sleep: wsl --shutdown or restart the VM', ['wsl --shutdown']],
    ['Check that the interpreter starts: python3 -c "import ssl; print(ssl.OPENSSL_VERSION)"', ['python3 -c "import ssl; print(ssl.OPENSSL_VERSION)"']],
  ])('%s', (text, commands) => {
    expect(commandsIn(text)).toEqual(commands);
  });

  it('finds none in sentences that only name a program or a variable', () => {
    for (const text of [
      'The official SDKs do not read GIGACHAT_API_KEY: use GIGACHAT_CREDENTIALS',
      'Set it before node starts, in the shell, the service unit or the CI job',
      'gigadoctor sends all three, so a 400 here usually means a proxy changed the request',
      'Usual culprits: a line break copied along with the key, echo writing a newline into a file',
    ]) {
      expect(commandsIn(text), text).toEqual([]);
    }
  });

  it('ignores colour codes around and inside the text', () => {
    const text = 'First step: \u001b[1mexport GIGACHAT_SCOPE=GIGACHAT_API_B2B\u001b[22m \u001b[2m(1 more step above)\u001b[22m';
    expect(commandsIn(text).map((c) => c.replace(/\u001b\[\d+m/g, ''))).toEqual(['export GIGACHAT_SCOPE=GIGACHAT_API_B2B']);
  });
});

describe('hanging lines', () => {
  const lead = '     → ';

  it('without a width: one line, as written', () => {
    const body = 'word '.repeat(60).trim();
    expect(hanging(lead, body, undefined)).toBe(lead + body);
  });

  it('breaks between words and continues under the first character of the text', () => {
    const body = 'Look up the scope of your project in Studio: the Scope field of the project says which one';
    const lines = hanging(lead, body, 40).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(columnsOf(line)).toBeLessThanOrEqual(40);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {7}\S/);
    expect(lines.map((l) => l.slice(7)).join(' ')).toBe(body);
  });

  it('a word longer than the room stays whole on its own line', () => {
    const url = 'https://gigachat.devices.sberbank.ru/api/v1/chat/completions?with=a-very-long-query';
    const lines = hanging(lead, `Official address: ${url} for the API`, 40).split('\n');
    expect(lines).toEqual([`${lead}Official address:`, `       ${url}`, '       for the API']);
  });

  it('a command that does not fit where it falls starts a line of its own, and the sentence goes on after it', () => {
    const body = 'Remove the variable from the environment: unset GIGACHAT_BASE_URL — and from wherever it is set';
    const lines = hanging(lead, body, 60).split('\n');
    expect(lines).toContain('       unset GIGACHAT_BASE_URL');
    expect(lines[lines.indexOf('       unset GIGACHAT_BASE_URL') + 1]).toMatch(/^ {7}— and/);
  });

  it('a command longer than the room is never broken: it runs over on a line of its own', () => {
    const command = "echo 'export NODE_EXTRA_CA_CERTS=/path/to/russian-trusted-root-ca.pem' >> ~/.profile";
    const lines = hanging(lead, `To persist it for new terminals: ${command}; a line in .env comes too late`, 60).split('\n');
    expect(lines).toContain(`       ${command};`);
    for (const line of lines.filter((l) => !l.includes(command))) expect(columnsOf(line)).toBeLessThanOrEqual(60);
  });

  it('a command that fits stays in the sentence', () => {
    expect(hanging(lead, 'Set the model: export GIGACHAT_MODEL=GigaChat-2', 80)).toBe(`${lead}Set the model: export GIGACHAT_MODEL=GigaChat-2`);
  });

  it('text from outside, however long and odd, wraps in linear time (no hang)', () => {
    const hostile = [`sudo ${'x '.repeat(40_000)}`, `export A=${"'b ".repeat(40_000)}`, `: gigadoctor ${'<a ('.repeat(40_000)}`, 'w'.repeat(200_000)];
    const started = Date.now();
    for (const text of hostile) expect(hanging(lead, text, 80).length).toBeGreaterThan(text.length);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a secret with blanks that a line break splits is still found by the scrubber that runs after', () => {
    const scrubber = new Scrubber();
    const password = 'c0rrect-h0rse b4ttery-st4ple w1th m0re';
    scrubber.add(password);
    const text = hanging(`${' '.repeat(21)}→ `, `The proxy password ${password} was refused by the proxy at the corporate gateway`, 60);
    expect(text.split('\n').some((l) => l.endsWith('c0rrect-h0rse'))).toBe(true);
    const shown = scrubber.scrub(text);
    expect(shown).toContain(REDACTED);
    for (const piece of password.split(' ')) expect(shown).not.toContain(piece);
  });

  it('counts columns as a terminal does: colour codes none, Cyrillic one, CJK two', () => {
    expect(columnsOf('\u001b[31m✗\u001b[39m ошибка')).toBe(8);
    expect(columnsOf('模型')).toBe(4);
    expect(columnsOf('e\u0301')).toBe(1);
  });
});

describe('every catalogue remedy at 80 columns', () => {
  const lead = `${' '.repeat(21)}→ `;
  const texts = new Set<string>();
  for (const cat of [en, ru]) {
    for (const code of ALL_CODES) {
      for (const shell of ['posix', 'powershell', 'cmd'] as Shell[]) for (const step of cat.codes[code].remediation({}, remedyContext(shell))) texts.add(step);
    }
  }

  it('keeps every word and every command whole; only a line holding one word or one command runs over', () => {
    expect(texts.size).toBeGreaterThan(300);
    for (const text of texts) {
      const lines = hanging(lead, text, 80).split('\n');
      const words = (t: string) => t.split(' ').filter(Boolean);
      expect(words([lines[0].slice(lead.length), ...lines.slice(1)].join(' ')), text).toEqual(words(text));
      for (const command of commandsIn(text)) expect(lines.some((l) => l.includes(command)), command).toBe(true);
      for (const line of lines.filter((l) => columnsOf(l) > 80)) {
        const content = line.trim();
        // One command, with at most the bracket and punctuation around it: "(openssl x509 …)", "export X=…;".
        expect(!content.includes(' ') || commandsIn(content).some((c) => content.length - c.length <= 2), line).toBe(true);
      }
    }
  });
});

describe('the human report with a width', () => {
  it('colour codes take no room: with colour the lines break where they do without', () => {
    const plain = renderHuman(scopeMismatchReport(), { lang: 'en', color: false, unicode: true, verbose: true, width: 72 });
    const coloured = renderHuman(scopeMismatchReport(), { lang: 'en', color: true, unicode: true, verbose: true, width: 72 });
    expect(coloured).toMatch(/\u001b\[/);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
    for (const line of plain.split('\n')) expect(columnsOf(line)).toBeLessThanOrEqual(72);
    // The verbose lines wrap too, under their own first character.
    expect(plain).toMatch(/^ {23}received: .*\n {23}\S/m);
  });
});

/**
 * Golden files of the wrapped report at 80 and 120 columns, in both languages: the reports are
 * the JSON golden runs (test/golden/*.json), so the words are the catalogue's own.
 * Update with UPDATE_GOLDEN=1 npx vitest run test/unit/render/render-wrap.test.ts.
 */
describe.each(['pass', 'scope-mismatch', 'untrusted-chain'])('golden: %s wrapped', (run) => {
  it.each([
    ['en', 80],
    ['en', 120],
    ['ru', 80],
    ['ru', 120],
  ] as const)('%s at %i columns', (lang, width) => {
    const report = JSON.parse(readFileSync(resolve(GOLDEN_DIR, `${run}.${lang}.json`), 'utf8')) as Report;
    const text = renderHuman(report, { lang, color: false, unicode: true, verbose: false, width });
    expectGolden(`wrap/${run}.${lang}.${width}.txt`, normalise(text), 'test/unit/render/render-wrap.test.ts');
  });
});
