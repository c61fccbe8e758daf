/** Below TLS and around it, through the built CLI: refused, silent and hanging ports, DNS, CA files, mTLS, `gigadoctor ca`. */
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, startSilentPort, type MockServer, type SilentPort } from '../../src/mock/index.js';
import { BIN, checkOf, emptyDir, expectNoSecrets, mockEnv, runCli } from './cli.js';

const TIMEOUT = 2000;
/** Twice the timeout plus a few seconds for node to start and the report to render. */
const BOUND_MS = 2 * TIMEOUT + 3000;

let mock: MockServer;
let hanging: MockServer;
let mtls: MockServer;
let silent: SilentPort;
let closedPort: number;

beforeAll(async () => {
  [mock, hanging, mtls, silent, closedPort] = await Promise.all([
    startMock(),
    startMock({ scenario: 'auth-hang' }),
    startMock({ requestCert: true }),
    startSilentPort(),
    new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    }),
  ]);
});
afterAll(() => Promise.all([mock.close(), hanging.close(), mtls.close(), silent.close()]));

const steps = (c: { remediation: string[] }) => c.remediation.join('\n');

/** The key pointed at URLs that are not the stand-in's: only the output can leak it. */
function envFor(authUrl: string, baseUrl: string) {
  return { GIGACHAT_CREDENTIALS: mock.credentials, GIGACHAT_AUTH_URL: authUrl, GIGACHAT_BASE_URL: baseUrl };
}

// Concurrent: two of these wait out the timeout, idle.
describe.concurrent('ports that do not answer, within --timeout', () => {
  it('a refused port: TCP_REFUSED, exit 1, the remedy names the port to check', async () => {
    const origin = `https://127.0.0.1:${closedPort}`;
    const run = await runCli(['--json', '--timeout', String(TIMEOUT)], { env: envFor(`${origin}/api/v2/oauth`, `${origin}/api/v1`) });
    const tcp = checkOf(run.json(), 'tcp');
    expect(tcp).toMatchObject({ status: 'fail', code: 'TCP_REFUSED', details: { host: '127.0.0.1', port: closedPort } });
    expect(steps(tcp)).toContain(`nc -vz -w 5 127.0.0.1 ${closedPort}`);
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(BOUND_MS);
    expectNoSecrets(run, mock);
  });

  it('a port that accepts TCP and never speaks: TLS_TIMEOUT, exit 3 (may pass on retry), within twice the timeout', async () => {
    const run = await runCli(['--json', '--timeout', String(TIMEOUT)], { env: envFor(`${silent.origin}/api/v2/oauth`, `${silent.origin}/api/v1`), killAfterMs: 20_000 });
    const report = run.json();
    const tls = checkOf(report, 'tls');
    expect(tls).toMatchObject({ status: 'fail', code: 'TLS_TIMEOUT', transient: true, details: { timeoutMs: TIMEOUT } });
    expect(steps(tls)).toContain('--timeout');
    expect(run.code).toBe(3);
    expect(run.ms).toBeLessThan(BOUND_MS);
    expectNoSecrets(run, mock);
  });

  it('a server that takes the request and never answers: OAUTH_TIMEOUT, exit 3, within twice the timeout', async () => {
    const run = await runCli(['--json', '--timeout', String(TIMEOUT)], { env: mockEnv(hanging) });
    const report = run.json();
    expect(checkOf(report, 'tls').status).toBe('pass');
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'fail', code: 'OAUTH_TIMEOUT', transient: true });
    expect(run.code).toBe(3);
    expect(run.ms).toBeLessThan(BOUND_MS);
    expectNoSecrets(run, hanging);
  });

  it('a host under .invalid: DNS_NOT_FOUND, exit 1, the remedy says how to test the name', async () => {
    const run = await runCli(['--json', '--timeout', String(TIMEOUT)], {
      env: envFor('https://ngw.gigadoctor-test.invalid:9443/api/v2/oauth', 'https://gigachat.gigadoctor-test.invalid/api/v1'),
    });
    const dns = checkOf(run.json(), 'dns');
    expect(dns).toMatchObject({ status: 'fail', code: 'DNS_NOT_FOUND', details: { host: 'ngw.gigadoctor-test.invalid', which: 'auth' } });
    expect(steps(dns)).toContain('nslookup ngw.gigadoctor-test.invalid');
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(BOUND_MS);
  });
});

