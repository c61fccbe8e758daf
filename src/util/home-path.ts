/**
 * Paths under the home folder, written the way the platform of the path reads them: a Windows
 * path (a drive letter or a backslash) names the same file in any case and with either slash.
 */

export function isWindowsPath(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || path.includes('\\');
}

function samePath(a: string, b: string, windows: boolean): boolean {
  if (!windows) return a === b;
  const canonical = (p: string) => p.replace(/\//g, '\\').toLowerCase();
  return canonical(a) === canonical(b);
}

/** What follows `home` in `path` ('' for home itself, `\certs\ca.pem` below it), or null when the path is not under it. */
export function belowHome(path: string, home: string): string | null {
  const dir = home.replace(/[\\/]+$/, '');
  if (!dir) return null;
  const next = path.charAt(dir.length);
  if (next !== '' && next !== '/' && next !== '\\') return null;
  return samePath(path.slice(0, dir.length), dir, isWindowsPath(dir)) ? path.slice(dir.length) : null;
}
