import { readFileSync } from 'node:fs';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { ClientCertMaterial } from './net.js';

export interface TrustOptions {
  /** Extra CA PEM text (from --ca-file / GIGACHAT_CA_BUNDLE_FILE), added to the default trust. */
  extraCaPem?: string;
  /** Path of NODE_EXTRA_CA_CERTS as this process saw it at start. */
  nodeExtraCaCerts?: string;
  insecure: boolean;
  /** GIGACHAT_CERT_FILE / GIGACHAT_KEY_FILE, already read and checked. */
  clientCert?: ClientCertMaterial | null;
}

/**
 * The `ca` list for a connection. Node drops its default roots and NODE_EXTRA_CA_CERTS
 * as soon as `ca` is given, so when we add a CA we add those back ourselves.
 */
export function trustedCas(trust: Pick<TrustOptions, 'extraCaPem' | 'nodeExtraCaCerts'>): string[] | undefined {
  if (!trust.extraCaPem) return undefined;
  const extra = readExtraCaCerts(trust.nodeExtraCaCerts);
  return [...rootCertificates, ...(extra ? [extra] : []), trust.extraCaPem];
}

/**
 * One TLS context for every connection of the run, or undefined when Node's default one will
 * do. Node's default roots are copied natively when a CA is added to a default context (about
 * 5 ms), where a `ca` list of ~140 PEM strings costs about 100 ms to parse; NODE_EXTRA_CA_CERTS
 * is not part of that copy, so it is added back like the extra CA.
 */
export function secureContextFor(trust: TrustOptions): SecureContext | undefined {
  const cert = trust.clientCert;
  if (!trust.extraCaPem && !cert) return undefined;
  const keyPair = cert ? { cert: cert.cert, key: cert.key, passphrase: cert.passphrase } : {};
  if (!trust.extraCaPem) return createSecureContext(keyPair);
  const context = createSecureContext(keyPair) as SecureContext & { context?: { addCACert?(pem: string): void } };
  const native = context.context;
  if (typeof native?.addCACert !== 'function') {
    // Not the Node this was written against: the documented, slower way.
    return createSecureContext({ ca: trustedCas(trust), ...keyPair });
  }
  const extra = readExtraCaCerts(trust.nodeExtraCaCerts);
  if (extra) native.addCACert(extra);
  native.addCACert(trust.extraCaPem);
  return context;
}

function readExtraCaCerts(path: string | undefined): string | null {
  if (!path) return null;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; the tls check reports it.
    return null;
  }
}
