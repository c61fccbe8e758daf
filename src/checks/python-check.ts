import { findInterpreter } from '../app/python/interpreter.js';
import { CA_BUNDLE_VAR } from '../gigachat/index.js';
import { runPythonProbe, type PythonFacts, type PythonHandshake } from '../app/python/run-probe.js';
import { pythonMarker } from '../app/project.js';
import { VERIFICATION_CODES } from '../trust/classify-tls.js';
import type { Check, CheckContext, Details, Note, Verdict } from '../types.js';
import { networkTargets } from '../network/targets.js';

/** Time the interpreter gets to start and import, beyond the network timeout of its handshakes. */
const STARTUP_MS = 3_000;

/**
 * The app's own Python, on the network: which CA file and proxy the SDK would use there, and a
 * handshake with exactly those. Runs after `tls` (without needing it to pass) so that a Node
 * verdict that differs from Python's is named: "the doctor passes, my app fails".
 */
export const pythonCheck: Check = {
  id: 'python',
  needs: ['tcp'],
  after: ['tls'],
  async run(ctx): Promise<Verdict> {
    const { settings } = ctx;
    const project = settings.project.value;
    const marker = pythonMarker(project);
    const interpreter = findInterpreter(project, settings.appEnv, marker !== null);
    if (!interpreter) {
      return { status: 'skip', code: 'PYTHON_NOT_A_PROJECT', details: { project, reason: marker ? 'no-interpreter' : 'no-python-project' }, satisfiesNeeds: true };
    }
    // The SDK reads GIGACHAT_CA_BUNDLE_FILE (the process env, or .env when the app loads it); --ca-file is gigadoctor's alone.
    const ca = settings.caFile?.name === CA_BUNDLE_VAR ? settings.caFile : null;
    const outcome = await runPythonProbe(interpreter, {
      targets: networkTargets(settings).map(({ host, port, which }) => ({ host, port, which })),
      caBundle: ca?.value ?? null,
      timeoutMs: settings.timeoutMs.value,
      env: settings.appEnv,
      cwd: project,
      killAfterMs: settings.timeoutMs.value + STARTUP_MS,
    });
    const who = { interpreter: interpreter.path, found: interpreter.found };
    if (!outcome.ok) return { status: 'warn', code: 'PYTHON_PROBE_FAILED', details: { ...who, reason: outcome.reason, detail: outcome.detail } };

    const facts = outcome.facts;
    const nodeTls = nodeVerdict(ctx);
    const details: Details = {
      ...who,
      python: facts.python,
      venv: facts.venv,
      packages: facts.packages,
      ca: { ...facts.ca, ...(ca ? { setting: ca.source } : {}) },
      requestsCaBundle: facts.requestsCaBundle,
      targets: facts.targets,
      nodeTls,
    };
    const notes = pythonNotes(ctx, facts, who.interpreter);
    const failed = facts.targets.find((t) => !t.ok);
    const verdict = failed ? failureVerdict(failed, facts, nodeTls, details) : successVerdict(nodeTls, details);
    return notes.length ? { ...verdict, notes } : verdict;
  },
};

function failureVerdict(t: PythonHandshake, facts: PythonFacts, nodeTls: string | null, details: Details): Verdict {
  const where = { host: t.host, port: t.port, error: t.error ?? null, caFile: facts.ca.file, caSource: facts.ca.source, proxy: t.proxy };
  if (t.kind === 'verify' || t.kind === 'tls') {
    if (nodeTls === 'pass') return { status: 'fail', code: 'PYTHON_TLS_DIVERGES', details: { ...details, ...where, direction: 'node-ok-python-fails' } };
    return { status: 'fail', code: 'PYTHON_TLS_FAILED', details: { ...details, ...where } };
  }
  return { status: 'fail', code: 'PYTHON_NETWORK_FAILED', details: { ...details, ...where, kind: t.kind ?? 'network' } };
}

function successVerdict(nodeTls: string | null, details: Details): Verdict {
  if (nodeTls === 'fail') return { status: 'warn', code: 'PYTHON_TLS_DIVERGES', details: { ...details, direction: 'python-ok-node-fails' } };
  return { status: 'pass', code: 'PYTHON_TLS_OK', details };
}

/** Node's tls verdict: pass, fail (a verification finding, even one --insecure made a warning) or skip; null when not run. */
function nodeVerdict(ctx: CheckContext): 'pass' | 'fail' | 'skip' | null {
  const tls = ctx.results.get('tls');
  if (!tls) return null;
  if (tls.status === 'skip') return 'skip';
  return tls.status === 'fail' || VERIFICATION_CODES.has(tls.code) ? 'fail' : 'pass';
}

function pythonNotes(ctx: CheckContext, facts: PythonFacts, interpreter: string): Note[] {
  const notes: Note[] = [];
  if (!facts.packages.gigachat && !facts.packages['langchain-gigachat']) {
    notes.push({ code: 'PYTHON_SDK_MISSING', details: { interpreter, python: facts.python } });
  }
  const verify = ctx.settings.appVerifiesTls;
  if (!verify.value) notes.push({ code: 'PYTHON_VERIFY_DISABLED', details: { source: verify.source } });
  return notes;
}
