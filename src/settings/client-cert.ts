import { readBounded } from '../util/read-bounded.js';
import { createSecureContext } from 'node:tls';
import { Secret } from '../secret/index.js';

export type ClientCertProblem =
  | 'cert-not-set' | 'missing' | 'unreadable' | 'too-large' | 'der' | 'not-pem' | 'no-key'
  | 'passphrase-missing' | 'bad-passphrase' | 'key-mismatch' | 'unusable';

export type ClientCertRead =
  | { ok: true; cert: string; key: Secret; passphrase: Secret | null }
  | { ok: false; which: 'cert' | 'key'; reason: ClientCertProblem };

const MAX_BYTES = 1024 * 1024;

/**
 * Reads GIGACHAT_CERT_FILE / GIGACHAT_KEY_FILE as the Python SDK uses them (httpx `cert=(cert, key)`;
 * the key may sit in the certificate file) and checks that they form a usable pair before any
 * handshake, so "the key file needs its password" is said as such and not as a TLS failure.
 */
export function readClientCert(certPath: string | null, keyPath: string | null, passphrase: string | null): ClientCertRead {
  if (!certPath) return { ok: false, which: 'cert', reason: 'cert-not-set' };
  const certFile = readText(certPath);
  if (!certFile.ok) return { ok: false, which: 'cert', reason: certFile.reason };
  if (certFile.der) return { ok: false, which: 'cert', reason: 'der' };
  if (!/-----BEGIN CERTIFICATE-----/.test(certFile.text)) return { ok: false, which: 'cert', reason: 'not-pem' };

  let keyText: string;
  if (keyPath) {
    const keyFile = readText(keyPath);
    if (!keyFile.ok) return { ok: false, which: 'key', reason: keyFile.reason };
    if (keyFile.der) return { ok: false, which: 'key', reason: 'der' };
    keyText = keyFile.text;
  } else {
    keyText = certFile.text;
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(keyText)) return { ok: false, which: 'key', reason: keyPath ? 'not-pem' : 'no-key' };

  const encrypted = /ENCRYPTED/.test(keyText);
  try {
    createSecureContext({ cert: certFile.text, key: keyText, passphrase: passphrase ?? undefined });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'ERR_OSSL_BAD_DECRYPT' || (encrypted && /decrypt|password/i.test(String(err)))) {
      return { ok: false, which: 'key', reason: passphrase ? 'bad-passphrase' : 'passphrase-missing' };
    }
    if (code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH') return { ok: false, which: 'key', reason: 'key-mismatch' };
    return { ok: false, which: /PEM|X509|CERT/i.test(code) ? 'cert' : 'key', reason: 'unusable' };
  }
  return { ok: true, cert: certFile.text, key: new Secret(keyText, { kind: 'key' }), passphrase: passphrase ? new Secret(passphrase, { kind: 'password' }) : null };
}

type TextRead = { ok: true; text: string; der: boolean } | { ok: false; reason: 'missing' | 'unreadable' | 'too-large' };

function readText(path: string): TextRead {
  // Bounded and regular files only: a FIFO or /dev/zero named here must not hang or flood the run.
  const read = readBounded(path, MAX_BYTES);
  if (!read.ok) return { ok: false, reason: read.reason === 'absent' ? 'missing' : read.reason.startsWith('too large') ? 'too-large' : 'unreadable' };
  const buf = read.buf;
  // DER starts with an ASN.1 SEQUENCE and a long-form length; PEM is text.
  const der = buf[0] === 0x30 && (buf[1] === 0x82 || buf[1] === 0x81);
  return { ok: true, text: buf.toString('utf8'), der };
}
