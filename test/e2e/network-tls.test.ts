/** TLS verdicts through the built CLI, each against a stand-in whose certificate is wrong in one way. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/index.js';
import { checkOf, emptyDir, expectNoSecrets, mockEnv, runCli } from './cli.js';

type Mocks = Record<'plain' | 'expired' | 'early' | 'wrongName' | 'corp' | 'noRoot', MockServer>;
const m = {} as Mocks;

beforeAll(async () => {
  const [plain, expired, early, wrongName, corp, noRoot] = await Promise.all([
    startMock(),
    startMock({ chain: { leafValidity: 'expired' } }),
    startMock({ chain: { leafValidity: 'not-yet-valid' } }),
    startMock({ chain: { wrongName: true } }),
    startMock({ chain: { rootName: 'Corp Proxy CA' } }),
    startMock({ serveRoot: false }),
  ]);
  Object.assign(m, { plain, expired, early, wrongName, corp, noRoot });
});
afterAll(() => Promise.all(Object.values(m).map((x) => x.close())));

/** The stand-in's URLs and key, without its CA: what a fresh Node process has. */
function withheld(mock: MockServer, extra: Record<string, string | undefined> = {}) {
  return { ...mockEnv(mock), NODE_EXTRA_CA_CERTS: undefined, ...extra };
}

/** Nothing that carries the key or a token reached the stand-in after `from`. */
function expectNoSecretRequests(mock: MockServer, from: number) {
  const leaked = mock.requests.slice(from).filter((r) => {
    const auth = String(r.headers.authorization ?? '');
    return auth.includes(mock.credentials) || /^Bearer /i.test(auth);
  });
  expect(leaked).toEqual([]);
}

const steps = (c: { remediation: string[] }) => c.remediation.join('\n');

