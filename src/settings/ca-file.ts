import { readBounded } from '../util/read-bounded.js';

export type CaFileRead =
  | { ok: true; pem: string; count: number }
  | { ok: false; reason: 'missing' | 'unreadable' | 'empty' | 'der' | 'private-key' | 'double-base64' | 'not-pem' | 'too-large' };

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export type CaFileCheck = { ok: true } | Extract<CaFileRead, { ok: false }>;

/** Reads a CA bundle and says what it is when it is not a PEM certificate, since users hand in .cer (DER) files. */
export function readCaFile(path: string): CaFileRead {
  const read = readCaBytes(path);
  return read.ok ? classifyCaBytes(read.buf) : read;
}

/**
 * Whether a bundle Node loads itself (NODE_EXTRA_CA_CERTS) is usable, and if not why: one good
 * certificate settles it, so a system bundle of ~140 is not decoded whole (~8 ms) on every run.
 */
export function checkCaFile(path: string): CaFileCheck {
  const read = readCaBytes(path);
  if (!read.ok) return read;
  const found = classifyCaBytes(read.buf, true);
  return found.ok ? { ok: true } : found;
}

function readCaBytes(path: string): { ok: true; buf: Buffer } | Extract<CaFileRead, { ok: false }> {
  // Bounded: a FIFO or /dev/zero named as the CA file must be a verdict, not a hang or a flood.
  const read = readBounded(path, 4 * 1024 * 1024);
  if (!read.ok) return { ok: false, reason: read.reason === 'absent' ? 'missing' : read.reason.startsWith('too large') ? 'too-large' : 'unreadable' };
  return read;
}

export function classifyCaBytes(buf: Buffer, firstOnly = false): CaFileRead {
  if (buf.length === 0 || buf.toString('latin1').trim() === '') return { ok: false, reason: 'empty' };
  if (buf[0] === 0x30 && (buf[1] === 0x82 || buf[1] === 0x81)) return { ok: false, reason: 'der' };
  const text = buf.toString('utf8');
  const blocks = text.match(PEM_BLOCK) ?? [];
  const first = firstOnly ? blocks.find(isDerSequence) : undefined;
  const valid = firstOnly ? (first ? [first] : []) : blocks.filter(isDerSequence);
  if (valid.length) return { ok: true, pem: valid.join('\n'), count: valid.length };
  if (/PRIVATE KEY-----/.test(text)) return { ok: false, reason: 'private-key' };
  const compact = text.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    const decoded = Buffer.from(compact, 'base64');
    if (decoded.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) return { ok: false, reason: 'double-base64' };
    if (decoded[0] === 0x30) return { ok: false, reason: 'not-pem' };
  }
  return { ok: false, reason: 'not-pem' };
}

/**
 * A PEM block whose body is one whole DER SEQUENCE: the shape of a certificate, checked without
 * X509Certificate, whose first use costs ~50 ms of start-up. A block that passes this and still is
 * no certificate fails the TLS handshake, which the tls check reports.
 */
function isDerSequence(block: string): boolean {
  const body = block.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return false;
  const der = Buffer.from(body, 'base64');
  if (der.length < 4 || der[0] !== 0x30) return false;
  const lengthBytes = der[1] & 0x7f;
  if (der[1] < 0x80) return der.length === 2 + der[1];
  if (lengthBytes < 1 || lengthBytes > 4) return false;
  const length = der.subarray(2, 2 + lengthBytes).reduce((n, b) => n * 256 + b, 0);
  return der.length === 2 + lengthBytes + length;
}
