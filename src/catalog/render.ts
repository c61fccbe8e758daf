// Remedies (language-neutral data) + a phrase table → the catalogue's text for one language.

import { writeCommand } from './commands.js';
import type { Code } from './codes.js';
import type { Phrases } from './phrases/types.js';
import { isCommand, isSay, type Param, type Remedy } from './steps.js';
import type { Catalog, CodeText, RemedyContext } from './types.js';

/** Summaries name no command; should one ever, it is written for a POSIX shell. */
const SUMMARY_CONTEXT: RemedyContext = { shell: 'posix', setEnv: (name, value) => `${name}=${value}` };

/** A parameter as a phrase receives it: messages and commands as text, lists item by item, the rest as is. */
export function renderParam(p: Param, phrases: Phrases, ctx: RemedyContext): unknown {
  if (Array.isArray(p)) return p.map((x: Param) => renderParam(x, phrases, ctx));
  if (isSay(p)) {
    const phrase = phrases.say[p.say];
    if (phrase === undefined) throw new Error(`no phrase "${p.say}" in the ${phrases.lang} table`);
    if (typeof phrase === 'string') return phrase;
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p.with)) params[k] = renderParam(v, phrases, ctx);
    return phrase(params);
  }
  if (isCommand(p)) {
    const value = 'value' in p ? String(renderParam(p.value, phrases, ctx) ?? '') : '';
    const args = 'args' in p ? p.args.map((a) => String(renderParam(a, phrases, ctx) ?? '')) : [];
    return writeCommand(p, ctx, value, args);
  }
  return p;
}

function codeText(code: Code, remedy: Remedy, phrases: Phrases): CodeText {
  return {
    title: phrases.titles[code],
    summary: (d) => String(renderParam(remedy.summary(d), phrases, SUMMARY_CONTEXT)),
    remediation: (d, ctx) =>
      remedy
        .steps(d, ctx.shell)
        .filter((s) => s !== false && s !== null && s !== undefined)
        .map((s) => String(renderParam(s, phrases, ctx))),
  };
}

/** The catalogue of one language: every code's remedy in the words of its phrase table. */
export function catalogOf(phrases: Phrases, remedies: Record<Code, Remedy>): Catalog {
  const codes = {} as Record<Code, CodeText>;
  for (const code of Object.keys(remedies) as Code[]) codes[code] = codeText(code, remedies[code], phrases);
  return { lang: phrases.lang, checks: phrases.checks, codes };
}
