/**
 * Secrets: what one is (secret.ts), the forms it may take in text (forms.ts), the views of a
 * text it is looked for in (views.ts), the matcher (matcher.ts), the scrubber every output goes
 * through (scrubber.ts), the walk over a document's strings (data.ts), the control-character
 * policy (controls.ts) and the names of secret variables (names.ts).
 */
export { MIN_FINGERPRINT_LENGTH, Secret, fingerprintOf, type SecretKind, type SecretOptions } from './secret.js';
export { MIN_SCRUB_LENGTH, alignedBase64, decodeKeyParts, encodedForms, isCaseless, isPieceable, isLettersOnly, looksLikeCredential, secretCores } from './forms.js';
export { FRAGMENT_LENGTH } from './matcher.js';
export { REDACTED, Scrubber, redactEverySecretSeen, redactText } from './scrubber.js';
export { deepMap } from './data.js';
export { hasUnsafeCharacters, neutralizeControls, sanitizeText } from './controls.js';
export { isSecretVariableName } from './names.js';
