/** TLS failures classified from recorded chains: trust, interception, dates, the clock, the Sub CA's expiry. */
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createChain } from '../../../src/mock/index.js';
import { classifyNetworkError } from '../../../src/probe/classify-network.js';
import type { PresentedCert, TlsAnswer } from '../../../src/probe/net.js';
import type { NetworkFailure } from '../../../src/probe/types.js';
import { bundledRussianCas } from '../../../src/trust/bundled.js';
import { judgeClock } from '../../../src/trust/clock.js';
import { expiringNotes, classifyTlsFailure, type TlsFailureInput } from '../../../src/trust/classify-tls.js';
import { RUSSIAN_TRUSTED_ROOT_CA, RUSSIAN_TRUSTED_SUB_CA } from '../../../src/trust/russian-ca.js';

const DAY = 86_400_000;

function presented(pem: string, names: string[] = []): PresentedCert {
  const c = new X509Certificate(pem);
  return {
    subject: c.subject.split('\n').join(', '),
    issuer: c.issuer.split('\n').join(', '),
    validFrom: new Date(c.validFrom).toISOString(),
    validTo: new Date(c.validTo).toISOString(),
    sha256: c.fingerprint256,
    names,
    pem,
  };
}

function look(chain: PresentedCert[]): { ok: true; value: TlsAnswer } {
  return { ok: true, value: { ms: 5, connectMs: 1, tlsMs: 4, authorized: false, authorizationError: null, protocol: 'TLSv1.3', chain, viaProxy: null } };
}

const untrusted: NetworkFailure = { layer: 'tls', code: 'TLS_UNTRUSTED_ROOT', transient: false, details: { host: 'h', port: 443, errno: 'SELF_SIGNED_CERT_IN_CHAIN' } };

function input(over: Partial<TlsFailureInput> & { chain: PresentedCert[] }): TlsFailureInput {
  return {
    target: { host: 'gigachat.devices.sberbank.ru', port: 443, which: 'api', official: true },
    proxy: null,
    failure: untrusted,
    look: look(over.chain),
    now: Date.parse('2026-06-01T00:00:00Z'),
    serverDate: null,
    caFile: null,
    bundled: bundledRussianCas(),
    ...over,
  };
}

const fake = createChain(); // Russian names, the stand-in's own keys
const corp = createChain({ rootName: 'Corp Proxy CA' });
const fakeChain = [fake.leaf.pem, fake.intermediate.pem, fake.root.pem].map((p) => presented(p));
const corpChain = [corp.leaf.pem, corp.intermediate.pem, corp.root.pem].map((p) => presented(p));
// What GigaChat's hosts present above the leaf: the genuine Sub CA and root.
const genuine = [presented(RUSSIAN_TRUSTED_SUB_CA.pem), presented(RUSSIAN_TRUSTED_ROOT_CA.pem)];
const now = Date.now();

