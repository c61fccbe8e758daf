// English message catalogue. Facts: /work/shared/reference/gigachat-api.md; never the guide's errata.

import type { CheckId, CodeText, Details, RemedyContext } from '../types.js';
import type { Code } from '../codes.js';
import { phrases } from '../phrases/en.js';
import {
  GIGACHAT_NO_PROXY,
  OFFICIAL,
  SCOPES,
  base64PairCommand,
  baseFromExpected,
  caPath,
  clockSyncCommand,
  decodeBase64FileCommand,
  duration,
  endpointEnv,
  endpointVar,
  envNameOf,
  has,
  hostOf,
  httpsOf,
  isFileSource,
  isOfficialAuthHost,
  isOfficialApiHost,
  isUltra,
  isWindows,
  list,
  num,
  officialFor,
  opt,
  otherScopes,
  portFor,
  portOf,
  targetOf,
  pathEndsWith,
  persistEnv,
  proxyWithAuth,
  records,
  retryAfter,
  showProxyCommand,
  str,
  tcpTest,
  truncate,
  unsetEnv,
  withPath,
} from '../text-helpers.js';
import { AUTH_PATH, DEFAULT_SCOPE, SCOPE_AUDIENCE, type Scope } from '../../gigachat/index.js';

const NEW_API_HOST = new URL(OFFICIAL.newBaseUrl).host;

const checks: Record<CheckId, string> = phrases.checks;

// ---------- small local helpers ----------

const KEY = '<authorization key from Studio>';
const TOKEN = '<access token>';
const PROXY = 'http://<proxy-host>:<port>';
const RETRY = 'this may pass on retry';

const ms = (v: unknown): string => duration(v, { ms: 'ms', s: 's' });

const v = (d: Details, fallback = 'GIGACHAT_CREDENTIALS'): string => str(d.variable, fallback);

function sourceLabel(s: unknown): string {
  const x = str(s);
  if (x === 'env') return 'environment';
  if (x === 'flag') return 'command-line flag';
  if (x === 'default') return 'default';
  return x;
}

/** " (.env:3)" / " (environment)" or "". */
const at = (d: Details): string => opt(sourceLabel(d.source), ' (', ')');

function placeholder(name: string): string {
  switch (name) {
    case 'GIGACHAT_ACCESS_TOKEN':
      return TOKEN;
    case 'GIGACHAT_PASSWORD':
      return '<password>';
    case 'GIGACHAT_USER':
      return '<user>';
    default:
      return KEY;
  }
}

/** The last step of every "fix the value" remedy: where and how. */
function fixAt(d: Details, ctx: RemedyContext, fallbackVar = 'GIGACHAT_CREDENTIALS'): string {
  const name = v(d, fallbackVar);
  const src = str(d.source);
  if (isFileSource(src)) return `Fix the line in ${src} so it reads ${name}=${placeholder(name)} (no quotes, no spaces)`;
  return `Set it again where your app starts: ${ctx.setEnv(name, placeholder(name))}`;
}

const studioStep =
  `Get the key in GigaChat Studio (${OFFICIAL.studio}) → your GigaChat API project → "API settings" → "Get key": ` +
  `copy the Authorization key (Base64 of ClientID:ClientSecret, about 100 characters ending in "=="). ` +
  `It is shown only once; if you no longer have it, generate a new one`;

function scopeWho(scope: string): string {
  return { individuals: 'individuals', prepaid: 'businesses, prepaid packages', postpaid: 'businesses, postpaid' }[SCOPE_AUDIENCE[scope as Scope]] ?? '';
}

const scopesExplained = SCOPES.map((s) => `${s} (${scopeWho(s)})`).join(', ');

function httpStatus(d: Details): string {
  return opt(d.status, 'HTTP ');
}

/** `HTTP 400, code 7 "message"` from whatever is present. */
function serverSaid(d: Details): string {
  const parts = [httpStatus(d), opt(d.code, 'code ')].filter(Boolean).join(', ');
  const msg = opt(d.message, '"', '"');
  return [parts, msg].filter(Boolean).join(' ');
}

