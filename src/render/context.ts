import type { Shell } from '../catalog/types.js';
import type { Settings } from '../settings/types.js';

/** What report renderers need beyond the Report: where values came from, and the machine. */
export interface RenderContext {
  settings: Settings;
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  /** `os.type() os.release() (os.arch())`, e.g. "Linux 6.8.0-45-generic (x64)". */
  os?: string;
  /** The user's home directory: shown as `~` wherever a path starts with it. */
  home?: string;
  /** The shell the remedies (and the report's curl lines) are written for. */
  shell?: Shell;
  /** When the report was made (ISO 8601, UTC). */
  generatedAt?: string;
  /**
   * Every value the renderer takes from `settings` (which, unlike the Report, is not scrubbed)
   * passes through this before it is printed. Defaults to the identity: the self-check still runs.
   */
  scrub?: (text: string) => string;
}
