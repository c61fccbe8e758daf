/** The GigaChat SDKs a project declares, read from its manifests and lock files. */

export interface DeclaredSdk {
  ecosystem: 'pypi' | 'npm';
  name: string;
  /** As written: `>=0.1.40`, `^0.0.20`, `*`, or '' for no constraint. */
  spec: string;
  /** The exact version a lock file or an `==` pin fixes, or null. */
  version: string | null;
  file: string;
  line: number;
}

const PY_NAMES = ['langchain-gigachat', 'langchain_gigachat', 'gigachat', 'gigachain'];
const NPM_NAMES = ['gigachat', 'langchain-gigachat', 'gigachain'];
const PY_ALT = PY_NAMES.join('|');

/** The manifests this module reads, by file name. */
export function isManifest(name: string): boolean {
  return /^requirements.*\.txt$|^pyproject\.toml$|^Pipfile$|^Pipfile\.lock$|^poetry\.lock$|^package\.json$|^package-lock\.json$/i.test(name);
}

export function declaredSdks(file: string, text: string): DeclaredSdk[] {
  const name = file.split('/').pop() ?? file;
  const lines = text.split('\n');
  const out: DeclaredSdk[] = [];
  const push = (ecosystem: DeclaredSdk['ecosystem'], pkg: string, spec: string, version: string | null, index: number) =>
    out.push({ ecosystem, name: pkg.replace(/_/g, '-').toLowerCase(), spec: spec.trim(), version, file, line: index + 1 });

  if (/^requirements.*\.txt$/i.test(name)) {
    const re = new RegExp(String.raw`^\s*(${PY_ALT})(?![\w.-])\s*(\[[^\]]*\])?\s*([<>=!~][^#;]*)?`, 'i');
    lines.forEach((l, i) => {
      const m = re.exec(l);
      if (m) push('pypi', m[1], m[3] ?? '', pinned(m[3]), i);
    });
  } else if (/^(pyproject\.toml|Pipfile)$/i.test(name)) {
    // PEP 621 lists ("gigachat>=0.1.40") and Poetry/Pipfile tables (gigachat = "^0.1.40").
    const inList = new RegExp(String.raw`["'](${PY_ALT})(?![\w.-])\s*(\[[^\]]*\])?\s*([<>=!~][^"';]*)?["']`, 'i');
    const table = new RegExp(String.raw`^\s*["']?(${PY_ALT})["']?\s*=\s*(?:["']([^"']*)["']|\{[^}]*version\s*=\s*["']([^"']*)["'])`, 'i');
    lines.forEach((l, i) => {
      const t = table.exec(l);
      if (t) return push('pypi', t[1], t[2] ?? t[3] ?? '', pinned(t[2] ?? t[3]), i);
      const m = inList.exec(l);
      if (m) push('pypi', m[1], m[3] ?? '', pinned(m[3]), i);
    });
  } else if (/^poetry\.lock$/i.test(name)) {
    lines.forEach((l, i) => {
      const m = new RegExp(String.raw`^name\s*=\s*"(${PY_ALT})"`, 'i').exec(l);
      const v = m && /^version\s*=\s*"([^"]+)"/.exec(lines[i + 1] ?? '');
      if (m) push('pypi', m[1], v ? `==${v[1]}` : '', v ? v[1] : null, i);
    });
  } else if (/^Pipfile\.lock$/i.test(name)) {
    lines.forEach((l, i) => {
      const m = new RegExp(String.raw`^\s*"(${PY_ALT})"\s*:\s*\{`, 'i').exec(l);
      const v = m && lines.slice(i, i + 12).join('\n').match(/"version"\s*:\s*"==([^"]+)"/);
      if (m) push('pypi', m[1], v ? `==${v[1]}` : '', v ? v[1] : null, i);
    });
  } else if (/^package(-lock)?\.json$/i.test(name)) {
    for (const found of npmSdks(name, text)) push('npm', found.name, found.spec, found.version, lineOf(lines, `"${found.key}"`));
  }
  return out;
}

/** package.json's dependency tables, or package-lock.json's installed packages (v2/v3 `packages`, v1 `dependencies`). */
function npmSdks(name: string, text: string): Array<{ name: string; key: string; spec: string; version: string | null }> {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const table = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const out: Array<{ name: string; key: string; spec: string; version: string | null }> = [];
  for (const pkg of NPM_NAMES) {
    if (/lock/i.test(name)) {
      const entry = table(table(doc.packages)[`node_modules/${pkg}`] ?? table(doc.dependencies)[pkg]);
      if (typeof entry.version === 'string') out.push({ name: pkg, key: table(doc.packages)[`node_modules/${pkg}`] ? `node_modules/${pkg}` : pkg, spec: entry.version, version: entry.version });
      continue;
    }
    for (const section of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      const spec = table(doc[section])[pkg];
      if (typeof spec === 'string') out.push({ name: pkg, key: pkg, spec, version: /^\d+\.\d+\.\d+$/.test(spec) ? spec : null });
    }
  }
  return out;
}

/** The 0-based index of the first line holding `needle` (0 when none: the manifest's first line). */
function lineOf(lines: string[], needle: string): number {
  return Math.max(0, lines.findIndex((l) => l.includes(needle)));
}

function pinned(spec: string | undefined): string | null {
  const m = /^\s*===?\s*([\w.+-]+)\s*$/.exec(spec ?? '');
  return m ? m[1] : null;
}
