/** The local HTTPS GigaChat stand-in: public API. */
export { startMock } from './server.js';
export type { MockOptions, MockServer } from './server.js';
export type { RecordedRequest, MockUser, ServerKind } from './state.js';
export { SCENARIOS, SCENARIO_DESCRIPTIONS, isScenario } from './scenarios.js';
export type { Scenario } from './scenarios.js';
export {
  createCertificate,
  createChain,
  generateKeyPair,
  RUSSIAN_TRUSTED_ROOT_NAME,
  RUSSIAN_TRUSTED_SUB_NAME,
  WRONG_HOST_NAME,
} from './x509.js';
export type {
  Certificate,
  CertificateChain,
  CertificateIssuer,
  CertificateOptions,
  ChainOptions,
  DistinguishedName,
  IssuedCertificate,
  LeafValidity,
} from './x509.js';
export {
  MODELS,
  SCOPES,
  TOKEN_HEADER_SEGMENT,
  makeAccessToken,
  makeAuthorizationKey,
} from './fixtures.js';
export type { KeyScope, ModelInfo, ModelType } from './fixtures.js';
export { OAUTH_PATH } from './auth-server.js';
export { ADMIN_PREFIX, ADMIN_TOKEN_HEADER } from './admin.js';
export { startSilentPort } from './silent-port.js';
export type { SilentPort } from './silent-port.js';
export { startProxy } from './proxy.js';
export type { MockProxy, ProxyConnect, ProxyOptions, InterceptedRequest } from './proxy.js';
export { createClientCertificate } from './client-cert.js';
export type { ClientCertificate } from './client-cert.js';
