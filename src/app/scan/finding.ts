import type { Code } from '../../catalog/codes.js';

/** One thing found in a project file. `excerpt` is scrubbed; `file` is relative to the project, with `/`. */
export interface Finding {
  code: Code;
  file: string;
  line: number;
  excerpt: string;
  /** What the remedy needs (the wrong host and the right URL, the variable and the official name …). */
  facts?: Record<string, string | number | boolean | null>;
}

/** A finding before it knows its file and excerpt: a rule sees one line at a time. */
export interface LineHit {
  code: Code;
  /** Where on the line (for the excerpt window). */
  index: number;
  facts?: Finding['facts'];
}
