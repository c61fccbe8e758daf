/** Edit distance, for "did you mean" suggestions on scopes and model names. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The same words in another order (`GigaChat-Pro-2` for `GigaChat-2-Pro`) count as one edit. */
function distance(a: string, b: string): number {
  const words = (s: string) => s.split(/[-_\s]+/).sort().join('-');
  return a !== b && words(a) === words(b) ? 1 : editDistance(a, b);
}

/** The candidate closest to `value` (case-insensitively), if it is close enough to be a typo. */
export function nearest(value: string, candidates: readonly string[], maxDistance = 3): string | null {
  const v = value.trim().toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(v, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= maxDistance ? best : null;
}
