import type { Check, Note, Verdict } from '../types.js';
import { nearest } from '../util/nearest.js';
import { lintCredential } from '../credential/lint.js';
import { KNOWN_CHAT_MODELS, SCOPES } from '../gigachat/index.js';

/** The credential's shape, the scope and the model name: everything that can be judged offline. */
export const formatCheck: Check = {
  id: 'format',
  needs: ['env'],
  run({ settings }): Verdict {
    const { credential, scope, model } = settings;
    if (!credential) return { status: 'skip', code: 'BLOCKED', details: { blockedBy: 'env' } };
    const where = { variable: credential.variable, source: credential.source };
    const findings: Note[] = [];

    const lint = lintCredential(credential.secret.reveal(), credential.kind);
    if (lint) findings.push({ code: lint.code, details: { ...where, ...lint.details } });

    // The scope matters only where the key is exchanged for a token.
    const scopeValue = scope.value.trim();
    if (credential.kind === 'key' && !(SCOPES as readonly string[]).includes(scopeValue)) {
      findings.push({
        code: 'SCOPE_INVALID',
        details: { scope: scope.value, source: scope.source, variable: scope.name, suggestion: suggestScope(scopeValue) },
      });
    }
    const modelNote = modelNameNote(model.value, model.source);
    if (modelNote) findings.push(modelNote);

    const ok = {
      variable: credential.variable, kind: credential.kind, length: credential.secret.length,
      fingerprint: credential.secret.fingerprint, scope: scope.value, model: model.value,
    };
    const [first, ...rest] = findings;
    if (!first) return { status: 'pass', code: 'CREDENTIALS_OK', details: ok };
    const status = first.code === 'MODEL_NAME_SUSPICIOUS' ? 'warn' : 'fail';
    return { status, code: first.code, details: { ...ok, ...first.details }, notes: rest };
  },
};

function suggestScope(value: string): string | null {
  const upper = value.toUpperCase();
  for (const s of SCOPES) if (upper.includes(s.slice('GIGACHAT_API_'.length))) return s;
  return nearest(value, SCOPES, 6);
}

function modelNameNote(model: string, source: string): Note | null {
  if (KNOWN_CHAT_MODELS.includes(model)) return null;
  const suggestion = nearest(model, KNOWN_CHAT_MODELS, 2);
  // An unknown name far from every known one may be a new model: the models check decides.
  if (!suggestion && model.trim() === model) return null;
  return { code: 'MODEL_NAME_SUSPICIOUS', details: { model, source, suggestion: suggestion ?? model.trim() } };
}
