/**
 * startMock(): a local HTTPS GigaChat stand-in. Two servers on loopback, like the two real
 * hosts: the OAuth host and the API host, both presenting a freshly generated
 * root → intermediate → leaf chain. Every request is recorded; the scenario decides which
 * fault, if any, the servers act out.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEFAULT_SCOPE } from '../gigachat/index.js';
import { handleAdminRequest, isAdminPath, makeAdminToken } from './admin.js';
import { apiBodyLimit, handleApiRequest } from './api-server.js';
import { OAUTH_PATH, handleAuthRequest } from './auth-server.js';
import { TimerSet } from './faults.js';
import { API_ERRORS, makeAuthorizationKey, type KeyScope } from './fixtures.js';
import { readBody, sendApiError } from './respond.js';
import { isScenario, type Scenario } from './scenarios.js';
import type { MockState, MockUser, RecordedRequest, ServerKind } from './state.js';
import { appendBounded, DEFAULT_REQUEST_LOG, recordOf, type RequestLogLimits } from './request-log.js';
import { TokenStore, type TokenLimits } from './tokens.js';
import { createChain, type CertificateChain, type ChainOptions } from './x509.js';
import { createClientCertificate, type ClientCertificate } from './client-cert.js';

export interface MockOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** 0 (the default) picks a free port. */
  authPort?: number;
  apiPort?: number;
  /** Default 'ok'. */
  scenario?: Scenario;
  /** Delay before every answer (admin excepted). */
  latencyMs?: number;
  /** Access token lifetime. Default 30 minutes, as the real service. */
  tokenTtlMs?: number;
  /** The scope the generated key belongs to. Default 'GIGACHAT_API_PERS'. */
  keyScope?: KeyScope;
  /** Passed to createChain (expired leaf, wrong name, another root name, …). */
  chain?: ChainOptions;
  /**
   * Send the root along with leaf + intermediate. Default true: the real hosts do, which is
   * why Node reports SELF_SIGNED_CERT_IN_CHAIN there. false sends leaf + intermediate only.
   */
  serveRoot?: boolean;
  /** Accounts for the username/password flow (POST {baseUrl}/token). */
  users?: MockUser | MockUser[];
  /** Shifts the Date header of every answer, for clock-skew tests. */
  dateOffsetMs?: number;
  /** Fixed client id / secret instead of fresh UUIDs. */
  clientId?: string;
  clientSecret?: string;
  /**
   * Demand a client certificate (mTLS) issued by the chain's root, as B2B hosts do: a client
   * without one fails the handshake (TLS 1.3 alert "certificate required"). The certificate to
   * use is in MockServer.clientCertificate. Default false.
   */
  requestCert?: boolean;
  /** The admin endpoint's token (X-Admin-Token); default a fresh random one. */
  adminToken?: string;
  /** How many requests, and how much of each body, `requests` keeps (request-log.ts). */
  requestLog?: Partial<RequestLogLimits>;
  /** How many tokens are remembered, and how long past their expiry (tokens.ts). */
  tokenLimits?: Partial<TokenLimits>;
}

export interface MockServer {
  /** https://127.0.0.1:PORT/api/v2/oauth */
  authUrl: string;
  /** https://127.0.0.1:PORT/api/v1 */
  baseUrl: string;
  authOrigin: string;
  apiOrigin: string;
  /** https://127.0.0.1:PORT/__admin/scenario (see admin.ts) */
  adminUrl: string;
  /** The value every admin request must send in the X-Admin-Token header. */
  adminToken: string;
  /** The generated authorization key: base64("<clientId>:<clientSecret>"). */
  credentials: string;
  clientId: string;
  clientSecret: string;
  keyScope: KeyScope;
  /** The root certificate (PEM) a client must trust. */
  caPem: string;
  chain: CertificateChain;
  /** With requestCert: a certificate and key the servers accept; otherwise null. */
  clientCertificate: ClientCertificate | null;
  /** Writes caPem to DIR/gigadoctor-mock-ca.pem and returns the path; close() removes it. */
  writeCaFile(dir: string): string;
  /** The last requests both servers received (admin requests excepted), oldest first: see request-log.ts. */
  requests: RecordedRequest[];
  /** The access tokens issued, oldest first: the last TokenLimits.count of them. */
  issuedTokens: string[];
  /** Completed TLS handshakes per server: a client that reuses its connections makes one per host. */
  handshakes: { auth: number; api: number };
  /** TCP connections accepted per server. */
  connections: { auth: number; api: number };
  readonly scenario: Scenario;
  setScenario(scenario: Scenario): void;
  /** Expires every issued token now (the next API call gets 401 "Token has expired"). */
  expireTokens(): void;
  /** Stops both servers, destroys every open socket (hung ones too) and removes written files. */
  close(): Promise<void>;
}

