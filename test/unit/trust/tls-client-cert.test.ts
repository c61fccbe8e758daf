/** GIGACHAT_CERT_FILE / GIGACHAT_KEY_FILE read and checked before any handshake. */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChain, createClientCertificate } from '../../../src/mock/index.js';
import { readClientCert } from '../../../src/settings/client-cert.js';
import { resolveSettings } from '../../../src/settings/resolve.js';
import { RUSSIAN_TRUSTED_ROOT_CA, RUSSIAN_TRUSTED_SUB_CA } from '../../../src/trust/russian-ca.js';

const chain = createChain();
const client = createClientCertificate(chain.root);
const other = createClientCertificate(chain.root);
const dir = mkdtempSync(join(tmpdir(), 'gd-client-cert-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const cert = file('client.crt', client.certPem);
const key = file('client.key', client.keyPem);
const encrypted = file('enc.key', createPrivateKey(client.keyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 's3cret-pass' }));

describe('readClientCert', () => {
  it('a matching pair reads; the key and its password stay Secrets', () => {
    const r = readClientCert(cert, key, null);
    expect(r).toMatchObject({ ok: true, cert: client.certPem });
    expect(JSON.stringify(r)).not.toContain('PRIVATE KEY');
    const withPass = readClientCert(cert, encrypted, 's3cret-pass');
    expect(withPass.ok).toBe(true);
    expect(JSON.stringify(withPass)).not.toContain('s3cret-pass');
  });

  it('the key may sit in the certificate file, as httpx allows', () => {
    expect(readClientCert(file('both.pem', client.certPem + client.keyPem), null, null).ok).toBe(true);
    expect(readClientCert(cert, null, null)).toEqual({ ok: false, which: 'key', reason: 'no-key' });
  });

  it.each([
    ['no certificate setting', null, key, null, { which: 'cert', reason: 'cert-not-set' }],
    ['a missing certificate file', join(dir, 'absent.crt'), key, null, { which: 'cert', reason: 'missing' }],
    ['a DER certificate', file('der.crt', new X509Certificate(client.certPem).raw), key, null, { which: 'cert', reason: 'der' }],
    ['text that is not PEM', file('junk.crt', 'hello\n'), key, null, { which: 'cert', reason: 'not-pem' }],
    ['a key that is not PEM', cert, file('junk.key', 'hello\n'), null, { which: 'key', reason: 'not-pem' }],
    ['an encrypted key without its password', cert, encrypted, null, { which: 'key', reason: 'passphrase-missing' }],
    ['an encrypted key with a wrong password', cert, encrypted, 'nope', { which: 'key', reason: 'bad-passphrase' }],
    ['the key of another certificate', cert, file('other.key', other.keyPem), null, { which: 'key', reason: 'key-mismatch' }],
  ])('%s is said as such', (_name, c, k, pass, expected) => {
    expect(readClientCert(c, k, pass)).toEqual({ ok: false, ...expected });
  });
});

describe('settings', () => {
  it('reads the three variables, resolves relative paths, keeps the password a secret to scrub', () => {
    const s = resolveSettings({
      flags: {},
      env: { GIGACHAT_CERT_FILE: 'client.crt', GIGACHAT_KEY_FILE: encrypted, GIGACHAT_KEY_FILE_PASSWORD: 's3cret-pass' },
      cwd: dir,
      stdoutIsTTY: false,
    });
    expect(s.clientCert).toMatchObject({ certFile: { value: cert, source: 'env' }, keyFile: { value: encrypted }, passwordSource: 'env', read: { ok: true } });
    expect(s.secretValues.map((v) => v.reveal())).toContain('s3cret-pass');
  });

  it('none of them set: no client certificate', () => {
    expect(resolveSettings({ flags: {}, env: {}, cwd: dir, stdoutIsTTY: false }).clientCert).toBeNull();
  });

  it('NODE_EXTRA_CA_CERTS: one good certificate makes the bundle usable, a broken block before it or not', () => {
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    for (const text of [RUSSIAN_TRUSTED_ROOT_CA.pem, `${broken}${RUSSIAN_TRUSTED_SUB_CA.pem}`, `${RUSSIAN_TRUSTED_ROOT_CA.pem}\n${RUSSIAN_TRUSTED_SUB_CA.pem}`]) {
      const env = { NODE_EXTRA_CA_CERTS: file('bundle.pem', text) };
      expect(resolveSettings({ flags: {}, env, cwd: dir, stdoutIsTTY: false }).nodeExtraCaRead).toEqual({ ok: true });
    }
    const env = { NODE_EXTRA_CA_CERTS: file('only-broken.pem', broken) };
    expect(resolveSettings({ flags: {}, env, cwd: dir, stdoutIsTTY: false }).nodeExtraCaRead).toEqual({ ok: false, reason: 'not-pem' });
  });

  it('NODE_EXTRA_CA_CERTS from the process env is read as Node reads it; a .env line is not', () => {
    const env = { NODE_EXTRA_CA_CERTS: file('extra.pem', 'not a cert\n') };
    expect(resolveSettings({ flags: {}, env, cwd: dir, stdoutIsTTY: false }).nodeExtraCaRead).toEqual({ ok: false, reason: 'not-pem' });
    const withEnvFile = mkdtempSync(join(tmpdir(), 'gd-client-cert-'));
    writeFileSync(join(withEnvFile, '.env'), `NODE_EXTRA_CA_CERTS=${join(dir, 'extra.pem')}\n`);
    const s = resolveSettings({ flags: {}, env: {}, cwd: withEnvFile, stdoutIsTTY: false });
    expect(s.nodeExtraCaRead).toBeNull();
    expect(s.nodeExtraCaCerts).toMatchObject({ source: '.env:1' });
  });
});
