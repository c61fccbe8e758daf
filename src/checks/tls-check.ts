import type { NetResult, PresentedCert, TlsAnswer } from '../probe/net.js';
import type { NetworkFailure } from '../probe/types.js';
import type { Check, Details, Note, Verdict } from '../types.js';
import { OFFICIAL_API_HOSTS, OFFICIAL_AUTH_HOSTS } from './known.js';
import { networkTargets, type Target } from './network-targets.js';

/** The handshake verifies with the trust the user's app would have; a failure is explained from the presented chain. */
export const tlsCheck: Check = {
  id: 'tls',
  needs: ['tcp'],
  async run({ settings, probe, now }): Promise<Verdict> {
    const timeoutMs = settings.timeoutMs.value;
    if (settings.caFile && settings.caFileRead && !settings.caFileRead.ok) {
      return {
        status: 'fail',
        code: 'CA_FILE_INVALID',
        details: { path: settings.caFile.value, variable: settings.caFile.name, source: settings.caFile.source, reason: settings.caFileRead.reason },
      };
    }
    const targets = networkTargets(settings);
    const results = await Promise.all(targets.map(async (t) => ({ t, result: await probe.handshake(t.host, t.port, { verify: true, timeoutMs }) })));

    const notes: Note[] = [];
    if (settings.insecure) notes.push({ code: 'TLS_VERIFICATION_DISABLED', details: { reason: '--insecure' } });
    if (!settings.appVerifiesTls.value) {
      notes.push({ code: 'TLS_VERIFICATION_DISABLED', details: { reason: 'GIGACHAT_VERIFY_SSL_CERTS', source: settings.appVerifiesTls.source } });
    }

    for (const { t, result } of results) {
      if (result.ok) continue;
      if (result.failure.layer !== 'tls') return { status: 'fail', code: result.failure.code, details: result.failure.details };
      // The verified handshake failed: look again without verifying, only to read what was presented.
      const look = await probe.handshake(t.host, t.port, { verify: false, timeoutMs });
      return explainTlsFailure(t, result.failure, look, now(), settings.caFile?.value ?? null);
    }

    const details: Details = {
      targets: results.map(({ t, result }) => {
        const v = (result as { ok: true; value: TlsAnswer }).value;
        return { host: t.host, port: t.port, ms: v.ms, protocol: v.protocol, issuer: v.chain[0]?.issuer ?? null, validTo: v.chain[0]?.validTo ?? null };
      }),
    };
    const [first, ...rest] = notes;
    if (first) return { status: 'warn', code: first.code, details: { ...details, ...first.details }, notes: rest };
    return { status: 'pass', code: 'TLS_OK', details };
  },
};

/** Why verification failed, read from the chain the server presented. Pure. */
export function explainTlsFailure(
  target: Target, failure: NetworkFailure, look: NetResult<TlsAnswer>, now: number, caFile: string | null,
): Verdict {
  const base: Details = { host: target.host, port: target.port, which: target.which, errno: failure.details.errno ?? null, caFile };
  if (!look.ok) return { status: 'fail', code: failure.code, details: { ...base, ...failure.details } };
  const chain = look.value.chain;
  const leaf = chain[0];
  const details: Details = { ...base, chain: chain.map(describe) };
  if (leaf) {
    if (Date.parse(leaf.validTo) < now) return { status: 'fail', code: 'TLS_EXPIRED', details: { ...details, validTo: leaf.validTo } };
    if (Date.parse(leaf.validFrom) > now) return { status: 'fail', code: 'TLS_NOT_YET_VALID', details: { ...details, validFrom: leaf.validFrom } };
  }
  if (failure.code === 'TLS_HOSTNAME_MISMATCH') return { status: 'fail', code: failure.code, details: { ...details, certNames: leaf?.names ?? [] } };
  if (failure.code !== 'TLS_UNTRUSTED_ROOT') return { status: 'fail', code: failure.code, details: { ...details, ...failure.details } };

  const top = chain[chain.length - 1];
  const issuer = top ? commonName(top.issuer) : null;
  const russian = chain.some((c) => /Russian Trusted/i.test(c.issuer));
  const official = OFFICIAL_AUTH_HOSTS.includes(target.host) || OFFICIAL_API_HOSTS.includes(target.host);
  // GigaChat's own hosts are signed under the Russian Trusted Root CA; any other issuer there sits in between.
  if (official && !russian) return { status: 'fail', code: 'TLS_INTERCEPTED', details: { ...details, issuer } };
  return { status: 'fail', code: 'TLS_UNTRUSTED_ROOT', details: { ...details, issuer, russianChain: russian } };
}

function describe(c: PresentedCert): Details {
  return { subject: c.subject, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo, sha256: c.sha256 };
}

function commonName(dn: string): string {
  return /(?:^|, )CN=([^,]+)/.exec(dn)?.[1] ?? dn;
}
