import { withoutPassword } from '../probe/proxy-route.js';
/**
 * The Markdown report (`gigadoctor report`): paste-ready for a support ticket. Everything it
 * shows comes from the scrubbed Report, except the settings table, whose values pass through
 * ctx.scrub; the command then scans the whole text with the run's scrubber (selfCheck) and
 * refuses to print it when any secret form is still there.
 */
import type { Settings, Sourced } from '../settings/types.js';
import type { CheckResult, Report, Status } from '../types.js';
import { displayUrl } from '../util/display-url.js';
import type { RenderContext } from './context.js';
import { curlFor } from './curl.js';
import { isWindowsPath } from '../util/home-path.js';
import { reportText, type ReportText } from '../catalog/phrases/report.js';

const MARK: Record<Status, string> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };

export interface MarkdownOptions {
  /** The short form for a CI job summary: result, checks, problems; no settings, requests or curl. */
  summary?: boolean;
}

export function renderMarkdown(report: Report, ctx: RenderContext, opts: MarkdownOptions = {}): string {
  const t = reportText(ctx.settings.lang);
  const scrub = ctx.scrub ?? ((s: string) => s);
  const out: string[] = [];
  const problems = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
  const root = problems.find((c) => c.status === 'fail') ?? problems[0];

  out.push(`# ${opts.summary ? `gigadoctor: ${headline(report, t)}` : t.title}`, '');
  if (!opts.summary) out.push(`**${t.result}:** ${headline(report, t)}`, '');
  if (root) out.push(`**${t.rootCause}:** ${text(root.title)} — \`${root.code}\`: ${text(root.summary)}`, '');

  if (!opts.summary) {
    out.push(`${t.generated(ctx.generatedAt ?? new Date().toISOString(), report.tool.version)} ${t.privacy}`, '');
    out.push(`## ${t.environment}`, '', `| | |`, `| --- | --- |`);
    out.push(row('gigadoctor', report.tool.version));
    out.push(row(t.node, report.environment.node));
    out.push(row(t.os, ctx.os ? `${ctx.os} · ${report.environment.platform}` : report.environment.platform));
    if (ctx.shell) out.push(row(t.shell, ctx.shell));
    out.push(row(t.language, ctx.settings.lang), '');

    out.push(`## ${t.settings}`, '', `| ${t.setting} | ${t.value} | ${t.source} |`, '| --- | --- | --- |');
    for (const r of settingsRows(ctx.settings, t, scrub)) out.push(`| ${r.map(cell).join(' | ')} |`);
    out.push('');

    out.push(`## ${t.network}`, '', `| ${t.setting} | ${t.value} | ${t.source} |`, '| --- | --- | --- |');
    for (const r of networkRows(ctx.settings, t, scrub)) out.push(`| ${r.map(cell).join(' | ')} |`);
    out.push('');
  }

  out.push(`## ${t.checks}`, '', `| ${t.check} | ${t.statusHead} | ${t.code} | ${t.time} |`, '| --- | --- | --- | --- |');
  for (const c of report.checks) {
    const status = `${MARK[c.status]} ${t.status[c.status]}${c.blockedBy ? ` (${t.blockedBy(c.blockedBy)})` : ''}`;
    out.push(`| ${cell(c.title)} (\`${c.id}\`) | ${cell(status)} | \`${c.code}\` | ${c.durationMs} ms |`);
  }
  out.push('');

  if (!opts.summary) {
    const exchanges = report.checks.flatMap((c) => (isRecord(c.details.http) ? [{ c, http: c.details.http }] : []));
    if (exchanges.length) {
      out.push(`## ${t.requests}`, '', t.requestsIntro, '');
      out.push(`| ${t.check} | ${t.request} | ${t.answer} | ${t.sent} | ${t.receivedId} | ${t.receivedDate} | ${t.time} |`);
      out.push('| --- | --- | --- | --- | --- | --- | --- |');
      for (const { c, http } of exchanges) {
        const sent = typeof http.rqUid === 'string' ? `RqUID \`${http.rqUid}\`` : typeof http.xRequestId === 'string' ? `X-Request-ID \`${http.xRequestId}\`` : '—';
        out.push(`| \`${c.id}\` | ${cell(`${str(http.method)} ${str(http.url)}`)} | HTTP ${str(http.status)} | ${sent} | ${codeOr(http.requestId)} | ${cell(str(http.date) || '—')} | ${str(http.ms) || c.durationMs} ms |`);
      }
      out.push('');
    }
  }

  out.push(`## ${t.problems}`, '');
  if (!problems.length) out.push(t.noProblems, '');
  for (const c of problems) {
    out.push(`### ${MARK[c.status]} ${text(c.title)} — \`${c.code}\``, '', text(c.summary), '');
    if (c.remediation.length) {
      out.push(`**${t.whatToDo}:**`, '');
      c.remediation.forEach((step, i) => out.push(`${i + 1}. ${text(step)}`));
      out.push('');
    }
    const notes = notesOf(c);
    if (notes.length) {
      out.push(`**${t.alsoNoted}:**`, '');
      for (const n of notes) {
        out.push(`- \`${n.code}\`: ${text(n.summary)}`);
        for (const step of n.remediation) out.push(`  - ${text(step)}`);
      }
      out.push('');
    }
    if (opts.summary) continue;
    const chain = Array.isArray(c.details.chain) ? c.details.chain.filter(isRecord) : [];
    if (chain.length && c.status === 'fail') {
      out.push(`**${t.presentedChain}:**`, '');
      chain.forEach((cert, i) => {
        out.push(`${i + 1}. ${cell(str(cert.subject))} ← ${cell(str(cert.issuer))}; ${str(cert.validFrom)} – ${str(cert.validTo)}; SHA-256 \`${str(cert.sha256)}\``);
      });
      out.push('');
    }
    const curl = curlFor(c, { settings: ctx.settings, shell: ctx.shell ?? 'posix', home: ctx.home, lang: ctx.settings.lang });
    if (curl) {
      const lang = ctx.shell === 'powershell' ? 'powershell' : ctx.shell === 'cmd' ? 'bat' : 'sh';
      out.push(`**${t.reproduce}** (${t.reproduceNote})`, '', fence(scrub(curl.join('\n')), lang), '');
    }
  }
  if (opts.summary) out.push(t.fullReport, '');

  return `${tildify(out.join('\n').replace(/\n{3,}/g, '\n\n'), homes(ctx))}`;
}

