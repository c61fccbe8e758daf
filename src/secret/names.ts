/**
 * Does a variable's name say its value is a secret? PASSWORD, PASSWD, PASSPHRASE, PWD, TOKEN,
 * CREDENTIALS, SECRET, KEY or AUTHORIZATION anywhere in it, in any case: GIGACHAT_PASSWORD,
 * GIGACHAT_KEY_FILE_PASSWORD, GIGACHAT_ACCESS_TOKEN, CLIENT_SECRET, OPENAI_API_KEY. A name
 * that only might be one (GIGACHAT_KEY_FILE, a path) counts too: hiding a path costs little.
 */
const SECRET_NAME = /PASSW|PASSPHRASE|PWD|TOKEN|CREDENTIAL|SECRET|KEY|AUTHORIZATION/i;

export function isSecretVariableName(name: string): boolean {
  return SECRET_NAME.test(name);
}