function bodyKind(k: unknown): string {
  switch (str(k)) {
    case 'html':
      return 'an HTML page';
    case 'json':
      return 'a JSON body';
    case 'text':
      return 'a text body';
    case 'empty':
      return 'an empty body';
    default:
      return '';
  }
}

function badResponseReason(d: Details): string {
  const field = opt(d.field, ' (field ', ')');
  switch (str(d.reason)) {
    case 'not-json':
      return `the body is not JSON${field}`;
    case 'wrong-shape':
      return `the JSON lacks the expected fields${field}`;
    case 'too-large':
      return 'the body is too large';
    case 'invalid-utf8':
      return 'the body is not valid UTF-8';
    case 'unexpected-status':
      return `unexpected status${field}`;
    default:
      return `unexpected content${field}`;
  }
}

/** host:port, or `fallback` when there is no host. */
function hostPort(d: Details, fallback = 'The server'): string {
  if (!has(d.host)) return fallback;
  return has(d.port) ? `${str(d.host)}:${str(d.port)}` : str(d.host);
}

function waitStep(d: Details): string {
  const ra = retryAfter(d);
  return ra !== undefined ? `Wait ${ra} s (Retry-After) and run again` : 'Wait a few seconds and run again';
}

const caGetStep = (ctx: RemedyContext): string =>
  `Get the root certificate: gigadoctor ca --out ${OFFICIAL.caFile}, or download "Russian Trusted Root CA" from ${OFFICIAL.caPage}; ` +
  `check that its SHA-256 fingerprint is ${OFFICIAL.caSha256}` +
  (isWindows(ctx) ? '' : ` (openssl x509 -in ${OFFICIAL.caFile} -noout -fingerprint -sha256)`);

const caNodeStep = (ctx: RemedyContext, file: string = OFFICIAL.caFile): string =>
  `Node: set it before node starts — ${ctx.setEnv('NODE_EXTRA_CA_CERTS', caPath(ctx, file))} — in the shell, the service unit, the Dockerfile (ENV) or the CI job; ` +
  `to persist it for new terminals: ${persistEnv(ctx, 'NODE_EXTRA_CA_CERTS', caPath(ctx, file))}; ` +
  `a line in .env loaded by dotenv comes too late and does nothing (in code: pass ca to an https.Agent, the JS SDK's httpsAgent)`;

function osStoreStep(ctx: RemedyContext, file: string = OFFICIAL.caFile): string {
  const crt = file.replace(/\.pem$/, '.crt');
  if (isWindows(ctx)) {
    return `Or add it to the Windows store (as administrator): certutil -addstore Root ${caPath(ctx, file)}; ` +
      `Node reads the OS store only when started with --use-system-ca (recent Node versions), so NODE_EXTRA_CA_CERTS remains the sure way. ` +
      `Docker: install it inside the image (COPY it, then ENV NODE_EXTRA_CA_CERTS=<its path in the image>), not on the host`;
  }
  return `Or add it to the OS store — Debian/Ubuntu: sudo cp ${file} /usr/local/share/ca-certificates/${crt} && sudo update-ca-certificates; ` +
    `RHEL/Fedora: sudo cp ${file} /etc/pki/ca-trust/source/anchors/ && sudo update-ca-trust; ` +
    `macOS: sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${file}. ` +
    `Docker: in the Dockerfile, not on the host — COPY ${file} /usr/local/share/ca-certificates/${crt}, RUN update-ca-certificates, ` +
    `ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/${crt}. Node reads the OS store only with --use-system-ca (recent Node versions)`;
}

/** "3 days" / "5 h" / "12 min" / "40 s" for a number of seconds. */
function span(sec: number): string {
  const s = Math.abs(Math.round(sec));
  if (s >= 2 * 86_400) return `${Math.round(s / 86_400)} days`;
  if (s >= 2 * 3_600) return `${Math.round(s / 3_600)} h`;
  if (s >= 120) return `${Math.round(s / 60)} min`;
  return `${s} s`;
}

