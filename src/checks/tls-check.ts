import type { TlsAnswer } from '../probe/net.js';
import type { NetworkFailure } from '../probe/types.js';
import type { Settings } from '../settings/types.js';
import { bundledRussianCas } from '../trust/bundled.js';
import { VERIFICATION_CODES, commonName, expiringNotes, classifyTlsFailure } from '../trust/classify-tls.js';
import type { Check, Details, Note, Verdict } from '../types.js';
import { OFFICIAL_API_HOSTS, OFFICIAL_AUTH_HOSTS } from '../gigachat/index.js';
import { invalidProxy, networkTargets, unreachableEndpoint } from '../network/targets.js';

/**
 * The handshake verifies with the trust the user's app would have; a failure is explained
 * from the presented chain. Under --insecure it still verifies, so the report can say what
 * verification would have found, and every such finding is a warning instead of a failure.
 */
export const tlsCheck: Check = {
  id: 'tls',
  needs: ['tcp'],
  async run(ctx): Promise<Verdict> {
    const { settings, probe } = ctx;
    const timeoutMs = settings.timeoutMs.value;
    const unusable = unusableFiles(settings);
    if (unusable) return unusable;
    const unreachable = unreachableEndpoint(settings);
    if (unreachable) return unreachable;
    const targets = networkTargets(settings);
    const bad = invalidProxy(targets);
    if (bad) return { status: 'fail', code: 'PROXY_INVALID_URL', details: bad };

    const notes = trustNotes(settings);
    const results = await Promise.all(
      targets.map(async (t) => ({ t, result: await probe.handshake(t.host, t.port, { verify: true, timeoutMs, via: t.route.proxy }) })),
    );

    // Every host that fails is explained: the first names the check, the others follow as notes,
    // so --insecure cannot hide a second host's problem behind the first.
    const problems = await Promise.all(results.filter(({ result }) => !result.ok).map(async ({ t, result }) => {
      const { failure } = result as { ok: false; failure: NetworkFailure };
      if (!VERIFICATION_CODES.has(failure.code)) {
        // Not about the certificate (a timeout, a refused client certificate, a reset): nothing to read.
        return { status: 'fail', code: failure.code, details: { ...failure.details, which: t.which } } satisfies Verdict;
      }
      // The verified handshake failed: look again without verifying, only to read what was presented.
      const look = await probe.handshake(t.host, t.port, { verify: false, timeoutMs, via: t.route.proxy });
      const verdict = classifyTlsFailure({
        target: { host: t.host, port: t.port, which: t.which, official: isOfficial(t.host) },
        proxy: t.route.proxy?.display ?? null,
        failure,
        look,
        now: ctx.now(),
        serverDate: probe.serverDate?.() ?? null,
        caFile: settings.caFile?.value ?? null,
        bundled: bundledRussianCas(),
      });
      // --insecure: the requests go out anyway, so the finding is a (loud) warning, not a stop.
      if (settings.insecure && VERIFICATION_CODES.has(verdict.code)) verdict.status = 'warn';
      return verdict;
    }));
    if (problems.length) {
      const [first, ...others] = problems.sort((x, y) => (x.status === y.status ? 0 : x.status === 'fail' ? -1 : 1));
      // The same finding on the other host is one more place, not one more remedy to read.
      const same = others.filter((v) => v.code === first.code);
      const different = others.filter((v) => v.code !== first.code);
      const alsoAffected = same.map((v) => `${String(v.details?.host)}:${String(v.details?.port)}`);
      const named = alsoAffected.length ? { ...first, details: { ...first.details, alsoAffected } } : first;
      const otherNotes = different.map((v) => ({ code: v.code, details: v.details }));
      // The CA the user meant to add is in .env, where Node never reads it: that is the cause to
      // fix first, and the chain that did not verify is what it caused.
      const unread = notes.find((n) => n.code === 'NODE_EXTRA_CA_CERTS_IN_ENV_FILE');
      if (unread && named.status === 'fail' && VERIFICATION_CODES.has(named.code)) {
        return withNotes(
          { status: 'fail', code: unread.code, details: { ...unread.details, host: named.details?.host, port: named.details?.port } },
          [{ code: named.code, details: named.details }, ...notes.filter((n) => n !== unread), ...otherNotes],
        );
      }
      return withNotes(named, [...notes, ...otherNotes]);
    }

    const dnsMs = ctx.products.dns?.lookupMs;
    const details: Details = {
      targets: results.map(({ t, result }) => {
        const v = (result as { ok: true; value: TlsAnswer }).value;
        return {
          host: t.host,
          port: t.port,
          protocol: v.protocol,
          issuer: v.chain[0] ? commonName(v.chain[0].issuer) : null,
          validTo: v.chain[0]?.validTo ?? null,
          proxy: v.viaProxy,
          // curl -w style: name lookup, connect (or proxy tunnel), TLS handshake.
          timings: { dnsMs: dnsMs?.get(t.route.proxy?.host ?? t.host) ?? null, connectMs: v.connectMs, tlsMs: v.tlsMs },
        };
      }),
    };
    for (const { t, result } of results) if (result.ok) notes.push(...expiringNotes(result.value.chain, ctx.now(), t));
    const [first, ...rest] = notes;
    if (first) return { status: 'warn', code: first.code, details: { ...details, ...first.details }, notes: rest };
    return { status: 'pass', code: 'TLS_OK', details };
  },
};

