/**
 * A small reader of .gitignore-style patterns: `#` comments, `!` negation (last match wins),
 * a trailing `/` for folders only, a leading or inner `/` anchors to the project root, `*`, `?`
 * and `**`. Enough for a root .gitignore and .gigadoctorignore; nested .gitignore files are
 * honoured only through git itself (`git ls-files --exclude-standard`).
 */

interface Rule {
  regex: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

export interface IgnoreRules {
  /** `path` is relative, with `/` separators. */
  ignores(path: string, isDir: boolean): boolean;
  readonly size: number;
}

export function parseIgnore(lines: Iterable<string>): IgnoreRules {
  const rules: Rule[] = [];
  for (const raw of lines) {
    let p = raw.replace(/\r$/, '');
    if (!p.trim() || p.startsWith('#')) continue;
    p = p.replace(/(?<!\\)\s+$/, '');
    const negate = p.startsWith('!');
    if (negate) p = p.slice(1);
    const dirOnly = p.endsWith('/');
    if (dirOnly) p = p.slice(0, -1);
    const anchored = p.includes('/');
    if (p.startsWith('/')) p = p.slice(1);
    if (!p) continue;
    const body = globToRegex(p);
    rules.push({ regex: new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`), negate, dirOnly });
  }
  return {
    size: rules.length,
    ignores(path, isDir) {
      let ignored = false;
      for (const r of rules) {
        if (r.dirOnly && !isDir) continue;
        if (r.regex.test(path)) ignored = !r.negate;
      }
      return ignored;
    },
  };
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        // `**/` any folders (none included), a trailing `**` anything below.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '\\' && i + 1 < glob.length) {
      out += escapeChar(glob[++i]);
    } else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end > i) {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      } else {
        out += '\\[';
      }
    } else {
      out += escapeChar(ch);
    }
  }
  return out;
}

function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
