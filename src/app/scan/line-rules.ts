import { DEPRECATED_MODELS, KNOWN_CHAT_MODELS, UNOFFICIAL_CREDENTIALS, officialNameFor } from '../../gigachat/index.js';
import { nearest } from '../../util/nearest.js';
import type { LineHit } from './finding.js';

/** Certificate verification turned off, as each language and tool writes it. */
const VERIFY_OFF: Array<[RegExp, string]> = [
  [/\bverify_ssl_certs\s*=\s*False\b/, 'verify_ssl_certs=False'],
  [/["']?verify_ssl_certs["']?\s*:\s*(?:false|False)\b/, 'verify_ssl_certs: false'],
  [/\bGIGACHAT_VERIFY_SSL_CERTS\b["']?\s*[=:]\s*["']?(?:false|False|FALSE|0|no|off)\b/, 'GIGACHAT_VERIFY_SSL_CERTS=false'],
  [/(?<![\w.])verify\s*=\s*False\b/, 'verify=False'],
  [/\brejectUnauthorized["']?\s*:\s*false\b/, 'rejectUnauthorized: false'],
  [/\bNODE_TLS_REJECT_UNAUTHORIZED\b["']?\s*[=:]\s*["']?0\b/, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  [/\bcurl\b[^\n]*?\s(?:--insecure|-[a-zA-Z]*k[a-zA-Z]*)(?=\s|$|["'`])/, 'curl --insecure'],
  [/\bwget\b[^\n]*--no-check-certificate\b/, 'wget --no-check-certificate'],
  [/\bssl\._create_unverified_context\b|\bCERT_NONE\b/, 'ssl.CERT_NONE'],
];

export function verifyOffHits(line: string): LineHit[] {
  if (!/verify|reject|insecure|curl|wget|CERT_NONE|unverified/i.test(line)) return [];
  for (const [re, what] of VERIFY_OFF) {
    const m = re.exec(line);
    if (m) return [{ code: 'CODE_TLS_VERIFY_OFF', index: m.index, facts: { what } }];
  }
  return [];
}

const NAME_ALTERNATION = [...UNOFFICIAL_CREDENTIALS].sort((a, b) => b.length - a.length).join('|');
/** Reading a variable: os.environ / os.getenv / process.env / Deno / a settings or .env line that defines it. */
const READS = new RegExp(
  String.raw`(?:environ(?:\.get)?\s*[[(]\s*|getenv\s*\(\s*|env(?:\.get)?\s*\(\s*|process\.env\.|process\.env\[\s*|\$\{?|%)["']?(${NAME_ALTERNATION})\b` +
  String.raw`|^\s*(?:export\s+|ENV\s+|ARG\s+|-\s+|set\s+|\$env:)?["']?(${NAME_ALTERNATION})["']?\s*[=:]`,
  'g',
);

/** Variable names no official SDK reads (the same list the env check uses), and what to read instead. */
export function variableHits(line: string): LineHit[] {
  if (!/GIGA/.test(line)) return [];
  const hits: LineHit[] = [];
  for (const m of line.matchAll(READS)) {
    const variable = m[1] ?? m[2];
    hits.push({ code: 'CODE_UNOFFICIAL_VARIABLE', index: m.index ?? 0, facts: { variable, official: officialNameFor(variable) } });
  }
  return hits;
}

const MODEL_LITERAL = /["'`](giga-?chat[\w.:-]*)["'`]/gi;

/** Model names in quotes on a line that sets a model: retired ones with the successor, misspelled ones with the nearest. */
export function modelHits(line: string): LineHit[] {
  if (!/model/i.test(line) || !/giga-?chat/i.test(line)) return [];
  const hits: LineHit[] = [];
  for (const m of line.matchAll(MODEL_LITERAL)) {
    // A response's model carries a version (GigaChat:2.0.28.2): the name is before the colon.
    const model = m[1].split(':')[0];
    if (DEPRECATED_MODELS[model]) {
      hits.push({ code: 'CODE_MODEL_RETIRED', index: m.index ?? 0, facts: { model, successor: DEPRECATED_MODELS[model] } });
    } else if (!KNOWN_CHAT_MODELS.includes(model)) {
      const suggestion = nearest(model, KNOWN_CHAT_MODELS, 2);
      // A typo of a retired name points straight at its successor.
      if (suggestion) hits.push({ code: 'CODE_MODEL_MISSPELLED', index: m.index ?? 0, facts: { model, suggestion: DEPRECATED_MODELS[suggestion] ?? suggestion } });
    }
  }
  return hits;
}