const clockOf = (c: unknown): Record<string, unknown> => records([c])[0] ?? {};
const clockVerdict = (c: unknown): string => str(clockOf(c).verdict);

/** What the clock evidence says, as a tail for a date failure's summary ('' when nothing is known). */
function clockSays(c: unknown): string {
  const r = clockOf(c);
  const skew = num(r.skewSec);
  const least = num(r.atLeastSec);
  const fromServer = str(r.evidence) === 'server-date' && skew !== undefined;
  switch (str(r.verdict)) {
    case 'ok':
      return fromServer ? `; a server's Date header agrees with this clock (within ${span(skew)}), so the certificate itself is out of date` : '';
    case 'behind':
      if (fromServer) return `; a server's Date header says this clock is behind by ${span(skew)}`;
      return least !== undefined && least > 0 ? ` by at least ${span(least)} (a server does not present a certificate before it is issued)` : '';
    case 'ahead':
      return fromServer
        ? `; a server's Date header says this clock is ahead by ${span(skew)}`
        : '; the CA certificates above it look expired too, which points to a clock far ahead';
    default:
      return '';
  }
}

function proxyReason(reason: string): string {
  switch (reason) {
    case 'no-scheme':
      return 'it has no scheme (http://), which Node\'s undici requires';
    case 'unsupported-scheme':
      return 'gigadoctor can test only http:// and https:// proxies (CONNECT)';
    default:
      return 'it is not a URL';
  }
}

function clientCertReason(reason: string): string {
  switch (reason) {
    case 'cert-not-set':
      return 'GIGACHAT_KEY_FILE is set without GIGACHAT_CERT_FILE';
    case 'missing':
      return 'the file does not exist';
    case 'unreadable':
      return 'the file cannot be read';
    case 'too-large':
      return 'the file is too large to be a certificate or key';
    case 'der':
      return 'it is in binary DER format, PEM is needed';
    case 'not-pem':
      return 'it is not PEM (no -----BEGIN line)';
    case 'no-key':
      return 'no private key: GIGACHAT_KEY_FILE is not set and the certificate file holds none';
    case 'passphrase-missing':
      return 'the key is encrypted and GIGACHAT_KEY_FILE_PASSWORD is not set';
    case 'bad-passphrase':
      return 'GIGACHAT_KEY_FILE_PASSWORD does not decrypt the key';
    case 'key-mismatch':
      return 'the key does not belong to the certificate';
    default:
      return 'the certificate and key do not form a usable pair';
  }
}

function clockCheckStep(ctx: RemedyContext): string {
  const show = isWindows(ctx) ? 'w32tm /stripchart /computer:time.windows.com /samples:3' : 'date -u';
  return `Check this machine's clock first (${show}) and sync it: ${clockSyncCommand(ctx)}${isWindows(ctx) ? ' (as administrator)' : ' (Linux; macOS: sudo sntp -sS time.apple.com)'}`;
}

const timeoutStep =
  'On a slow network raise the per-step timeout: gigadoctor --timeout 30000 (GIGACHAT_TIMEOUT for the SDKs is in seconds)';

const reportStep =
  'If it persists, report it with the output of gigadoctor check --json (secrets are removed from it)';

function redirectSteps(d: Details, ctx: RemedyContext, variable: string, official: string): string[] {
  const loc = str(d.location);
  const host = hostOf(loc);
  const officialHost = variable === 'GIGACHAT_AUTH_URL' ? isOfficialAuthHost(loc) : isOfficialApiHost(loc);
  const steps: string[] = [];
  if (loc && officialHost) steps.push(`Use the final address directly: ${ctx.setEnv(variable, loc)}`);
  else steps.push(`Set the official address: ${ctx.setEnv(variable, official)} — or remove ${variable}, the SDK default is right`);
  steps.push(
    `A redirect to ${host ?? 'another host'} that is not GigaChat's usually means the network intercepts requests (captive portal, proxy login page): log in to the network or ask IT`,
  );
  return steps;
}

