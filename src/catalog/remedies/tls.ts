// The tls check's findings, and the CA and client-certificate files it reads.

import {
  AUTH_HOST, BASE_URL, CA_BUNDLE_VAR, CERT_FILE_VAR, KEY_FILE_PASSWORD_VAR, KEY_FILE_VAR, OFFICIAL_API_HOSTS, RUSSIAN_CA_PAGE, RUSSIAN_ROOT_CA,
  VERIFY_SSL_VAR,
} from '../../gigachat/index.js';
import { GIGACHAT_NO_PROXY, envNameOf, has, isFileSource, num, portFor, records, str, targetOf } from '../text-helpers.js';
import {
  gigadoctor, none, persistEnv, placeholderPath, run, say, setEnv, unsetEnv, type Details, type Remedy, type Say,
} from '../steps.js';
import type { Shell } from '../types.js';
import { PROXY, RETRY, clockNote, duration, getRootCa, hostPortOf, reportStep, timeoutStep, withNodeFetchProxy } from './common.js';

export const NODE_CA_VAR = 'NODE_EXTRA_CA_CERTS';
const ROOT_FILE = RUSSIAN_ROOT_CA.file;
/** The root's fingerprint as remedies quote it: its first and last bytes. */
const SHORT_SHA256 = `${RUSSIAN_ROOT_CA.sha256.slice(0, 5)}…${RUSSIAN_ROOT_CA.sha256.slice(-5)}`;
/** Placeholder names of files the user gets elsewhere. */
const SERVER_ROOT_FILE = 'server-root-ca.pem';
const CORPORATE_ROOT_FILE = 'corporate-root.pem';
const CLIENT_CERT_FILE = 'client.crt';
const CLIENT_KEY_FILE = 'client.key';

const caGetStep = (shell: Shell): Say =>
  say('ca.get', {
    getRoot: getRootCa, page: RUSSIAN_CA_PAGE, sha256: RUSSIAN_ROOT_CA.sha256,
    verify: shell === 'posix' ? run('caFingerprint', ROOT_FILE) : undefined,
  });

const caNodeStep = (file: string = ROOT_FILE): Say =>
  say('ca.node', { set: setEnv(NODE_CA_VAR, placeholderPath(file)), persist: persistEnv(NODE_CA_VAR, placeholderPath(file)) });

const osStoreStep = (shell: Shell, file: string = ROOT_FILE): Say =>
  shell === 'posix'
    ? say('ca.unixStore', { file, crt: file.replace(/\.pem$/, '.crt') })
    : say('ca.windowsStore', { path: placeholderPath(file) });

const clockCheckStep = (shell: Shell): Say => say('clock.check', { show: run('clockShow'), sync: run('clockSync'), note: clockNote(shell) });

const clockOf = (d: Details): Record<string, unknown> => records([d.clock])[0] ?? {};
const clockOk = (d: Details): boolean => str(clockOf(d).verdict) === 'ok';

/** What the clock evidence says, as a tail for a date failure's summary (nothing when nothing is known). */
function clockSays(d: Details): Say {
  const c = clockOf(d);
  const skew = num(c.skewSec);
  return say('clock.says', {
    verdict: str(c.verdict), fromServer: str(c.evidence) === 'server-date' && skew !== undefined, skew, least: num(c.atLeastSec),
  });
}

const unlessClockOk = (d: Details, shell: Shell): Say | undefined => (clockOk(d) ? undefined : clockCheckStep(shell));

