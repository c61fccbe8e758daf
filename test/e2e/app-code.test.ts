/**
 * The code check through the built CLI, on projects made here: a copy of the field guide's
 * Python app with every mistake the guide makes (and a real-shaped key in a tracked .env), a
 * Node app on the npm SDK, a clean one, a folder that is not a project, and the skip rules.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, checkOf, emptyDir, expectClean, reportOf, runCli } from './cli.js';

/** A key shaped like a real one (Base64 of two UUIDs), made for this run. */
const KEY = Buffer.from(`${randomUUID()}:${randomUUID()}`).toString('base64');
const CLIENT_SECRET = randomUUID();

function project(files: Record<string, string>): string {
  const dir = emptyDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function gitAdd(dir: string): boolean {
  return spawnSync('git', ['init', '-q'], { cwd: dir }).status === 0 && spawnSync('git', ['add', '-A'], { cwd: dir }).status === 0;
}

interface Found {
  code: string;
  file: string;
  line: number;
  excerpt: string;
  [k: string]: unknown;
}

const findingsOf = (run: Awaited<ReturnType<typeof runCli>>): Found[] => checkOf(reportOf(run), 'code').details.findings as Found[];
const at = (list: Found[]) => list.map((f) => `${f.code} ${f.file}:${f.line}`).sort();

/** The guide's app, as a reader would have typed it in. */
const GUIDE_APP = {
  'requirements.txt': 'gigachat==0.1.39\nrequests>=2.31\npython-dotenv\n',
  'app.py': [
    'import os',
    'import requests',
    'from dotenv import load_dotenv',
    'load_dotenv()',
    'TOKEN = os.getenv("GIGACHAT_TOKEN")',
    'AUTH_URL = "https://auth.api.cloud.yandex.net/oauth/token"',
    'API_URL = "https://api.gigachat.ru/core/api/v1"',
    'resp = requests.post(AUTH_URL, data={"grant_type": "client_credentials", "client_id": TOKEN}, verify=False)',
    'payload = {"model": "GigaChat-Pro", "messages": [{"role": "user", "content": "Привет"}]}',
    '# verify=False is commented out here and not a finding',
    '',
  ].join('\n'),
  'check.sh': `#!/bin/sh\ncurl -k -X POST https://ngw.devices.sberbank.ru/api/v2/oauth -H "Authorization: Basic $GIGACHAT_TOKEN"\n`,
  '.env': `GIGACHAT_TOKEN=${KEY}\nCLIENT_SECRET=${CLIENT_SECRET}\n`,
  '.gitignore': '__pycache__/\n',
};

describe('the guide\'s app', () => {
  it('every planted mistake, with its file and line; the key and the secret never printed', async () => {
    const dir = project(GUIDE_APP);
    expect(gitAdd(dir)).toBe(true);
    // Run from elsewhere: the CLI must not learn the key from ./.env — the scan alone must keep it out.
    const run = await runCli(['check', '--json', '--only', 'code', '--project', dir]);
    const report = reportOf(run);
    const code = checkOf(report, 'code');
    expect(code).toMatchObject({ status: 'fail', code: 'CODE_SECRET_COMMITTED' });
    expect(at(findingsOf(run))).toEqual([
      'CODE_MODEL_RETIRED app.py:9',
      'CODE_SDK_KNOWN_ISSUE requirements.txt:1',
      'CODE_SECRET_COMMITTED .env:1',
      'CODE_SECRET_COMMITTED .env:2',
      'CODE_TLS_VERIFY_OFF app.py:8',
      'CODE_TLS_VERIFY_OFF check.sh:2',
      'CODE_UNOFFICIAL_VARIABLE .env:1',
      'CODE_UNOFFICIAL_VARIABLE app.py:5',
      'CODE_UNOFFICIAL_VARIABLE check.sh:2',
      'CODE_WRONG_URL app.py:6',
      'CODE_WRONG_URL app.py:7',
      'CODE_WRONG_URL check.sh:2',
    ]);
    const byPlace = new Map(findingsOf(run).map((f) => [`${f.code} ${f.file}:${f.line}`, f]));
    expect(byPlace.get('CODE_WRONG_URL app.py:6')).toMatchObject({ host: 'auth.api.cloud.yandex.net', correct: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth' });
    expect(byPlace.get('CODE_WRONG_URL app.py:7')).toMatchObject({ host: 'api.gigachat.ru', correct: 'https://gigachat.devices.sberbank.ru/api/v1' });
    expect(byPlace.get('CODE_WRONG_URL check.sh:2')).toMatchObject({ reason: 'auth-port' });
    expect(byPlace.get('CODE_MODEL_RETIRED app.py:9')).toMatchObject({ model: 'GigaChat-Pro', successor: 'GigaChat-2-Pro' });
    expect(byPlace.get('CODE_SECRET_COMMITTED .env:1')).toMatchObject({ kind: 'authorization-key', length: KEY.length, tracked: true, excerpt: 'GIGACHAT_TOKEN=[REDACTED]' });
    expect(byPlace.get('CODE_SECRET_COMMITTED .env:2')).toMatchObject({ kind: 'client-secret', excerpt: 'CLIENT_SECRET=[REDACTED]' });
    expect(byPlace.get('CODE_SDK_KNOWN_ISSUE requirements.txt:1')).toMatchObject({ source: 'https://github.com/ai-forever/gigachat/issues/64' });
    expect(code.details.sdks).toEqual([{ ecosystem: 'pypi', name: 'gigachat', spec: '==0.1.39', version: '0.1.39', file: 'requirements.txt', line: 1 }]);
    expect(run.code).toBe(1);
    expectClean(run, null, [KEY, CLIENT_SECRET, ...Buffer.from(KEY, 'base64').toString().split(':')]);
  });

  it('the same with human output and --verbose, and under GitHub Actions: one annotation per finding with file= and line=', async () => {
    const dir = project(GUIDE_APP);
    gitAdd(dir);
    const human = await runCli(['check', '--only', 'code', '--verbose', '--project', dir], { env: { NO_COLOR: '1' } });
    expect(human.stdout).toMatch(/Project code\s+CODE_SECRET_COMMITTED/);
    expect(human.stdout).toContain('CODE_WRONG_URL app.py:6, app.py:7, check.sh:2: https://auth.api.cloud.yandex.net/oauth/token');
    expectClean(human, null, [KEY, CLIENT_SECRET]);

    const gha = await runCli(['check', '--only', 'code,env'], { cwd: dir, env: { GITHUB_ACTIONS: 'true', NO_COLOR: '1' } });
    const annotations = gha.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=app\.py,line=6,title=gigadoctor%3A Project code \(CODE_WRONG_URL\)::CODE_WRONG_URL: AUTH_URL = "https:\/\/auth\.api\.cloud\.yandex\.net\/oauth\/token"%0A/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=app\.py,line=7,.*::CODE_WRONG_URL: API_URL = "https:\/\/api\.gigachat\.ru\/core\/api\/v1"%0A/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=\.env,line=1,title=.*\(CODE_SECRET_COMMITTED\)::/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::warning file=app\.py,line=9,title=.*\(CODE_MODEL_RETIRED\)::/));
    // The env check read GIGACHAT_TOKEN from ./.env: its annotation points at that line too.
    expect(annotations).toContainEqual(expect.stringMatching(/^::warning file=\.env,line=1,title=gigadoctor%3A Credentials \(CREDENTIALS_UNOFFICIAL_NAME\)::/));
    expect(annotations.filter((l) => /CODE_/.test(l))).toHaveLength(12);
    expectClean(gha, null, [KEY, CLIENT_SECRET]);
  });

  it('without git: a key in a .env that no .gitignore covers is a warning that says so', async () => {
    const dir = project({ 'requirements.txt': 'gigachat>=0.1.40\n', '.env': `GIGACHAT_CREDENTIALS=${KEY}\n`, 'main.py': 'from gigachat import GigaChat\n' });
    const run = await runCli(['check', '--json', '--only', 'code', '--project', dir]);
    const code = checkOf(reportOf(run), 'code');
    expect(code).toMatchObject({ status: 'warn', code: 'CODE_SECRET_IN_FILE', details: { via: 'walk', envFile: true, tracked: false, places: ['.env:1'] } });
    expect(code.remediation[0]).toMatch(/Add \.env to \.gitignore/);
    expectClean(run, null, [KEY]);
  });

  it('a .env that .gitignore covers is not read at all', async () => {
    const dir = project({ 'requirements.txt': 'gigachat\n', '.env': `GIGACHAT_CREDENTIALS=${KEY}\n`, '.gitignore': '.env\n' });
    const run = await runCli(['check', '--json', '--only', 'code', '--project', dir]);
    expect(checkOf(reportOf(run), 'code')).toMatchObject({ status: 'pass', code: 'CODE_OK', details: { counts: { ignored: 1 } } });
  });
});

describe('a Node app on the npm SDK', () => {
  it('unofficial name, verification off, a misspelled model; the SDK and its locked version', async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'bot', dependencies: { gigachat: '^0.0.20', axios: '^1.7.0' } }, null, 2),
      'package-lock.json': JSON.stringify({ packages: { 'node_modules/gigachat': { version: '0.0.20' } } }, null, 2),
      'src/index.ts': [
        "import { Agent } from 'node:https';",
        "import GigaChat from 'gigachat';",
        'const client = new GigaChat({',
        '  credentials: process.env.GIGACHAT_API_KEY,',
        "  model: 'GigaChat-2-pro',",
        '  httpsAgent: new Agent({ rejectUnauthorized: false }),',
        '});',
        "const base = 'http://gigachat.devices.sberbank.ru/api/v1';",
        '',
      ].join('\n'),
      'node_modules/gigachat/dist/index.js': "const AUTH = 'https://auth.api.cloud.yandex.net/oauth/token';\n",
      'dist/bundle.js': "fetch('https://api.gigachat.ru/core/api/v1')\n",
    });
    const run = await runCli(['check', '--json', '--only', 'code', '--project', dir]);
    const code = checkOf(reportOf(run), 'code');
    expect(at(findingsOf(run))).toEqual([
      'CODE_MODEL_MISSPELLED src/index.ts:5',
      'CODE_TLS_VERIFY_OFF src/index.ts:6',
      'CODE_UNOFFICIAL_VARIABLE src/index.ts:4',
      'CODE_WRONG_URL src/index.ts:8',
    ]);
    expect(findingsOf(run).find((f) => f.code === 'CODE_MODEL_MISSPELLED')).toMatchObject({ model: 'GigaChat-2-pro', suggestion: 'GigaChat-2-Pro' });
    expect(findingsOf(run).find((f) => f.code === 'CODE_WRONG_URL')).toMatchObject({ reason: 'not-https', correct: 'https://gigachat.devices.sberbank.ru/api/v1' });
    expect(code.details.sdkList).toEqual(['gigachat 0.0.20 (npm)']);
    expectClean(run, null);
  });
});

