/**
 * Colour as Node itself decides it (tty.getColorDepth): FORCE_COLOR, when set, decides alone —
 * '', '1', 'true', '2' and '3' turn colour on, anything else off; otherwise NO_COLOR or
 * NODE_DISABLE_COLORS (set at all) and TERM=dumb turn it off; otherwise a terminal gets colour.
 * Only the user's own `--no-color` is stronger. Every command asks here.
 */
export function colorWanted(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (flag === false) return false;
  if (env.FORCE_COLOR !== undefined) return ['', '1', 'true', '2', '3'].includes(env.FORCE_COLOR);
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return false;
  return isTTY;
}
