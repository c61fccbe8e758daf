import { UNOFFICIAL_CREDENTIALS, officialNameFor } from '../gigachat/index.js';
import type { Check, Note, Verdict } from '../types.js';

/** Which credential the user's app would pick up, and from where. */
export const envCheck: Check = {
  id: 'env',
  needs: [],
  run({ settings }): Verdict {
    const notes: Note[] = [];
    const { envFile, credential } = settings;
    if (envFile.status === 'unreadable') {
      notes.push({ code: 'ENV_FILE_UNREADABLE', details: { path: envFile.path, reason: envFile.reason } });
    }
    for (const s of settings.shadowed) {
      notes.push({
        code: 'CREDENTIALS_SHADOWED',
        details: { variable: s.name, winnerSource: 'env', fileSource: s.fileSource, envFile: envFile.path },
      });
    }
    for (const other of settings.alsoPresent) {
      if (UNOFFICIAL_CREDENTIALS.includes(other.name)) {
        notes.push({ code: 'CREDENTIALS_UNOFFICIAL_NAME', details: { variable: other.name, official: officialNameFor(other.name), source: other.source } });
      }
    }

    if (!credential) {
      return {
        status: 'fail',
        code: 'CREDENTIALS_MISSING',
        details: {
          envFile: envFile.status === 'loaded' ? envFile.path : null,
          unofficial: settings.emptyVariables.map((e) => e.name),
        },
        notes,
      };
    }
    const found = {
      variable: credential.variable,
      source: credential.source,
      length: credential.secret.length,
      fingerprint: credential.secret.fingerprint,
      kind: credential.kind,
      ...(credential.user ? { user: credential.user.value } : {}),
    };
    if (credential.officialName) {
      return {
        status: 'warn',
        code: 'CREDENTIALS_UNOFFICIAL_NAME',
        details: { ...found, official: credential.officialName },
        notes,
      };
    }
    // A warning outranks the plain "found": it names the check; the facts of the find stay in details.
    const [first, ...rest] = notes;
    if (first) return { status: 'warn', code: first.code, details: { ...found, ...first.details }, notes: rest };
    return { status: 'pass', code: 'CREDENTIALS_FOUND', details: found };
  },
};
