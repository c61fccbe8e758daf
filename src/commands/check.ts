import { sanitizeText } from '../util/sanitize.js';
import os from 'node:os';
import { relative } from 'node:path';
import type { Catalog, Shell } from '../catalog/types.js';
import { diagnose } from '../diagnose.js';
import type { RenderContext } from '../render/context.js';
import { detectShell } from '../render/shell.js';
import { UsageError } from '../settings/flags.js';
import { resolveSettings } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';
import type { CheckId, CheckResult, Report } from '../types.js';
import { neutralizeControls, type Scrubber } from '../secret/index.js';
import { write, type CliIO } from './io.js';
import type { HumanOptions } from '../render/human.js';
import { loadCatalog } from '../catalog/index.js';
import { CHECKS } from '../checks/registry.js';
import { VERSION } from '../version.js';
import { uiText } from '../catalog/phrases/ui.js';
import { nextTurn } from '../util/next-turn.js';

/** `gigadoctor check` (and `report`, which is check with Markdown output). */
export async function checkCommand(io: CliIO, rawFlags: Record<string, unknown>): Promise<number> {
  let settings: Settings;
  try {
    settings = resolveSettings({ flags: rawFlags, env: io.env, cwd: io.cwd, stdoutIsTTY: Boolean(io.stdout.isTTY) });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`gigadoctor: ${err.message}\nRun 'gigadoctor --help' for usage.\n`);
      return 2;
    }
    throw err;
  }
  const shell = (rawFlags.shell as Shell | undefined) ?? detectShell(io.platform, io.env);
  const human = settings.format === 'human' ? await tickList(io, settings) : null;
  // A document's renderer loads while the checks run: a JSON run never sets up colours or Markdown.
  const document = human ? null : nextTurn().then(() => documentRenderer(settings));
  const { report, scrubber } = await diagnose({
    settings,
    shell,
    self: io.self,
    platform: io.platform,
    nodeVersion: io.nodeVersion,
    nodeExtraCaCerts: io.env.NODE_EXTRA_CA_CERTS,
    onStart: human?.started,
    onCheck: human?.finished,
  }).finally(() => human?.stop());

  const ctx = renderContext(io, settings, shell, scrubber);
  // The human report has shown its checks already, one by one: what is left is its tail.
  const text = human ? human.tail(report) : (await document!)(report, ctx);
  const gated = await passGate(text, settings, scrubber);
  if ('refusal' in gated) {
    io.stderr.write(gated.refusal);
    return 1;
  }
  await write(io.stdout, gated.text);
  await ciExtras(io, report, settings, scrubber, ctx);
  return report.exitCode;
}

/**
 * The output gate, the same for every format: the run's scrubber looks for every secret in every
 * form. The Markdown report is made to be pasted where anyone may read it, so a find there
 * refuses it (fail-closed); every other output has the find redacted. The JSON document comes
 * from the report, already redacted as data: its text is never edited, so it stays well-formed.
 */
async function passGate(text: string, settings: Settings, scrubber: Scrubber): Promise<{ text: string } | { refusal: string }> {
  if (settings.format === 'markdown') {
    const { selfCheck } = await import('../render/markdown.js');
    const refusal = selfCheck(text, scrubber, settings.lang);
    return refusal ? { refusal } : { text: neutralizeControls(text) };
  }
  if (settings.format === 'json') return { text: neutralizeControls(text) };
  return { text: scrubber.scrub(text) };
}

function renderContext(io: CliIO, settings: Settings, shell: Shell, scrubber: Scrubber): RenderContext {
  return {
    settings,
    env: io.env,
    platform: io.platform,
    os: osDescription(),
    home: safeHome(),
    shell,
    generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    // Line by line: the curl blocks are multi-line, and every line must be free of control codes.
    scrub: (t) => scrubber.redact(t).split('\n').map(sanitizeText).join('\n'),
  };
}

/** The renderer of a document format (JSON, Markdown, JUnit), each loaded only when asked for. */
async function documentRenderer(settings: Settings): Promise<(report: Report, ctx: RenderContext) => string> {
  switch (settings.format) {
    case 'markdown': {
      const { renderMarkdown } = await import('../render/markdown.js');
      return renderMarkdown;
    }
    case 'junit': {
      const { renderJunit } = await import('../render/junit.js');
      return (report, ctx) => renderJunit(report, { strict: settings.strict, lang: settings.lang, timestamp: ctx.generatedAt });
    }
    default:
      return (report) => `${JSON.stringify(report, null, 2)}\n`;
  }
}

