/**
 * Real X.509 v3 certificates without an openssl binary or a dependency: a DER encoder
 * (./asn1.ts), P-256 keys from node:crypto and ECDSA-with-SHA-256 signatures. Node returns
 * ECDSA signatures DER-encoded (Ecdsa-Sig-Value), which is exactly what X.509 carries.
 * EC keys keep a whole chain in a few milliseconds, so every mock start gets a fresh one.
 */
import crypto, { type KeyObject } from 'node:crypto';
import net from 'node:net';
import * as asn1 from './asn1.js';

export interface DistinguishedName {
  CN: string;
  O?: string;
  OU?: string;
  C?: string;
}

export interface CertificateIssuer {
  /** The issuer's subject name: copied into this certificate's issuer field. */
  name: DistinguishedName;
  /** The issuer's private key: signs this certificate and yields the authority key id. */
  key: KeyObject;
}

export interface CertificateOptions {
  subject: DistinguishedName;
  /** Absent: self-signed, and `privateKey` (the subject's own) must be given. */
  issuer?: CertificateIssuer;
  publicKey: KeyObject | string;
  /** Only for self-signed certificates. */
  privateKey?: KeyObject;
  serial?: Buffer | number;
  notBefore: Date;
  notAfter: Date;
  isCA: boolean;
  pathLen?: number;
  dnsNames?: string[];
  ipAddresses?: string[];
  /** Extended key usage of an end-entity certificate. Default ['serverAuth']; mTLS clients need 'clientAuth'. */
  extKeyUsage?: Array<'serverAuth' | 'clientAuth'>;
}

export interface Certificate {
  pem: string;
  der: Buffer;
}

const OID = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

const KEY_USAGE = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 } as const;

export function generateKeyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

