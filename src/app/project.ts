import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files whose presence makes a folder a project (any language): without one, and without git, nothing is scanned. */
const PROJECT_MARKERS = [
  '.git', 'package.json', 'pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile', 'poetry.lock', 'environment.yml',
  'Dockerfile', 'docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.yml', '.gigadoctorignore',
];

/** Files that say the project is Python's. */
const PYTHON_MARKERS = ['pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile', 'Pipfile.lock', 'poetry.lock', 'environment.yml'];

/** The top level of a folder, or [] when it cannot be read. */
function topLevel(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function isProject(dir: string): boolean {
  const names = topLevel(dir);
  return PROJECT_MARKERS.some((m) => names.includes(m)) || names.some((n) => /^requirements.*\.txt$/i.test(n));
}

/** What makes the folder a Python project, or null: a manifest, a virtual environment, or .py/.ipynb files at the top. */
export function pythonMarker(dir: string): string | null {
  const names = topLevel(dir);
  const found = names.find((n) => PYTHON_MARKERS.includes(n) || /^requirements.*\.txt$/i.test(n))
    ?? ['.venv', 'venv'].find((v) => names.includes(v) && existsSync(join(dir, v, 'pyvenv.cfg')))
    ?? names.find((n) => /\.(py|ipynb)$/i.test(n));
  return found ?? null;
}