describe('CA files that are not PEM certificates', () => {
  const derOf = () => new X509Certificate(mock.caPem).raw;
  const cases: Array<[string, string, () => Buffer | string, RegExp]> = [
    ['DER (a .cer file)', 'der', derOf, /openssl x509 -inform der/],
    ['a private key', 'private-key', () => mock.chain.leafKeyPem, /private key/],
    // gigadoctor as it was run: node and the script.
    ['garbage', 'not-pem', () => 'not a certificate\n', new RegExp(`node ${BIN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ca --out`)],
    ['PEM encoded once more in base64', 'double-base64', () => Buffer.from(mock.caPem).toString('base64'), /base64 -d/],
  ];
  it.each(cases)('--ca-file with %s: CA_FILE_INVALID (%s); no request sent', async (_name, reason, content, remedy) => {
    const path = join(emptyDir(), 'ca.pem');
    writeFileSync(path, content());
    const before = mock.requests.length;
    const run = await runCli(['--json', '--ca-file', path], { env: { ...mockEnv(mock), NODE_EXTRA_CA_CERTS: undefined } });
    const tls = checkOf(run.json(), 'tls');
    expect(tls).toMatchObject({ status: 'fail', code: 'CA_FILE_INVALID', details: { reason, variable: '--ca-file', path } });
    expect(steps(tls)).toMatch(remedy);
    expect(run.code).toBe(1);
    expect(mock.requests.slice(before).filter((r) => r.headers.authorization)).toEqual([]);
    expectNoSecrets(run, mock);
  });

  it('GIGACHAT_CA_BUNDLE_FILE pointing nowhere: CA_FILE_INVALID (missing), named by its variable', async () => {
    const run = await runCli(['--json'], { env: mockEnv(mock, { GIGACHAT_CA_BUNDLE_FILE: join(emptyDir(), 'nope.pem') }) });
    expect(checkOf(run.json(), 'tls')).toMatchObject({ code: 'CA_FILE_INVALID', details: { reason: 'missing', variable: 'GIGACHAT_CA_BUNDLE_FILE' } });
    expect(run.code).toBe(1);
  });
});

describe('client certificates (mTLS)', () => {
  const files = () => {
    const dir = emptyDir();
    const cert = join(dir, 'client.crt');
    const key = join(dir, 'client.key');
    writeFileSync(cert, mtls.clientCertificate!.certPem);
    writeFileSync(key, mtls.clientCertificate!.keyPem);
    return { dir, cert, key };
  };

  it('a server that demands one, none configured: TLS_CLIENT_CERT_REQUIRED, remedy names GIGACHAT_CERT_FILE; no request', async () => {
    const run = await runCli(['--json'], { env: mockEnv(mtls) });
    const tls = checkOf(run.json(), 'tls');
    expect(tls).toMatchObject({ status: 'fail', code: 'TLS_CLIENT_CERT_REQUIRED', details: { clientCertSent: false } });
    expect(String(tls.details.errno)).toMatch(/CERTIFICATE_REQUIRED/);
    expect(steps(tls)).toContain('GIGACHAT_CERT_FILE');
    expect(run.code).toBe(1);
    expect(mtls.requests).toEqual([]);
  });

  it('GIGACHAT_CERT_FILE + GIGACHAT_KEY_FILE: the handshake and the requests use them; everything passes', async () => {
    const { cert, key } = files();
    const run = await runCli(['--json', '--no-chat'], { env: mockEnv(mtls, { GIGACHAT_CERT_FILE: cert, GIGACHAT_KEY_FILE: key }) });
    const report = run.json();
    expect(checkOf(report, 'tls').status).toBe('pass');
    expect(checkOf(report, 'oauth').status).toBe('pass');
    expect(checkOf(report, 'models').status).toBe('pass');
    expect(run.code).toBe(0);
    expectNoSecrets(run, mtls);
  });

  it('an encrypted key: works with GIGACHAT_KEY_FILE_PASSWORD (never printed), is its own verdict without it', async () => {
    const { createPrivateKey } = await import('node:crypto');
    const { cert, dir } = files();
    const password = 'key-file-Passw0rd';
    const key = join(dir, 'client-enc.key');
    writeFileSync(key, createPrivateKey(mtls.clientCertificate!.keyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: password }));
    const ok = await runCli(['--json', '--no-chat', '--verbose'], {
      env: mockEnv(mtls, { GIGACHAT_CERT_FILE: cert, GIGACHAT_KEY_FILE: key, GIGACHAT_KEY_FILE_PASSWORD: password }),
    });
    expect(checkOf(ok.json(), 'oauth').status).toBe('pass');
    expectNoSecrets(ok, mtls, [password]);
    const without = await runCli(['--json'], { env: mockEnv(mtls, { GIGACHAT_CERT_FILE: cert, GIGACHAT_KEY_FILE: key }) });
    const tls = checkOf(without.json(), 'tls');
    expect(tls).toMatchObject({ code: 'CLIENT_CERT_INVALID', details: { which: 'key', reason: 'passphrase-missing', variable: 'GIGACHAT_KEY_FILE' } });
    expect(steps(tls)).toContain('GIGACHAT_KEY_FILE_PASSWORD');
    expect(without.code).toBe(1);
  });

  it('an unreadable certificate file: CLIENT_CERT_INVALID (missing) before any handshake', async () => {
    const run = await runCli(['--json'], { env: mockEnv(mtls, { GIGACHAT_CERT_FILE: join(emptyDir(), 'absent.crt') }) });
    expect(checkOf(run.json(), 'tls')).toMatchObject({ code: 'CLIENT_CERT_INVALID', details: { which: 'cert', reason: 'missing', variable: 'GIGACHAT_CERT_FILE' } });
    expect(run.code).toBe(1);
  });
});