function serverErrorSteps(d: Details, variable: string, isOfficial: boolean): string[] {
  const steps = ['Run again in a minute or two: gateway errors (5xx, an HTML page from the gateway) are usually short-lived'];
  const host = hostOf(d.url);
  if (host && !isOfficial) {
    steps.push(`${host} is not an official GigaChat host: the error comes from it (e.g. a local proxy or gateway), not from GigaChat — check ${variable}`);
  }
  steps.push('If it lasts longer than about 15 minutes, report the time, URL and status to GigaChat support');
  return steps;
}

function tokenMovedToCredentials(ctx: RemedyContext): string {
  return `Better: remove GIGACHAT_ACCESS_TOKEN (${unsetEnv(ctx, 'GIGACHAT_ACCESS_TOKEN')}) and set the key instead — ${ctx.setEnv('GIGACHAT_CREDENTIALS', KEY)}; the SDKs then get and refresh 30-minute tokens by themselves`;
}

function caFileReason(reason: string): string {
  switch (reason) {
    case 'missing':
      return 'the file does not exist';
    case 'unreadable':
      return 'the file cannot be read';
    case 'not-pem':
      return 'it is not a PEM certificate (no -----BEGIN CERTIFICATE----- line)';
    case 'der':
      return 'it is in binary DER format, Node needs PEM';
    case 'private-key':
      return 'it holds a private key, not a certificate';
    case 'double-base64':
      return 'the PEM text was Base64-encoded once more';
    case 'empty':
      return 'the file is empty';
    case 'too-large':
      return 'it is too large to be a CA file';
    default:
      return reason || 'it is not a usable PEM certificate file';
  }
}

// ---------- the catalogue ----------

