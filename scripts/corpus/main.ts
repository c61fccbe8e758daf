/**
 * Regenerates test/corpus/captured: every real client against the mock in every fault the mock
 * has (src/mock/scenarios.ts) and a few of the TLS and network faults its chain options and ports
 * make, capturing what the app logs. One mock per case, started in-process. The captures are
 * normalised (ports, paths, the generated key and tokens) so they read as an app's log and leak
 * nothing real; test/corpus/captured/manifest.json says which first finding each must give.
 *
 * Clients: the Python SDK in /work/shared/vendor/gigachat-python (PYTHONPATH), the npm `gigachat`
 * package (node_modules), and the npm `langchain-gigachat`, installed into a temporary folder from
 * the registry (`npm install --prefix`), skipped with a note when that fails.
 * Run with: node scripts/corpus/regenerate.mjs
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startMock, startSilentPort, type MockOptions, type Scenario } from '../../src/mock/index.js';
import { SCENARIOS } from '../../src/mock/scenarios.js';
import type { Code } from '../../src/catalog/codes.js';

// Run from the repository's root (npm scripts do); the bundle lives in .corpus/.
const ROOT = process.cwd();
const OUT = path.join(ROOT, 'test', 'corpus', 'captured');
const PYTHON_SDK = '/work/shared/vendor/gigachat-python/src';
const DRIVERS = path.join(ROOT, 'scripts', 'corpus', 'drivers');
const TIMEOUT_S = 2;
const KILL_MS = 20_000;

/** Stand-ins written over the mock's generated secrets: fixed, fake, and recognisable in tests. */
// Written in pieces so that no scanner (gigadoctor's code check included) takes them for real ones.
export const FAKE = {
  clientId: ['0d9a6f1e', '3c2b', '4a5d', '8e7f', '1a2b3c4d5e6f'].join('-'),
  clientSecret: ['7c6b5a49', '3e2d', '4c1b', '9a0f', 'e1d2c3b4a596'].join('-'),
  token: `eyJjdHkiOiJqd3QiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwiYWxnIjoiUlNBLU9BRVAtMjU2In0.${'Fk3q'.repeat(60)}.${'Zp8w'.repeat(5)}.${'Tx2m'.repeat(200)}.${'Qs5v'.repeat(10)}`,
};
const FAKE_KEY = Buffer.from(`${FAKE.clientId}:${FAKE.clientSecret}`).toString('base64');

type Client = 'python-sdk' | 'gigachat-js' | 'langchain-gigachat-js';

interface Case {
  name: string;
  scenario?: Scenario;
  mock?: MockOptions;
  /** The client trusts no extra CA (the default trust of its runtime). */
  untrusted?: boolean;
  /** Where the client is pointed instead of the mock. */
  target?: 'refused' | 'silent';
}

/** Whether a client's first API request after the token is the list (else chat, straight away). */
const FIRST_CALL_IS_LIST: Record<Client, boolean> = { 'python-sdk': true, 'gigachat-js': true, 'langchain-gigachat-js': false };

