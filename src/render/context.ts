import type { Settings } from '../settings/types.js';

/** What report renderers need beyond the Report: where values came from, and the machine. */
export interface RenderContext {
  settings: Settings;
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
}