describe('TLS that explains itself', () => {
  it('CA withheld: TLS_UNTRUSTED_ROOT; the chain only names the Russian root; nothing secret sent; exit 1', async () => {
    const before = m.plain.requests.length;
    const run = await runCli(['--json'], { env: withheld(m.plain) });
    const report = run.json();
    const tls = checkOf(report, 'tls');
    expect(tls).toMatchObject({ status: 'fail', code: 'TLS_UNTRUSTED_ROOT' });
    expect(tls.details).toMatchObject({ errno: 'SELF_SIGNED_CERT_IN_CHAIN', claimsRussianRoot: true, verifiesWithRussianRoot: false, issuer: 'Russian Trusted Root CA' });
    expect((tls.details.chain as unknown[]).length).toBe(3);
    expect(steps(tls)).toContain('NODE_EXTRA_CA_CERTS');
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'skip', blockedBy: 'tls' });
    expect(run.code).toBe(1);
    expectNoSecretRequests(m.plain, before);
    expectNoSecrets(run, m.plain);
  });

  it('a server that does not send its root: still TLS_UNTRUSTED_ROOT (UNABLE_TO_GET_ISSUER_CERT_LOCALLY)', async () => {
    const run = await runCli(['--json'], { env: withheld(m.noRoot) });
    const tls = checkOf(run.json(), 'tls');
    expect(tls).toMatchObject({ code: 'TLS_UNTRUSTED_ROOT', details: { errno: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' } });
    expect(run.code).toBe(1);
  });

  it('expired leaf: TLS_EXPIRED, names the certificate, the clock step first', async () => {
    const before = m.expired.requests.length;
    const run = await runCli(['--json'], { env: mockEnv(m.expired) });
    const tls = checkOf(run.json(), 'tls');
    expect(tls).toMatchObject({ status: 'fail', code: 'TLS_EXPIRED', details: { subject: 'localhost', clock: { verdict: 'unknown' } } });
    expect(Date.parse(tls.details.validTo as string)).toBeLessThan(Date.now());
    expect(tls.remediation[0]).toMatch(/timedatectl|w32tm/);
    expect(run.code).toBe(1);
    expectNoSecretRequests(m.expired, before);
    expectNoSecrets(run, m.expired);
  });

  it('not-yet-valid leaf: TLS_NOT_YET_VALID, the clock is probably behind by at least a day', async () => {
    const run = await runCli(['--json'], { env: mockEnv(m.early) });
    const tls = checkOf(run.json(), 'tls');
    expect(tls).toMatchObject({ code: 'TLS_NOT_YET_VALID', details: { clock: { verdict: 'behind', evidence: 'validity-window' } } });
    expect((tls.details.clock as { atLeastSec: number }).atLeastSec).toBeGreaterThan(80_000);
    expect(tls.summary).toMatch(/behind by at least/);
    expect(steps(tls)).toMatch(/timedatectl|w32tm/);
    expect(run.code).toBe(1);
    expectNoSecretRequests(m.early, 0);
  });

  it('wrong name: TLS_HOSTNAME_MISMATCH with the names the certificate has', async () => {
    const run = await runCli(['--json'], { env: mockEnv(m.wrongName) });
    const tls = checkOf(run.json(), 'tls');
    expect(tls).toMatchObject({ code: 'TLS_HOSTNAME_MISMATCH', details: { certNames: ['wrong-name.example.invalid'] } });
    expect(steps(tls)).toContain('/etc/hosts');
    expect(run.code).toBe(1);
    expectNoSecretRequests(m.wrongName, 0);
  });

  it('another root on a custom host, no proxy: TLS_UNTRUSTED_ROOT naming the issuer, not the Russian root', async () => {
    const run = await runCli(['--json'], { env: withheld(m.corp) });
    const tls = checkOf(run.json(), 'tls');
    expect(tls).toMatchObject({ code: 'TLS_UNTRUSTED_ROOT', details: { issuer: 'Corp Proxy CA', claimsRussianRoot: false, verifiesWithRussianRoot: false } });
    expect(tls.summary).toContain('Corp Proxy CA');
    expect(steps(tls)).toContain('NODE_EXTRA_CA_CERTS');
    expect(steps(tls)).not.toContain('gosuslugi');
    expect(run.code).toBe(1);
    expectNoSecretRequests(m.corp, 0);
  });

  it('--insecure: the finding is a warning, the report says verification was off, the requests go out; exit 0', async () => {
    const run = await runCli(['--json', '--insecure', '--no-chat'], { env: withheld(m.plain) });
    const report = run.json();
    const tls = checkOf(report, 'tls');
    expect(tls).toMatchObject({ status: 'warn', code: 'TLS_UNTRUSTED_ROOT' });
    const notes = tls.details.notes as Array<{ code: string; summary: string }>;
    expect(notes[0]).toMatchObject({ code: 'TLS_VERIFICATION_DISABLED' });
    expect(notes[0].summary).toMatch(/OFF/);
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'pass', details: { http: { tlsVerified: false } } });
    expect(run.code).toBe(0);
    expectNoSecrets(run, m.plain);
  });

  it('GIGACHAT_VERIFY_SSL_CERTS=false: a loud warning even though the chain verifies, never a pass', async () => {
    const run = await runCli(['--json', '--no-chat'], { env: mockEnv(m.plain, { GIGACHAT_VERIFY_SSL_CERTS: 'False' }) });
    const tls = checkOf(run.json(), 'tls');
    expect(tls).toMatchObject({ status: 'warn', code: 'TLS_VERIFICATION_DISABLED', details: { reason: 'GIGACHAT_VERIFY_SSL_CERTS' } });
    expect(steps(tls)).toContain('NODE_EXTRA_CA_CERTS');
    expect(run.code).toBe(0);
  });

  it('--verbose shows the phase timings: connect and TLS per host, time to first byte per request', async () => {
    const run = await runCli(['--verbose', '--no-chat', '--no-color'], { env: mockEnv(m.plain) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/"?dnsMs"?[:=]\s*\d+/);
    expect(run.stdout).toMatch(/"?connectMs"?[:=]\s*\d+/);
    expect(run.stdout).toMatch(/"?tlsMs"?[:=]\s*\d+/);
    expectNoSecrets(run, m.plain);
  });
});

