/**
 * What the mock says: recorded shapes and error bodies from reference/gigachat-api.md, plus
 * generators for keys and tokens that look like the real ones. Anything the reference marks
 * UNCONFIRMED (or does not cover) is marked so here, next to the invented value.
 */
import crypto from 'node:crypto';
import { SCOPES, type Scope } from '../gigachat/index.js';

export type ModelType = 'chat' | 'embedder' | 'aicheck' | 'filter';

export interface ModelInfo {
  id: string;
  object: 'model';
  owned_by: string;
  type: ModelType;
}

/** The GET /models answer recorded in January 2026 (PY cassette test_get_models.yaml). */
const RECORDED_MODELS: Array<[string, ModelType]> = [
  ['GigaChat', 'chat'],
  ['GigaChat-Plus', 'chat'],
  ['GigaChat-Pro', 'chat'],
  ['GigaChat-Max', 'chat'],
  ['GigaChat-2', 'chat'],
  ['GigaChat-2-Pro', 'chat'],
  ['GigaChat-2-Max', 'chat'],
  ['GigaChat-preview', 'chat'],
  ['GigaChat-Pro-preview', 'chat'],
  ['GigaChat-Max-preview', 'chat'],
  ['GigaChat-2-preview', 'chat'],
  ['GigaChat-2-Pro-preview', 'chat'],
  ['GigaChat-2-Max-preview', 'chat'],
  ['GigaFilter', 'filter'],
  ['GigaCheckClassification', 'aicheck'],
  ['GigaCheckDetection', 'aicheck'],
  ['Embeddings', 'embedder'],
  ['Embeddings-2', 'embedder'],
  ['EmbeddingsGigaR', 'embedder'],
  ['GigaEmbeddings-3B-2025-09', 'embedder'],
];

export const MODELS: readonly ModelInfo[] = RECORDED_MODELS.map(([id, type]) => ({
  id,
  object: 'model',
  owned_by: 'salutedevices',
  type,
}));

export function findModel(id: string): ModelInfo | undefined {
  return MODELS.find((m) => m.id === id);
}

export function modelsList(): { object: 'list'; data: readonly ModelInfo[] } {
  return { object: 'list', data: MODELS };
}

/** Responses name the serving build: "GigaChat" was answered by "GigaChat:2.0.28.2". */
export function versionedModel(id: string): string {
  return `${id}:2.0.28.2`;
}

/** PY tests/data/balance.json shape. Values beyond the two quoted ones are invented. */
export const BALANCE = {
  balance: [
    { usage: 'GigaChat', value: 900000 },
    { usage: 'GigaChat-Pro', value: 50000 },
    { usage: 'GigaChat-Max', value: 50000 },
    { usage: 'embeddings', value: 9999967 },
  ],
};

/** Bodies of the OAuth host: {"code","message"}. */
export const OAUTH_ERRORS = {
  undecodable: { status: 400, body: { code: 4, message: "Can't decode 'Authorization' header" } },
  badCredentials: { status: 401, body: { code: 6, message: "credentials doesn't match db data" } },
  scopeEmpty: { status: 400, body: { code: 5, message: 'scope is empty' } },
  scopeInvalid: { status: 400, body: { code: 1, message: 'scope data format invalid' } },
  scopeMismatch: { status: 400, body: { code: 7, message: 'scope from db not fully includes consumed scope' } },
  // UNCONFIRMED: the docs say only "400" for a missing/malformed RqUID; code and text invented.
  badRqUid: { status: 400, body: { code: 2, message: 'RqUID header is missing or has invalid format' } },
} as const;

/** Bodies of the API host (and of the gateway in front of both hosts): {"status","message"}. */
export const API_ERRORS = {
  unauthorized: { status: 401, message: 'Unauthorized' }, // exact text UNCONFIRMED
  tokenExpired: { status: 401, message: 'Token has expired' },
  paymentRequired: { status: 402, message: 'Payment Required' },
  permissionDenied: { status: 403, message: 'Permission denied' },
  forbidden: { status: 403, message: 'Forbidden' }, // POST to the bare OAuth host
  noSuchModel: { status: 404, message: 'No such model' },
  notFound: { status: 404, message: 'Not Found' }, // unknown API path: text UNCONFIRMED
  methodNotAllowed: { status: 405, message: 'Method Not Allowed' }, // UNCONFIRMED
  payloadTooLarge: { status: 413, message: 'Payload too large' },
  unsupportedFunctions: { status: 422, message: 'Requested model does not support functions' },
  tooManyRequests: { status: 429, message: 'Too Many Requests' },
  // UNCONFIRMED: what the API says about a body that is not JSON or lacks fields.
  invalidJson: { status: 400, message: 'Invalid JSON in request body' },
  invalidParams: (detail: string) => ({ status: 422, message: `Invalid params: ${detail}` }),
} as const;

const STATUS_TEXT: Record<number, string> = {
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/**
 * The nginx error page layout. The real gateway is SynGX (an nginx derivative); that its
 * pages end in "SynGX" rather than "nginx" is UNCONFIRMED.
 */
export function gatewayHtmlPage(status: number): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>SynGX</center>\r\n</body>\r\n</html>\r\n`
  );
}

export { SCOPES };
export type KeyScope = Scope;

export function isKeyScope(value: string): value is KeyScope {
  return (SCOPES as readonly string[]).includes(value);
}

/** An authorization key as Studio issues it: base64("<uuid>:<uuid>"), 100 characters. */
export function makeAuthorizationKey(clientId: string, clientSecret: string): string {
  return Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
}

/** The JWE protected header every observed token starts with: {"enc":"A256CBC-HS512","alg":"RSA-OAEP-256"}. */
export const TOKEN_HEADER_SEGMENT = 'eyJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwiYWxnIjoiUlNBLU9BRVAtMjU2In0';

/**
 * A random JWE-shaped access token: header . encrypted key (RSA-2048: 256 bytes) . IV (16)
 * . ciphertext . tag (32), sized so the whole token is 1233 characters like the real ones.
 */
export function makeAccessToken(): string {
  const segment = (bytes: number) => crypto.randomBytes(bytes).toString('base64url');
  return [TOKEN_HEADER_SEGMENT, segment(256), segment(16), segment(572), segment(32)].join('.');
}

/** A rough token count (about four characters a token), never below one. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export const CHAT_REPLY = 'Hello! This is the gigadoctor GigaChat stand-in answering.';

/**
 * What GigaChat says when a topic is restricted (finish_reason "blacklist"). The text is
 * UNCONFIRMED: it paraphrases the canned replies users report.
 */
export const BLACKLIST_REPLY =
  'Что-то в вашем вопросе меня смущает. Может, поговорим на другую тему?';

/** A deterministic unit vector for a text, so equal inputs embed equally. */
export function embeddingFor(text: string, dimensions = 1024): number[] {
  const out: number[] = [];
  let block = Buffer.alloc(0);
  for (let i = 0; out.length < dimensions; i++) {
    block = crypto.createHash('sha256').update(`${i}:${text}`).digest();
    for (let j = 0; j + 1 < block.length && out.length < dimensions; j += 2) {
      out.push(block.readInt16BE(j) / 32768);
    }
  }
  const norm = Math.sqrt(out.reduce((s, x) => s + x * x, 0)) || 1;
  return out.map((x) => Number((x / norm).toFixed(6)));
}