describe('the npm SDK\'s proxy route beside gigadoctor\'s', () => {
  const nodeApp = () => project({ 'package.json': JSON.stringify({ dependencies: { gigachat: '^0.0.20' } }), 'index.js': "const { GigaChat } = require('gigachat');\n" });

  it('NO_PROXY=sberbank.ru: undici goes direct to the subdomains, axios through the proxy — said plainly', async () => {
    const run = await runCli(['check', '--json', '--only', 'code', '--project', nodeApp()], {
      env: { HTTPS_PROXY: 'http://user:pw@127.0.0.1:9', NO_PROXY: 'sberbank.ru' },
    });
    const code = checkOf(reportOf(run), 'code');
    expect(code).toMatchObject({ status: 'warn', code: 'CODE_SDK_PROXY_DIFFERS' });
    expect(code.details.sdkRoutes).toEqual([
      { which: 'auth', host: 'ngw.devices.sberbank.ru', sdk: { proxy: 'http://127.0.0.1:9', variable: 'HTTPS_PROXY', noProxyEntry: null }, gigadoctor: { proxy: null, variable: 'NO_PROXY', noProxyEntry: 'sberbank.ru' } },
      { which: 'api', host: 'gigachat.devices.sberbank.ru', sdk: { proxy: 'http://127.0.0.1:9', variable: 'HTTPS_PROXY', noProxyEntry: null }, gigadoctor: { proxy: null, variable: 'NO_PROXY', noProxyEntry: 'sberbank.ru' } },
    ]);
    expect(code.summary).toMatch(/npm SDK \(axios\) goes through http:\/\/127\.0\.0\.1:9 \(HTTPS_PROXY\), but gigadoctor's checks went direct \(NO_PROXY entry "sberbank\.ru"\)/);
    expect(run.stdout).not.toContain('pw@');
  });

  it('a leading dot makes them agree: no finding, the routes still shown', async () => {
    const run = await runCli(['check', '--json', '--only', 'code', '--project', nodeApp()], { env: { HTTPS_PROXY: 'http://127.0.0.1:9', NO_PROXY: '.sberbank.ru' } });
    const code = checkOf(reportOf(run), 'code');
    expect(code).toMatchObject({ status: 'pass', code: 'CODE_OK' });
    expect((code.details.sdkRoutes as unknown[]).length).toBe(2);
  });
});

describe('clean projects and folders that are not projects', () => {
  it('a clean app passes and names its SDK', async () => {
    const dir = project({
      'pyproject.toml': '[project]\nname = "app"\ndependencies = ["langchain-gigachat>=0.3.0", "httpx"]\n',
      'app.py': 'import os\nfrom langchain_gigachat import GigaChat\nllm = GigaChat(credentials=os.environ["GIGACHAT_CREDENTIALS"], model="GigaChat-2-Max")\n' +
        'BASE = "https://gigachat.devices.sberbank.ru/api/v1"\nAUTH = "https://ngw.devices.sberbank.ru:9443/api/v2/oauth"\n',
    });
    const run = await runCli(['check', '--json', '--only', 'code', '--project', dir]);
    expect(checkOf(reportOf(run), 'code')).toMatchObject({ status: 'pass', code: 'CODE_OK', details: { sdkList: ['langchain-gigachat >=0.3.0 (pypi)'], counts: { files: 2 } } });
    expect(run.code).toBe(0);
  });

  it('a folder without a manifest or git (a home folder, say) is not scanned, and the check says so', async () => {
    const dir = project({ 'notes.py': 'URL = "https://api.gigachat.ru/core/api/v1"\n', 'Downloads/x.json': '{}' });
    const run = await runCli(['check', '--json', '--only', 'code'], { cwd: dir });
    const code = checkOf(reportOf(run), 'code');
    expect(code).toMatchObject({ status: 'skip', code: 'CODE_NOT_A_PROJECT', details: { project: dir } });
    expect(code.summary).toMatch(/Not scanned: .* no manifest .* and no git/);
    // gigadoctor as it was run: node and the script.
    expect(code.remediation[0]).toContain(`node ${BIN} check --project <`);
    expect(run.code).toBe(0);
  });

  it('--project that is not a folder is a usage error (exit 2), not a scan of nothing', async () => {
    const run = await runCli(['check', '--project', join(emptyDir(), 'nope')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/invalid value .* for --project: not a folder/);
  });

  it('--skip code leaves the files alone', async () => {
    const dir = project(GUIDE_APP);
    const run = await runCli(['check', '--json', '--only', 'code', '--skip', 'code', '--project', dir]);
    expect(checkOf(reportOf(run), 'code')).toMatchObject({ status: 'skip', code: 'SKIPPED_BY_OPTION' });
  });
});

describe('what a project tells the scan to skip', () => {
  const wrong = 'export const WRONG = "https://api.gigachat.ru/core/api/v1";\n';

  it('.gigadoctorignore (gitignore syntax, with ! to take a file back)', async () => {
    const dir = project({
      'package.json': '{"name":"x"}',
      '.gigadoctorignore': '# our own tables\nfixtures/\nsrc/known-*.ts\n!src/known-keep.ts\n',
      'fixtures/urls.ts': wrong,
      'src/known-hosts.ts': wrong,
      'src/known-keep.ts': wrong,
    });
    const run = await runCli(['check', '--json', '--only', 'code', '--project', dir]);
    expect(at(findingsOf(run))).toEqual(['CODE_WRONG_URL src/known-keep.ts:1']);
  });

  it('"gigadoctor": {"ignore": [...]} in package.json', async () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'x', gigadoctor: { ignore: ['test/**'] } }), 'test/a.test.ts': wrong, 'b.ts': wrong });
    const run = await runCli(['check', '--json', '--only', 'code', '--project', dir]);
    expect(at(findingsOf(run))).toEqual(['CODE_WRONG_URL b.ts:1']);
  });

  it('gigadoctor in its own checkout (the README\'s first command) does not report its own tables of wrong URLs', async () => {
    const repo = resolve(__dirname, '../..');
    const run = await runCli(['check', '--json', '--only', 'code'], { cwd: repo });
    const code = checkOf(reportOf(run), 'code');
    expect(code.details.findings).toEqual([]);
    expect(code).toMatchObject({ status: 'pass', code: 'CODE_OK' });
    expect((code.details.counts as { files: number }).files).toBeGreaterThan(20);
  });
});