describe('classifyTlsFailure: whose chain is it', () => {
  it('the genuine chain on an official host: TLS_UNTRUSTED_ROOT, and it verifies once the root is installed', () => {
    const v = classifyTlsFailure(input({ chain: genuine, now: Date.parse('2026-06-01T00:00:00Z') }));
    expect(v).toMatchObject({ status: 'fail', code: 'TLS_UNTRUSTED_ROOT', details: { verifiesWithRussianRoot: true, claimsRussianRoot: true, issuer: 'Russian Trusted Root CA' } });
    expect(v.notes).toEqual([]);
  });

  it('another issuer on an official host: TLS_INTERCEPTED naming it', () => {
    const v = classifyTlsFailure(input({ chain: corpChain, now }));
    expect(v).toMatchObject({ code: 'TLS_INTERCEPTED', details: { issuer: 'Corp Proxy CA', claimsRussianRoot: false, verifiesWithRussianRoot: false } });
  });

  it('the Russian names with other keys on an official host: TLS_INTERCEPTED (an impostor), not "install the root"', () => {
    const v = classifyTlsFailure(input({ chain: fakeChain, now }));
    expect(v).toMatchObject({ code: 'TLS_INTERCEPTED', details: { claimsRussianRoot: true, verifiesWithRussianRoot: false } });
  });

  it('another issuer on a custom host: TLS_UNTRUSTED_ROOT without a proxy, TLS_INTERCEPTED with one', () => {
    const target = { host: '127.0.0.1', port: 8443, which: 'api' as const, official: false };
    expect(classifyTlsFailure(input({ chain: corpChain, target, now })).code).toBe('TLS_UNTRUSTED_ROOT');
    expect(classifyTlsFailure(input({ chain: corpChain, target, now, proxy: 'http://proxy:3128' }))).toMatchObject({
      code: 'TLS_INTERCEPTED', details: { proxy: 'http://proxy:3128', issuer: 'Corp Proxy CA' },
    });
    // A stand-in that names the Russian CA behind a proxy is a stand-in, not an interceptor.
    expect(classifyTlsFailure(input({ chain: fakeChain, target, now, proxy: 'http://proxy:3128' })).code).toBe('TLS_UNTRUSTED_ROOT');
  });

  it('a pin failure proves nothing either way', () => {
    const v = classifyTlsFailure(input({ chain: genuine, bundled: { ok: false, failed: 'Russian Trusted Root CA' } }));
    expect(v).toMatchObject({ code: 'TLS_UNTRUSTED_ROOT', details: { verifiesWithRussianRoot: null } });
  });

  it('a second look that failed keeps the first verdict', () => {
    const v = classifyTlsFailure({ ...input({ chain: [] }), look: { ok: false, failure: { layer: 'tls', code: 'TLS_TIMEOUT', transient: true, details: {} } } });
    expect(v).toMatchObject({ status: 'fail', code: 'TLS_UNTRUSTED_ROOT' });
  });

  it('a date failure hidden behind the trust failure is a note', () => {
    const expired = createChain({ leafValidity: 'expired' });
    const v = classifyTlsFailure(input({ chain: [expired.leaf.pem, expired.intermediate.pem].map((p) => presented(p)), now }));
    expect(v.notes?.map((n) => n.code)).toEqual(['TLS_EXPIRED']);
  });
});

describe('classifyTlsFailure: dates and the clock', () => {
  const expired = createChain({ leafValidity: 'expired' });
  const early = createChain({ leafValidity: 'not-yet-valid' });
  const expiredChain = [expired.leaf.pem, expired.intermediate.pem, expired.root.pem].map((p) => presented(p, ['localhost']));
  const earlyChain = [early.leaf.pem, early.intermediate.pem, early.root.pem].map((p) => presented(p));
  const failure = (code: 'TLS_EXPIRED' | 'TLS_NOT_YET_VALID'): NetworkFailure => ({ layer: 'tls', code, transient: false, details: { errno: code } });

  it('expired, no other witness: the certificate, and an unknown clock', () => {
    const v = classifyTlsFailure(input({ chain: expiredChain, failure: failure('TLS_EXPIRED'), now }));
    expect(v).toMatchObject({ code: 'TLS_EXPIRED', details: { subject: 'localhost', clock: { verdict: 'unknown', evidence: 'validity-window' } } });
  });

  it('expired, and a server Date agrees with the local clock: the certificate really is expired', () => {
    const v = classifyTlsFailure(input({ chain: expiredChain, failure: failure('TLS_EXPIRED'), now, serverDate: { date: new Date(now).toUTCString(), receivedAt: now } }));
    expect(v.details?.clock).toMatchObject({ verdict: 'ok', evidence: 'server-date', validByServerClock: false });
  });

  it('not yet valid: the clock is behind by at least the gap', () => {
    const v = classifyTlsFailure(input({ chain: earlyChain, failure: failure('TLS_NOT_YET_VALID'), now }));
    expect(v).toMatchObject({ code: 'TLS_NOT_YET_VALID', details: { clock: { verdict: 'behind', evidence: 'validity-window' } } });
    expect((v.details?.clock as { atLeastSec: number }).atLeastSec).toBeGreaterThan(DAY / 1000 - 60);
  });

  it('judgeClock: a server Date decides; CA certificates expired too point to a clock far ahead', () => {
    const windows = [{ subject: 'leaf', validFrom: '2026-01-01T00:00:00Z', validTo: '2026-02-01T00:00:00Z' }];
    const at = Date.parse('2026-03-01T00:00:00Z');
    const serverTwoMonthsBack = { date: new Date(Date.parse('2026-01-15T00:00:00Z')).toUTCString(), receivedAt: at };
    expect(judgeClock('expired', windows, at, serverTwoMonthsBack)).toMatchObject({ verdict: 'ahead', evidence: 'server-date', validByServerClock: true });
    expect(judgeClock('expired', windows, at, null)).toEqual({ verdict: 'unknown', evidence: 'validity-window' });
    const withCa = [...windows, { subject: 'ca', validFrom: '2020-01-01T00:00:00Z', validTo: '2026-02-15T00:00:00Z' }];
    expect(judgeClock('expired', withCa, at, null)).toEqual({ verdict: 'ahead', evidence: 'validity-window' });
    expect(judgeClock('not-yet-valid', windows, Date.parse('2025-12-31T00:00:00Z'), null)).toEqual({ verdict: 'behind', evidence: 'validity-window', atLeastSec: 86_400 });
    expect(judgeClock('expired', windows, at, { date: 'not a date', receivedAt: at })).toMatchObject({ verdict: 'unknown' });
  });
});

