/**
 * Every renderer the check command may use, as one module: the CLI bundle keeps it in a file of
 * its own (scripts/build.mjs), loaded when a report is rendered (or, for text output, while the
 * run waits on the network), so a `--json` run never compiles it.
 */
export { appendStepSummary, githubAnnotations } from './github.js';
export { renderHuman, terminalHasUnicode } from './human.js';
export { renderJunit } from './junit.js';
export { renderMarkdown, selfCheck } from './markdown.js';
export { uiText } from '../catalog/phrases/ui.js';