/** The right first finding for a case and client; null when the client does not fail there. */
function expected(c: Case, client: Client): Code | null {
  const api = FIRST_CALL_IS_LIST[client] ? 'models' : 'chat';
  const byStep = (models: Code, chat: Code): Code => (api === 'models' ? models : chat);
  switch (c.name) {
    case 'auth-not-found-html': return 'OAUTH_NOT_FOUND';
    case 'auth-bad-key': return 'OAUTH_BAD_CREDENTIALS';
    case 'auth-wrong-scope': return 'OAUTH_SCOPE_MISMATCH';
    case 'auth-server-error': return 'OAUTH_SERVER_ERROR';
    case 'auth-rate-limited': return 'OAUTH_RATE_LIMITED';
    case 'auth-hang': return 'OAUTH_TIMEOUT';
    case 'auth-bad-json': return 'OAUTH_BAD_RESPONSE';
    // gigachat-js takes a 200 without a token and goes on: its log shows the API's 401 that follows.
    case 'auth-wrong-shape': return client === 'python-sdk' ? 'OAUTH_BAD_RESPONSE' : 'API_TOKEN_REJECTED';
    // axios follows the redirect: what it logs is the 404 where it landed.
    case 'auth-redirect': return client === 'python-sdk' ? 'OAUTH_REDIRECT' : 'OAUTH_NOT_FOUND';
    case 'token-expired': return 'API_TOKEN_EXPIRED';
    case 'api-unauthorized': return 'API_TOKEN_REJECTED';
    case 'api-forbidden': return 'API_FORBIDDEN';
    case 'api-rate-limited': return byStep('API_RATE_LIMITED', 'CHAT_RATE_LIMITED');
    case 'api-server-error': return byStep('API_SERVER_ERROR', 'CHAT_SERVER_ERROR');
    case 'api-hang': return byStep('API_TIMEOUT', 'CHAT_TIMEOUT');
    case 'redirect-api': return client === 'python-sdk' ? 'API_REDIRECT' : 'API_NOT_FOUND';
    case 'models-not-found-html': return api === 'models' ? 'API_NOT_FOUND' : null;
    case 'models-bad-json': case 'models-wrong-shape': case 'invalid-utf8': return api === 'models' ? 'API_BAD_RESPONSE' : null;
    case 'reset': return api === 'models' ? 'CONNECTION_RESET' : null;
    case 'chat-payment-required': return 'CHAT_PAYMENT_REQUIRED';
    case 'chat-model-not-found': return 'CHAT_MODEL_NOT_FOUND';
    case 'chat-unprocessable': return 'CHAT_INVALID_REQUEST';
    case 'chat-rate-limited': return 'CHAT_RATE_LIMITED';
    case 'chat-server-error': return 'CHAT_SERVER_ERROR';
    case 'chat-hang': return 'CHAT_TIMEOUT';
    case 'chat-bad-json': return 'CHAT_BAD_RESPONSE';
    case 'tls-untrusted-root': return 'TLS_UNTRUSTED_ROOT';
    case 'tls-expired': return 'TLS_EXPIRED';
    case 'tls-not-yet-valid': return 'TLS_NOT_YET_VALID';
    case 'tls-wrong-name': return 'TLS_HOSTNAME_MISMATCH';
    // Python's ssl sees only the connection end ("EOF occurred in violation of protocol").
    case 'tls-client-cert-required': return client === 'python-sdk' ? 'TLS_HANDSHAKE_FAILED' : 'TLS_CLIENT_CERT_REQUIRED';
    case 'tcp-refused': return 'TCP_REFUSED';
    // Python names the stalled handshake; axios only says its timeout passed on the token request.
    case 'tls-silent': return client === 'python-sdk' ? 'TLS_TIMEOUT' : 'OAUTH_TIMEOUT';
    default: return null;
  }
}

const CASES: Case[] = [
  ...SCENARIOS.filter((s) => s.name !== 'ok').map((s) => ({ name: s.name, scenario: s.name })),
  { name: 'tls-untrusted-root', untrusted: true },
  { name: 'tls-expired', mock: { chain: { leafValidity: 'expired' } } },
  { name: 'tls-not-yet-valid', mock: { chain: { leafValidity: 'not-yet-valid' } } },
  { name: 'tls-wrong-name', mock: { chain: { wrongName: true } } },
  { name: 'tls-client-cert-required', mock: { requestCert: true } },
  { name: 'tcp-refused', target: 'refused' },
  { name: 'tls-silent', target: 'silent' },
];

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', NO_PROXY: '*', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function installLangchain(): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gigadoctor-corpus-lc-'));
  const r = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', 'langchain-gigachat@0.0.18', '@langchain/core@^0.3'], { stdio: 'ignore', timeout: 300_000 });
  const entry = path.join(dir, 'node_modules', 'langchain-gigachat', 'dist', 'index.js');
  if (r.status !== 0 || !fs.existsSync(entry)) {
    process.stderr.write('langchain-gigachat could not be installed: its captures are skipped\n');
    return null;
  }
  return entry;
}