describe('the Sub CA expiry warning', () => {
  it('warns within 120 days of 2027-03-06 when the genuine Sub CA is presented, not earlier, not after', () => {
    const target = { host: 'ngw.devices.sberbank.ru', port: 9443 };
    expect(expiringNotes(genuine, Date.parse('2026-10-01T00:00:00Z'), target)).toEqual([]);
    const notes = expiringNotes(genuine, Date.parse('2027-01-01T00:00:00Z'), target);
    expect(notes).toEqual([{ code: 'TLS_SUB_CA_EXPIRING', details: { host: 'ngw.devices.sberbank.ru', port: 9443, subject: 'Russian Trusted Sub CA', validTo: '2027-03-06T11:25:19.000Z', daysLeft: 64 } }]);
    expect(expiringNotes(genuine, Date.parse('2027-04-01T00:00:00Z'), target)).toEqual([]);
    // Another CA's intermediate never triggers it.
    expect(expiringNotes(corpChain, now + 1700 * DAY, target)).toEqual([]);
  });
});

describe('classifyNetworkError: client certificates and proxies', () => {
  const err = (code: string, message = code) => Object.assign(new Error(message), { code });
  it('a TLS 1.3 "certificate required" alert is TLS_CLIENT_CERT_REQUIRED', () => {
    expect(classifyNetworkError(err('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'), 'https://h:443', 1000)).toMatchObject({
      layer: 'tls', code: 'TLS_CLIENT_CERT_REQUIRED', details: { clientCertSent: false },
    });
  });
  it('a refused certificate is TLS_CLIENT_CERT_REJECTED when one was offered', () => {
    expect(classifyNetworkError(err('ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'), 'https://h:443', 1000, { clientCert: true }).code).toBe('TLS_CLIENT_CERT_REJECTED');
    expect(classifyNetworkError(err('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'), 'https://h:443', 1000, { clientCert: false }).code).toBe('TLS_CLIENT_CERT_REQUIRED');
  });
  it('through a proxy: a connection that never got going is about the proxy (its refusals come classified from the tunnel)', () => {
    const ctx = { proxy: 'http://proxy:3128' };
    expect(classifyNetworkError(err('ECONNREFUSED'), 'https://h:9443', 1000, ctx)).toMatchObject({ code: 'PROXY_UNREACHABLE', details: { errno: 'ECONNREFUSED', proxy: 'http://proxy:3128', target: 'h:9443' } });
    expect(classifyNetworkError(err('CONNECT_TIMEOUT'), 'https://h:9443', 1000, ctx)).toMatchObject({ code: 'PROXY_TIMEOUT', transient: true, details: { stage: 'connect' } });
    // A certificate problem behind the tunnel is still the target's.
    expect(classifyNetworkError(err('SELF_SIGNED_CERT_IN_CHAIN'), 'https://h:9443', 1000, ctx).code).toBe('TLS_UNTRUSTED_ROOT');
    // Without a proxy the same refusal is the target's.
    expect(classifyNetworkError(err('ECONNREFUSED'), 'https://h:9443', 1000).code).toBe('TCP_REFUSED');
  });
});
