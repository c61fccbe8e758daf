import type { Report } from '../types.js';

// Placeholder until the reports issue lands.
export function renderJunit(report: Report): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${report.checks.length}"></testsuites>\n`;
}
