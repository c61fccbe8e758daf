import type { DeclaredSdk } from './sdks.js';

/**
 * SDK versions with a known, published problem. An entry needs a source anyone can open:
 * without one, a version is only reported, never called outdated or broken.
 */
export interface SdkIssue {
  ecosystem: DeclaredSdk['ecosystem'];
  name: string;
  versions: readonly string[];
  /** Short and factual, in English; the catalogue text frames it. */
  problem: string;
  workaround: string;
  source: string;
}

export const SDK_ISSUES: readonly SdkIssue[] = [
  {
    ecosystem: 'pypi',
    name: 'gigachat',
    versions: ['0.1.39'],
    problem: 'with httpx >= 0.28, client-certificate (mTLS) connections fail with TLSV13_ALERT_CERTIFICATE_REQUIRED',
    workaround: 'pin httpx==0.27.2, or use a newer gigachat',
    source: 'https://github.com/ai-forever/gigachat/issues/64',
  },
];

export function knownIssue(sdk: DeclaredSdk): SdkIssue | null {
  if (!sdk.version) return null;
  return SDK_ISSUES.find((i) => i.ecosystem === sdk.ecosystem && i.name === sdk.name && i.versions.includes(sdk.version as string)) ?? null;
}
