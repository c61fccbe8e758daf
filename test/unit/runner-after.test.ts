import { describe, expect, it } from 'vitest';
import { runGraph } from '../../src/runner.js';
import type { Probe } from '../../src/probe/types.js';
import type { Check, CheckId, Verdict } from '../../src/types.js';
import { settingsFor } from './render/render-fixtures.js';

const probe = { close: async () => undefined } as unknown as Probe;
const later = (ms: number, v: Verdict) => new Promise<Verdict>((r) => setTimeout(() => r(v), ms));

describe('a check that runs after another without needing it', () => {
  it('starts once the other is done, reads its verdict, and runs even when it failed', async () => {
    const seen: Array<string | undefined> = [];
    const checks: Check[] = [
      { id: 'tcp', needs: [], run: () => ({ status: 'pass', code: 'TCP_OK' }) },
      { id: 'tls', needs: ['tcp'], run: () => later(50, { status: 'fail', code: 'TLS_UNTRUSTED_ROOT' }) },
      {
        id: 'python',
        needs: ['tcp'],
        after: ['tls'],
        run: (ctx) => {
          seen.push(ctx.results.get('tls' as CheckId)?.code);
          return { status: 'pass', code: 'PYTHON_TLS_OK' };
        },
      },
    ];
    const { results: raw } = await runGraph({ checks, settings: settingsFor(), probe });
    expect(seen).toEqual(['TLS_UNTRUSTED_ROOT']);
    expect(raw.find((r) => r.id === 'python')).toMatchObject({ blockedBy: null, verdict: { code: 'PYTHON_TLS_OK' } });
  });
});
