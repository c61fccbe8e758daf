/**
 * One record → the findings it shows. Pure and offline: the rules (rules.ts) run on the record's
 * text with what that record says about its request (context.ts); a specific cause drops the
 * generic one it implies (an expired certificate is not also "untrusted root").
 */
import type { Code } from '../catalog/codes.js';
import type { Details } from '../catalog/types.js';
import { findContext, type Context, type Found } from './context.js';
import { RULES, type HintId, type Rule } from './rules.js';
import { pythonLibraryOf, runtimeOf, type PythonLibrary, type Runtime } from './runtime.js';

export type { Context } from './context.js';
export type { HintId } from './rules.js';
export { findContext } from './context.js';

export interface Match {
  code: Code;
  details: Details;
  /** What matched, in our own words: safe to print (never the pasted text). */
  pattern: string;
  /** Where in the record's text, for an excerpt and the line number. */
  index: number;
  length: number;
}

export interface RecordExplanation {
  matches: Match[];
  hints: HintId[];
  context: Context;
  runtime: Runtime | null;
  library: PythonLibrary | null;
}

/** Codes a more specific one in the same record makes redundant. */
const IMPLIED_BY: Partial<Record<Code, Code[]>> = {
  TLS_UNTRUSTED_ROOT: ['TLS_EXPIRED', 'TLS_NOT_YET_VALID', 'TLS_HOSTNAME_MISMATCH', 'TLS_CLIENT_CERT_REQUIRED', 'TLS_HANDSHAKE_FAILED'],
  DNS_NOT_FOUND: ['DNS_TIMEOUT'],
};

/**
 * Only records that hold one of these go through the rules: most lines of a log are not errors,
 * and a 100 MB log must take seconds. Every rule's trigger words must be here.
 */
const WORTH_A_LOOK_WORDS = /error|fail|denied|refused|reset|timed? ?out|expired|invalid|unable|cannot|can't|not found|no such|exceed|required|unavailable|problem|verif|certificat|ssl|tls|self.signed|handshake|mismatch|errno|exception|traceback|warn|yandex|gigachat\.ru|gigachat_|reject|scope|credential|"code"|"status"|payment|forbidden|unauthori|decode|proxy|json|utf-8|validation|unverified|insecure|hang up|disconnect|too many|payload|bearer bearer|basic basic|no access token|status code|pkix|unknownhost|no such host|unreachable|no route|getaddrinfo|resolve host|name resolution|not known|connect to|(?<![.,:\d])\b[45]\d\d\b(?![.,:]?\d)|[А-яЁё]{4}/i;
const WORTH_A_LOOK_CODES = /\b(?:E[A-Z]{4,}|ERR_[A-Z_]+|UND_ERR|CERT_|SELF_SIGNED|UNABLE_TO|DEPTH_ZERO|TLSV1|WRONG_VERSION|WinError)/;
const worthALook = (text: string) => WORTH_A_LOOK_WORDS.test(text) || WORTH_A_LOOK_CODES.test(text);
/**
 * A single INFO/DEBUG line: only an HTTP error status with its reason (httpx logs `"HTTP/1.1 429 Too
 * Many Requests"` at INFO, uvicorn `" 429 Too Many Requests`), an error word or Russian text sends it on.
 */
const QUIET_WORTH_A_LOOK = /\s[45]\d\d [A-Z]|[Ee]rror|ERROR|[Ff]ail|FAIL|[Ee]xception|[Ee]xpired|[Rr]efused|[Tt]ime[ds]? ?out|[Tt]imeout|nsecure|nverified|No access token|[А-яЁё]{4}/;

const NOTHING: RecordExplanation = Object.freeze({ matches: [], hints: [], context: null, runtime: null, library: null }) as RecordExplanation;

/** `quiet`: the record is one INFO/DEBUG line (see LogRecord.quiet). */
export function explainRecord(text: string, quiet = false): RecordExplanation {
  if (quiet ? !QUIET_WORTH_A_LOOK.test(text) : !worthALook(text)) return NOTHING;
  const found = findContext(text);
  const matches: Match[] = [];
  const hints = new Set<HintId>();
  const seen = new Set<Code>();
  const apply = (rule: Rule): number => {
    const m = rule.re.exec(text);
    if (!m || (rule.unless && rule.unless.test(text))) return 0;
    const codes = rule.codes(m, found);
    for (const { code, details } of codes) {
      if (seen.has(code)) continue;
      seen.add(code);
      matches.push({ code, details: clean(details ?? {}), pattern: rule.pattern, index: m.index, length: m[0].length });
    }
    for (const h of rule.hints ?? []) hints.add(h);
    if (rule.id === 'response-error' && codes.length === 0) hints.add('response-error-status');
    return codes.length;
  };
  for (const rule of RULES) if (!rule.fallback) apply(rule);
  if (matches.length === 0) {
    for (const rule of RULES) {
      if (rule.fallback && apply(rule) > 0) break;
    }
    // A bare name or number with more than one meaning: say that the body would decide.
    if (matches.length > 1) hints.add('several-candidates');
  }
  if (matches.length) hints.delete('response-error-status');
  const kept = matches.filter((m) => !(IMPLIED_BY[m.code] ?? []).some((c) => seen.has(c)));
  if (!kept.some((m) => m.code === 'TLS_UNTRUSTED_ROOT')) hints.delete('tls-interception');
  if (!kept.length && !hints.size) return { ...NOTHING, context: found.context };
  const runtime = runtimeOf(text);
  return { matches: kept, hints: [...hints], context: found.context, runtime, library: runtime === 'python' ? pythonLibraryOf(text) : null };
}

/** Details without undefined values: the catalogue treats a present key as known. */
function clean(d: Details): Details {
  const out: Details = {};
  for (const [k, v] of Object.entries(d)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out;
}

export type { Found };