const codes: Partial<Record<Code, CodeText>> = {
  // --- env ---

  // --- format ---
  CREDENTIALS_NOT_BASE64: {
    title: 'Key is not Base64',
    summary: (d) =>
      `${v(d)}${at(d)} is not valid Base64${opt(d.position, ': the first invalid character is at position ')}${has(d.position) ? opt(d.length, ' of ') : opt(d.length, ' (', ' characters)')}`,
    remediation: (d, ctx) => [
      'A key uses only A–Z, a–z, 0–9, +, / and "=" at the end; usual causes are a cut-off copy, a stray character from a wrapped line, or URL-encoding (%3D instead of =)',
      'Copy the key from Studio again in full, or generate a new one',
      fixAt(d, ctx),
    ],
  },

  // --- endpoints ---

  // --- dns ---

  // --- tcp ---

  // --- tls ---
  TLS_OK: {
    title: 'Certificate verified',
    summary: (d) => {
      const targets = records(d.targets).map((t) => {
        const timing = records([t.timings])[0] ?? {};
        const times = [opt(ms(timing.connectMs), 'connect '), opt(ms(timing.tlsMs), 'TLS ')].filter(Boolean).join(', ');
        const extra = [opt(t.issuer, 'issuer '), opt(t.validTo, 'valid until '), opt(t.proxy, 'through '), times].filter(Boolean).join(', ');
        return `${str(t.host, '?')}:${portFor(t.host, t.port)}${extra ? ` (${extra})` : ''}`;
      });
      return targets.length ? `Chain verified: ${targets.join('; ')}` : 'Certificate chains verified';
    },
    remediation: () => [],
  },
  TLS_UNTRUSTED_ROOT: {
    title: 'Russian Trusted Root CA missing',
    summary: (d) => {
      const head = `${hostPort(d)}: the certificate chain${opt(d.issuer, ' (issuer ', ')')} does not verify${opt(d.errno, ' (', ')')}`;
      if (d.verifiesWithRussianRoot === false) {
        const why = d.claimsRussianRoot === true
          ? ': it carries the Russian Trusted Root CA\'s name but is not signed by the genuine root, so this process lacks whatever root really signed it'
          : ` and does not lead to the Russian Trusted Root CA: this process lacks the root of ${opt(d.issuer, '"', '"') || 'its issuer'}`;
        return `${head}${why}${opt(d.caFile, '; the given CA file ', ' did not help')}`;
      }
      const proof = d.verifiesWithRussianRoot === true ? ' It verifies against the bundled root (SHA-256 D2:6D…CF:31): installing that root fixes it' : '';
      return `${head} — this Node does not trust the Russian Trusted Root CA (Ministry of Digital Development)` +
        opt(d.caFile, '; the given CA file ', ' did not help') + (proof ? `.${proof}` : '');
    },
    remediation: (d, ctx) => {
      if (d.verifiesWithRussianRoot === false) {
        const file = 'server-root-ca.pem';
        return [
          d.claimsRussianRoot === true
            ? `Installing the genuine Russian root (SHA-256 D2:6D…CF:31) will not help: get the CA certificate this chain really ends in (PEM) from whoever runs ${str(d.host, 'this server')} — a test stand-in ships its own`
            : `Installing the Russian root will not help here: get the root certificate of ${opt(d.issuer, '"', '"') || 'the issuer'} (PEM) from whoever runs ${str(d.host, 'this server')}`,
          caNodeStep(ctx, file),
          `Python SDK: ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', caPath(ctx, file))}; gigadoctor: --ca-file ${caPath(ctx, file)}`,
          osStoreStep(ctx, file),
        ];
      }
      const first = has(d.caFile)
        ? `${str(d.caFile)} does not verify this chain: make sure it contains the Russian Trusted Root CA. ${caGetStep(ctx)}`
        : caGetStep(ctx);
      return [
        first,
        caNodeStep(ctx),
        `Python SDK: ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', caPath(ctx))} (gigadoctor reads it too, or takes --ca-file)`,
        osStoreStep(ctx),
      ];
    },
  },
  TLS_INTERCEPTED: {
    title: 'TLS intercepted',
    summary: (d) => {
      const who = opt(d.issuer, '"', '"') || 'an unknown issuer';
      const how = d.claimsRussianRoot === true
        ? `the chain carries the Russian Trusted Root CA's name but is not signed by it (top issuer ${who})`
        : `the certificate is issued by ${who} instead of the Russian Trusted Root CA`;
      return `TLS to ${hostPort(d, 'the server')}${opt(d.proxy, ' through proxy ')} is intercepted: ${how} — ${has(d.proxy) ? 'the proxy' : 'a corporate proxy'} or an antivirus re-signs the traffic`;
    },
    remediation: (d, ctx) => [
      `Ask IT for the root certificate of ${opt(d.issuer, '"', '"') || 'the intercepting proxy'} (PEM) and trust it before node starts: ${ctx.setEnv('NODE_EXTRA_CA_CERTS', caPath(ctx, 'corporate-root.pem'))}; ` +
        'the file may hold several certificates, so append the Russian Trusted Root CA to it as well (gigadoctor ca --out russian-trusted-root-ca.pem)',
      `Or ask IT to exclude ${OFFICIAL.authHost}, ${OFFICIAL.apiHosts.join(', ')} from TLS inspection` +
        (has(d.proxy) ? `; if they are reachable directly, bypass the proxy: ${ctx.setEnv('NO_PROXY', GIGACHAT_NO_PROXY)}` : ''),
      'If it is a local antivirus ("scan encrypted connections", HTTPS scanning), add these hosts to its exclusions',
      `Python SDK: put the same PEM file in ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', caPath(ctx, 'corporate-root.pem'))}`,
    ],
  },
  TLS_HOSTNAME_MISMATCH: {
    title: 'Certificate for another name',
    summary: (d) =>
      `${hostPort(d)} presented a certificate for ${str(d.certNames, 'other names')}, not for ${str(d.host, 'this host')}`,
    remediation: (d) => [
      'Use the official host name in the URL, not an IP address or an alias',
      `Check the hosts file for an entry that overrides ${str(d.host, 'the host')}: /etc/hosts (Windows: C:\\Windows\\System32\\drivers\\etc\\hosts)`,
      `If a gateway or proxy answers in GigaChat's place, ask its owners for a certificate valid for ${str(d.host, 'this host')}, or exclude the host from it`,
    ],
  },
  TLS_EXPIRED: {
    title: 'Certificate expired',
    summary: (d) =>
      `The certificate${opt(d.subject, ' "', '"')} of ${hostPort(d, 'the server')} expired${opt(d.validTo, ' on ')} — according to this machine's clock${clockSays(d.clock)}`,
    remediation: (d, ctx) => {
      const clockOk = clockVerdict(d.clock) === 'ok';
      return [
        ...(clockOk ? [] : [clockCheckStep(ctx)]),
        'If the clock is right, the expired certificate is not GigaChat\'s usual one: a proxy or antivirus in the way (see the issuer with --verbose), or an outdated certificate in your own CA file',
        'Try again later; if it persists, report the host and time to GigaChat support',
      ];
    },
  },
  TLS_NOT_YET_VALID: {
    title: 'Certificate not yet valid',
    summary: (d) =>
      `The certificate${opt(d.subject, ' "', '"')} of ${hostPort(d, 'the server')} is valid only from ${str(d.validFrom, 'a later date')}` +
      (clockVerdict(d.clock) === 'ok' ? clockSays(d.clock) : ` — this machine's clock is probably behind${clockSays(d.clock)}`),
    remediation: (d, ctx) => clockVerdict(d.clock) === 'ok'
      ? ['The clock agrees with the server\'s: the certificate was installed before its start date — report the host and time to its operator', reportStep]
      : [
        clockCheckStep(ctx),
        'In WSL2 or a VM the clock drifts after sleep: wsl --shutdown or restart the VM; containers use the host\'s clock',
      ],
  },
  TLS_TIMEOUT: {
    title: 'TLS handshake timed out',
    summary: (d) => `TLS handshake with ${hostPort(d, 'the server')}${opt(d.proxy, ' through ')} did not finish${opt(ms(d.timeoutMs), ' within ')}; ${RETRY}`,
    remediation: (_d, ctx) => [
      'Run again',
      `TCP connects but TLS stalls: typical of DPI or a filtering firewall — try another network, without the VPN, or through the corporate proxy: ${ctx.setEnv('HTTPS_PROXY', PROXY)}`,
      timeoutStep,
    ],
  },
  TLS_HANDSHAKE_FAILED: {
    title: 'TLS handshake failed',
    summary: (d) => `TLS handshake with ${hostPort(d, 'the server')} failed${opt([str(d.errno), str(d.message)].filter(Boolean).join(' '), ': ')}`,
    remediation: (d) => {
      const { host, port } = targetOf(d);
      return [
        `See what the server presents: openssl s_client -connect ${host}:${port} -servername ${host}`,
        'A proxy or middlebox that does not speak TLS on this port gives the same error: check HTTPS_PROXY and NO_PROXY',
        'Use a current Node (20.18 or newer)',
        reportStep,
      ];
    },
  },
  TLS_CLIENT_CERT_REQUIRED: {
    title: 'Client certificate required',
    summary: (d) =>
      `${hostPort(d)} demands a client certificate (mTLS)${d.clientCertSent === true ? ' and did not accept the one offered' : ' and none is configured'}${opt(d.errno, ' (', ')')}`,
    remediation: (_d, ctx) => [
      `Give the certificate and key issued for this service: ${ctx.setEnv('GIGACHAT_CERT_FILE', caPath(ctx, 'client.crt'))} and ${ctx.setEnv('GIGACHAT_KEY_FILE', caPath(ctx, 'client.key'))} (GIGACHAT_KEY_FILE_PASSWORD if the key is encrypted)`,
      'The Python SDK reads these variables; the JS SDK takes them as an https.Agent with cert, key and passphrase passed as httpsAgent',
      `Personal and business keys use the public hosts (${OFFICIAL.baseUrl}), which need no client certificate: check GIGACHAT_BASE_URL if mTLS is unexpected`,
    ],
  },
  TLS_CLIENT_CERT_REJECTED: {
    title: 'Client certificate rejected',
    summary: (d) => `${hostPort(d)} rejected the client certificate${opt(d.certFile, ' from ')}${opt(d.errno, ' (', ')')}`,
    remediation: (d) => [
      `Check that it is the certificate issued for this service and still valid: openssl x509 -in ${str(d.certFile, 'client.crt')} -noout -subject -issuer -dates`,
      'If it was issued by an intermediate CA, put that intermediate into the certificate file after the certificate',
      'Ask whoever issued it whether it is enrolled for this host; a new one may be needed',
    ],
  },
  TLS_SUB_CA_EXPIRING: {
    title: 'Sub CA expires soon',
    summary: (d) =>
      `${hostPort(d)} presents ${str(d.subject, 'the Russian Trusted Sub CA')}, which expires${opt(d.validTo, ' on ')}${opt(d.daysLeft, ' (in ', ' days)')}: anything that trusts this intermediate instead of the root will break then`,
    remediation: (_d, ctx) => [
      `Trust the root, not the intermediate: ${ctx.setEnv('NODE_EXTRA_CA_CERTS', caPath(ctx))} (gigadoctor ca --out ${OFFICIAL.caFile})`,
      `If a bundle of yours pins the Sub CA, add its successor ("Russian Trusted Sub CA 2024") from ${OFFICIAL.caPage}`,
    ],
  },
  TLS_VERIFICATION_DISABLED: {
    title: 'TLS verification disabled',
    summary: (d) =>
      str(d.reason) === 'GIGACHAT_VERIFY_SSL_CERTS'
        ? `Your app turns certificate verification OFF (GIGACHAT_VERIFY_SSL_CERTS${opt(sourceLabel(d.source), ' from ')}): it would hand the key to any impostor; gigadoctor verified anyway`
        : `Certificate verification is OFF${opt(d.reason, ' (', ')')}: the key and token went out with no proof of who receives them; what verification finds is reported as a warning`,
    remediation: (d, ctx) => [
      `Turning verification off is never the fix: trust the Russian Trusted Root CA instead — gigadoctor ca --out ${OFFICIAL.caFile}, then ${ctx.setEnv('NODE_EXTRA_CA_CERTS', caPath(ctx))} before node starts`,
      str(d.reason) === 'GIGACHAT_VERIFY_SSL_CERTS'
        ? `Turn verification back on: ${unsetEnv(ctx, 'GIGACHAT_VERIFY_SSL_CERTS')}${isFileSource(d.source) ? ` and delete the line in ${str(d.source)}` : ''}; the Python SDK takes the CA file via ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', caPath(ctx))}`
        : 'What verification found is shown above as a warning: a client with verification on stops there. Fix that, then run gigadoctor without the option that disables verification',
    ],
  },
  CA_FILE_INVALID: {
    title: 'CA file unusable',
    summary: (d) =>
      `${str(d.variable, 'NODE_EXTRA_CA_CERTS')} points to ${str(d.path, 'a file')} that cannot be used: ${caFileReason(str(d.reason))}`,
    remediation: (d, ctx) => {
      const reason = str(d.reason);
      const path = str(d.path, OFFICIAL.caFile);
      const name = str(d.variable, 'NODE_EXTRA_CA_CERTS');
      const steps: string[] = [];
      if (reason === 'missing' || reason === 'unreadable') {
        steps.push('Use an absolute path (a relative one is resolved from the directory the app starts in) and check that the file is readable');
      } else if (reason === 'der') {
        steps.push(`Convert it to PEM: openssl x509 -inform der -in ${path} -out ${OFFICIAL.caFile}`);
      } else if (reason === 'private-key') {
        steps.push(`This is a private key: never hand it out; remove it from ${name} and use the CA certificate instead`);
      } else if (reason === 'double-base64') {
        steps.push(`Decode it once: ${decodeBase64FileCommand(ctx, path, caPath(ctx))} (CI secret stores often hold files Base64-encoded)`);
      }
      steps.push(`Get a good copy: gigadoctor ca --out ${OFFICIAL.caFile}, or ${OFFICIAL.caPage}; check SHA-256 ${OFFICIAL.caSha256}`);
      if (name.startsWith('-')) {
        steps.push(`Pass the good file: gigadoctor ${name} ${caPath(ctx)}; a Node app needs ${ctx.setEnv('NODE_EXTRA_CA_CERTS', caPath(ctx))} before node starts`);
      } else if (name === 'NODE_EXTRA_CA_CERTS') {
        steps.push(`Point NODE_EXTRA_CA_CERTS at it: ${ctx.setEnv(name, caPath(ctx))}; Node only prints a warning and ignores a bad file`);
      } else {
        steps.push(`Point ${name} at it: ${ctx.setEnv(envNameOf(name), caPath(ctx))}`);
      }
      return steps;
    },
  },
  CLIENT_CERT_INVALID: {
    title: 'Client certificate unusable',
    summary: (d) =>
      `${str(d.variable, 'GIGACHAT_CERT_FILE')}${opt(d.path, ' (', ')')} cannot be used for mTLS: ${clientCertReason(str(d.reason))}`,
    remediation: (d, ctx) => {
      const reason = str(d.reason);
      const path = str(d.path, str(d.which) === 'key' ? 'client.key' : 'client.crt');
      switch (reason) {
        case 'cert-not-set':
          return [`GIGACHAT_KEY_FILE is set but the certificate is not: ${ctx.setEnv('GIGACHAT_CERT_FILE', caPath(ctx, 'client.crt'))}`];
        case 'missing':
        case 'unreadable':
        case 'too-large':
          return [`Use an absolute path to the file and check that it is readable: ${ctx.setEnv(str(d.variable, 'GIGACHAT_CERT_FILE'), caPath(ctx, str(d.which) === 'key' ? 'client.key' : 'client.crt'))}`];
        case 'der':
          return [str(d.which) === 'key'
            ? `Convert the key to PEM: openssl pkey -inform der -in ${path} -out client.key`
            : `Convert the certificate to PEM: openssl x509 -inform der -in ${path} -out client.crt`];
        case 'no-key':
          return [`The certificate file holds no private key: ${ctx.setEnv('GIGACHAT_KEY_FILE', caPath(ctx, 'client.key'))}`];
        case 'passphrase-missing':
          return [`The key is encrypted: give its password where the app starts — ${ctx.setEnv('GIGACHAT_KEY_FILE_PASSWORD', '<key password>')} — never on a command line`];
        case 'bad-passphrase':
          return ['GIGACHAT_KEY_FILE_PASSWORD does not decrypt the key: check it (and that no quotes or trailing spaces came along)'];
        case 'key-mismatch':
          return ['The key does not belong to the certificate: take the key that was generated with this certificate\'s request',
            `Compare: openssl x509 -in ${str(d.path, 'client.crt')} -noout -pubkey and openssl pkey -in client.key -pubout must print the same`];
        default:
          return [`Check the files with openssl: openssl x509 -in client.crt -noout -subject -dates; openssl pkey -in client.key -noout`];
      }
    },
  },
  NODE_EXTRA_CA_CERTS_IN_ENV_FILE: {
    title: 'NODE_EXTRA_CA_CERTS only in .env',
    summary: (d) =>
      `NODE_EXTRA_CA_CERTS is set only in ${str(d.source, '.env')}${opt(d.path, ' (', ')')}: Node reads it once, when the process starts, before any dotenv code runs — so a Node app never gets this CA`,
    remediation: (d, ctx) => [
      `Set it where node starts — the shell, the service unit, the Dockerfile (ENV) or the CI job: ${ctx.setEnv('NODE_EXTRA_CA_CERTS', str(d.path, caPath(ctx)))}`,
      `Then delete the line from ${str(d.source, '.env')}: it only suggests a fix that is not in effect`,
      `The Python SDK does not read NODE_EXTRA_CA_CERTS at all: ${ctx.setEnv('GIGACHAT_CA_BUNDLE_FILE', str(d.path, caPath(ctx)))}`,
    ],
  },

  // --- oauth ---

  // --- models ---

  // --- chat ---

  // --- runner ---
};

/** The codes not yet written as remedies + phrases (docs/catalog.md). */
export const legacyCodes = codes;
