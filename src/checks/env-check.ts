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
        // `inUse`: the variable the SDKs take instead, so the text can say this one is ignored.
        notes.push({
          code: 'CREDENTIALS_UNOFFICIAL_NAME',
          details: { variable: other.name, official: officialNameFor(other.name), source: other.source, inUse: credential?.variable ?? null },
        });
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
    // A warning outranks the plain "found": it names the check. The facts of the find stay in its
    // details when it is about the same variable; about another one (GIGACHAT_SCOPE in env and
    // .env) the key's length and fingerprint would read as that variable's.
    const [first, ...rest] = notes;
    if (first) {
      const sameVariable = first.details?.variable === undefined || first.details.variable === credential.variable;
      return { status: 'warn', code: first.code, details: sameVariable ? { ...found, ...first.details } : { ...first.details, credential: found }, notes: rest };
    }
    return { status: 'pass', code: 'CREDENTIALS_FOUND', details: found };
  },
};
