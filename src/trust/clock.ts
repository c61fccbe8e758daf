/** Whether this machine's clock, rather than the certificate, is the likely cause of a date failure. */

export interface CertWindow {
  subject: string;
  validFrom: string;
  validTo: string;
}

/** A Date header some server sent during this run, and the local time it arrived. */
export interface ServerDate {
  date: string;
  receivedAt: number;
}

export interface ClockJudgement {
  /** behind/ahead: the local clock is the likely cause; ok: it agrees with a server; unknown: no evidence either way. */
  verdict: 'behind' | 'ahead' | 'ok' | 'unknown';
  evidence: 'server-date' | 'validity-window';
  /** Server minus local, from a Date header. */
  skewSec?: number;
  /** How far the local clock is off at least, from the certificate dates alone. */
  atLeastSec?: number;
  /** With the server's clock, the certificate would be in its validity period. */
  validByServerClock?: boolean;
}

const MAX_SKEW_SEC = 60;

/**
 * A server's Date header is the best witness; without one, the validity windows are: servers
 * deploy a certificate only after it is issued, so a leaf that is not yet valid almost always
 * means the local clock is behind. An expired leaf may really be expired, unless the
 * long-lived CA certificates above it look expired too, which only a clock far ahead explains.
 */
export function judgeClock(problem: 'expired' | 'not-yet-valid', chain: CertWindow[], now: number, server: ServerDate | null): ClockJudgement {
  const leaf = chain[0];
  const from = leaf ? Date.parse(leaf.validFrom) : NaN;
  const to = leaf ? Date.parse(leaf.validTo) : NaN;
  const serverMs = server ? Date.parse(server.date) : NaN;
  if (server && !Number.isNaN(serverMs)) {
    // The server's clock now: its Date plus the time since the header arrived.
    const serverNow = serverMs + (now - server.receivedAt);
    const skewSec = Math.round((serverNow - now) / 1000);
    const validByServerClock = !Number.isNaN(from) && !Number.isNaN(to) && serverNow >= from && serverNow <= to;
    if (Math.abs(skewSec) <= MAX_SKEW_SEC) return { verdict: 'ok', evidence: 'server-date', skewSec, validByServerClock };
    return { verdict: skewSec > 0 ? 'behind' : 'ahead', evidence: 'server-date', skewSec, validByServerClock };
  }
  if (problem === 'not-yet-valid') {
    return Number.isNaN(from)
      ? { verdict: 'unknown', evidence: 'validity-window' }
      : { verdict: 'behind', evidence: 'validity-window', atLeastSec: Math.max(0, Math.round((from - now) / 1000)) };
  }
  const cas = chain.slice(1).filter((c) => Date.parse(c.validTo) < now);
  if (cas.length > 0) return { verdict: 'ahead', evidence: 'validity-window' };
  return { verdict: 'unknown', evidence: 'validity-window' };
}
