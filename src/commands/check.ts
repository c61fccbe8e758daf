import type { Shell } from '../catalog/types.js';
import { diagnose } from '../diagnose.js';
import { detectShell } from '../render/shell.js';
import { UsageError } from '../settings/flags.js';
import { resolveSettings } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';
import type { Report } from '../types.js';
import type { Scrubber } from '../secret.js';
import { write, type CliIO } from './io.js';

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
  const spinner = await startSpinner(io, settings);
  const { report, scrubber } = await diagnose({
    settings,
    shell,
    platform: io.platform,
    nodeVersion: io.nodeVersion,
    nodeExtraCaCerts: io.env.NODE_EXTRA_CA_CERTS,
  }).finally(() => spinner?.stop());

  const text = await render(report, settings, io);
  const safe = scrubber.scrub(text);
  await write(io.stdout, safe);
  await ciExtras(io, report, settings, scrubber);
  return report.exitCode;
}

async function render(report: Report, settings: Settings, io: CliIO): Promise<string> {
  switch (settings.format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown': {
      const { renderMarkdown } = await import('../render/markdown.js');
      return renderMarkdown(report, { settings, env: io.env, platform: io.platform });
    }
    case 'junit': {
      const { renderJunit } = await import('../render/junit.js');
      return renderJunit(report);
    }
    default: {
      const { renderHuman, terminalHasUnicode } = await import('../render/human.js');
      return renderHuman(report, {
        lang: settings.lang,
        color: settings.color,
        unicode: terminalHasUnicode(io.platform, io.env),
        verbose: settings.verbose,
      });
    }
  }
}

/** On GitHub Actions: annotations on stderr-free stdout lines would break --json, so they go only with human output. */
async function ciExtras(io: CliIO, report: Report, settings: Settings, scrubber: Scrubber): Promise<void> {
  if (io.env.GITHUB_ACTIONS !== 'true') return;
  const { githubAnnotations, appendStepSummary } = await import('../render/github.js');
  if (settings.format === 'human') await write(io.stdout, scrubber.scrub(githubAnnotations(report)));
  await appendStepSummary(io.env.GITHUB_STEP_SUMMARY, report, { settings, env: io.env, platform: io.platform }, (t) => scrubber.scrub(t));
}

/** A spinner only where a person watches: human output, stderr is a terminal, not CI. */
async function startSpinner(io: CliIO, settings: Settings) {
  if (settings.format !== 'human' || !io.stderr.isTTY || io.env.CI) return null;
  const { default: ora } = await import('ora');
  const text = settings.lang === 'ru' ? 'Проверяю подключение к GigaChat…' : 'Checking GigaChat connectivity…';
  return ora({ text, stream: io.stderr, color: 'cyan', isEnabled: true }).start();
}
