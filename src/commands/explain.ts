import type { Shell } from '../catalog/types.js';
import { Chalk } from 'chalk';
import fs from 'node:fs';
import { loadCatalog } from '../catalog/index.js';
import { explainWords } from '../catalog/phrases/explain.js';
import { isLang } from '../catalog/phrases/format.js';
import type { Catalog, Lang } from '../catalog/types.js';
import type { Finding } from '../explain/findings.js';
import { hintText } from '../explain/hints.js';
import { STDIN_IDLE_MS, fileProblem, followFile, readFile, readStream } from '../explain/input.js';
import { present } from '../explain/present.js';
import { LogReader } from '../explain/reader.js';
import { environmentScrubber, redactPasted } from '../explain/redact.js';
import type { Runtime } from '../explain/runtime.js';
import { colorWanted } from '../render/color.js';
import { terminalHasUnicode } from '../render/human.js';
import { detectShell, remedyContext } from '../render/shell.js';
import { langFromLocale } from '../settings/resolve.js';
import { write, type CliIO } from './io.js';

export interface ExplainOptions {
  lang?: string;
  json?: boolean;
  shell?: Shell;
  /** false with --no-color */
  color?: boolean;
  file?: string;
  follow?: boolean;
}

/** A finding as printed: the JSON shape of `explain --json` (schemaVersion 1). */
export interface ShownFinding {
  code: string;
  title: string;
  summary: string;
  remediation: string[];
  count: number;
  lines: number[];
  firstSeen?: string;
  lastSeen?: string;
  runtime: Runtime | null;
  pattern: string;
  excerpt: string;
}

/**
 * `gigadoctor explain`: what a log says, as grouped findings with remedies. The text comes from
 * the arguments, `--file` (streamed, any size; `--follow` keeps reading as it grows) or stdin.
 * Offline. Exit 0 when something matched, 1 when nothing did, 2 on a usage problem. Nothing pasted
 * is printed back if it could be a secret.
 */
export async function explainCommand(io: CliIO, text: string, opts: ExplainOptions): Promise<number> {
  const lang: Lang = isLang(opts.lang) ? opts.lang : langFromLocale(io.env);
  const t = explainWords(lang);
  const usage = (message: string) => {
    io.stderr.write(`gigadoctor explain: ${message}\n`);
    return 2;
  };
  if (opts.follow && !opts.file) return usage(t.followNeedsFile);
  if (opts.file && text.trim()) return usage(t.fileAndText);
  if (opts.file) {
    const problem = fileProblem(opts.file);
    if (problem) return usage(t.fileProblem(problem, redactPasted(opts.file)));
  }

  const reader = new LogReader();
  const catalog = await loadCatalog(lang);
  const out = new Output(io, opts, catalog, lang);

  if (opts.follow && opts.file) {
    let first = true;
    await followFile(opts.file, reader, async (fresh) => {
      // The first batch is what the file held already: causes first, as without --follow.
      const batch = first ? reader.findings.list().filter((f) => fresh.includes(f)) : fresh;
      first = false;
      await out.stream(batch, reader.findings.dominantRuntime());
    }, io.waitForInterrupt());
    return reader.findings.list().length ? 0 : 1;
  }

  if (opts.file) {
    const isPipe = fs.statSync(opts.file).isFIFO();
    if (!(await readFile(opts.file, reader, isPipe ? STDIN_IDLE_MS : undefined))) return usage(t.fileProblem('unreadable', redactPasted(opts.file)));
  } else if (text.trim()) {
    reader.pushText(text);
    reader.flush(true);
  } else if (io.stdin && !io.stdin.isTTY) {
    await readStream(io.stdin, reader, STDIN_IDLE_MS);
  }
  if (reader.findings.list().length === 0 && reader.findings.hints().length === 0 && !opts.file && !text.trim() && reader.lines === 0) {
    return usage(t.noText);
  }
  const findings = reader.findings.list();
  await out.all(findings, reader.findings.dominantRuntime(), reader.findings.hints());
  return findings.length ? 0 : 1;
}

/** Renders findings as text or JSON, every byte through the secret gates. */
class Output {
  readonly #safe: (s: string) => string;
  readonly #c: InstanceType<typeof Chalk>;
  readonly #unicode: boolean;
  readonly #remedy;

