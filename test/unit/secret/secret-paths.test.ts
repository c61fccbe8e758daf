/**
 * Every output path goes through the scrubber, in process: an unexpected error whose message
 * quotes the key (INTERNAL_ERROR), a verdict echoing the issued token in its details, the http
 * details of an exchange — through diagnose() and each renderer, the way `check` prints them.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/diagnose.js';
import type { Probe } from '../../../src/probe/types.js';
import type { RenderContext } from '../../../src/render/context.js';
import { renderHuman } from '../../../src/render/human.js';
import { renderJunit } from '../../../src/render/junit.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { REDACTED, Secret } from '../../../src/secret/index.js';
import { resolveSettings } from '../../../src/settings/resolve.js';
import type { Check } from '../../../src/types.js';
import { tmpdir } from 'node:os';

const ID = '0199a3b2-5c4d-7e8f-9a0b-1c2d3e4f5a6b';
const SECRET = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const KEY = Buffer.from(`${ID}:${SECRET}`).toString('base64');
const TOKEN = `eyJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwiYWxnIjoiUlNBLU9BRVAtMjU2In0.${'c2VjcmV0LXRva2VuLWJvZHk'.repeat(12)}.aXY.Y3Q.dGFn`;
const PROXY_PASSWORD = 'pr0xy-Pa55word!';

const noNetwork: Probe = new Proxy({} as Probe, {
  get: (_t, name) => (name === 'close' ? async () => undefined : () => { throw new Error('no network in this test'); }),
});

function forms(secret: string): string[] {
  const b = Buffer.from(secret);
  return [secret, b.toString('base64').replace(/=+$/, ''), b.toString('base64url'), encodeURIComponent(secret), b.toString('hex')];
}

const CHECKS: Check[] = [
  {
    id: 'env',
    needs: [],
    run() {
      // What an undici or Node error might quote: the header it refused, the URL it could not parse.
      throw new TypeError(`invalid header value "Basic ${KEY}" for https://u:${encodeURIComponent(PROXY_PASSWORD)}@proxy (${Buffer.from(SECRET).toString('hex')})`);
    },
  },
  {
    id: 'oauth',
    needs: [],
    run() {
      return {
        product: { secret: new Secret(TOKEN), source: 'oauth' },
        status: 'fail',
        code: 'API_FORBIDDEN',
        details: {
          url: 'https://gigachat.devices.sberbank.ru/api/v1/models',
          status: 403,
          message: `token ${TOKEN.slice(0, 200)}\n${TOKEN.slice(200)} rejected`,
          http: { method: 'GET', requestId: TOKEN, server: `echo ${encodeURIComponent(TOKEN)}`, location: `https://x/?t=${TOKEN}` },
        },
      };
    },
  },
];

describe('every output path goes through the scrubber', () => {
  it('INTERNAL_ERROR, echoed tokens and http details: no form of any secret in the report or any rendering', async () => {
    const settings = resolveSettings({
      flags: { dotenv: false, verbose: true },
      env: { GIGACHAT_CREDENTIALS: KEY, HTTPS_PROXY: `http://user:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:3128` },
      cwd: tmpdir(),
      stdoutIsTTY: false,
    });
    const { report, scrubber } = await diagnose({ settings, shell: 'posix', platform: 'linux', nodeVersion: 'v20.0.0', checks: CHECKS, probe: noNetwork });
    expect(report.checks.find((c) => c.id === 'env')).toMatchObject({ status: 'fail', code: 'INTERNAL_ERROR' });
    const ctx: RenderContext = { settings, env: {}, platform: 'linux', scrub: (t) => scrubber.scrub(t) };
    const outputs = {
      json: scrubber.scrub(JSON.stringify(report, null, 2)),
      human: scrubber.scrub(renderHuman(report, { lang: 'en', color: false, unicode: true, verbose: true })),
      markdown: scrubber.scrub(renderMarkdown(report, ctx)),
      junit: scrubber.scrub(renderJunit(report)),
    };
    expect(JSON.stringify(report)).toContain(REDACTED);
    for (const [format, out] of Object.entries(outputs)) {
      const flat = out.replace(/\s+/g, '');
      for (const secret of [KEY, ID, SECRET, TOKEN, PROXY_PASSWORD]) {
        for (const form of forms(secret)) {
          expect(out.includes(form), `${format}: ${form.slice(0, 12)}…`).toBe(false);
          expect(flat.includes(form), `${format} (across lines): ${form.slice(0, 12)}…`).toBe(false);
        }
        for (let i = 0; i + 12 <= secret.length; i += 4) expect(flat.includes(secret.slice(i, i + 12)), `${format}: a fragment`).toBe(false);
      }
    }
    JSON.parse(outputs.json);
  });
});
