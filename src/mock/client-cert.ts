/** A client certificate for mTLS tests, issued by a mock chain's root (EKU clientAuth, as servers check). */
import { createCertificate, generateKeyPair, type IssuedCertificate } from './x509.js';

export interface ClientCertificate {
  certPem: string;
  /** PKCS#8, unencrypted. */
  keyPem: string;
}

const DAY = 86_400_000;

export function createClientCertificate(issuer: IssuedCertificate, commonName = 'gigadoctor test client'): ClientCertificate {
  const keys = generateKeyPair();
  const now = Date.now();
  const cert = createCertificate({
    subject: { CN: commonName },
    issuer: { name: issuer.subject, key: issuer.key },
    publicKey: keys.publicKey,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 30 * DAY),
    isCA: false,
    extKeyUsage: ['clientAuth'],
  });
  return { certPem: cert.pem, keyPem: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
