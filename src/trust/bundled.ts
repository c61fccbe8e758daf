import { X509Certificate } from 'node:crypto';
import { RUSSIAN_CAS, type PinnedCa } from './russian-ca.js';

export interface BundledCa {
  pinned: PinnedCa;
  cert: X509Certificate;
}

export type BundledCas = { ok: true; cas: BundledCa[] } | { ok: false; failed: string };

let cached: BundledCas | null = null;

/**
 * The bundled Russian CAs, each re-checked against its pinned SHA-256 before use: a
 * certificate we would vouch for must be exactly the one we reviewed. A mismatch makes the
 * whole bundle unusable (the caller says so) instead of quietly trusting something else.
 */
export function bundledRussianCas(): BundledCas {
  cached ??= checkPins(RUSSIAN_CAS);
  return cached;
}

/** Exported for the pin test, which feeds it a tampered copy. */
export function checkPins(cas: readonly PinnedCa[]): BundledCas {
  const out: BundledCa[] = [];
  for (const pinned of cas) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(pinned.pem);
    } catch {
      return { ok: false, failed: pinned.name };
    }
    if (cert.fingerprint256 !== pinned.sha256) return { ok: false, failed: pinned.name };
    out.push({ pinned, cert });
  }
  return { ok: true, cas: out };
}
