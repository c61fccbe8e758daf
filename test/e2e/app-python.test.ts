/**
 * The python check against the stand-in: the app's own venv (Debian's Python with the vendored
 * SDK on its path through a .pth file), trusting the stand-in's CA through GIGACHAT_CA_BUNDLE_FILE
 * or not at all while Node trusts it through NODE_EXTRA_CA_CERTS — the classic "the doctor
 * passes, my app fails". Where no Python with venv and httpx is installed, these tests say so and skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, startProxy, type MockServer } from '../../src/mock/index.js';
import { checkOf, emptyDir, expectClean, mockEnv, reportOf, runCli } from './cli.js';

const SDK_SRC = resolve(__dirname, '../../../../shared/vendor/gigachat-python/src');
const SDK = existsSync(SDK_SRC) ? SDK_SRC : '/work/shared/vendor/gigachat-python/src';

/** Debian's python3 first: it is the one .ci/run installs httpx and pydantic for. */
function systemPython(): string | null {
  for (const p of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(p, ['-c', 'import venv, httpx, pydantic'], { stdio: 'ignore' });
    if (r.status === 0) return p;
  }
  return null;
}

/** A Python project with its own .venv that sees the system's packages and the SDK's source. */
function pythonProject(python: string): string | null {
  const dir = emptyDir();
  writeFileSync(join(dir, 'requirements.txt'), 'gigachat\n');
  writeFileSync(join(dir, 'app.py'), 'from gigachat import GigaChat\nprint(GigaChat().get_models())\n');
  const made = spawnSync(python, ['-m', 'venv', '--system-site-packages', '--without-pip', join(dir, '.venv')], { stdio: 'ignore' });
  if (made.status !== 0) return null;
  const lib = join(dir, '.venv', 'lib');
  const version = readdirSync(lib).find((d) => d.startsWith('python'));
  if (!version) return null;
  mkdirSync(join(lib, version, 'site-packages'), { recursive: true });
  writeFileSync(join(lib, version, 'site-packages', 'gigachat-vendored.pth'), `${SDK}\n`);
  return dir;
}

const python = systemPython();
const project = python ? pythonProject(python) : null;
if (!project) console.warn('app-python: no python3 with venv, httpx and pydantic here (see .ci/run): the python check tests skip');

let mock: MockServer;
let caFile: string;
beforeAll(async () => {
  mock = await startMock();
  caFile = mock.writeCaFile(emptyDir());
});
afterAll(() => mock.close());

