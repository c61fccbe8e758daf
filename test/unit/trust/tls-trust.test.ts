/** The bundled Russian CAs: pinned at test time, re-checked at run time, and used only to prove where a chain leads. */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChain } from '../../../src/mock/index.js';
import { bundledRussianCas, checkPins } from '../../../src/trust/bundled.js';
import { RUSSIAN_CAS, RUSSIAN_TRUSTED_ROOT_CA, RUSSIAN_TRUSTED_SUB_CA } from '../../../src/trust/russian-ca.js';
import { chainLeadsTo } from '../../../src/trust/verify-chain.js';

// Independent of the source file: the values in /work/shared/data/README.md, checked with openssl.
const ROOT_SHA256 = 'D2:6D:2D:02:31:B7:C3:9F:92:CC:73:85:12:BA:54:10:35:19:E4:40:5D:68:B5:BD:70:3E:97:88:CA:8E:CF:31';
const SUB_SHA256 = 'BB:BD:E2:10:3E:79:0B:99:9E:C6:2B:D0:3C:F6:25:A5:A2:E7:C3:16:E1:0A:FE:6A:49:0E:ED:EA:D8:B3:FD:9B';

describe('bundled Russian CAs', () => {
  it('each embedded PEM hashes to its published SHA-256', () => {
    expect(new X509Certificate(RUSSIAN_TRUSTED_ROOT_CA.pem).fingerprint256).toBe(ROOT_SHA256);
    expect(new X509Certificate(RUSSIAN_TRUSTED_SUB_CA.pem).fingerprint256).toBe(SUB_SHA256);
    expect(RUSSIAN_TRUSTED_ROOT_CA.sha256).toBe(ROOT_SHA256);
    expect(RUSSIAN_TRUSTED_SUB_CA.sha256).toBe(SUB_SHA256);
  });

  it('are the files from the shared data folder, byte for byte apart from the trailing newline', () => {
    for (const [ca, file] of [[RUSSIAN_TRUSTED_ROOT_CA, 'russian-trusted-root-ca.pem'], [RUSSIAN_TRUSTED_SUB_CA, 'russian-trusted-sub-ca.pem']] as const) {
      let shared: string;
      try {
        shared = readFileSync(`/work/shared/data/${file}`, 'utf8');
      } catch {
        continue; // not on every machine; the fingerprints above are the real check
      }
      expect(ca.pem.trim()).toBe(shared.trim());
    }
  });

  it('the Sub CA is signed by the root; subjects and validity are the ones documented', () => {
    const root = new X509Certificate(RUSSIAN_TRUSTED_ROOT_CA.pem);
    const sub = new X509Certificate(RUSSIAN_TRUSTED_SUB_CA.pem);
    expect(sub.checkIssued(root) && sub.verify(root.publicKey)).toBe(true);
    expect(root.subject).toContain('CN=Russian Trusted Root CA');
    expect(sub.subject).toContain('CN=Russian Trusted Sub CA');
    expect(new Date(sub.validTo).toISOString().slice(0, 10)).toBe('2027-03-06');
    expect(new Date(root.validTo).toISOString().slice(0, 10)).toBe('2032-02-27');
  });

  it('the run-time check passes for the bundle and refuses a tampered copy', () => {
    expect(bundledRussianCas()).toMatchObject({ ok: true });
    const swapped = [{ ...RUSSIAN_TRUSTED_ROOT_CA, pem: RUSSIAN_TRUSTED_SUB_CA.pem }, RUSSIAN_TRUSTED_SUB_CA];
    expect(checkPins(swapped)).toEqual({ ok: false, failed: 'Russian Trusted Root CA' });
    const garbled = [RUSSIAN_TRUSTED_ROOT_CA, { ...RUSSIAN_TRUSTED_SUB_CA, pem: RUSSIAN_TRUSTED_SUB_CA.pem.replace('MII', 'MIJ') }];
    expect(checkPins(garbled)).toMatchObject({ ok: false, failed: 'Russian Trusted Sub CA' });
    expect(RUSSIAN_CAS.map((c) => c.name)).toEqual(['Russian Trusted Root CA', 'Russian Trusted Sub CA']);
  });
});

describe('chainLeadsTo', () => {
  const root = new X509Certificate(RUSSIAN_TRUSTED_ROOT_CA.pem);
  const sub = new X509Certificate(RUSSIAN_TRUSTED_SUB_CA.pem);

  it('the genuine Sub CA leads to the genuine root', () => {
    expect(chainLeadsTo([RUSSIAN_TRUSTED_SUB_CA.pem], [root])).toMatchObject({ ok: true, anchor: root.subject });
    expect(chainLeadsTo([RUSSIAN_TRUSTED_SUB_CA.pem, RUSSIAN_TRUSTED_ROOT_CA.pem], [root])).toMatchObject({ ok: true });
  });

  it('a chain that only carries the Russian names does not (the stand-in\'s own keys)', () => {
    const fake = createChain();
    expect(chainLeadsTo([fake.leaf.pem, fake.intermediate.pem, fake.root.pem], [root], [sub])).toEqual({ ok: false, reason: 'no-path' });
  });

  it('follows intermediates, presented or supplied, to its own root', () => {
    const c = createChain({ rootName: 'Corp Proxy CA' });
    const anchor = new X509Certificate(c.root.pem);
    expect(chainLeadsTo([c.leaf.pem, c.intermediate.pem], [anchor])).toMatchObject({ ok: true });
    expect(chainLeadsTo([c.leaf.pem], [anchor])).toEqual({ ok: false, reason: 'no-path' });
    expect(chainLeadsTo([c.leaf.pem], [anchor], [new X509Certificate(c.intermediate.pem)])).toMatchObject({ ok: true });
  });

  it('nothing presented or unparsable is no proof', () => {
    expect(chainLeadsTo([], [root])).toEqual({ ok: false, reason: 'no-leaf' });
    expect(chainLeadsTo(['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'], [root])).toEqual({ ok: false, reason: 'unparsable' });
  });
});