describe('gigadoctor ca', () => {
  const PINS = {
    'Russian Trusted Root CA': 'D2:6D:2D:02:31:B7:C3:9F:92:CC:73:85:12:BA:54:10:35:19:E4:40:5D:68:B5:BD:70:3E:97:88:CA:8E:CF:31',
    'Russian Trusted Sub CA': 'BB:BD:E2:10:3E:79:0B:99:9E:C6:2B:D0:3C:F6:25:A5:A2:E7:C3:16:E1:0A:FE:6A:49:0E:ED:EA:D8:B3:FD:9B',
  };
  const certsIn = (text: string) => (text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((p) => new X509Certificate(p));

  it('prints both certificates with their fingerprints, validity and the official page; node:crypto agrees', async () => {
    const run = await runCli(['ca']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const certs = certsIn(run.stdout);
    expect(certs.map((c) => [/CN=([^\n]+)/.exec(c.subject)![1], c.fingerprint256])).toEqual(Object.entries(PINS));
    for (const sha of Object.values(PINS)) expect(run.stdout).toContain(`# SHA-256: ${sha}`);
    expect(run.stdout).toContain('https://www.gosuslugi.ru/crt');
    expect(run.stdout).toContain('# Valid:   2022-03-02T11:25:19Z .. 2027-03-06T11:25:19Z');
    expect(certs[1].verify(certs[0].publicKey)).toBe(true);
  });

  it('--out writes the file, leaves an identical one alone, refuses to overwrite a different one', async () => {
    const dir = emptyDir();
    const first = await runCli(['ca', '--out', 'russian-trusted-ca.pem'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const path = join(dir, 'russian-trusted-ca.pem');
    expect(certsIn(readFileSync(path, 'utf8')).map((c) => c.fingerprint256)).toEqual(Object.values(PINS));
    expect(first.stderr).toContain(`NODE_EXTRA_CA_CERTS=${path}`);
    const again = await runCli(['ca', '--out', path], { cwd: dir });
    expect(again.code).toBe(0);
    writeFileSync(path, 'my own bundle\n');
    const refused = await runCli(['ca', '--out', path], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not overwriting/);
    expect(readFileSync(path, 'utf8')).toBe('my own bundle\n');
  });

  it('--out into a folder that does not exist yet creates it (the Windows remedies name C:\\certs\\…)', async () => {
    const dir = emptyDir();
    const run = await runCli(['ca', '--out', join('certs', 'russian-trusted-ca.pem')], { cwd: dir });
    expect(run.stderr).not.toMatch(/ENOENT/);
    expect(run.code).toBe(0);
    expect(certsIn(readFileSync(join(dir, 'certs', 'russian-trusted-ca.pem'), 'utf8')).map((c) => c.fingerprint256)).toEqual(Object.values(PINS));
  });

  it('the written bundle loads as NODE_EXTRA_CA_CERTS and as a CA file (the comment lines break neither)', async () => {
    const dir = emptyDir();
    await runCli(['ca', '--out', 'ca.pem'], { cwd: dir });
    const bundle = join(dir, 'ca.pem');
    const run = await runCli(['--json', '--no-chat', '--only', 'tls'], { env: mockEnv(mock, { NODE_EXTRA_CA_CERTS: bundle, GIGACHAT_CA_BUNDLE_FILE: bundle }) });
    // Node says "Ignoring extra certs from …" on stderr when it cannot load the file.
    expect(run.stderr).toBe('');
    // The stand-in's own root is not in it, so the chain stays untrusted, and the file itself is fine.
    expect(checkOf(run.json(), 'tls')).toMatchObject({ code: 'TLS_UNTRUSTED_ROOT', details: { caFile: bundle } });
  });
});