describe('where trust comes from', () => {
  it('NODE_EXTRA_CA_CERTS (set before node starts): tls passes; each request reports its time to first byte', async () => {
    const run = await runCli(['--json', '--no-chat'], { env: mockEnv(m.plain) });
    const report = run.json();
    expect(checkOf(report, 'tls')).toMatchObject({ status: 'pass', code: 'TLS_OK' });
    expect(checkOf(report, 'tls').details.targets).toEqual([
      expect.objectContaining({ timings: { dnsMs: 0, connectMs: expect.any(Number), tlsMs: expect.any(Number) } }),
      expect.objectContaining({ timings: { dnsMs: 0, connectMs: expect.any(Number), tlsMs: expect.any(Number) } }),
    ]);
    expect(checkOf(report, 'oauth').details).toMatchObject({ http: { ttfbMs: expect.any(Number), ms: expect.any(Number) } });
    expect(run.code).toBe(0);
  });

  it('GIGACHAT_CA_BUNDLE_FILE: tls passes without NODE_EXTRA_CA_CERTS', async () => {
    const run = await runCli(['--json', '--no-chat'], { env: withheld(m.plain, { GIGACHAT_CA_BUNDLE_FILE: m.plain.writeCaFile(emptyDir()) }) });
    expect(checkOf(run.json(), 'tls')).toMatchObject({ status: 'pass', code: 'TLS_OK' });
    expect(run.code).toBe(0);
  });

  it('--ca-file: tls passes, and the key goes out only after that', async () => {
    const run = await runCli(['--json', '--no-chat', '--ca-file', m.plain.writeCaFile(emptyDir())], { env: withheld(m.plain) });
    const report = run.json();
    expect(checkOf(report, 'tls')).toMatchObject({ status: 'pass' });
    expect(checkOf(report, 'oauth')).toMatchObject({ status: 'pass' });
    expect(run.code).toBe(0);
  });

  it('--ca-file with another CA keeps NODE_EXTRA_CA_CERTS in force (Node drops it when `ca` is given; the probe re-adds it)', async () => {
    const other = emptyDir();
    const path = m.corp.writeCaFile(other);
    const run = await runCli(['--json', '--no-chat', '--ca-file', path], { env: mockEnv(m.plain) });
    expect(checkOf(run.json(), 'tls')).toMatchObject({ status: 'pass' });
    expect(checkOf(run.json(), 'oauth')).toMatchObject({ status: 'pass' });
    expect(run.code).toBe(0);
  });

  it('NODE_EXTRA_CA_CERTS only in .env: the chain fails as for the app, and the line that does nothing is the root cause', async () => {
    const cwd = emptyDir();
    const ca = m.plain.writeCaFile(emptyDir());
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${cwd}/.env`, `NODE_EXTRA_CA_CERTS=${ca}\n`);
    const run = await runCli(['--json'], { env: withheld(m.plain), cwd });
    const tls = checkOf(run.json(), 'tls');
    expect(tls).toMatchObject({ status: 'fail', code: 'NODE_EXTRA_CA_CERTS_IN_ENV_FILE' });
    expect(tls.remediation.join('\n')).toContain(`NODE_EXTRA_CA_CERTS=${ca}`);
    const notes = tls.details.notes as Array<{ code: string }>;
    expect(notes.map((n) => n.code)).toContain('TLS_UNTRUSTED_ROOT');
    expect(notes.map((n) => n.code)).not.toContain('NODE_EXTRA_CA_CERTS_IN_ENV_FILE');
    expect(run.code).toBe(1);
    const human = await runCli(['--no-color'], { env: withheld(m.plain), cwd });
    expect(human.stdout).toMatch(/^✗ TLS certificate +NODE_EXTRA_CA_CERTS_IN_ENV_FILE$/m);
  });
});