/** Name ::= SEQUENCE OF RDN, in the usual C, O, OU, CN order. */
export function encodeName(name: DistinguishedName): Buffer {
  const rdn = (oid: string, value: asn1.Der) => asn1.set(asn1.sequence(asn1.objectIdentifier(oid), value));
  const parts: Buffer[] = [];
  if (name.C !== undefined) parts.push(rdn(OID.country, asn1.printableString(name.C)));
  if (name.O !== undefined) parts.push(rdn(OID.organization, asn1.utf8String(name.O)));
  if (name.OU !== undefined) parts.push(rdn(OID.organizationalUnit, asn1.utf8String(name.OU)));
  parts.push(rdn(OID.commonName, asn1.utf8String(name.CN)));
  return asn1.sequence(...parts);
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
function keyIdentifier(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha1').update(asn1.subjectPublicKeyBits(spki)).digest();
}

function ipAddressBytes(ip: string): Buffer {
  if (net.isIPv4(ip)) return Buffer.from(ip.split('.').map((n) => Number(n)));
  if (!net.isIPv6(ip)) throw new Error(`not an IP address: ${ip}`);
  const [head = '', tail] = ip.split('::');
  const groups = (s: string) => (s ? s.split(':') : []);
  const headGroups = groups(head);
  const tailGroups = tail === undefined ? [] : groups(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expandV4 = (list: string[]) =>
    list.flatMap((g) => {
      if (!g.includes('.')) return [g];
      const b = g.split('.').map(Number);
      return [((b[0]! << 8) | b[1]!).toString(16), ((b[2]! << 8) | b[3]!).toString(16)];
    });
  const h = expandV4(headGroups);
  const t = expandV4(tailGroups);
  const all = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  all.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

function extension(oid: string, critical: boolean, value: asn1.Der): Buffer {
  const parts = [asn1.objectIdentifier(oid)];
  if (critical) parts.push(asn1.boolean(true)); // DER omits the DEFAULT FALSE
  parts.push(asn1.octetString(value));
  return asn1.sequence(...parts);
}

function randomSerial(): Buffer {
  const serial = crypto.randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01; // positive, and no leading zero byte to strip
  return serial;
}

function toPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`;
}

export function createCertificate(opts: CertificateOptions): Certificate {
  const publicKey = typeof opts.publicKey === 'string' ? crypto.createPublicKey(opts.publicKey) : opts.publicKey;
  const signingKey = opts.issuer?.key ?? opts.privateKey;
  if (!signingKey) throw new Error('createCertificate: a self-signed certificate needs privateKey');
  const issuerName = opts.issuer?.name ?? opts.subject;
  const issuerPublicKey = opts.issuer ? crypto.createPublicKey(opts.issuer.key) : publicKey;

  const basicConstraints = opts.isCA
    ? asn1.sequence(asn1.boolean(true), ...(opts.pathLen === undefined ? [] : [asn1.integer(opts.pathLen)]))
    : asn1.sequence();
  const keyUsage = opts.isCA
    ? [KEY_USAGE.digitalSignature, KEY_USAGE.keyCertSign, KEY_USAGE.cRLSign]
    : [KEY_USAGE.digitalSignature];

  const extensions: Buffer[] = [
    extension(OID.basicConstraints, true, basicConstraints),
    extension(OID.keyUsage, true, asn1.namedBits(keyUsage)),
    extension(OID.subjectKeyIdentifier, false, asn1.octetString(keyIdentifier(publicKey))),
  ];
  if (opts.issuer) {
    const aki = asn1.sequence(asn1.implicitPrimitive(0, keyIdentifier(issuerPublicKey)));
    extensions.push(extension(OID.authorityKeyIdentifier, false, aki));
  }
  if (!opts.isCA) {
    const usages = (opts.extKeyUsage ?? ['serverAuth']).map((u) => asn1.objectIdentifier(OID[u]));
    extensions.push(extension(OID.extKeyUsage, false, asn1.sequence(...usages)));
  }
  const dnsNames = opts.dnsNames ?? [];
  const ipAddresses = opts.ipAddresses ?? [];
  if (dnsNames.length + ipAddresses.length > 0) {
    const names = [
      ...dnsNames.map((d) => asn1.implicitPrimitive(2, Buffer.from(d, 'latin1'))), // dNSName IA5String
      ...ipAddresses.map((ip) => asn1.implicitPrimitive(7, ipAddressBytes(ip))), // iPAddress
    ];
    extensions.push(extension(OID.subjectAltName, false, asn1.sequence(...names)));
  }

  const signatureAlgorithm = asn1.sequence(asn1.objectIdentifier(OID.ecdsaWithSha256));
  const tbs = asn1.sequence(
    asn1.explicit(0, asn1.integer(2)), // v3
    asn1.integer(opts.serial ?? randomSerial()),
    signatureAlgorithm,
    encodeName(issuerName),
    asn1.sequence(asn1.time(opts.notBefore), asn1.time(opts.notAfter)),
    encodeName(opts.subject),
    publicKey.export({ type: 'spki', format: 'der' }),
    asn1.explicit(3, asn1.sequence(...extensions)),
  );
  const signature = crypto.sign('sha256', tbs, signingKey);
  const der = asn1.sequence(tbs, signatureAlgorithm, asn1.bitString(signature));
  return { pem: toPem(der), der };
}

/** The real GigaChat chain's names, so a mock chain classifies like the real one by name. */
export const RUSSIAN_TRUSTED_ROOT_NAME: DistinguishedName = {
  C: 'RU',
  O: 'The Ministry of Digital Development and Communications',
  CN: 'Russian Trusted Root CA',
};
export const RUSSIAN_TRUSTED_SUB_NAME: DistinguishedName = {
  C: 'RU',
  O: 'The Ministry of Digital Development and Communications',
  CN: 'Russian Trusted Sub CA',
};

export type LeafValidity = 'valid' | 'expired' | 'not-yet-valid';

export interface ChainOptions {
  /** Root subject; a string is a CN alone. Default: the Russian Trusted Root CA's name. */
  rootName?: DistinguishedName | string;
  /** Default: the Russian Trusted Sub CA's name, or "<root CN> Issuing CA" when rootName is given. */
  intermediateName?: DistinguishedName | string;
  /** Default: CN = the first DNS name. */
  leafName?: DistinguishedName | string;
  /** Leaf subjectAltName DNS entries. Default ['localhost']. */
  dnsNames?: string[];
  /** Leaf subjectAltName IP entries. Default ['127.0.0.1']. */
  ipAddresses?: string[];
  /** Default 'valid'. */
  leafValidity?: LeafValidity;
  /** The leaf names only `wrong-name.example.invalid`: hostname verification must fail. */
  wrongName?: boolean;
  /** The clock the validity periods are computed from. Default: now. */
  now?: Date;
}

export interface IssuedCertificate extends Certificate {
  subject: DistinguishedName;
  /** The certificate's private key. */
  key: KeyObject;
}

export interface CertificateChain {
  root: IssuedCertificate;
  intermediate: IssuedCertificate;
  leaf: IssuedCertificate;
  leafKeyPem: string;
  /** The root alone: what a client trusts. */
  caPem: string;
  /** Leaf + intermediate. */
  chainPem: string;
  /** Leaf + intermediate + root, as the real GigaChat hosts send it. */
  fullChainPem: string;
}

export const WRONG_HOST_NAME = 'wrong-name.example.invalid';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function asName(name: DistinguishedName | string): DistinguishedName {
  return typeof name === 'string' ? { CN: name } : name;
}

function leafPeriod(validity: LeafValidity, now: number): { notBefore: Date; notAfter: Date } {
  switch (validity) {
    case 'expired':
      return { notBefore: new Date(now - 60 * DAY), notAfter: new Date(now - DAY) };
    case 'not-yet-valid':
      return { notBefore: new Date(now + DAY), notAfter: new Date(now + 60 * DAY) };
    case 'valid':
      return { notBefore: new Date(now - HOUR), notAfter: new Date(now + 30 * DAY) };
  }
}

export function createChain(opts: ChainOptions = {}): CertificateChain {
  const now = (opts.now ?? new Date()).getTime();
  const rootName = opts.rootName ? asName(opts.rootName) : RUSSIAN_TRUSTED_ROOT_NAME;
  const intermediateName = opts.intermediateName
    ? asName(opts.intermediateName)
    : opts.rootName
      ? { ...rootName, CN: `${rootName.CN} Issuing CA` }
      : RUSSIAN_TRUSTED_SUB_NAME;
  const dnsNames = opts.wrongName ? [WRONG_HOST_NAME] : (opts.dnsNames ?? ['localhost']);
  const ipAddresses = opts.wrongName ? [] : (opts.ipAddresses ?? ['127.0.0.1']);
  const leafName = opts.leafName ? asName(opts.leafName) : { CN: dnsNames[0] ?? ipAddresses[0] ?? 'localhost' };

  const rootKeys = generateKeyPair();
  const root = createCertificate({
    subject: rootName,
    publicKey: rootKeys.publicKey,
    privateKey: rootKeys.privateKey,
    notBefore: new Date(now - HOUR),
    notAfter: new Date(now + 3650 * DAY),
    isCA: true,
  });

  const intermediateKeys = generateKeyPair();
  const intermediate = createCertificate({
    subject: intermediateName,
    issuer: { name: rootName, key: rootKeys.privateKey },
    publicKey: intermediateKeys.publicKey,
    notBefore: new Date(now - HOUR),
    notAfter: new Date(now + 1825 * DAY),
    isCA: true,
    pathLen: 0,
  });

  const leafKeys = generateKeyPair();
  const leaf = createCertificate({
    subject: leafName,
    issuer: { name: intermediateName, key: intermediateKeys.privateKey },
    publicKey: leafKeys.publicKey,
    ...leafPeriod(opts.leafValidity ?? 'valid', now),
    isCA: false,
    dnsNames,
    ipAddresses,
  });

  return {
    root: { ...root, subject: rootName, key: rootKeys.privateKey },
    intermediate: { ...intermediate, subject: intermediateName, key: intermediateKeys.privateKey },
    leaf: { ...leaf, subject: leafName, key: leafKeys.privateKey },
    leafKeyPem: leafKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    caPem: root.pem,
    chainPem: leaf.pem + intermediate.pem,
    fullChainPem: leaf.pem + intermediate.pem + root.pem,
  };
}