export const tlsRemedies = {
  TLS_OK: {
    summary: (d) =>
      say('TLS_OK', {
        targets: records(d.targets).map((t) => {
          const timing = records([t.timings])[0] ?? {};
          return say('TLS_OK.target', {
            target: `${str(t.host, '?')}:${portFor(t.host, t.port)}`, issuer: str(t.issuer), validTo: str(t.validTo), proxy: str(t.proxy),
            connect: duration(timing.connectMs), tls: duration(timing.tlsMs),
          });
        }),
      }),
    steps: none,
  },
  TLS_UNTRUSTED_ROOT: {
    summary: (d) =>
      say('TLS_UNTRUSTED_ROOT', {
        target: hostPortOf(d), issuer: str(d.issuer), errno: str(d.errno), caFile: str(d.caFile), short: SHORT_SHA256,
        otherRoot: d.verifiesWithRussianRoot === false, provenRussian: d.verifiesWithRussianRoot === true, claims: d.claimsRussianRoot === true,
      }),
    steps: (d, shell) => {
      if (d.verifiesWithRussianRoot === false) {
        return [
          say(d.claimsRussianRoot === true ? 'TLS_UNTRUSTED_ROOT.fakeRussian' : 'TLS_UNTRUSTED_ROOT.otherRoot', {
            short: SHORT_SHA256, host: str(d.host), issuer: str(d.issuer),
          }),
          caNodeStep(SERVER_ROOT_FILE),
          say('TLS_UNTRUSTED_ROOT.pythonFile', { set: setEnv(CA_BUNDLE_VAR, placeholderPath(SERVER_ROOT_FILE)), path: placeholderPath(SERVER_ROOT_FILE) }),
          osStoreStep(shell, SERVER_ROOT_FILE),
        ];
      }
      return [
        has(d.caFile) ? say('TLS_UNTRUSTED_ROOT.caFileMisses', { caFile: str(d.caFile), get: caGetStep(shell) }) : caGetStep(shell),
        caNodeStep(),
        say('TLS_UNTRUSTED_ROOT.python', { set: setEnv(CA_BUNDLE_VAR, placeholderPath(ROOT_FILE)) }),
        osStoreStep(shell),
      ];
    },
  },
  TLS_INTERCEPTED: {
    summary: (d) =>
      say('TLS_INTERCEPTED', { target: hostPortOf(d), proxy: str(d.proxy), issuer: str(d.issuer), claims: d.claimsRussianRoot === true }),
    steps: (d) => [
      say('TLS_INTERCEPTED.root', { issuer: str(d.issuer), set: setEnv(NODE_CA_VAR, placeholderPath(CORPORATE_ROOT_FILE)), getRoot: getRootCa }),
      say('TLS_INTERCEPTED.exclude', {
        hosts: [AUTH_HOST, ...OFFICIAL_API_HOSTS].join(', '), bypass: has(d.proxy) ? setEnv('NO_PROXY', GIGACHAT_NO_PROXY) : undefined,
      }),
      say('TLS_INTERCEPTED.antivirus'),
      say('TLS_INTERCEPTED.python', { set: setEnv(CA_BUNDLE_VAR, placeholderPath(CORPORATE_ROOT_FILE)) }),
    ],
  },
  TLS_HOSTNAME_MISMATCH: {
    summary: (d) => say('TLS_HOSTNAME_MISMATCH', { target: hostPortOf(d), names: str(d.certNames), host: str(d.host) }),
    steps: (d) => [say('TLS_HOSTNAME_MISMATCH.official'), say('TLS_HOSTNAME_MISMATCH.hosts', { host: str(d.host) }), say('TLS_HOSTNAME_MISMATCH.gateway', { host: str(d.host) })],
  },
  TLS_EXPIRED: {
    summary: (d) => say('TLS_EXPIRED', { subject: str(d.subject), target: hostPortOf(d), validTo: str(d.validTo), clock: clockSays(d) }),
    steps: (d, shell) => [unlessClockOk(d, shell), say('TLS_EXPIRED.notUsual'), say('TLS_EXPIRED.later')],
  },
  TLS_NOT_YET_VALID: {
    summary: (d) =>
      say('TLS_NOT_YET_VALID', { subject: str(d.subject), target: hostPortOf(d), validFrom: str(d.validFrom), clockOk: clockOk(d), clock: clockSays(d) }),
    steps: (d, shell) =>
      clockOk(d) ? [say('TLS_NOT_YET_VALID.early'), reportStep] : [clockCheckStep(shell), say('CLOCK_SKEW.vm')],
  },
  TLS_TIMEOUT: {
    summary: (d) => say('TLS_TIMEOUT', { target: hostPortOf(d), proxy: str(d.proxy), within: duration(d.timeoutMs), retry: RETRY }),
    steps: () => [say('step.runAgain'), withNodeFetchProxy(say('TLS_TIMEOUT.dpi', { set: setEnv('HTTPS_PROXY', PROXY) })), timeoutStep],
  },
  TLS_HANDSHAKE_FAILED: {
    summary: (d) => say('TLS_HANDSHAKE_FAILED', { target: hostPortOf(d), error: [str(d.errno), str(d.message)].filter(Boolean).join(' ') }),
    steps: (d) => {
      const { host, port } = targetOf(d);
      return [
        say('TLS_HANDSHAKE_FAILED.look', { command: run('tlsProbe', host, port) }),
        say('TLS_HANDSHAKE_FAILED.middlebox'),
        say('TLS_HANDSHAKE_FAILED.node'),
        reportStep,
      ];
    },
  },
  TLS_CLIENT_CERT_REQUIRED: {
    summary: (d) => say('TLS_CLIENT_CERT_REQUIRED', { target: hostPortOf(d), offered: d.clientCertSent === true, errno: str(d.errno) }),
    steps: () => [
      say('TLS_CLIENT_CERT_REQUIRED.files', {
        cert: setEnv(CERT_FILE_VAR, placeholderPath(CLIENT_CERT_FILE)), key: setEnv(KEY_FILE_VAR, placeholderPath(CLIENT_KEY_FILE)),
      }),
      say('TLS_CLIENT_CERT_REQUIRED.sdks'),
      say('TLS_CLIENT_CERT_REQUIRED.public', { url: BASE_URL }),
    ],
  },
  TLS_CLIENT_CERT_REJECTED: {
    summary: (d) => say('TLS_CLIENT_CERT_REJECTED', { target: hostPortOf(d), certFile: str(d.certFile), errno: str(d.errno) }),
    steps: (d) => [
      say('TLS_CLIENT_CERT_REJECTED.check', { show: run('certShow', str(d.certFile, CLIENT_CERT_FILE)) }),
      say('TLS_CLIENT_CERT_REJECTED.intermediate'),
      say('TLS_CLIENT_CERT_REJECTED.enrolled'),
    ],
  },
  TLS_SUB_CA_EXPIRING: {
    summary: (d) => say('TLS_SUB_CA_EXPIRING', { target: hostPortOf(d), subject: str(d.subject), validTo: str(d.validTo), days: str(d.daysLeft) }),
    steps: () => [
      say('TLS_SUB_CA_EXPIRING.root', { set: setEnv(NODE_CA_VAR, placeholderPath(ROOT_FILE)), getRoot: getRootCa }),
      say('TLS_SUB_CA_EXPIRING.successor', { page: RUSSIAN_CA_PAGE }),
    ],
  },
  TLS_VERIFICATION_DISABLED: {
    summary: (d) =>
      say('TLS_VERIFICATION_DISABLED', { byApp: str(d.reason) === VERIFY_SSL_VAR, source: say('sourceName', { source: str(d.source) }), reason: str(d.reason) }),
    steps: (d) => [
      say('TLS_VERIFICATION_DISABLED.never', { getRoot: getRootCa, set: setEnv(NODE_CA_VAR, placeholderPath(ROOT_FILE)) }),
      str(d.reason) === VERIFY_SSL_VAR
        ? say('TLS_VERIFICATION_DISABLED.turnOn', {
          unset: unsetEnv(VERIFY_SSL_VAR), line: isFileSource(d.source) ? str(d.source) : '', set: setEnv(CA_BUNDLE_VAR, placeholderPath(ROOT_FILE)),
        })
        : say('TLS_VERIFICATION_DISABLED.fixFirst'),
    ],
  },
  CA_FILE_INVALID: {
    summary: (d) => say('CA_FILE_INVALID', { variable: str(d.variable, NODE_CA_VAR), path: str(d.path), reason: str(d.reason) }),
    steps: (d) => {
      const reason = str(d.reason);
      const path = str(d.path, ROOT_FILE);
      const name = str(d.variable, NODE_CA_VAR);
      const good = placeholderPath(ROOT_FILE);
      const fix: Record<string, Say> = {
        missing: say('CA_FILE_INVALID.absolute'),
        unreadable: say('CA_FILE_INVALID.absolute'),
        der: say('CA_FILE_INVALID.der', { convert: run('derCertToPem', path, ROOT_FILE) }),
        'private-key': say('CA_FILE_INVALID.privateKey', { name }),
        'double-base64': say('CA_FILE_INVALID.decode', { decode: run('decodeBase64File', path, good) }),
      };
      return [
        Object.hasOwn(fix, reason) ? fix[reason] : undefined,
        say('CA_FILE_INVALID.goodCopy', { getRoot: getRootCa, page: RUSSIAN_CA_PAGE, sha256: RUSSIAN_ROOT_CA.sha256 }),
        name.startsWith('-')
          ? say('CA_FILE_INVALID.flag', { run: gigadoctor(name, good), set: setEnv(NODE_CA_VAR, good) })
          : name === NODE_CA_VAR
            ? say('CA_FILE_INVALID.node', { set: setEnv(name, good) })
            : say('CA_FILE_INVALID.variable', { name, set: setEnv(envNameOf(name), good) }),
      ];
    },
  },
  CLIENT_CERT_INVALID: {
    summary: (d) => say('CLIENT_CERT_INVALID', { variable: str(d.variable, CERT_FILE_VAR), path: str(d.path), reason: str(d.reason) }),
    steps: (d) => {
      const isKey = str(d.which) === 'key';
      const ownFile = isKey ? CLIENT_KEY_FILE : CLIENT_CERT_FILE;
      const path = str(d.path, ownFile);
      switch (str(d.reason)) {
        case 'cert-not-set':
          return [say('CLIENT_CERT_INVALID.certNotSet', { set: setEnv(CERT_FILE_VAR, placeholderPath(CLIENT_CERT_FILE)) })];
        case 'missing':
        case 'unreadable':
        case 'too-large':
          return [say('CLIENT_CERT_INVALID.absolute', { set: setEnv(str(d.variable, CERT_FILE_VAR), placeholderPath(ownFile)) })];
        case 'der':
          return [
            isKey
              ? say('CLIENT_CERT_INVALID.derKey', { convert: run('derKeyToPem', path, CLIENT_KEY_FILE) })
              : say('CLIENT_CERT_INVALID.derCert', { convert: run('derCertToPem', path, CLIENT_CERT_FILE) }),
          ];
        case 'no-key':
          return [say('CLIENT_CERT_INVALID.noKey', { set: setEnv(KEY_FILE_VAR, placeholderPath(CLIENT_KEY_FILE)) })];
        case 'passphrase-missing':
          return [say('CLIENT_CERT_INVALID.passphrase', { set: setEnv(KEY_FILE_PASSWORD_VAR, say('placeholder.keyPassword')) })];
        case 'bad-passphrase':
          return [say('CLIENT_CERT_INVALID.badPassphrase')];
        case 'key-mismatch':
          return [
            say('CLIENT_CERT_INVALID.mismatch'),
            say('CLIENT_CERT_INVALID.compare', { compare: run('keyMatchesCert', str(d.path, CLIENT_CERT_FILE), CLIENT_KEY_FILE) }),
          ];
        default:
          return [say('CLIENT_CERT_INVALID.check', { cert: run('certShow', CLIENT_CERT_FILE), key: run('keyReads', CLIENT_KEY_FILE) })];
      }
    },
  },
  NODE_EXTRA_CA_CERTS_IN_ENV_FILE: {
    summary: (d) => say('NODE_EXTRA_CA_CERTS_IN_ENV_FILE', { source: str(d.source, '.env'), path: str(d.path) }),
    steps: (d) => {
      const file = has(d.path) ? str(d.path) : placeholderPath(ROOT_FILE);
      return [
        say('NODE_EXTRA_CA_CERTS_IN_ENV_FILE.set', { set: setEnv(NODE_CA_VAR, file) }),
        say('NODE_EXTRA_CA_CERTS_IN_ENV_FILE.delete', { source: str(d.source, '.env') }),
        say('NODE_EXTRA_CA_CERTS_IN_ENV_FILE.python', { set: setEnv(CA_BUNDLE_VAR, file) }),
      ];
    },
  },
} satisfies Record<string, Remedy>;