/** A CA file or client certificate that cannot be used is the finding: no handshake would mean anything. */
function unusableFiles(settings: Settings): Verdict | null {
  if (settings.caFile && settings.caFileRead && !settings.caFileRead.ok) {
    return {
      status: 'fail',
      code: 'CA_FILE_INVALID',
      details: { path: settings.caFile.value, variable: settings.caFile.name, source: settings.caFile.source, reason: settings.caFileRead.reason },
    };
  }
  const cc = settings.clientCert;
  if (cc && !cc.read.ok) {
    const which = cc.read.which;
    const file = which === 'key' ? cc.keyFile ?? cc.certFile : cc.certFile;
    return {
      status: 'fail',
      code: 'CLIENT_CERT_INVALID',
      details: {
        which,
        reason: cc.read.reason,
        path: file?.value ?? null,
        variable: file?.name ?? (which === 'key' ? 'GIGACHAT_KEY_FILE' : 'GIGACHAT_CERT_FILE'),
        source: file?.source ?? null,
        passwordSource: cc.passwordSource,
      },
    };
  }
  return null;
}

/** Findings about the trust settings themselves, shown whatever the handshake says. */
function trustNotes(settings: Settings): Note[] {
  const notes: Note[] = [];
  if (settings.insecure) notes.push({ code: 'TLS_VERIFICATION_DISABLED', details: { reason: '--insecure' } });
  if (!settings.appVerifiesTls.value) {
    notes.push({ code: 'TLS_VERIFICATION_DISABLED', details: { reason: 'GIGACHAT_VERIFY_SSL_CERTS', source: settings.appVerifiesTls.source } });
  }
  const extra = settings.nodeExtraCaCerts;
  // Node reads NODE_EXTRA_CA_CERTS once, at start: a line in .env that dotenv loads later does nothing.
  if (extra && extra.source.startsWith('.env')) {
    notes.push({ code: 'NODE_EXTRA_CA_CERTS_IN_ENV_FILE', details: { source: extra.source, path: extra.value } });
  }
  if (extra && extra.source === 'env' && settings.nodeExtraCaRead && !settings.nodeExtraCaRead.ok) {
    // Node only prints a warning and goes on without the file.
    notes.push({ code: 'CA_FILE_INVALID', details: { path: extra.value, variable: 'NODE_EXTRA_CA_CERTS', source: 'env', reason: settings.nodeExtraCaRead.reason } });
  }
  return notes;
}

function withNotes(verdict: Verdict, notes: Note[]): Verdict {
  const all = [...notes, ...(verdict.notes ?? [])];
  return all.length ? { ...verdict, notes: all } : verdict;
}

function isOfficial(host: string): boolean {
  return OFFICIAL_AUTH_HOSTS.includes(host) || OFFICIAL_API_HOSTS.includes(host);
}
