import { X509Certificate } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { caWords } from '../catalog/phrases/ca.js';
import { langFromLocale } from '../settings/resolve.js';
import { bundledRussianCas } from '../trust/bundled.js';
import { RUSSIAN_CA_PAGE } from '../gigachat/index.js';
import { readBounded } from '../util/read-bounded.js';
import { write, type CliIO } from './io.js';

/**
 * `gigadoctor ca [--out FILE]`: the bundled Russian Trusted Root CA and Sub CA as one PEM
 * bundle, each preceded by comment lines (subject, validity, SHA-256, the official page) so
 * the user can check them before installing. Nothing is printed that was not first checked
 * against its pinned fingerprint.
 *
 * --out never overwrites a different file: a CA bundle is something a user may have edited
 * (appended a corporate root to), and silently replacing trust material is how trust breaks.
 * An identical file is left alone and counts as success, so the command is safe to re-run.
 */
export async function caCommand(io: CliIO, opts: { out?: string }): Promise<number> {
  const t = caWords(langFromLocale(io.env));
  const bundled = bundledRussianCas();
  if (!bundled.ok) {
    io.stderr.write(t.mismatch(bundled.failed, RUSSIAN_CA_PAGE));
    return 1;
  }
  const text = bundleText(bundled.cas.map((c) => ({ cert: c.cert, pem: c.pinned.pem, file: c.pinned.file })));
  if (!opts.out) {
    await write(io.stdout, text);
    return 0;
  }

  const path = resolve(io.cwd, opts.out);
  // Bounded, regular files only: a FIFO there would block the read forever, /dev/zero fill the
  // memory. Anything larger than the bundle differs from it, so the cap only needs to exceed it.
  const read = readBounded(path, Buffer.byteLength(text) + 1);
  const existing = read.ok ? read.buf.toString('utf8') : null;
  if (!read.ok && read.reason !== 'absent' && !read.reason.startsWith('too large')) {
    io.stderr.write(t.notAFile(path, read.reason));
    return 1;
  }
  if (existing !== null || !read.ok && read.reason.startsWith('too large')) {
    if (existing === text) {
      io.stderr.write(t.unchanged(path));
      return 0;
    }
    io.stderr.write(t.exists(path));
    return 1;
  }
  try {
    // The Windows remedies suggest C:\certs\…, a folder few users have yet.
    mkdirSync(dirname(path), { recursive: true });
    // 'wx': created here or not at all, even if another process creates it meanwhile.
    writeFileSync(path, text, { flag: 'wx', mode: 0o644 });
  } catch (err) {
    io.stderr.write(`gigadoctor ca: ${path}: ${(err as NodeJS.ErrnoException).code ?? 'cannot write'}\n`);
    return 1;
  }
  const fp = bundled.cas.map((c) => `  ${c.pinned.name}: SHA-256 ${c.pinned.sha256}`).join('\n');
  io.stderr.write(t.wrote(path, fp));
  return 0;
}

interface Entry {
  cert: X509Certificate;
  pem: string;
  file: string;
}

/** The bundle: a header, then per certificate its comment block and PEM. Deterministic, so re-runs compare equal. */
export function bundleText(entries: Entry[]): string {
  const out = [
    '# Russian Trusted Root CA and Sub CA (Ministry of Digital Development of the Russian Federation).',
    '# The GigaChat hosts present certificates issued under this root; Node and most trust stores lack it.',
    `# Official download page: ${RUSSIAN_CA_PAGE}`,
    '# Verify each certificate before installing: openssl x509 -noout -subject -fingerprint -sha256 -in <file>',
    '# Node: NODE_EXTRA_CA_CERTS=<this file> (set before node starts); Python SDK: GIGACHAT_CA_BUNDLE_FILE=<this file>',
    '',
  ];
  for (const e of entries) {
    out.push(
      `# Subject: ${e.cert.subject.split('\n').join(', ')}`,
      `# Issuer:  ${e.cert.issuer.split('\n').join(', ')}`,
      `# Valid:   ${isoDate(e.cert.validFrom)} .. ${isoDate(e.cert.validTo)}`,
      `# SHA-256: ${e.cert.fingerprint256}`,
      `# Source:  ${RUSSIAN_CA_PAGE} (${e.file})`,
      e.pem.trim(),
      '',
    );
  }
  return out.join('\n');
}

function isoDate(openssl: string): string {
  const t = Date.parse(openssl);
  return Number.isNaN(t) ? openssl : new Date(t).toISOString().replace('.000Z', 'Z');
}
