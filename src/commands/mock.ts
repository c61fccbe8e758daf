import { echoValue } from '../util/sanitize.js';
/**
 * `gigadoctor mock`: the local HTTPS GigaChat stand-in of gigadoctor's own tests, as a command.
 * It prints what to paste (shell lines, optionally a .env file), runs until it is asked to stop
 * (stop-signals.ts: Ctrl-C, kill, a closed terminal …), then closes the servers (hung
 * connections too) and removes every file it wrote. What a mock killed outright left behind,
 * the next one removes or takes over, and says so (mock-leftovers.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SCOPE } from '../gigachat/index.js';
import { detectShell } from '../render/shell.js';
import { SCENARIOS, SCOPES, isScenario, startMock, type KeyScope, type MockServer, type Scenario } from '../mock/index.js';
import { envFileText, noProxyFor, pasteVariables, renderBanner, renderScenarioList } from '../mock/paste.js';
import { envOutOwner, processAlive, removeStaleTempDirs, TEMP_PREFIX } from './mock-leftovers.js';
import { VERSION } from '../version.js';
import { write, type CliIO } from './io.js';

export interface MockFlags {
  port?: string;
  authPort?: string;
  scenario?: string;
  latency?: string;
  envOut?: string;
  list?: boolean;
  /** --token-ttl <seconds>, read when cli.ts registers it. */
  tokenTtl?: string;
  /** --key-scope <scope>, read when cli.ts registers it. */
  keyScope?: string;
}

export interface MockSettings {
  apiPort: number;
  authPort: number;
  scenario: Scenario;
  latencyMs: number;
  tokenTtlMs: number;
  keyScope: KeyScope;
  /** Absolute path of --env-out. */
  envOut?: string;
}

class MockUsageError extends Error {}

const MAX_LATENCY_MS = 600_000;
const MAX_TOKEN_TTL_S = 24 * 60 * 60;
const DEFAULT_TOKEN_TTL_MS = 30 * 60 * 1000;
/** close() destroys every socket, so it is quick; this only bounds the worst case. */
const CLOSE_GRACE_MS = 500;

function wholeNumber(flag: string, raw: string | undefined, min: number, max: number, hint: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new MockUsageError(`${flag} must be a whole number ${min}–${max}${hint}, got "${echoValue(raw)}"`);
  }
  return value;
}

