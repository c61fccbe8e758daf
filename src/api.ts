import { resolveSettings } from './settings/resolve.js';
import { detectShell } from './render/shell.js';
import { diagnose } from './diagnose.js';
import type { CheckOptions, Report } from './report-types.js';

/** Options mirror the command-line flags; `env` defaults to process.env, `cwd` to process.cwd(). */
export interface RunChecksOptions extends CheckOptions {
  /** Per network step, in ms. */
  timeout?: number;
  lang?: 'ru' | 'en';
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Runs the checks and returns the Report (secrets already scrubbed). Throws on invalid options. */
export async function runChecks(options: RunChecksOptions = {}): Promise<Report> {
  const { env = process.env, cwd = process.cwd(), timeout, ...flags } = options;
  const settings = resolveSettings({
    flags: { ...flags, timeout: timeout === undefined ? undefined : String(timeout), format: 'json', color: false },
    env,
    cwd,
    stdoutIsTTY: false,
  });
  const { report } = await diagnose({
    settings,
    shell: detectShell(process.platform, env),
    // A program that imports gigadoctor has it in its node_modules, where npx finds it.
    self: 'npx gigadoctor',
    platform: process.platform,
    nodeVersion: process.version,
    nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS,
  });
  return report;
}