/**
 * The human report as the run goes: the heading at once, each check's line (and its remedies) as
 * soon as it and every check before it have a verdict, in the report's order; the spinner names
 * the step in flight. Every block passes the run's scrubber, as the whole report would.
 */
async function tickList(io: CliIO, settings: Settings) {
  const { humanCheckBlock, humanHeader, humanTail, terminalHasUnicode } = await import('../render/human.js');
  const opts: HumanOptions = {
    lang: settings.lang,
    color: settings.color,
    unicode: terminalHasUnicode(io.platform, io.env),
    verbose: settings.verbose,
    credentialVariable: settings.credential?.variable,
    self: io.self,
    // Only a terminal has a width: piped, redirected or in CI the report keeps a line per item.
    width: io.stdout.isTTY && io.stdout.columns > 0 ? io.stdout.columns : undefined,
  };
  // The catalogue comes while the first checks run: the spinner names a step once it has it.
  const catalog = loadCatalog(settings.lang);
  const order = CHECKS.map((c) => c.id);
  const spinner = await startSpinner(io, settings, opts.unicode);
  const out = (text: string) => (spinner ? spinner.around(() => io.stdout.write(text)) : io.stdout.write(text));
  out(humanHeader(VERSION, opts));
  const done = new Map<CheckId, CheckResult>();
  let next = 0;
  return {
    started: (id: CheckId) => {
      if (spinner) void catalog.then((c) => spinner.say(uiText(settings.lang).running(c.checks[id])));
    },
    finished: (check: CheckResult, scrubber: Scrubber, c: Catalog) => {
      done.set(check.id, check);
      const titles = order.map((id) => c.checks[id]);
      for (; next < order.length && done.has(order[next]); next++) {
        const block = humanCheckBlock(done.get(order[next])!, titles, opts);
        if (block) out(scrubber.scrub(block));
      }
    },
    stop: () => spinner?.stop(),
    tail: (report: Report) => humanTail(report, opts),
  };
}

/**
 * On GitHub Actions: annotations and a job summary. The runner reads workflow commands from
 * stdout and stderr alike; stdout is where GitHub documents them, so they go there with human
 * output, and to stderr when stdout holds a document (JSON, Markdown, JUnit) they would corrupt.
 */
async function ciExtras(io: CliIO, report: Report, settings: Settings, scrubber: Scrubber, ctx: RenderContext): Promise<void> {
  if (io.env.GITHUB_ACTIONS !== 'true') return;
  const { appendStepSummary, githubAnnotations } = await import('../render/github.js');
  const paths = {
    project: relative(io.cwd, settings.project.value),
    envFile: settings.envFile.status === 'loaded' && settings.envFile.path ? relative(io.cwd, settings.envFile.path) : null,
  };
  const annotations = scrubber.scrub(githubAnnotations(report, { strict: settings.strict, lang: settings.lang, paths }));
  if (annotations) await write(settings.format === 'human' ? io.stdout : io.stderr, annotations);
  const problem = await appendStepSummary(io.env.GITHUB_STEP_SUMMARY, report, ctx, scrubber);
  if (problem) io.stderr.write(problem);
}

/**
 * A spinner only where a person watches: human output, stderr is a terminal, not CI (as ci-info,
 * which npm and jest use, detects it: Jenkins, TeamCity and 50 others), not a dumb
 * terminal. A pseudo-terminal that reports 0 columns (script, some container runtimes) gets none
 * either: ora divides by the width and would clear lines without end.
 */
async function startSpinner(io: CliIO, settings: Settings, unicode: boolean) {
  if (settings.format !== 'human' || !io.stderr.isTTY || io.env.TERM === 'dumb' || !(io.stderr.columns > 0)) return null;
  // ora (through string-width) builds Unicode tables when loaded, ~40 ms: only a spinner pays for it.
  const { default: ciInfo } = await import('ci-info');
  if (ciInfo.isCI) return null;
  const { startOra } = await import('../render/spinner.js');
  return startOra(io.stderr, uiText(settings.lang).spinner, unicode);
}

function osDescription(): string {
  try {
    return `${os.type()} ${os.release()} (${os.arch()})`;
  } catch {
    return os.platform();
  }
}

function safeHome(): string | undefined {
  try {
    return os.homedir();
  } catch {
    return undefined;
  }
}
