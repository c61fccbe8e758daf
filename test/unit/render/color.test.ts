import { describe, expect, it } from 'vitest';
import { colorWanted } from '../../../src/render/color.js';

describe('colorWanted decides as Node does', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    // Node treats a NO_COLOR that is set at all as set.
    [{ NO_COLOR: '' }, true, false],
    [{ NODE_DISABLE_COLORS: '1' }, true, false],
    [{ TERM: 'dumb' }, true, false],
    // FORCE_COLOR wins over NO_COLOR, and over a pipe.
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: 'true' }, false, true],
    [{ FORCE_COLOR: '3', TERM: 'dumb' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: 'yes' }, true, false],
  ] as Array<[Record<string, string>, boolean, boolean]>)('%o on a %s terminal → %s', (env, tty, want) => {
    expect(colorWanted(undefined, env, tty)).toBe(want);
  });

  it('--no-color beats FORCE_COLOR', () => expect(colorWanted(false, { FORCE_COLOR: '1' }, true)).toBe(false));
});

describe('colorWanted agrees with Node’s own tty.getColorDepth on a terminal', () => {
  it('for every combination of FORCE_COLOR, NO_COLOR, NODE_DISABLE_COLORS and TERM', async () => {
    const { WriteStream } = await import('node:tty');
    const force = [undefined, '', '0', '1', '2', '3', 'true', 'false', 'yes'];
    const off = [undefined, '', '1'];
    const term = ['xterm-256color', 'dumb'];
    let compared = 0;
    for (const FORCE_COLOR of force) for (const NO_COLOR of off) for (const NODE_DISABLE_COLORS of off) for (const TERM of term) {
      const env = Object.fromEntries(Object.entries({ FORCE_COLOR, NO_COLOR, NODE_DISABLE_COLORS, TERM }).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const node = (WriteStream.prototype.getColorDepth as (this: unknown, env: object) => number).call({}, env) > 1;
      expect(colorWanted(undefined, env, true), JSON.stringify(env)).toBe(node);
      compared++;
    }
    expect(compared).toBe(9 * 3 * 3 * 2);
  });
});
