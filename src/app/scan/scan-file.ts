import type { Finding, LineHit } from './finding.js';
import { modelHits, variableHits, verifyOffHits } from './line-rules.js';
import { secretHits, scrubExcerpt, type SecretKind } from './secrets.js';
import { declaredSdks, isManifest, type DeclaredSdk } from './sdks.js';
import { urlHits } from './url-rules.js';

/** Lines longer than this are read only this far: a minified bundle is one enormous line. */
const MAX_LINE = 4000;
/** Lock files are read for the SDK versions only: their URLs and hashes are not the app's. */
const LOCK_FILE = /^(package-lock\.json|poetry\.lock|Pipfile\.lock)$/i;
/** What every rule looks for, at least: a file with none of it is not read line by line. */
const ANY_RULE = /https?:\/\/|verify|reject|insecure|curl|wget|CERT_NONE|unverified|giga|secret|eyJ|[A-Za-z0-9+/]{40}/i;
/** A whole-line comment (#, //, /* *, ;, REM): what it says the app does not do — but a secret there is still written down. */
const COMMENT = /^\s*(?:#|\/\/|\/\*|\*|;|REM\s|::)/i;

export interface SecretFound {
  kind: SecretKind;
  file: string;
  line: number;
  length: number;
  fingerprint: string;
  excerpt: string;
}

export interface FileScan {
  findings: Finding[];
  secrets: SecretFound[];
  sdks: DeclaredSdk[];
}

/** Everything one file holds that the code check reports. */
export function scanFile(file: string, text: string): FileScan {
  const name = file.split('/').pop() ?? file;
  const sdks = isManifest(name) ? declaredSdks(file, text) : [];
  if (LOCK_FILE.test(name) || !ANY_RULE.test(text)) return { findings: [], secrets: [], sdks };
  const findings: Finding[] = [];
  const secrets: SecretFound[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].length > MAX_LINE ? lines[i].slice(0, MAX_LINE) : lines[i];
    const found = secretHits(line);
    const known = found.map((s) => s.value);
    for (const s of found) {
      secrets.push({ kind: s.kind, file, line: i + 1, length: s.length, fingerprint: s.fingerprint, excerpt: scrubExcerpt(line, s.index, known) });
    }
    if (COMMENT.test(line)) continue;
    const hits: LineHit[] = [...urlHits(line), ...verifyOffHits(line), ...variableHits(line), ...modelHits(line)];
    for (const h of hits) findings.push({ code: h.code, file, line: i + 1, excerpt: scrubExcerpt(line, h.index, known), facts: h.facts });
  }
  return { findings, secrets, sdks };
}
