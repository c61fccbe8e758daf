import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { answeringLookup } from '../../../src/probe/net.js';

/** The lookup's answer, as net and tls ask for it: every address (`all`), or the first of a family. */
function ask(lookup: ReturnType<typeof answeringLookup>, host: string, options: { all?: boolean; family?: number }) {
  return new Promise<{ err: unknown; address: string | LookupAddress[]; family?: number }>((resolve) => {
    lookup(host, options as never, (err, address, family) => resolve({ err, address, family }));
  });
}

describe('answeringLookup: a host the dns step resolved is answered from its answer', () => {
  const lookup = answeringLookup((host) => (host === 'gigachat.example' ? ['10.0.0.7', '2001:db8::7'] : undefined));

  it('gives every address in the order found, or the first of the family asked for', async () => {
    expect(await ask(lookup, 'gigachat.example', { all: true })).toEqual({
      err: null, address: [{ address: '10.0.0.7', family: 4 }, { address: '2001:db8::7', family: 6 }], family: undefined,
    });
    expect(await ask(lookup, 'gigachat.example', {})).toEqual({ err: null, address: '10.0.0.7', family: 4 });
    expect(await ask(lookup, 'gigachat.example', { family: 6 })).toEqual({ err: null, address: '2001:db8::7', family: 6 });
  });

  it('asks the system for any other host, as Node would', async () => {
    const answer = await ask(lookup, 'localhost', { all: true });
    expect(answer.err).toBeNull();
    expect((answer.address as LookupAddress[]).map((a) => a.address)).toEqual(expect.arrayContaining([expect.stringMatching(/^(127\.0\.0\.1|::1)$/)]));
  });
});
