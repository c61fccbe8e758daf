/**
 * A finding as the user reads it: the catalogue's title and remedies, with the remedies of the
 * runtime that wrote the log first, and explain's own summary where the catalogue's would state
 * as fact what only a check observes (explain sees a log, not this machine: "this Node does not
 * trust…", "according to this machine's clock…").
 */
import { CA_BUNDLE_VAR, RUSSIAN_ROOT_CA } from '../gigachat/index.js';
import type { Code } from '../catalog/codes.js';
import { NODE_CA_VAR } from '../catalog/remedies/tls.js';
import { explainWords, type ExplainWords, type LogFacts } from '../catalog/phrases/explain.js';
import type { Catalog, RemedyContext } from '../catalog/types.js';
import type { Finding } from './findings.js';
import { redactDeep } from './redact.js';
import type { PythonLibrary, Runtime } from './runtime.js';

export interface Presented {
  title: string;
  summary: string;
  remediation: string[];
}

const CA_FILE = RUSSIAN_ROOT_CA.file;

/** Trusting the Russian root (or a corporate one), per runtime; the catalogue's steps follow. */
function trustSteps(words: ExplainWords['trust'], runtime: Runtime, ctx: RemedyContext, library: PythonLibrary | null): string[] {
  const p = {
    file: CA_FILE,
    setCaBundle: ctx.setEnv(CA_BUNDLE_VAR, CA_FILE),
    setRequests: ctx.setEnv('REQUESTS_CA_BUNDLE', CA_FILE),
    setSslCertFile: ctx.setEnv('SSL_CERT_FILE', CA_FILE),
    setNode: ctx.setEnv(NODE_CA_VAR, CA_FILE),
    langchain: library === 'langchain-gigachat',
    writeCa: `${ctx.self ?? 'gigadoctor'} ca --out ${CA_FILE}`,
  };
  switch (runtime) {
    case 'python': {
      // requests and aiohttp read REQUESTS_CA_BUNDLE / SSL_CERT_FILE, not the SDK's variable: theirs first.
      const [sdk, requests] = [words.pythonSdk(p), words.pythonRequests(p)];
      return library === 'requests' || library === 'aiohttp' ? [requests, sdk, words.pythonNever] : [sdk, requests, words.pythonNever];
    }
    case 'node':
      return [words.node(p)];
    case 'curl':
      return [words.curl(p)];
    case 'java':
      return [words.java(p)];
    case 'dotnet':
      return [words.dotnet];
  }
}

const RUNTIME_FIRST: ReadonlySet<Code> = new Set<Code>(['TLS_UNTRUSTED_ROOT', 'TLS_INTERCEPTED']);

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** What a log summary may name, read from the finding's (redacted) details. */
function logFacts(d: Finding['details']): LogFacts {
  const host = text(d.host);
  return {
    where: host && typeof d.port === 'number' ? `${host}:${d.port}` : host,
    host,
    variable: text(d.variable),
    reason: text(d.reason),
    url: text(d.url),
    status: typeof d.status === 'number' ? d.status : undefined,
    model: typeof d.model === 'string' ? d.model : undefined,
  };
}

export function present(f: Finding, catalog: Catalog, ctx: RemedyContext, fallbackRuntime: Runtime | null): Presented {
  const entry = catalog.codes[f.code];
  // Details were read from the pasted text: what could be a secret goes before they are printed.
  const details = redactDeep(f.details);
  const runtime = f.runtime ?? fallbackRuntime;
  const words = explainWords(catalog.lang);
  const own = words.summaries[f.code];
  const steps = entry.remediation(details, ctx);
  const first = runtime && RUNTIME_FIRST.has(f.code) ? trustSteps(words.trust, runtime, ctx, f.library) : [];
  const rest = steps.filter((s) => !first.includes(s) && !(runtime === 'python' && /verify=False/.test(s)));
  return {
    title: entry.title,
    summary: own ? own(logFacts(details)) : entry.summary(details),
    remediation: [...first, ...rest],
  };
}
