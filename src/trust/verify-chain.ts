import { X509Certificate } from 'node:crypto';

export type ChainCheck =
  | { ok: true; anchor: string; path: string[] }
  | { ok: false; reason: 'no-leaf' | 'unparsable' | 'no-path' };

const MAX_DEPTH = 8;

/**
 * Does the presented chain lead, signature by signature, to one of `anchors`? Offline and
 * without dates: this answers only "would it verify once these roots were installed", so a
 * missing root is told apart from an interceptor's chain. Validity periods and the host name
 * are judged separately. `intermediates` fill in for a server that does not send its own.
 */
export function chainLeadsTo(presentedPem: string[], anchors: X509Certificate[], intermediates: X509Certificate[] = []): ChainCheck {
  if (presentedPem.length === 0) return { ok: false, reason: 'no-leaf' };
  let presented: X509Certificate[];
  try {
    presented = presentedPem.map((p) => new X509Certificate(p));
  } catch {
    return { ok: false, reason: 'unparsable' };
  }
  const pool = [...presented.slice(1), ...intermediates];
  const used = new Set<string>();
  let current = presented[0];
  const path = [current.subject];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const anchor = anchors.find((a) => signedBy(current, a));
    if (anchor) return { ok: true, anchor: anchor.subject, path };
    used.add(current.fingerprint256);
    const next = pool.find((c) => !used.has(c.fingerprint256) && c.ca && signedBy(current, c));
    if (!next) return { ok: false, reason: 'no-path' };
    current = next;
    path.push(current.subject);
  }
  return { ok: false, reason: 'no-path' };
}

function signedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}