  constructor(private readonly io: CliIO, private readonly opts: ExplainOptions, private readonly catalog: Catalog, private readonly lang: Lang) {
    this.#safe = environmentScrubber(io.env);
    this.#c = new Chalk({ level: colorWanted(opts.color, io.env, Boolean(io.stdout.isTTY)) ? 1 : 0 });
    this.#unicode = terminalHasUnicode(io.platform, io.env);
    this.#remedy = remedyContext(opts.shell ?? detectShell(io.platform, io.env), io.self);
  }

  shown(f: Finding, fallback: Runtime | null): ShownFinding {
    const p = present(f, this.catalog, this.#remedy, fallback);
    return {
      code: f.code,
      title: p.title,
      summary: p.summary,
      remediation: p.remediation,
      count: f.count,
      lines: f.lines,
      ...(f.firstSeen ? { firstSeen: f.firstSeen, lastSeen: f.lastSeen } : {}),
      runtime: f.runtime ?? fallback,
      pattern: f.pattern,
      excerpt: excerpt(f),
    };
  }

  async all(findings: Finding[], fallback: Runtime | null, hintIds: string[]): Promise<void> {
    const shown = findings.map((f) => this.shown(f, fallback));
    const hints = hintIds.map((id) => ({ id, text: hintText(this.lang, id as Parameters<typeof hintText>[1]) }));
    if (this.opts.json) {
      const doc = { schemaVersion: 1, matched: shown.length > 0, findings: shown, hints };
      await write(this.io.stdout, this.#safe(`${JSON.stringify(doc, null, 2)}\n`));
      return;
    }
    const t = explainWords(this.lang);
    const c = this.#c;
    const lines: string[] = [];
    if (shown.length) lines.push(c.bold(`gigadoctor explain${this.#unicode ? ' · ' : ' | '}${t.found(shown.length)}`), '');
    for (const f of shown) lines.push(...this.#block(f), '');
    for (const h of hints) lines.push(`${c.yellow('!')} ${h.text}`, '');
    lines.push(shown.length ? t.confirm : t.noMatch);
    await write(this.io.stdout, this.#safe(`${lines.join('\n')}\n`));
  }

  /** --follow: each finding as it first appears (one JSON document per line with --json). */
  async stream(findings: Finding[], fallback: Runtime | null): Promise<void> {
    for (const f of findings) {
      const s = this.shown(f, fallback);
      const text = this.opts.json ? `${JSON.stringify(s)}\n` : `${this.#block(s).join('\n')}\n\n`;
      await write(this.io.stdout, this.#safe(text));
    }
  }

  #block(f: ShownFinding): string[] {
    const t = explainWords(this.lang);
    const c = this.#c;
    const bullet = this.#unicode ? '•' : '*';
    const arrow = this.#unicode ? '→' : '->';
    const where = [t.lines(shortList(f.lines), f.count), f.firstSeen ? (f.firstSeen === f.lastSeen ? f.firstSeen : `${f.firstSeen} … ${f.lastSeen}`) : '', f.runtime ?? '']
      .filter(Boolean).join(', ');
    const out = [`${c.cyan(bullet)} ${c.bold(f.code)}  ${f.title}`, `  ${c.dim(where)}`];
    if (f.excerpt) out.push(`  ${c.dim(`${t.in}: ${f.excerpt}`)}`);
    out.push(`  ${f.summary}`);
    for (const step of f.remediation) out.push(`  ${c.cyan(arrow)} ${step}`);
    return out;
  }
}

/** The matched line, redacted, cut to at most `max` characters around the match. */
export function excerpt(f: Pick<Finding, 'excerpt'>, max = 160): string {
  const { text: raw, index, length } = f.excerpt;
  const line = redactPasted(raw);
  const matched = redactPasted(raw.slice(index, index + length));
  const found = line.indexOf(matched);
  const at = found >= 0 ? found : Math.round((index / Math.max(1, raw.length)) * line.length);
  const from = Math.max(0, Math.min(at - Math.floor((max - matched.length) / 2), line.length - max));
  const cut = line.slice(from, from + max).trim();
  return `${from > 0 ? '…' : ''}${cut}${from + max < line.length ? '…' : ''}`;
}

/** Line numbers as shown: all of a few, else the first five and the last. */
function shortList(lines: number[]): string {
  if (lines.length <= 6) return lines.join(', ');
  return `${lines.slice(0, 5).join(', ')}, …, ${lines[lines.length - 1]}`;
}
