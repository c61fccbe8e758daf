import { X509Certificate } from 'node:crypto';
import type { NetResult, PresentedCert, TlsAnswer } from '../probe/net.js';
import type { NetworkFailure } from '../probe/types.js';
import type { Details, Note, Verdict } from '../types.js';
import type { BundledCas } from './bundled.js';
import { judgeClock, type ServerDate } from './clock.js';
import { RUSSIAN_TRUSTED_SUB_CA } from './russian-ca.js';
import { chainLeadsTo } from './verify-chain.js';

export interface TlsTarget {
  host: string;
  port: number;
  which: 'auth' | 'api';
  /** One of GigaChat's own hosts, which are always signed under the Russian Trusted Root CA. */
  official: boolean;
}

export interface TlsFailureInput {
  target: TlsTarget;
  /** The proxy in the path (without password), or null. */
  proxy: string | null;
  /** What the verifying handshake failed with. */
  failure: NetworkFailure;
  /** The second handshake, verification off, that only read the presented chain. */
  look: NetResult<TlsAnswer>;
  now: number;
  serverDate: ServerDate | null;
  caFile: string | null;
  bundled: BundledCas;
}

/** The failures that are about the certificate, as opposed to the connection. */
export const VERIFICATION_CODES = new Set(['TLS_UNTRUSTED_ROOT', 'TLS_INTERCEPTED', 'TLS_HOSTNAME_MISMATCH', 'TLS_EXPIRED', 'TLS_NOT_YET_VALID']);

/** Days ahead of a Russian Sub CA's expiry at which the report starts warning. */
const SUB_CA_WARN_DAYS = 120;

const RUSSIAN_NAME = /\bCN=Russian Trusted (Root|Sub) CA(,|$)/;

/**
 * Why verification failed, read from the chain the server presented. Pure: the network
 * part (both handshakes) happened before. A missing root is told from interception by
 * checking, signature by signature, whether the chain leads to the bundled Russian root.
 */
export function classifyTlsFailure(input: TlsFailureInput): Verdict {
  const { target, failure, look, now } = input;
  const base: Details = {
    host: target.host, port: target.port, which: target.which, errno: failure.details.errno ?? null, caFile: input.caFile, proxy: input.proxy,
  };
  if (!look.ok) return { status: 'fail', code: failure.code, details: { ...failure.details, ...base } };
  const chain = look.value.chain;
  const leaf = chain[0];
  const details: Details = { ...base, chain: chain.map(describe) };

  if (failure.code === 'TLS_EXPIRED' || failure.code === 'TLS_NOT_YET_VALID') {
    const problem = failure.code === 'TLS_EXPIRED' ? 'expired' : 'not-yet-valid';
    const culprit = outOfWindow(chain, now, problem) ?? leaf;
    const clock = judgeClock(problem, chain, now, input.serverDate);
    return {
      status: 'fail',
      code: failure.code,
      details: {
        ...details,
        subject: culprit ? commonName(culprit.subject) : null,
        ...(problem === 'expired' ? { validTo: culprit?.validTo ?? null } : { validFrom: culprit?.validFrom ?? null }),
        clock,
      },
    };
  }
  if (failure.code === 'TLS_HOSTNAME_MISMATCH') return { status: 'fail', code: failure.code, details: { ...details, certNames: leaf?.names ?? [] } };
  if (failure.code !== 'TLS_UNTRUSTED_ROOT') return { status: 'fail', code: failure.code, details: { ...failure.details, ...details } };

  const issuer = topIssuer(chain);
  const claimsRussianRoot = chain.some((c) => RUSSIAN_NAME.test(c.subject) || RUSSIAN_NAME.test(c.issuer));
  const verifiesWithRussianRoot = leadsToRussianRoot(chain, input.bundled);
  const notes = datedNotes(chain, now, target);
  const trustDetails = { ...details, issuer, claimsRussianRoot, verifiesWithRussianRoot };
  const untrusted = (): Verdict => ({ status: 'fail', code: 'TLS_UNTRUSTED_ROOT', details: trustDetails, notes });
  // The genuine chain: only the root is missing from this process's trust.
  if (verifiesWithRussianRoot) return untrusted();
  // GigaChat's own hosts are signed under the Russian root; any other chain there was put in between.
  // Without a usable bundle (null) the names are all there is to go on.
  const russian = verifiesWithRussianRoot ?? claimsRussianRoot;
  if (target.official && !russian) return { status: 'fail', code: 'TLS_INTERCEPTED', details: trustDetails, notes };
  // A custom host behind a proxy with a chain that does not even name the Russian CA: the proxy re-signs.
  if (input.proxy && !claimsRussianRoot) return { status: 'fail', code: 'TLS_INTERCEPTED', details: trustDetails, notes };
  return untrusted();
}

