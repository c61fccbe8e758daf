// The code and python checks' findings: what the app's own files and its own Python do.

import {
  ACCESS_TOKEN_VAR, AUTH_PORT, AUTH_URL, BASE_URL, CA_BUNDLE_VAR, CREDENTIALS_VAR, KNOWN_WRONG_HOSTS, MODEL_VAR, RUSSIAN_ROOT_CA, STUDIO_URL,
  VERIFY_SSL_VAR,
} from '../../gigachat/index.js';
import { list, num, opt, records, str } from '../text-helpers.js';
import { gigadoctor, none, say, setEnv, type Details, type Remedy, type Say } from '../steps.js';
import { getRootCa } from './common.js';
import { NODE_CA_VAR } from './tls.js';

const ROOT_FILE = RUSSIAN_ROOT_CA.file;

/** "app.py:4, .env:2" and how many more places there are. */
function places(d: Details): Say {
  const shown = list(d.places);
  return say('app.places', {
    shown: shown.join(', ') || `${str(d.file)}:${str(d.line)}`,
    more: (num(d.count) ?? shown.length) - shown.length,
  });
}

/** "Python 3.11.2 (/app/.venv/bin/python)". */
const pythonWho = (d: Details): string => `Python ${str(d.python, '')}`.trim() + opt(d.interpreter, ' (', ')');

/** "/path/ca.pem (GIGACHAT_CA_BUNDLE_FILE)", or the interpreter's built-in store. */
function caOf(d: Details): Say | string {
  const ca = records([d.ca])[0] ?? {};
  const file = str(d.caFile, str(ca.file));
  const source = str(d.caSource, str(ca.source));
  return file ? `${file} (${source || '?'})` : say('app.systemStore');
}

/** How a client reaches a host: through a proxy, direct by a NO_PROXY entry, or direct. */
const route = (proxy: unknown, variable: unknown, entry: unknown): Say =>
  say('app.route', { proxy: str(proxy), variable: str(variable), entry: str(entry) });

const secretKind = (d: Details): Say => say('app.secretKind', { kind: str(d.kind) });

const pythonTrustSteps = (): Say[] => [
  say('python.trust.get', { file: ROOT_FILE, getRoot: getRootCa, set: setEnv(CA_BUNDLE_VAR, ROOT_FILE) }),
  say('python.trust.requests', { file: ROOT_FILE }),
  say('python.trust.certifi'),
];

const nodeFails = (d: Details): boolean => str(d.direction) === 'python-ok-node-fails';

