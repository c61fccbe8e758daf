import type { Settings } from '../settings/types.js';

export interface Target {
  which: 'auth' | 'api';
  host: string;
  port: number;
}

/** The host:port pairs this run will talk to, each once: the auth host only when a key is exchanged. */
export function networkTargets(settings: Settings): Target[] {
  const urls: Array<[Target['which'], string]> = [];
  if (settings.credential?.kind !== 'accessToken' && settings.credential?.kind !== 'password') urls.push(['auth', settings.authUrl.value]);
  urls.push(['api', settings.baseUrl.value]);
  const targets: Target[] = [];
  for (const [which, raw] of urls) {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      continue;
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    if (!targets.some((t) => t.host === host && t.port === port)) targets.push({ which, host, port });
  }
  return targets;
}
