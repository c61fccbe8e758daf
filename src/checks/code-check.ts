import type { Code } from '../catalog/codes.js';
import { scanProject, type ProjectScan } from '../app/scan-project.js';
import type { Finding } from '../app/scan/finding.js';
import { knownIssue } from '../app/scan/sdk-issues.js';
import type { DeclaredSdk } from '../app/scan/sdks.js';
import { axiosRoute, type SdkRoute } from '../app/axios-route.js';
import { routeFor } from '../probe/proxy-route.js';
import type { Settings } from '../settings/types.js';
import type { Check, Details, Note, Status, Verdict } from '../types.js';

/** Every finding code of the scan, most serious first: the first one found names the check. */
const SEVERITY: Array<[Code, Status]> = [
  ['CODE_SECRET_COMMITTED', 'fail'],
  ['CODE_WRONG_URL', 'fail'],
  ['CODE_SECRET_IN_FILE', 'warn'],
  ['CODE_TLS_VERIFY_OFF', 'warn'],
  ['CODE_UNOFFICIAL_VARIABLE', 'warn'],
  ['CODE_MODEL_RETIRED', 'warn'],
  ['CODE_MODEL_MISSPELLED', 'warn'],
  ['CODE_SDK_KNOWN_ISSUE', 'warn'],
];
/** details.findings holds at most this many; the counts hold them all. */
const MAX_FINDINGS = 200;
/** Places shown in a summary line per kind of finding. */
const MAX_PLACES = 5;

/** The project's files, offline: wrong URLs, verification off, unofficial names, models, secrets, SDKs. */
export const codeCheck: Check = {
  id: 'code',
  needs: [],
  async run({ settings }): Promise<Verdict> {
    const project = settings.project.value;
    const scan = await scanProject(project);
    return verdictOf(project, scan, usesNpmSdk(scan) ? sdkRoutes(settings) : []);
  },
};

export interface SdkRouteComparison {
  which: 'auth' | 'api';
  host: string;
  /** The npm SDK's route (axios). */
  sdk: SdkRoute;
  /** gigadoctor's own route (undici's rules), the one its network checks took. */
  gigadoctor: { proxy: string | null; variable: string | null; noProxyEntry: string | null };
}

function usesNpmSdk(scan: ProjectScan): boolean {
  return scan.project && scan.sdks.some((s) => s.ecosystem === 'npm' && s.name === 'gigachat');
}

/** Each GigaChat URL's route for the npm SDK beside gigadoctor's own: axios and undici read the proxy variables differently. */
function sdkRoutes(settings: Settings): SdkRouteComparison[] {
  const out: SdkRouteComparison[] = [];
  for (const [which, setting] of [['auth', settings.authUrl], ['api', settings.baseUrl]] as const) {
    let host: string;
    let own;
    try {
      host = new URL(setting.value.trim()).hostname;
      own = routeFor(setting.value.trim(), settings.proxy);
    } catch {
      continue;
    }
    out.push({
      which,
      host,
      sdk: axiosRoute(setting.value, settings.appEnv),
      gigadoctor: { proxy: own.proxy?.display ?? null, variable: own.variable, noProxyEntry: own.noProxyEntry ?? null },
    });
  }
  return out;
}

