/**
 * A URL as we print it: without user:password, query or fragment. A trailing slash is kept
 * unless the path is only "/": the request goes to the URL as written, so the report shows it.
 * Text that does not parse as a URL gets the same treatment by pattern, since a password in
 * `https://user:pass@host with space` is as private as in a valid one.
 */
export function displayUrl(value: string): string {
  try {
    const u = new URL(value.trim());
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.pathname === '/' ? u.href.replace(/\/$/, '') : u.href;
  } catch {
    return value
      .trim()
      .replace(/^([^:/?#\s]*:\/\/)[^/?#]*@/, '$1')
      .replace(/^[^:/?#\s]*:[^/?#]*@/, '')
      .replace(/[?#][\s\S]*$/, '')
      .slice(0, 200);
  }
}