async function main(): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const langchain = process.env.CORPUS_NO_LANGCHAIN ? null : installLangchain();
  const clients: Client[] = ['python-sdk', 'gigachat-js', ...(langchain ? ['langchain-gigachat-js' as const] : [])];
  const manifest: Array<{ file: string; client: Client; case: string; expected: Code }> = [];
  const only = process.env.CORPUS_ONLY ? process.env.CORPUS_ONLY.split(',') : null;

  for (const c of CASES) {
    if (only && !only.includes(c.name)) continue;
    const mock = await startMock({ ...c.mock, scenario: c.scenario ?? 'ok', clientId: FAKE.clientId, clientSecret: FAKE.clientSecret });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gigadoctor-corpus-'));
    const caFile = mock.writeCaFile(tmp);
    const silent = c.target === 'silent' ? await startSilentPort() : null;
    const refusedPort = c.target === 'refused' ? await closedPort() : null;
    const authUrl = silent ? `${silent.origin}/api/v2/oauth` : refusedPort ? `https://127.0.0.1:${refusedPort}/api/v2/oauth` : mock.authUrl;
    try {
      for (const client of clients) {
        const want = expected(c, client);
        if (!want) continue;
        const ca = c.untrusted ? '-' : caFile;
        const env = { GIGACHAT_CREDENTIALS: mock.credentials };
        const r = client === 'python-sdk'
          ? await run('/usr/bin/python3', [path.join(DRIVERS, 'python_sdk.py'), authUrl, mock.baseUrl, ca, String(TIMEOUT_S)], { ...env, PYTHONPATH: PYTHON_SDK })
          : await run(process.execPath, [path.join(DRIVERS, 'gigachat-js.mjs'), authUrl, mock.baseUrl, ca, String(TIMEOUT_S), client === 'gigachat-js' ? 'gigachat' : 'langchain-gigachat'], { ...env, LANGCHAIN_GIGACHAT_ENTRY: langchain ?? '' });
        if (r.code === 0 || !r.output.trim()) {
          process.stderr.write(`${c.name} × ${client}: the client did not fail (exit ${r.code}); no capture\n`);
          continue;
        }
        const file = `${client}.${c.name}.log`;
        fs.writeFileSync(path.join(OUT, file), normalise(r.output, mock, { authUrl, tmp }));
        manifest.push({ file, client, case: c.name, expected: want });
        process.stderr.write(`${c.name} × ${client}: captured\n`);
      }
    } finally {
      await silent?.close();
      await mock.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  fs.writeFileSync(path.join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A capture as it would read on someone's machine, with nothing real in it. */
function normalise(text: string, mock: Awaited<ReturnType<typeof startMock>>, where: { authUrl: string; tmp: string }): string {
  let out = text;
  const swap = (from: string, to: string) => {
    if (from) out = out.split(from).join(to);
  };
  swap(mock.credentials, FAKE_KEY);
  for (const t of mock.issuedTokens) swap(t, FAKE.token);
  swap(new URL(where.authUrl).host, '127.0.0.1:9443');
  swap(new URL(mock.apiOrigin).host, '127.0.0.1:10443');
  swap(where.tmp, '/tmp/app');
  swap(PYTHON_SDK, '/app/.venv/lib/python3.11/site-packages');
  swap(fs.realpathSync(path.join(ROOT, 'node_modules')), '/app/node_modules');
  swap(path.join(ROOT, 'node_modules'), '/app/node_modules');
  swap(DRIVERS, '/app');
  out = out.replace(/\/tmp\/gigadoctor-corpus-lc-[^/]+\/node_modules/g, '/app/node_modules');
  out = out.replace(/\/usr\/lib\/python3(?:\.\d+)?\//g, '/usr/lib/python3.11/');
  return out;
}

await main();