/**
 * The last gate before a report leaves the process: null when the text holds none of the
 * run's secrets in any form, else the line to print on stderr instead of the report.
 */
export function selfCheck(text: string, scrubber: { finds(text: string): boolean }, lang: 'ru' | 'en' = 'en'): string | null {
  // The scrubber reads the text every way it may have been written — Markdown's backslash
  // escapes and HTML entities, lines joined, pieces side by side — the same gate every output passes.
  if (!scrubber.finds(text)) return null;
  return reportText(lang).selfCheckFailed;
}

function headline(report: Report, t: ReportText): string {
  const mark = report.exitCode === 0 ? (report.counts.warn ? MARK.warn : MARK.pass) : MARK.fail;
  return `${mark} ${t.counts(report.counts)} — ${t.exitCode(report.exitCode)} (${t.exitMeaning[report.exitCode]})`;
}

function settingsRows(s: Settings, t: ReportText, scrub: (x: string) => string): string[][] {
  const rows: string[][] = [];
  const src = (x: Sourced<unknown>) => t.sourceLabel(x.source, x.name);
  const val = (x: string) => codeSpan(scrub(x));
  if (s.credential) {
    const c = s.credential;
    rows.push([t.credential, t.credentialValue(c.variable, c.secret.length, c.secret.fingerprint, t.kind[c.kind]), t.sourceLabel(c.source, c.variable)]);
    if (c.user) rows.push([t.user, val(c.user.value), src(c.user)]);
  } else {
    rows.push([t.credential, t.credentialNone, '—']);
  }
  for (const o of s.alsoPresent) rows.push([t.alsoSet, `\`${o.name}\`: ${t.presentOnly}`, t.sourceLabel(o.source, o.name)]);
  for (const e of s.emptyVariables) rows.push([t.emptyVars, `\`${e.name}\``, t.sourceLabel(e.source, e.name)]);
  for (const sh of s.shadowed) rows.push([t.shadowed, t.shadowedValue(sh.name, sh.fileSource), `${t.sourceLabel('env', sh.name)}, ${sh.fileSource}`]);
  rows.push([t.scope, val(s.scope.value), src(s.scope)]);
  rows.push([t.authUrl, val(displayUrl(s.authUrl.value)), src(s.authUrl)]);
  rows.push([t.baseUrl, val(displayUrl(s.baseUrl.value)), src(s.baseUrl)]);
  rows.push([t.model, val(s.model.value), src(s.model)]);
  rows.push([t.timeout, `${s.timeoutMs.value} ms`, src(s.timeoutMs)]);
  const envFile = s.envFile.path ? `${val(s.envFile.path)} — ${t.envFileState[s.envFile.status]}${s.envFile.reason ? ` (${scrub(s.envFile.reason)})` : ''}` : t.envFileState[s.envFile.status];
  rows.push([t.envFile, envFile, s.envFile.explicit ? 'flag --dotenv' : t.sourceLabel('default', '.env')]);
  rows.push([t.chat, s.chat ? t.on : `${t.off} (--no-chat)`, s.chat ? t.sourceLabel('default', '') : 'flag --no-chat']);
  const selection = [s.only ? `--only ${s.only.join(',')}` : '', s.skip.length ? `--skip ${s.skip.join(',')}` : ''].filter(Boolean).join(' ');
  rows.push([t.selection, selection || t.all, selection ? 'flag' : t.sourceLabel('default', '')]);
  rows.push([t.strict, s.strict ? t.yes : t.no, s.strict ? 'flag --strict' : t.sourceLabel('default', '')]);
  return rows;
}

