// Environment variable names (reference/gigachat-api.md §7): the ones the official SDKs read, and
// the ones seen in third-party code and guides, with the official name each should be.

export const CREDENTIALS_VAR = 'GIGACHAT_CREDENTIALS';
export const ACCESS_TOKEN_VAR = 'GIGACHAT_ACCESS_TOKEN';
export const USER_VAR = 'GIGACHAT_USER';
export const PASSWORD_VAR = 'GIGACHAT_PASSWORD';
export const AUTH_URL_VAR = 'GIGACHAT_AUTH_URL';
export const BASE_URL_VAR = 'GIGACHAT_BASE_URL';
export const SCOPE_VAR = 'GIGACHAT_SCOPE';
export const MODEL_VAR = 'GIGACHAT_MODEL';
export const TIMEOUT_VAR = 'GIGACHAT_TIMEOUT';
export const CA_BUNDLE_VAR = 'GIGACHAT_CA_BUNDLE_FILE';
export const VERIFY_SSL_VAR = 'GIGACHAT_VERIFY_SSL_CERTS';
export const CERT_FILE_VAR = 'GIGACHAT_CERT_FILE';
export const KEY_FILE_VAR = 'GIGACHAT_KEY_FILE';
export const KEY_FILE_PASSWORD_VAR = 'GIGACHAT_KEY_FILE_PASSWORD';

/** Unofficial names for the authorization key; no official SDK reads them. Each should be GIGACHAT_CREDENTIALS. */
export const UNOFFICIAL_CREDENTIALS = [
  'GIGACHAT_TOKEN', 'GIGACHAT_AUTH_KEY', 'GIGACHAT_API_KEY', 'GIGACHAT_KEY', 'GIGACHAT_AUTHORIZATION_KEY',
  'GIGACHAT_AUTH_TOKEN', 'GIGACHAT_AUTH_DATA', 'GIGACHAT_CREDENTIAL', 'GIGACHAT_SECRET', 'GIGACHAT_CLIENT_SECRET',
  'GIGACHAT_API_TOKEN', 'GIGA_CREDENTIALS', 'GIGA_TOKEN',
];

/** The official name an unofficial one should be renamed to. */
export function officialNameFor(unofficial: string): string {
  return UNOFFICIAL_CREDENTIALS.includes(unofficial) ? CREDENTIALS_VAR : unofficial;
}