const DEFAULT_TOKEN_TTL_MS = 30 * 60 * 1000;
/**
 * Larger request bodies are refused with 413 "Payload too large", as GigaChat refuses a prompt
 * beyond the context. The largest real request is a chat completion filling GigaChat's largest
 * context (128k tokens): about 0.5 MB of text, 3 MB of JSON even with every character escaped as
 * \uXXXX. Files go to /files, which the mock does not serve. 10 MiB is three times that, and
 * bounds what one request can make the mock hold.
 */
export const MAX_REQUEST_BODY = 10 * 1024 * 1024;

type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

function isUnspecified(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

function origin(host: string, port: number): string {
  const shown = isUnspecified(host) ? '127.0.0.1' : host;
  return `https://${net.isIPv6(shown) ? `[${shown}]` : shown}:${port}`;
}

/** Another name for the same machine: a redirect there is "another host" yet stays on loopback. */
function otherLoopbackName(host: string): string {
  return host === 'localhost' ? '127.0.0.1' : 'localhost';
}

function chainOptionsFor(host: string, chain: ChainOptions = {}): ChainOptions {
  // The leaf must name the address clients use, unless the caller decided the names.
  if (chain.wrongName || chain.ipAddresses || !net.isIP(host) || isUnspecified(host)) return chain;
  const ips = ['127.0.0.1'];
  if (!ips.includes(host)) ips.push(host);
  return { ...chain, ipAddresses: ips };
}

function listen(server: https.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startMock(opts: MockOptions = {}): Promise<MockServer> {
  const host = opts.host ?? '127.0.0.1';
  const scenario = opts.scenario ?? 'ok';
  if (!isScenario(scenario)) throw new Error(`unknown scenario: ${String(scenario)}`);
  const chain = createChain(chainOptionsFor(host, opts.chain));
  const clientId = opts.clientId ?? crypto.randomUUID();
  const clientSecret = opts.clientSecret ?? crypto.randomUUID();
  const users = opts.users === undefined ? [] : Array.isArray(opts.users) ? opts.users : [opts.users];

  const state: MockState = {
    scenario,
    latencyMs: opts.latencyMs ?? 0,
    dateOffsetMs: opts.dateOffsetMs ?? 0,
    keyScope: opts.keyScope ?? DEFAULT_SCOPE,
    clientId,
    clientSecret,
    users,
    tokens: new TokenStore(opts.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS, opts.tokenLimits),
    adminToken: opts.adminToken ?? makeAdminToken(),
    requests: [],
    requestLog: { ...DEFAULT_REQUEST_LOG, ...opts.requestLog },
    timers: new TimerSet(),
    origins: { auth: '', api: '', authRedirect: '', apiRedirect: '' },
  };
  const setScenario = (next: Scenario) => {
    if (!isScenario(next)) throw new Error(`unknown scenario: ${String(next)}`);
    state.scenario = next;
  };

  const sockets = new Set<Socket>();
  let closing = false;
  const tlsOptions: https.ServerOptions = {
    key: chain.leafKeyPem,
    cert: opts.serveRoot === false ? chain.chainPem : chain.fullChainPem,
    ...(opts.requestCert ? { requestCert: true, rejectUnauthorized: true, ca: chain.caPem } : {}),
  };
  const clientCertificate = opts.requestCert ? createClientCertificate(chain.root) : null;

  const handshakes = { auth: 0, api: 0 };
  const connections = { auth: 0, api: 0 };
  const makeServer = (kind: ServerKind, route: Route): https.Server => {
    const server = https.createServer(tlsOptions, (req, res) => {
      void answer(kind, route, req, res);
    });
    server.on('connection', (socket: Socket) => {
      if (closing) return socket.destroy();
      connections[kind]++;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    server.on('secureConnection', () => handshakes[kind]++);
    // A client that rejects the certificate ends the handshake: normal here, not an error.
    server.on('tlsClientError', () => {});
    return server;
  };

  const answer = async (kind: ServerKind, route: Route, req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Server', 'SynGX');
    res.setHeader('Date', new Date(Date.now() + state.dateOffsetMs).toUTCString());
    if (kind === 'api') {
      // Echo the caller's ids when given (the PY SDK can send them), else make fresh ones.
      res.setHeader('X-Request-Id', headerValue(req, 'x-request-id') ?? crypto.randomUUID());
      res.setHeader('X-Session-Id', headerValue(req, 'x-session-id') ?? crypto.randomUUID());
    }
    const limit = kind === 'api' && !isAdminPath(req.url) ? (apiBodyLimit(req.url) ?? MAX_REQUEST_BODY) : MAX_REQUEST_BODY;
    const body = await readBody(req, limit);
    if (kind === 'api' && isAdminPath(req.url)) {
      return handleAdminRequest(state, setScenario, req, res, body ?? Buffer.alloc(0));
    }
    appendBounded(state.requests, recordOf(kind, req, body, state.requestLog), state.requestLog.size);
    if (state.latencyMs > 0) {
      await new Promise<void>((resolve) => state.timers.after(state.latencyMs, resolve));
    }
    if (closing || res.destroyed) return;
    if (body === null) return sendApiError(res, API_ERRORS.payloadTooLarge);
    try {
      route(req, res, body);
    } catch {
      if (!res.headersSent) sendApiError(res, { status: 500, message: 'Internal Server Error' });
      else res.destroy();
    }
  };

  const authServer = makeServer('auth', (req, res, body) => handleAuthRequest(state, req, res, body));
  const apiServer = makeServer('api', (req, res, body) => handleApiRequest(state, req, res, body));

  const authPort = await listen(authServer, opts.authPort ?? 0, host);
  let apiPort: number;
  try {
    apiPort = await listen(apiServer, opts.apiPort ?? 0, host);
  } catch (error) {
    authServer.close();
    throw error;
  }

  const authOrigin = origin(host, authPort);
  const apiOrigin = origin(host, apiPort);
  const redirectHost = otherLoopbackName(isUnspecified(host) ? '127.0.0.1' : host);
  state.origins = {
    auth: authOrigin,
    api: apiOrigin,
    authRedirect: origin(redirectHost, authPort),
    apiRedirect: origin(redirectHost, apiPort),
  };

  const writtenFiles: string[] = [];
  let closed: Promise<void> | undefined;

  return {
    authUrl: `${authOrigin}${OAUTH_PATH}`,
    baseUrl: `${apiOrigin}/api/v1`,
    authOrigin,
    apiOrigin,
    adminUrl: `${apiOrigin}/__admin/scenario`,
    adminToken: state.adminToken,
    credentials: makeAuthorizationKey(clientId, clientSecret),
    clientId,
    clientSecret,
    keyScope: state.keyScope,
    caPem: chain.caPem,
    chain,
    clientCertificate,
    writeCaFile(dir: string): string {
      const file = path.join(dir, 'gigadoctor-mock-ca.pem');
      fs.writeFileSync(file, chain.caPem, { mode: 0o644 });
      if (!writtenFiles.includes(file)) writtenFiles.push(file);
      return file;
    },
    requests: state.requests,
    issuedTokens: state.tokens.issued,
    handshakes,
    connections,
    get scenario() {
      return state.scenario;
    },
    setScenario,
    expireTokens: () => state.tokens.expireAll(),
    close(): Promise<void> {
      closed ??= (async () => {
        closing = true;
        state.timers.clearAll();
        const stopped = Promise.all([authServer, apiServer].map((s) => new Promise<void>((r) => s.close(() => r()))));
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        await stopped;
        for (const file of writtenFiles) fs.rmSync(file, { force: true });
      })();
      return closed;
    },
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
