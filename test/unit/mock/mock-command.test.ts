/**
 * mockCommand in-process, with a fake CliIO: the options cli.ts may not register yet
 * (--token-ttl, --key-scope) and the flag validation, without spawning anything.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import GigaChat from 'gigachat';
import { ResponseError } from 'gigachat/exceptions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../../src/commands/io.js';
import { mockCommand, parseMockFlags, type MockFlags } from '../../../src/commands/mock.js';

const savedNoProxy = process.env.NO_PROXY;
let info: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  process.env.NO_PROXY = '127.0.0.1,localhost';
  info = vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
  if (savedNoProxy === undefined) delete process.env.NO_PROXY;
  else process.env.NO_PROXY = savedNoProxy;
});

function sink(onText: (s: string) => void): NodeJS.WriteStream {
  return {
    isTTY: false,
    write(text: string, cb?: () => void) {
      onText(text);
      cb?.();
      return true;
    },
  } as unknown as NodeJS.WriteStream;
}

/** Runs mockCommand until it has printed its banner; stop() plays Ctrl-C. */
async function runMock(flags: MockFlags) {
  let out = '';
  let err = '';
  let interrupt!: (signal: string) => void;
  const io: CliIO = {
    argv: [],
    env: { PATH: process.env.PATH },
    cwd: process.cwd(),
    stdin: process.stdin,
    platform: 'linux',
    nodeVersion: process.version,
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    waitForInterrupt: () => new Promise<string>((resolve) => (interrupt = resolve)),
  };
  const done = mockCommand(io, flags);
  for (let i = 0; i < 1500 && !out.includes('Ctrl-C to stop.'); i++) {
    if (err) throw new Error(err);
    await new Promise((r) => setTimeout(r, 10));
  }
  const vars: Record<string, string> = {};
  for (const m of out.matchAll(/^export (\w+)=(.*)$/gm)) vars[m[1]] = m[2];
  const agent = new https.Agent({ ca: fs.readFileSync(vars.NODE_EXTRA_CA_CERTS, 'utf8') });
  const client = () =>
    new GigaChat({
      credentials: vars.GIGACHAT_CREDENTIALS,
      scope: vars.GIGACHAT_SCOPE,
      authUrl: vars.GIGACHAT_AUTH_URL,
      baseUrl: vars.GIGACHAT_BASE_URL,
      model: 'GigaChat-2',
      timeout: 5,
      httpsAgent: agent,
    });
  return {
    vars,
    out: () => out,
    client,
    async stop() {
      interrupt('SIGINT');
      const code = await done;
      agent.destroy();
      return code;
    },
  };
}

const tokenFetches = () => info.mock.calls.filter((c: unknown[]) => c[0] === 'OAUTH UPDATE TOKEN').length;

describe('mockCommand in-process', () => {
  it('--token-ttl: tokens expire after that many seconds, and the SDK refreshes', async () => {
    const run = await runMock({ tokenTtl: '1' });
    try {
      expect(run.out()).toContain('tokens live 1 s');
      const giga = run.client();
      await giga.chat('Hello');
      const fetches = tokenFetches();
      await new Promise((r) => setTimeout(r, 1100));
      const completion = await giga.chat('Hello');
      expect(completion.choices[0].finish_reason).toBe('stop');
      expect(tokenFetches()).toBe(fetches + 1);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('--key-scope: a CORP key is printed with its scope, works, and /balance answers 403 (pay-as-you-go)', async () => {
    const run = await runMock({ keyScope: 'GIGACHAT_API_CORP' });
    const caDir = path.dirname(run.vars.NODE_EXTRA_CA_CERTS);
    try {
      expect(run.vars.GIGACHAT_SCOPE).toBe('GIGACHAT_API_CORP');
      const giga = run.client();
      expect((await giga.getModels()).data.length).toBeGreaterThan(0);
      const error = await giga.balance().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect((error as ResponseError).response.data).toEqual({ status: 403, message: 'Permission denied' });
    } finally {
      expect(await run.stop()).toBe(0);
    }
    expect(fs.existsSync(caDir)).toBe(false);
    expect(run.out()).toMatch(/gigadoctor mock: stopped \(SIGINT\); servers closed, files removed\n$/);
  });
});

describe('parseMockFlags', () => {
  it('defaults', () => {
    expect(parseMockFlags({}, '/w')).toEqual({
      apiPort: 0,
      authPort: 0,
      scenario: 'ok',
      latencyMs: 0,
      tokenTtlMs: 30 * 60 * 1000,
      keyScope: 'GIGACHAT_API_PERS',
      envOut: undefined,
    });
  });

  it('everything given', () => {
    expect(
      parseMockFlags(
        { port: '8443', authPort: '9443', scenario: 'chat-hang', latency: '250', tokenTtl: '60', keyScope: 'GIGACHAT_API_B2B', envOut: 'a/.env' },
        '/w',
      ),
    ).toEqual({
      apiPort: 8443,
      authPort: 9443,
      scenario: 'chat-hang',
      latencyMs: 250,
      tokenTtlMs: 60_000,
      keyScope: 'GIGACHAT_API_B2B',
      envOut: path.resolve('/w', 'a/.env'),
    });
  });

  it.each([
    [{ tokenTtl: '0' }, /--token-ttl must be a whole number 1–86400 \(seconds\), got "0"/],
    [{ tokenTtl: '1e3' }, /--token-ttl must be a whole number/],
    [{ keyScope: 'PERS' }, /unknown key scope "PERS"; valid: GIGACHAT_API_PERS, GIGACHAT_API_B2B, GIGACHAT_API_CORP/],
    [{ latency: '600001' }, /--latency must be a whole number 0–600000/],
    [{ envOut: ' ' }, /--env-out needs a file name/],
  ] as const)('%j is refused', (flags, reason) => {
    expect(() => parseMockFlags(flags, '/w')).toThrow(reason);
  });
});