function networkRows(s: Settings, t: ReportText, scrub: (x: string) => string): string[][] {
  const rows: string[][] = [];
  const val = (x: string) => codeSpan(scrub(x));
  const proxy = (label: string, p: Sourced<string> | null, isUrl: boolean) => {
    if (!p) return rows.push([label, t.proxyNone, '—']);
    let shown = p.value;
    let hidden = false;
    if (isUrl) {
      // `user:pass@proxy:3128` (no scheme) parses as a URL of scheme `user:`: judge by the @ instead.
      hidden = p.value.includes('@');
      shown = withoutPassword(p.value);
    }
    rows.push([label, `${val(shown)}${hidden ? ` (${t.passwordHidden})` : ''}`, t.sourceLabel(p.source, p.name)]);
  };
  proxy('HTTPS_PROXY', s.proxy.httpsProxy, true);
  proxy('HTTP_PROXY', s.proxy.httpProxy, true);
  proxy('NO_PROXY', s.proxy.noProxy, false);
  if (s.caFile) {
    const state = s.caFileRead ? (s.caFileRead.ok ? t.caFileOk(s.caFileRead.count) : t.caFileBad(s.caFileRead.reason)) : '';
    rows.push([t.caFile, `${val(s.caFile.value)}${state ? ` — ${state}` : ''}`, t.sourceLabel(s.caFile.source, s.caFile.name)]);
  } else {
    rows.push([t.caFile, t.notSet, '—']);
  }
  rows.push([t.nodeExtraCa, s.nodeExtraCaCerts ? val(s.nodeExtraCaCerts.value) : t.notSet, s.nodeExtraCaCerts ? t.sourceLabel(s.nodeExtraCaCerts.source, s.nodeExtraCaCerts.name) : '—']);
  rows.push([t.tlsVerification, s.insecure ? t.tlsOff : t.on, s.insecure ? 'flag --insecure' : t.sourceLabel('default', '')]);
  rows.push([t.appVerification, s.appVerifiesTls.value ? t.on : t.off, t.sourceLabel(s.appVerifiesTls.source, s.appVerifiesTls.name)]);
  return rows;
}

function row(a: string, b: string): string {
  return `| ${cell(a)} | ${cell(b)} |`;
}

/** Prose: `<` would start an HTML tag on GitHub (and hide "<access token>"), a backtick a code span. */
function text(s: string): string {
  return s.replace(/\\(?=[<`])/g, '\\\\').replace(/</g, '\\<').replace(/`/g, '\\`').replace(/\r?\n/g, ' ');
}

/** A table cell: prose, plus `|` escaped. Code spans made here are left alone. */
function cell(s: string): string {
  if (/^`[^`]*`/.test(s) || s.includes('`')) return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return text(s).replace(/\|/g, '\\|');
}

function codeOr(v: unknown): string {
  return typeof v === 'string' && v ? codeSpan(v) : '—';
}

/** A code span that shows the value as it is, backticks included (a longer fence, as CommonMark allows). */
function codeSpan(v: string): string {
  const flat = v.replace(/\r?\n[ \t]*/g, '');
  if (!flat.includes('`')) return `\`${flat}\``;
  const fence = '`'.repeat(Math.max(...(flat.match(/`+/g) ?? ['']).map((m) => m.length)) + 1);
  return `${fence} ${flat} ${fence}`;
}

function fence(body: string, lang: string): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${body}\n${f}`;
}

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function notesOf(check: CheckResult): Array<{ code: string; summary: string; remediation: string[] }> {
  const notes = check.details.notes;
  return Array.isArray(notes) ? (notes as Array<{ code: string; summary: string; remediation: string[] }>) : [];
}

/** The home directories to hide: the one the process knows, and what HOME / USERPROFILE say. */
function homes(ctx: RenderContext): string[] {
  const list = [ctx.home, ctx.env.HOME, ctx.env.USERPROFILE].filter((h): h is string => Boolean(h && h.length > 1 && h !== '/'));
  return [...new Set(list.map((h) => h.replace(/[\\/]+$/, '')))].sort((a, b) => b.length - a.length);
}

/** `/home/anna/x` → `~/x`, `C:\Users\anna\x` → `~\x`: chezmoi and brew do the same before output is shared. */
export function tildify(text: string, homeDirs: string[]): string {
  let out = text;
  for (const home of homeDirs) {
    const escaped = home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const windows = isWindowsPath(home);
    out = out.replace(new RegExp(`${escaped}(?=[\\\\/]|$|[\\s'"\`|)\\]])`, windows ? 'gi' : 'g'), '~');
  }
  return out;
}