/** Validates the flags; throws MockUsageError with a one-line reason. */
export function parseMockFlags(flags: MockFlags, cwd: string): MockSettings {
  const apiPort = wholeNumber('--port', flags.port, 0, 65535, ' (0 picks a free port)') ?? 0;
  const authPort = wholeNumber('--auth-port', flags.authPort, 0, 65535, ' (0 picks a free port)') ?? 0;
  if (apiPort !== 0 && apiPort === authPort) throw new MockUsageError(`--port and --auth-port must differ, both are ${apiPort}`);
  const scenario = flags.scenario ?? 'ok';
  if (!isScenario(scenario)) {
    throw new MockUsageError(`unknown scenario "${echoValue(scenario)}"; valid: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  const latencyMs = wholeNumber('--latency', flags.latency, 0, MAX_LATENCY_MS, ' (ms)') ?? 0;
  const ttlS = wholeNumber('--token-ttl', flags.tokenTtl, 1, MAX_TOKEN_TTL_S, ' (seconds)');
  const keyScope = flags.keyScope ?? DEFAULT_SCOPE;
  if (!(SCOPES as readonly string[]).includes(keyScope)) {
    throw new MockUsageError(`unknown key scope "${echoValue(keyScope)}"; valid: ${SCOPES.join(', ')}`);
  }
  if (flags.envOut !== undefined && flags.envOut.trim() === '') throw new MockUsageError('--env-out needs a file name');
  return {
    apiPort,
    authPort,
    scenario,
    latencyMs,
    tokenTtlMs: ttlS === undefined ? DEFAULT_TOKEN_TTL_MS : ttlS * 1000,
    keyScope: keyScope as KeyScope,
    envOut: flags.envOut === undefined ? undefined : path.resolve(cwd, flags.envOut),
  };
}

/**
 * Creates the --env-out file empty, failing if anything is there: the name is ours from now on.
 * A file a mock wrote and could not remove (its process is gone) is taken over, and said so.
 */
function reserveEnvOut(file: string): string | null {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const shown = echoValue(file, 200);
    if (code === 'EEXIST') {
      const owner = envOutOwner(file);
      if (owner === null || owner === 'edited') throw new MockUsageError(`--env-out ${shown} already exists; refusing to overwrite it`);
      if (processAlive(owner)) throw new MockUsageError(`--env-out ${shown} is in use by a running gigadoctor mock (pid ${owner}); stop it or choose another name`);
      fs.rmSync(file, { force: true });
      reserveEnvOut(file);
      return `took over ${shown}, left by a mock (pid ${owner}) that could not clean up`;
    }
    if (code === 'ENOENT') throw new MockUsageError(`--env-out ${shown}: its folder does not exist`);
    throw new MockUsageError(`--env-out ${shown}: cannot create it (${code ?? String(err)})`);
  }
}

function listenError(err: unknown, settings: MockSettings): MockUsageError | null {
  const code = (err as NodeJS.ErrnoException).code;
  const ports = [settings.apiPort, settings.authPort].filter((p) => p !== 0).join(' or ');
  if (code === 'EADDRINUSE') return new MockUsageError(`port ${ports} is already in use; pick another, or 0 for a free one`);
  if (code === 'EACCES') return new MockUsageError(`not allowed to listen on port ${ports}; use one above 1023, or 0`);
  return null;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export async function mockCommand(io: CliIO, flags: MockFlags): Promise<number> {
  if (flags.list) {
    await write(io.stdout, renderScenarioList(SCENARIOS));
    return 0;
  }
  let settings: MockSettings;
  try {
    settings = parseMockFlags(flags, io.cwd);
  } catch (err) {
    if (!(err instanceof MockUsageError)) throw err;
    io.stderr.write(`gigadoctor mock: ${err.message}\n`);
    return 2;
  }

  // Listen for Ctrl-C before anything is written, so a stop during start-up still cleans up.
  let stopSignal: string | undefined;
  const interrupted = io.waitForInterrupt().then((signal) => (stopSignal = signal));

  let mock: MockServer | undefined;
  let tempDir: string | undefined;
  let envOutText: string | undefined;
  let envOutReserved = false;
  try {
    const notes: string[] = [];
    if (settings.envOut) {
      const takenOver = reserveEnvOut(settings.envOut);
      envOutReserved = true;
      if (takenOver) notes.push(takenOver);
    }
    for (const dir of removeStaleTempDirs(os.tmpdir())) notes.push(`removed ${dir}, left by a mock that could not clean up`);
    for (const note of notes) io.stderr.write(`gigadoctor mock: ${note}\n`);
    // The pid in the name lets the next mock tell a leftover from a folder in use.
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
    try {
      mock = await startMock({
        host: '127.0.0.1',
        apiPort: settings.apiPort,
        authPort: settings.authPort,
        scenario: settings.scenario,
        latencyMs: settings.latencyMs,
        tokenTtlMs: settings.tokenTtlMs,
        keyScope: settings.keyScope,
      });
    } catch (err) {
      throw listenError(err, settings) ?? err;
    }
    const caFile = mock.writeCaFile(tempDir);
    const paste = {
      authUrl: mock.authUrl,
      baseUrl: mock.baseUrl,
      // Printing the key is intended: it is a throwaway generated for this local stand-in,
      // accepted by nothing but this process, and useless once it stops.
      credentials: mock.credentials,
      scope: mock.keyScope,
      caFile,
      noProxy: noProxyFor(io.env),
    };
    if (settings.envOut) {
      envOutText = envFileText(pasteVariables(paste), process.pid);
      fs.writeFileSync(settings.envOut, envOutText, { mode: 0o600 });
    }
    if (stopSignal === undefined) {
      const shell = detectShell(io.platform, io.env);
      await write(
        io.stdout,
        renderBanner(
          {
            ...paste,
            version: VERSION,
            apiOrigin: mock.apiOrigin,
            scenario: settings.scenario,
            latencyMs: settings.latencyMs,
            tokenTtlMs: settings.tokenTtlMs,
            envOut: settings.envOut,
            adminToken: mock.adminToken,
          },
          shell,
        ),
      );
    }
    await interrupted;
  } catch (err) {
    if (!(err instanceof MockUsageError)) throw err;
    io.stderr.write(`gigadoctor mock: ${err.message}\n`);
    return 2;
  } finally {
    const removed = await cleanUp(mock, tempDir, settings.envOut, envOutReserved ? (envOutText ?? '') : undefined);
    if (stopSignal !== undefined) {
      const kept = removed.keptEnvOut ? `; kept ${settings.envOut}: it was changed since the mock wrote it` : '';
      await write(io.stdout, `gigadoctor mock: stopped (${stopSignal}); servers closed, files removed${kept}\n`);
    }
  }
  return 0;
}

/**
 * Closes the servers and removes the CA file, its folder and the .env file. The .env file goes
 * only while it still holds what the mock wrote: a file the user has edited since is theirs.
 */
async function cleanUp(
  mock: MockServer | undefined,
  tempDir: string | undefined,
  envOut: string | undefined,
  envOutWritten: string | undefined,
): Promise<{ keptEnvOut: boolean }> {
  if (mock) await Promise.race([mock.close(), delay(CLOSE_GRACE_MS)]);
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  let keptEnvOut = false;
  if (envOut && envOutWritten !== undefined) {
    let current: string | null = null;
    try {
      current = fs.readFileSync(envOut, 'utf8');
    } catch {
      current = null; // already gone
    }
    if (current === envOutWritten) fs.rmSync(envOut, { force: true });
    else if (current !== null) keptEnvOut = true;
  }
  return { keptEnvOut };
}
