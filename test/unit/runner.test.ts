/**
 * The runner alone, with made-up checks: the order of the graph, who blocks whom, what a skip by
 * option lets through, the run's deadline, a check that throws, and the products handed on.
 */
import { describe, expect, it } from 'vitest';
import type { Probe } from '../../src/probe/types.js';
import { runGraph } from '../../src/runner.js';
import { Secret } from '../../src/secret.js';
import type { Settings } from '../../src/settings/types.js';
import type { Check, CheckId, CheckOutcome, Verdict } from '../../src/types.js';

const probe = {} as Probe;
const settingsWith = (over: Partial<Settings> = {}): Settings =>
  ({ deadlineMs: 5_000, only: null, skip: [], chat: true, ...over }) as unknown as Settings;

const pass: Verdict = { status: 'pass', code: 'TCP_OK' };
const fail: Verdict = { status: 'fail', code: 'TCP_REFUSED' };

function check(id: CheckId, needs: CheckId[], run: Check['run'] = () => pass): Check {
  return { id, needs, run };
}

const byId = (results: Awaited<ReturnType<typeof runGraph>>['results']) => Object.fromEntries(results.map((r) => [r.id, r]));

describe('runGraph', () => {
  it('returns results in the order of the list, whatever order they finish in', async () => {
    const slow = check('env', [], () => new Promise((r) => setTimeout(() => r(pass), 30)));
    const fast = check('endpoints', []);
    const { results } = await runGraph({ checks: [slow, fast], settings: settingsWith(), probe });
    expect(results.map((r) => r.id)).toEqual(['env', 'endpoints']);
  });

  it('starts independent checks together and a check only after all it needs', async () => {
    const events: string[] = [];
    const timed = (id: CheckId, needs: CheckId[], ms: number) => check(id, needs, async () => {
      events.push(`start ${id}`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`end ${id}`);
      return pass;
    });
    await runGraph({ checks: [timed('env', [], 20), timed('endpoints', [], 5), timed('format', ['env', 'endpoints'], 1)], settings: settingsWith(), probe });
    expect(events.slice(0, 2).sort()).toEqual(['start endpoints', 'start env']);
    expect(events.indexOf('start format')).toBeGreaterThan(events.indexOf('end env'));
    expect(events.indexOf('start format')).toBeGreaterThan(events.indexOf('end endpoints'));
  });

  it('a failure blocks what needs it, and everything further down names the root cause', async () => {
    const ran: CheckId[] = [];
    const spy = (id: CheckId, needs: CheckId[]) => check(id, needs, () => {
      ran.push(id);
      return pass;
    });
    const { results } = await runGraph({
      checks: [spy('endpoints', []), check('dns', ['endpoints'], () => fail), spy('tcp', ['dns']), spy('tls', ['tcp'])],
      settings: settingsWith(),
      probe,
    });
    const r = byId(results);
    expect(r.dns.verdict.status).toBe('fail');
    expect(r.tcp).toMatchObject({ blockedBy: 'dns', verdict: { status: 'skip', code: 'BLOCKED' } });
    expect(r.tls).toMatchObject({ blockedBy: 'dns', verdict: { status: 'skip', code: 'BLOCKED', details: { blockedBy: 'dns' } } });
    expect(ran).toEqual(['endpoints']);
  });

  it('a skip that satisfies needs lets dependents run; a plain skip blocks them', async () => {
    const given = check('oauth', [], () => ({ status: 'skip', code: 'ACCESS_TOKEN_PROVIDED', satisfiesNeeds: true }));
    const models = check('models', ['oauth']);
    const first = await runGraph({ checks: [given, models], settings: settingsWith(), probe });
    expect(byId(first.results).models.verdict.status).toBe('pass');

    const plain = check('oauth', [], () => ({ status: 'skip', code: 'BLOCKED', details: { blockedBy: 'env' } }));
    const second = await runGraph({ checks: [plain, models], settings: settingsWith(), probe });
    // The oauth check said who blocked it; models names that same root cause.
    expect(byId(second.results).oauth.blockedBy).toBe('env');
    expect(byId(second.results).models).toMatchObject({ blockedBy: 'env', verdict: { code: 'BLOCKED' } });
  });

  it('--skip, --only and --no-chat skip by option, and such a skip does not block', async () => {
    const checks = [check('env', []), check('format', ['env']), check('endpoints', []), check('chat', ['format'])];
    const skipped = await runGraph({ checks, settings: settingsWith({ skip: ['env'] } as Partial<Settings>), probe });
    expect(byId(skipped.results).env.verdict).toMatchObject({ status: 'skip', code: 'SKIPPED_BY_OPTION', details: { option: '--skip' } });
    expect(byId(skipped.results).format.verdict.status).toBe('pass');

    // --only keeps what the named check needs.
    const only = await runGraph({ checks, settings: settingsWith({ only: ['format'] } as Partial<Settings>), probe });
    expect(Object.values(byId(only.results)).map((r) => [r.id, r.verdict.code])).toEqual([
      ['env', 'TCP_OK'], ['format', 'TCP_OK'], ['endpoints', 'SKIPPED_BY_OPTION'], ['chat', 'SKIPPED_BY_OPTION'],
    ]);

    const noChat = await runGraph({ checks, settings: settingsWith({ chat: false }), probe });
    expect(byId(noChat.results).chat.verdict).toMatchObject({ code: 'SKIPPED_BY_OPTION', details: { option: '--no-chat' } });
  });

  it('a check that throws becomes INTERNAL_ERROR, and the run goes on', async () => {
    const { results } = await runGraph({
      checks: [check('env', [], () => { throw new Error('boom'); }), check('endpoints', []), check('format', ['env'])],
      settings: settingsWith(),
      probe,
    });
    const r = byId(results);
    expect(r.env.verdict).toMatchObject({ status: 'fail', code: 'INTERNAL_ERROR', details: { message: 'boom' } });
    expect(r.endpoints.verdict.status).toBe('pass');
    expect(r.format).toMatchObject({ blockedBy: 'env' });
  });

  it('a check still running at the deadline fails with DEADLINE_EXCEEDED; the run ends', async () => {
    const started = Date.now();
    const { results } = await runGraph({
      checks: [check('tcp', [], () => new Promise<Verdict>(() => undefined)), check('tls', ['tcp'])],
      settings: settingsWith({ deadlineMs: 100 }),
      probe,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(byId(results).tcp.verdict).toMatchObject({ status: 'fail', code: 'DEADLINE_EXCEEDED', details: { deadlineMs: 100 } });
    expect(byId(results).tls).toMatchObject({ blockedBy: 'tcp' });
  });

  it('products reach the checks after them and the caller; the verdict does not carry them', async () => {
    const secret = new Secret('token-value-for-the-runner-test');
    const oauth: Check<'oauth'> = {
      id: 'oauth',
      needs: [],
      run: (): CheckOutcome<'oauth'> => ({ status: 'pass', code: 'OAUTH_OK', product: { secret, source: 'oauth' } }),
    };
    let seen: unknown;
    const models = check('models', ['oauth'], (ctx) => {
      seen = ctx.products.oauth?.secret;
      return pass;
    });
    const { results, products } = await runGraph({ checks: [oauth, models], settings: settingsWith(), probe });
    expect(seen).toBe(secret);
    expect(products.oauth?.secret).toBe(secret);
    expect(byId(results).oauth.verdict).not.toHaveProperty('product');
  });
});
