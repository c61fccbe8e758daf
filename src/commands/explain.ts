import type { Shell } from '../catalog/types.js';
import { Chalk } from 'chalk';
import { loadCatalog } from '../catalog/index.js';
import { explainWords } from '../catalog/phrases/explain.js';
import type { Lang } from '../catalog/types.js';
import { excerpt, explainText, scrubPasted } from '../explain/match.js';
import { hintText } from '../explain/hints.js';
import { terminalHasUnicode } from '../render/human.js';
import { detectShell, remedyContext } from '../render/shell.js';
import { Scrubber } from '../secret.js';
import { SECRET_VARIABLES, langFromLocale } from '../settings/resolve.js';
import { write, type CliIO } from './io.js';

const MAX_INPUT = 1024 * 1024;
/** With nothing on stdin this long, stop waiting: a CI step must never hang on an inherited pipe. */
const STDIN_IDLE_MS = 60_000;

export interface ExplainOptions {
  lang?: string;
  json?: boolean;
  shell?: Shell;
  /** false with --no-color */
  color?: boolean;
}

/**
 * `gigadoctor explain "<error text>"` (or the text on stdin): the known GigaChat problems the
 * text shows, with the catalogue's summary and remedies. Offline. Exit 0 on a match, 1 on
 * none, 2 when there is no text. The pasted text is never printed back unscrubbed.
 */
export async function explainCommand(io: CliIO, text: string, opts: ExplainOptions): Promise<number> {
  const lang: Lang = opts.lang === 'ru' || opts.lang === 'en' ? opts.lang : langFromLocale(io.env);
  let input = text;
  const stdin = io.stdin;
  if (!input.trim() && stdin && !stdin.isTTY) input = await readStdin(stdin);
  if (!input.trim()) {
    io.stderr.write(explainWords(lang).noText);
    return 2;
  }

  const explanation = explainText(input);
  const catalog = await loadCatalog(lang);
  const remedy = remedyContext(opts.shell ?? detectShell(io.platform, io.env));
  // Values from this environment are secrets too: never echo them, in any encoding.
  const scrubber = new Scrubber();
  for (const name of SECRET_VARIABLES) scrubber.add(io.env[name]);
  const safe = (s: string) => scrubber.scrub(scrubPasted(s));

  const matches = explanation.matches.map((m) => {
    const entry = catalog.codes[m.code];
    return {
      code: m.code,
      title: entry.title,
      summary: entry.summary(m.details),
      remediation: entry.remediation(m.details, remedy),
      pattern: m.pattern,
      excerpt: safe(excerpt(input, m)),
    };
  });
  const hints = explanation.hints.map((id) => ({ id, text: hintText(lang, id) }));
  const found = matches.length > 0;

  if (opts.json) {
    const doc = { schemaVersion: 1, matched: found, context: explanation.context, matches, hints };
    await write(io.stdout, scrubber.scrub(`${JSON.stringify(doc, null, 2)}\n`));
    return found ? 0 : 1;
  }

  const color = opts.color !== false && !io.env.NO_COLOR && (io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== '0' : Boolean(io.stdout.isTTY) && io.env.TERM !== 'dumb');
  const c = new Chalk({ level: color ? 1 : 0 });
  const unicode = terminalHasUnicode(io.platform, io.env);
  const arrow = unicode ? '→' : '->';
  const bullet = unicode ? '•' : '*';
  const t = explainWords(lang);
  const lines: string[] = [];
  if (found) {
    lines.push(c.bold(`gigadoctor explain${unicode ? ' · ' : ' | '}${t.found(matches.length)}`), '');
    for (const m of matches) {
      lines.push(`${c.cyan(bullet)} ${c.bold(m.code)}  ${m.title}`);
      if (m.excerpt) lines.push(`  ${c.dim(`${t.in}: ${m.excerpt}`)}`);
      lines.push(`  ${m.summary}`);
      for (const step of m.remediation) lines.push(`  ${c.cyan(arrow)} ${step}`);
      lines.push('');
    }
    for (const h of hints) lines.push(`${c.yellow('!')} ${h.text}`, '');
    lines.push(t.confirm);
  } else {
    for (const h of hints) lines.push(`${c.yellow('!')} ${h.text}`, '');
    lines.push(t.noMatch);
  }
  await write(io.stdout, scrubber.scrub(`${lines.join('\n')}\n`));
  return found ? 0 : 1;
}

function readStdin(stream: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let idle: NodeJS.Timeout | null = setTimeout(() => finish(), STDIN_IDLE_MS);
    const finish = () => {
      if (idle) clearTimeout(idle);
      idle = null;
      stream.off('data', onData);
      stream.off('end', finish);
      stream.off('error', finish);
      stream.pause();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer | string) => {
      // Silence is measured from the last chunk: `tail -f log | gigadoctor explain` must end too.
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => finish(), STDIN_IDLE_MS);
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (size < MAX_INPUT) chunks.push(buf.subarray(0, MAX_INPUT - size));
      size += buf.length;
      if (size >= MAX_INPUT) finish();
    };
    stream.on('data', onData);
    stream.once('end', finish);
    stream.once('error', finish);
    stream.resume();
  });
}