/** Dates that will break soon, even when nothing else did: the Sub CA's expiry. */
export function expiringNotes(chain: PresentedCert[], now: number, target: Pick<TlsTarget, 'host' | 'port'>): Note[] {
  const notes: Note[] = [];
  for (const c of chain) {
    const isSubCa = c.sha256 === RUSSIAN_TRUSTED_SUB_CA.sha256 || (/\bCN=Russian Trusted Sub CA(,|$)/.test(c.subject) && /\bCN=Russian Trusted Root CA(,|$)/.test(c.issuer));
    if (!isSubCa) continue;
    const daysLeft = Math.floor((Date.parse(c.validTo) - now) / 86_400_000);
    if (daysLeft >= 0 && daysLeft <= SUB_CA_WARN_DAYS) {
      notes.push({ code: 'TLS_SUB_CA_EXPIRING', details: { host: target.host, port: target.port, subject: commonName(c.subject), validTo: c.validTo, daysLeft } });
    }
  }
  return notes;
}

function datedNotes(chain: PresentedCert[], now: number, target: TlsTarget): Note[] {
  const notes = expiringNotes(chain, now, target);
  // The trust failure hides a date failure behind it: say so now rather than after the root is installed.
  const expired = outOfWindow(chain, now, 'expired');
  if (expired) notes.push({ code: 'TLS_EXPIRED', details: { host: target.host, port: target.port, subject: commonName(expired.subject), validTo: expired.validTo } });
  const early = outOfWindow(chain, now, 'not-yet-valid');
  if (early) notes.push({ code: 'TLS_NOT_YET_VALID', details: { host: target.host, port: target.port, subject: commonName(early.subject), validFrom: early.validFrom } });
  return notes;
}

function outOfWindow(chain: PresentedCert[], now: number, problem: 'expired' | 'not-yet-valid'): PresentedCert | undefined {
  return chain.find((c) => (problem === 'expired' ? Date.parse(c.validTo) < now : Date.parse(c.validFrom) > now));
}

function leadsToRussianRoot(chain: PresentedCert[], bundled: BundledCas): boolean | null {
  // A bundle that failed its pin check proves nothing either way.
  if (!bundled.ok) return null;
  const root = bundled.cas.filter((c) => c.pinned.name === 'Russian Trusted Root CA').map((c) => c.cert);
  const intermediates: X509Certificate[] = bundled.cas.filter((c) => c.pinned.name !== 'Russian Trusted Root CA').map((c) => c.cert);
  return chainLeadsTo(chain.map((c) => c.pem), root, intermediates).ok;
}

/** The name at the top of the chain: the root's, whether or not the server sent the root. */
function topIssuer(chain: PresentedCert[]): string | null {
  const top = chain[chain.length - 1];
  return top ? commonName(top.issuer) : null;
}

function describe(c: PresentedCert): Details {
  return { subject: c.subject, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo, sha256: c.sha256 };
}

export function commonName(dn: string): string {
  return /(?:^|, )CN=([^,]+)/.exec(dn)?.[1] ?? dn;
}
