/**
 * `--format junit`: one <testcase> per check (classname "gigadoctor", name = check id), so CI
 * systems that read JUnit (GitLab, Jenkins, Azure, GitHub test reporters) show each check.
 * fail → <failure message="CODE: summary"> with the remedy; skip → <skipped>; a warning is
 * system-out (a <failure> under --strict, which makes it fail the run).
 */
import type { Lang } from '../catalog/types.js';
import type { CheckResult, Report } from '../types.js';
import { reportText } from '../catalog/phrases/report.js';

export interface JunitOptions {
  strict?: boolean;
  lang?: Lang;
  /** ISO 8601 time of the run, for the suite's timestamp attribute. */
  timestamp?: string;
}

export function renderJunit(report: Report, opts: JunitOptions = {}): string {
  const t = reportText(opts.lang ?? 'en');
  const failing = (c: CheckResult) => c.status === 'fail' || (opts.strict === true && c.status === 'warn');
  const failures = report.checks.filter((c) => failing(c) && c.code !== 'INTERNAL_ERROR').length;
  const errors = report.checks.filter((c) => c.status === 'fail' && c.code === 'INTERNAL_ERROR').length;
  const skipped = report.checks.filter((c) => c.status === 'skip').length;
  const time = seconds(report.durationMs);
  const counts = `tests="${report.checks.length}" failures="${failures}" errors="${errors}"`;

  // Jenkins' junit-10 schema allows `skipped` on <testsuite> only, not on <testsuites>.
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="gigadoctor" ${counts} time="${time}">`];
  lines.push(`  <testsuite name="gigadoctor" ${counts} skipped="${skipped}" time="${time}"${opts.timestamp ? ` timestamp="${attr(opts.timestamp.replace(/\.\d+Z$/, ''))}"` : ''}>`);
  lines.push('    <properties>');
  const props: Array<[string, string]> = [
    ['gigadoctor.version', report.tool.version],
    ['node', report.environment.node],
    ['platform', report.environment.platform],
    ['exitCode', String(report.exitCode)],
  ];
  if (report.environment.proxy) props.push(['proxy', report.environment.proxy]);
  for (const [name, value] of props) lines.push(`      <property name="${attr(name)}" value="${attr(value)}"/>`);
  lines.push('    </properties>');

  for (const c of report.checks) {
    const head = `    <testcase classname="gigadoctor" name="${attr(c.id)}" time="${seconds(c.durationMs)}"`;
    const message = `${c.code}: ${c.summary}`;
    const body = [c.summary, ...c.remediation.map((s) => `→ ${s}`), ...(c.transient ? [t.junitTransient] : [])].join('\n');
    if (failing(c)) {
      const tag = c.code === 'INTERNAL_ERROR' ? 'error' : 'failure';
      lines.push(`${head}>`);
      lines.push(`      <${tag} message="${attr(message)}" type="${attr(c.code)}">${content(body)}</${tag}>`);
      if (c.status === 'warn') lines.push(`      <system-out>${content(`${t.junitWarning} ${message}`)}</system-out>`);
      lines.push('    </testcase>');
    } else if (c.status === 'skip') {
      lines.push(`${head}>`);
      lines.push(`      <skipped message="${attr(message)}"/>`);
      lines.push('    </testcase>');
    } else if (c.status === 'warn') {
      lines.push(`${head}>`);
      lines.push(`      <system-out>${content(`${t.junitWarning} ${message}\n${c.remediation.map((s) => `→ ${s}`).join('\n')}`)}</system-out>`);
      lines.push('    </testcase>');
    } else {
      lines.push(`${head}/>`);
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** Characters XML 1.0 cannot carry at all (controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: & and < always, > too (it would end `]]>`), invalid characters replaced. */
export function content(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute value in double quotes: also " and ', and line breaks kept as character references. */
export function attr(s: string): string {
  return content(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}
