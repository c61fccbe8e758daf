// Verdicts the runner itself gives: a skipped or blocked check, a crash, the run's deadline.

import { str } from '../text-helpers.js';
import { none, say, type Remedy } from '../steps.js';
import { RETRY, checkTitle, duration, jsonReport } from './common.js';

export const runnerRemedies = {
  SKIPPED_BY_OPTION: { summary: (d) => say('SKIPPED_BY_OPTION', { option: str(d.option) }), steps: none },
  BLOCKED: {
    summary: (d) => {
      const id = str(d.blockedBy);
      return say('BLOCKED', { id, title: id ? checkTitle(id) : undefined });
    },
    steps: none,
  },
  INTERNAL_ERROR: {
    summary: (d) => say('INTERNAL_ERROR', { message: str(d.message) }),
    steps: () => [say('INTERNAL_ERROR.report', { run: jsonReport }), say('INTERNAL_ERROR.verbose')],
  },
  DEADLINE_EXCEEDED: {
    summary: (d) => say('DEADLINE_EXCEEDED', { deadline: duration(d.deadlineMs), retry: RETRY }),
    steps: () => [say('step.runAgain'), say('DEADLINE_EXCEEDED.slow')],
  },
} satisfies Record<string, Remedy>;