describe.skipIf(!project)('the python check with the app\'s own venv', () => {
  it('trust through GIGACHAT_CA_BUNDLE_FILE: Python verifies both hosts with that file, in well under 1.5 s', async () => {
    const run = await runCli(['check', '--json', '--no-chat', '--project', project!], { env: mockEnv(mock, { GIGACHAT_CA_BUNDLE_FILE: caFile }) });
    const report = reportOf(run);
    const py = checkOf(report, 'python');
    expect(py).toMatchObject({ status: 'pass', code: 'PYTHON_TLS_OK' });
    expect(py.details).toMatchObject({
      found: '.venv',
      venv: true,
      ca: { file: caFile, source: 'GIGACHAT_CA_BUNDLE_FILE', exists: true },
      packages: { gigachat: 'present', httpx: expect.any(String) },
      nodeTls: 'pass',
    });
    const targets = py.details.targets as Array<{ ok: boolean; which: string }>;
    expect(targets.map((t) => [t.which, t.ok])).toEqual([['auth', true], ['api', true]]);
    expect(py.durationMs).toBeLessThanOrEqual(1500);
    expectClean(run, mock);
  });

  it('Node trusts the stand-in (NODE_EXTRA_CA_CERTS), Python does not: the finding names the divergence', async () => {
    const run = await runCli(['check', '--json', '--no-chat', '--project', project!], { env: mockEnv(mock) });
    const report = reportOf(run);
    expect(checkOf(report, 'tls')).toMatchObject({ status: 'pass', code: 'TLS_OK' });
    const py = checkOf(report, 'python');
    expect(py).toMatchObject({ status: 'fail', code: 'PYTHON_TLS_DIVERGES' });
    expect(py.details).toMatchObject({ direction: 'node-ok-python-fails', nodeTls: 'pass', caSource: expect.stringMatching(/certifi|SSL_CERT/) });
    expect(py.summary).toMatch(/The doctor passes, your app fails: Node verifies .* but Python/);
    expect(py.remediation.join('\n')).toMatch(/GIGACHAT_CA_BUNDLE_FILE/);
    expect(py.remediation.join('\n')).toMatch(/REQUESTS_CA_BUNDLE/);
    expect(py.remediation.join('\n')).toMatch(/Do not append the root to the venv's certifi/);
    expect(run.code).toBe(1);
    expectClean(run, mock);
  });

  it('the human report says it in one line, in Russian too', async () => {
    const run = await runCli(['check', '--no-chat', '--lang', 'ru', '--project', project!], { env: { ...mockEnv(mock), NO_COLOR: '1' } });
    expect(run.stdout).toMatch(/Ваш Python\s+PYTHON_TLS_DIVERGES/);
    expect(run.stdout).toMatch(/Доктор доволен, приложение — нет/);
    expectClean(run, mock);
  });

  it('through a proxy with a login: Python tunnels with its own proxy rules, and the password is never shown', async () => {
    const proxy = await startProxy({ auth: { user: 'dev', password: 'proxy-pass-31337' } });
    try {
      const run = await runCli(['check', '--json', '--no-chat', '--project', project!], {
        env: mockEnv(mock, { GIGACHAT_CA_BUNDLE_FILE: caFile, HTTPS_PROXY: proxy.urlWithAuth }),
      });
      const py = checkOf(reportOf(run), 'python');
      expect(py).toMatchObject({ status: 'pass', code: 'PYTHON_TLS_OK' });
      expect((py.details.targets as Array<{ proxy: string }>).map((t) => t.proxy)).toEqual([proxy.url, proxy.url]);
      const fromPython = proxy.connects.filter((c) => c.authorized);
      expect(fromPython.length).toBeGreaterThanOrEqual(4);
      expect(run.stdout + run.stderr).not.toContain('proxy-pass-31337');
      expectClean(run, mock, ['proxy-pass-31337']);
    } finally {
      await proxy.close();
    }
  });

  it('VIRTUAL_ENV wins over the project\'s folders; nothing is written into the project', async () => {
    const elsewhere = emptyDir();
    writeFileSync(join(elsewhere, 'main.py'), 'print(1)\n');
    const run = await runCli(['check', '--json', '--no-chat', '--project', elsewhere], {
      env: mockEnv(mock, { GIGACHAT_CA_BUNDLE_FILE: caFile, VIRTUAL_ENV: join(project!, '.venv') }),
    });
    expect(checkOf(reportOf(run), 'python')).toMatchObject({ status: 'pass', details: { found: 'VIRTUAL_ENV' } });
    expect(readdirSync(elsewhere)).toEqual(['main.py']);
    expect(existsSync(join(project!, '__pycache__'))).toBe(false);
  });
});

describe('the python check without a Python app', () => {
  it('an empty folder is not a Python project: skipped with the reason, nothing blocked', async () => {
    const run = await runCli(['check', '--json', '--no-chat'], { env: mockEnv(mock) });
    const report = reportOf(run);
    expect(checkOf(report, 'python')).toMatchObject({ status: 'skip', code: 'PYTHON_NOT_A_PROJECT', details: { reason: 'no-python-project' } });
    expect(run.code).toBe(0);
  });

  it('a Python project whose interpreter cannot be found says so', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "app"\n');
    const run = await runCli(['check', '--json', '--no-chat', '--project', dir], { env: { ...mockEnv(mock), PATH: emptyDir() } });
    expect(checkOf(reportOf(run), 'python')).toMatchObject({ status: 'skip', code: 'PYTHON_NOT_A_PROJECT', details: { reason: 'no-interpreter' } });
  });
});