export function verdictOf(project: string, scan: ProjectScan, routes: SdkRouteComparison[] = []): Verdict {
  if (!scan.project) return { status: 'skip', code: 'CODE_NOT_A_PROJECT', details: { project }, satisfiesNeeds: true };
  const findings = allFindings(scan);
  const sdks = scan.sdks.map(({ ecosystem, name, spec, version, file, line }) => ({ ecosystem, name, spec, version, file, line }));
  const base: Details = {
    project,
    via: scan.via,
    ignoreRules: scan.ignoreRules,
    counts: scan.counts,
    partial: scan.partial,
    sdks,
    sdkList: sdkList(sdks),
    ...(routes.length ? { sdkRoutes: routes } : {}),
    findingCount: findings.length,
    // Each with its own status: an annotation per finding is an error or a warning by what it found.
    findings: findings.slice(0, MAX_FINDINGS).map(({ facts, ...f }) => ({ ...f, status: statusOf(f.code), ...facts })),
  };
  const groups: Array<{ code: Code; status: Status; details: Details }> = [];
  for (const [code, status] of SEVERITY) {
    const of = findings.filter((f) => f.code === code);
    if (of.length) groups.push({ code, status, details: groupDetails(of) });
  }
  const differ = routes.filter((r) => r.sdk.proxy !== r.gigadoctor.proxy);
  if (differ.length) {
    const [r] = differ;
    groups.push({
      code: 'CODE_SDK_PROXY_DIFFERS',
      status: 'warn',
      details: {
        which: r.which, host: r.host, sdkProxy: r.sdk.proxy, sdkVariable: r.sdk.variable, sdkNoProxyEntry: r.sdk.noProxyEntry,
        gigadoctorProxy: r.gigadoctor.proxy, gigadoctorVariable: r.gigadoctor.variable, gigadoctorNoProxyEntry: r.gigadoctor.noProxyEntry,
        hosts: differ.map((x) => x.host),
      },
    });
  }
  if (scan.partial) groups.push({ code: 'CODE_SCAN_PARTIAL', status: 'warn', details: { ...scan.partial, files: scan.counts.files } });
  const [first, ...rest] = groups;
  if (!first) return { status: 'pass', code: 'CODE_OK', details: base };
  const notes: Note[] = rest.map((g) => ({ code: g.code, details: g.details }));
  return { status: first.status, code: first.code, details: { ...base, ...first.details }, ...(notes.length ? { notes } : {}) };
}

function statusOf(code: Code): Status {
  return SEVERITY.find(([c]) => c === code)?.[1] ?? 'warn';
}

/** One entry per SDK: the locked or pinned version where one is known, else the constraint. */
function sdkList(sdks: Array<Pick<DeclaredSdk, 'ecosystem' | 'name' | 'spec' | 'version'>>): string[] {
  const byName = new Map<string, { spec: string; version: string | null }>();
  for (const s of sdks) {
    const key = `${s.name} (${s.ecosystem})`;
    const seen = byName.get(key) ?? { spec: '', version: null };
    byName.set(key, { spec: seen.spec || s.spec, version: seen.version ?? s.version });
  }
  return [...byName].map(([key, v]) => key.replace(' (', `${v.version ? ` ${v.version}` : v.spec ? ` ${v.spec}` : ''} (`));
}

/** Rule findings, secrets (graded by whether git tracks them) and SDK versions with a known issue, in file order. */
function allFindings(scan: Extract<ProjectScan, { project: true }>): Finding[] {
  const secrets: Finding[] = scan.secrets.map((s) => ({
    code: s.tracked ? 'CODE_SECRET_COMMITTED' : 'CODE_SECRET_IN_FILE',
    file: s.file,
    line: s.line,
    excerpt: s.excerpt,
    facts: { kind: s.kind, length: s.length, fingerprint: s.fingerprint, tracked: s.tracked, envFile: /(^|\/)\.env(\.|$)/.test(s.file), git: scan.via === 'git' },
  }));
  const issues: Finding[] = [];
  for (const sdk of scan.sdks) {
    const issue = knownIssue(sdk);
    if (issue) {
      issues.push({
        code: 'CODE_SDK_KNOWN_ISSUE',
        file: sdk.file,
        line: sdk.line,
        excerpt: `${sdk.name} ${sdk.version}`,
        facts: { name: sdk.name, version: sdk.version, problem: issue.problem, workaround: issue.workaround, source: issue.source },
      });
    }
  }
  return [...secrets, ...scan.findings, ...issues];
}

/** What a summary says of one kind: how many, where (the first few), and the facts of the first. */
function groupDetails(of: Finding[]): Details {
  return {
    ...of[0].facts,
    file: of[0].file,
    line: of[0].line,
    count: of.length,
    places: of.slice(0, MAX_PLACES).map((f) => `${f.file}:${f.line}`),
    variables: [...new Set(of.map((f) => f.facts?.variable).filter(Boolean))],
    hosts: [...new Set(of.map((f) => f.facts?.host).filter(Boolean))],
  };
}