export const appRemedies = {
  CODE_NOT_A_PROJECT: {
    summary: (d) => say('CODE_NOT_A_PROJECT', { project: str(d.project) }),
    steps: () => [say('CODE_NOT_A_PROJECT.project', { run: gigadoctor('check', '--project', say('placeholder.appFolder')) })],
  },
  CODE_OK: {
    summary: (d) => say('CODE_OK', { files: str((records([d.counts])[0] ?? {}).files, '0'), sdks: list(d.sdkList) }),
    steps: none,
  },
  CODE_WRONG_URL: {
    summary: (d) => say('CODE_WRONG_URL', { places: places(d), url: str(d.url), host: str(d.host), reason: str(d.reason), port: AUTH_PORT }),
    steps: (d) => [
      say('CODE_WRONG_URL.replace', { correct: str(d.correct, BASE_URL), others: (num(d.count) ?? 1) > 1 }),
      say('CODE_WRONG_URL.defaults', { auth: AUTH_URL, api: BASE_URL }),
      // The only wrong OAuth host is another company's: a key sent there has left Sber.
      KNOWN_WRONG_HOSTS[str(d.host)]?.which === 'auth' && say('CODE_WRONG_URL.keyLeft'),
    ],
  },
  CODE_TLS_VERIFY_OFF: {
    summary: (d) => say('CODE_TLS_VERIFY_OFF', { places: places(d), what: str(d.what) }),
    steps: () => [say('CODE_TLS_VERIFY_OFF.install', { getRoot: getRootCa }), say('CODE_TLS_VERIFY_OFF.point', { file: ROOT_FILE })],
  },
  CODE_UNOFFICIAL_VARIABLE: {
    summary: (d) => say('CODE_UNOFFICIAL_VARIABLE', { places: places(d), variables: list(d.variables).join(', ') || str(d.variable) }),
    steps: (d) => [
      say('CODE_UNOFFICIAL_VARIABLE.rename', { variable: str(d.variable), official: CREDENTIALS_VAR }),
      say('CODE_UNOFFICIAL_VARIABLE.token', { variable: ACCESS_TOKEN_VAR }),
    ],
  },
  CODE_MODEL_RETIRED: {
    summary: (d) => say('CODE_MODEL_RETIRED', { places: places(d), model: str(d.model), successor: str(d.successor) }),
    steps: (d) => [say('CODE_MODEL_RETIRED.use', { successor: str(d.successor), variable: MODEL_VAR })],
  },
  CODE_MODEL_MISSPELLED: {
    summary: (d) => say('CODE_MODEL_MISSPELLED', { places: places(d), model: str(d.model), suggestion: str(d.suggestion) }),
    steps: (d) => [say('CODE_MODEL_MISSPELLED.write', { suggestion: str(d.suggestion), run: gigadoctor('check', '--model', str(d.suggestion)) })],
  },
  CODE_SECRET_COMMITTED: {
    summary: (d) => say('CODE_SECRET_COMMITTED', { places: places(d), kind: secretKind(d), length: str(d.length), fingerprint: str(d.fingerprint) }),
    steps: (d) => [
      say('CODE_SECRET_COMMITTED.newKey', { token: str(d.kind) === 'access-token', studio: STUDIO_URL }),
      say('CODE_SECRET_COMMITTED.untrack', { file: str(d.file) }),
      say('CODE_SECRET_COMMITTED.history'),
    ],
  },
  CODE_SECRET_IN_FILE: {
    summary: (d) =>
      say('CODE_SECRET_IN_FILE', { places: places(d), kind: secretKind(d), length: str(d.length), fingerprint: str(d.fingerprint), envFile: d.envFile === true }),
    steps: (d) => [d.envFile === true ? say('CODE_SECRET_IN_FILE.gitignore') : say('CODE_SECRET_IN_FILE.move')],
  },
  CODE_SDK_KNOWN_ISSUE: {
    summary: (d) =>
      say('CODE_SDK_KNOWN_ISSUE', { places: places(d), name: str(d.name), version: str(d.version), problem: str(d.problem), source: str(d.source) }),
    steps: (d) => [say('CODE_SDK_KNOWN_ISSUE.workaround', { workaround: str(d.workaround) })],
  },
  CODE_SDK_PROXY_DIFFERS: {
    summary: (d) =>
      say('CODE_SDK_PROXY_DIFFERS', {
        host: str(d.host),
        sdk: route(d.sdkProxy, d.sdkVariable, d.sdkNoProxyEntry),
        gigadoctor: route(d.gigadoctorProxy, d.gigadoctorVariable, d.gigadoctorNoProxyEntry),
      }),
    steps: () => [say('CODE_SDK_PROXY_DIFFERS.agree'), say('CODE_SDK_PROXY_DIFFERS.explicit')],
  },
  CODE_SCAN_PARTIAL: {
    summary: (d) =>
      say('CODE_SCAN_PARTIAL', {
        reason: str(d.reason), files: str(d.files, '0'),
        filesLeftOut: str(d.filesLeftOut), foldersLeftOut: num(d.foldersLeftOut) ? str(d.foldersLeftOut) : '',
      }),
    steps: () => [say('CODE_SCAN_PARTIAL.ignore')],
  },
  PYTHON_NOT_A_PROJECT: {
    summary: (d) => say(str(d.reason) === 'no-interpreter' ? 'PYTHON_NOT_A_PROJECT.noInterpreter' : 'PYTHON_NOT_A_PROJECT'),
    steps: (d) => [
      str(d.reason) === 'no-interpreter'
        ? say('PYTHON_NOT_A_PROJECT.activate')
        : say('PYTHON_NOT_A_PROJECT.project', { run: gigadoctor('check', '--project', say('placeholder.appFolder')) }),
    ],
  },
  PYTHON_TLS_OK: {
    summary: (d) =>
      say('PYTHON_TLS_OK', {
        who: pythonWho(d), targets: records(d.targets).map((t) => `${str(t.host)}:${str(t.port)}`).join(', '), ca: caOf(d),
      }),
    steps: none,
  },
  PYTHON_TLS_DIVERGES: {
    summary: (d) =>
      nodeFails(d)
        ? say('PYTHON_TLS_DIVERGES.nodeFails', { ca: caOf(d) })
        : say('PYTHON_TLS_DIVERGES', { host: str(d.host), port: str(d.port), who: pythonWho(d), error: str(d.error), ca: caOf(d) }),
    steps: (d) => (nodeFails(d) ? [say('PYTHON_TLS_DIVERGES.node', { set: setEnv(NODE_CA_VAR, ROOT_FILE), getRoot: getRootCa })] : pythonTrustSteps()),
  },
  PYTHON_TLS_FAILED: {
    summary: (d) => say('PYTHON_TLS_FAILED', { who: pythonWho(d), host: str(d.host), port: str(d.port), error: str(d.error), ca: caOf(d) }),
    steps: pythonTrustSteps,
  },
  PYTHON_NETWORK_FAILED: {
    summary: (d) =>
      say('PYTHON_NETWORK_FAILED', { who: pythonWho(d), host: str(d.host), port: str(d.port), kind: str(d.kind), proxy: str(d.proxy), error: str(d.error) }),
    steps: () => [say('PYTHON_NETWORK_FAILED.proxyRules'), say('PYTHON_NETWORK_FAILED.sameEnv')],
  },
  PYTHON_PROBE_FAILED: {
    summary: (d) => say('PYTHON_PROBE_FAILED', { interpreter: str(d.interpreter), reason: str(d.reason), detail: str(d.detail) }),
    steps: (d) => [say('PYTHON_PROBE_FAILED.starts', { interpreter: str(d.interpreter) })],
  },
  PYTHON_SDK_MISSING: {
    summary: (d) => say('PYTHON_SDK_MISSING', { interpreter: str(d.interpreter), python: str(d.python, '?') }),
    steps: (d) => [say('PYTHON_SDK_MISSING.install', { interpreter: str(d.interpreter, 'python') })],
  },
  PYTHON_VERIFY_DISABLED: {
    summary: (d) => say('PYTHON_VERIFY_DISABLED', { variable: VERIFY_SSL_VAR, source: str(d.source) }),
    steps: () => [say('PYTHON_VERIFY_DISABLED.remove', { variable: VERIFY_SSL_VAR, set: `${CA_BUNDLE_VAR}=${ROOT_FILE}` })],
  },
} satisfies Record<string, Remedy>;
