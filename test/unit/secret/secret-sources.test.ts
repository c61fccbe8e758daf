/** Where the scrubber's secrets come from (settings.secretValues), and reading files that are not files. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaFile } from '../../../src/settings/ca-file.js';
import { readEnvFile } from '../../../src/settings/env-file.js';
import { readBounded } from '../../../src/util/read-bounded.js';
import { resolveSettings } from '../../../src/settings/resolve.js';

const KEY = Buffer.from('0199a3b2-5c4d-7e8f-9a0b-1c2d3e4f5a6b:f47ac10b-58cc-4372-a567-0e02b2c3d479').toString('base64');
const dir = () => mkdtempSync(join(tmpdir(), 'gd-sources-'));
const settingsOf = (env: Record<string, string>, envFile?: string, flags = {}) => {
  const cwd = dir();
  if (envFile !== undefined) writeFileSync(join(cwd, '.env'), envFile);
  const settings = resolveSettings({ flags, env, cwd, stdoutIsTTY: false });
  // The values, for the assertions; the Secrets themselves are checked below.
  return { ...settings, secretValues: settings.secretValues.map((s) => s.reveal()), secrets: settings.secretValues };
};

describe('settings.secretValues', () => {
  it('holds the password of a URL’s user-info, as written and decoded, even when the URL cannot be parsed', () => {
    expect(settingsOf({ GIGACHAT_AUTH_URL: 'https://me:p%40ss-w0rd@host/api/v2/oauth' }).secretValues).toEqual(expect.arrayContaining(['p%40ss-w0rd', 'p@ss-w0rd']));
    expect(settingsOf({ GIGACHAT_BASE_URL: 'https://me:Sup3r-Secret@bad host/api/v1' }).secretValues).toContain('Sup3r-Secret');
    expect(settingsOf({}, undefined, { authUrl: 'https://u:flag-secret-1@h/x' }).secretValues).toContain('flag-secret-1');
    expect(settingsOf({ HTTPS_PROXY: 'http://u:pr%40xy-pass@proxy:3128' }).secretValues).toEqual(expect.arrayContaining(['pr@xy-pass']));
  });
  it('holds a key or token pasted under any other GIGACHAT_ name, in the env or in .env', () => {
    expect(settingsOf({ GIGACHAT_SCOPE: KEY }).secretValues).toContain(KEY);
    expect(settingsOf({}, `GIGACHAT_MODEL=${KEY}\n`).secretValues).toContain(KEY);
    const token = `eyJhbGciOiJSUzI1NiJ9.${'a'.repeat(60)}.sig`;
    expect(settingsOf({ GIGACHAT_TIMEOUT_EXTRA: token }).secretValues).toContain(token);
  });
  it('each is a Secret that says its kind and source; a password has no fingerprint, however long (12.10)', () => {
    const password = 'a-long-password-of-30-characters';
    const { secrets } = settingsOf({ GIGACHAT_USER: 'alice', GIGACHAT_PASSWORD: password, HTTPS_PROXY: `http://u:${password}x@proxy:3128` }, `GIGACHAT_CREDENTIALS=${KEY}\n`);
    const of = (value: string) => secrets.find((s) => s.reveal() === value)!;
    expect(of(password)).toMatchObject({ kind: 'password', source: 'env', fingerprint: null, length: password.length });
    expect(String(of(password))).toBe(`[secret: ${password.length} chars]`);
    expect(of(`${password}x`)).toMatchObject({ kind: 'password', source: 'env', fingerprint: null });
    expect(of(KEY)).toMatchObject({ kind: 'key', source: '.env:1' });
    expect(of(KEY).fingerprint).toMatch(/^[0-9a-f]{8}$/);
    const settings = resolveSettings({ flags: {}, env: { GIGACHAT_USER: 'alice', GIGACHAT_PASSWORD: password }, cwd: dir(), stdoutIsTTY: false });
    expect(settings.credential?.secret).toMatchObject({ kind: 'password', fingerprint: null });
    // Nothing about the value in what a Secret shows of itself.
    expect(JSON.stringify(settings.credential)).not.toContain(password.slice(0, 8));
  });
  it('does not take ordinary settings for secrets', () => {
    const s = settingsOf({ GIGACHAT_SCOPE: 'GIGACHAT_API_PERS', GIGACHAT_MODEL: 'GigaChat-2-Max', GIGACHAT_AUTH_URL: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth' });
    expect(s.secretValues).toEqual([]);
  });
});

describe('readBounded and the readers built on it', () => {
  it('a FIFO, a device, a directory, a missing file, a file too large: reasons, at once', () => {
    const d = dir();
    execFileSync('mkfifo', [join(d, 'fifo')]);
    mkdirSync(join(d, 'sub'));
    writeFileSync(join(d, 'big'), Buffer.alloc(2048, 0x41));
    symlinkSync('/dev/zero', join(d, 'zero'));
    const t0 = performance.now();
    expect(readBounded(join(d, 'fifo'), 1024)).toEqual({ ok: false, reason: 'not a regular file' });
    expect(readBounded('/dev/zero', 1024)).toEqual({ ok: false, reason: 'not a regular file' });
    expect(readBounded(join(d, 'zero'), 1024)).toEqual({ ok: false, reason: 'not a regular file' });
    expect(readBounded(join(d, 'sub'), 1024)).toEqual({ ok: false, reason: 'is a directory' });
    expect(readBounded(join(d, 'missing'), 1024)).toEqual({ ok: false, reason: 'absent' });
    expect(readBounded(join(d, 'big'), 1024)).toMatchObject({ ok: false, reason: expect.stringMatching(/^too large/) });
    expect(readBounded(join(d, 'big'), 4096)).toMatchObject({ ok: true });
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
  it('readEnvFile reads UTF-16 big-endian with a BOM; a FIFO is unreadable', () => {
    const d = dir();
    writeFileSync(join(d, '.env'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('GIGACHAT_SCOPE=GIGACHAT_API_B2B\r\n', 'utf16le').swap16()]));
    const read = readEnvFile(join(d, '.env'));
    expect(read.status === 'loaded' && read.entries.get('GIGACHAT_SCOPE')).toEqual({ value: 'GIGACHAT_API_B2B', line: 1 });
    execFileSync('mkfifo', [join(d, 'fifo')]);
    expect(readEnvFile(join(d, 'fifo'))).toEqual({ status: 'unreadable', reason: 'not a regular file' });
  });
  it('readCaFile: /dev/zero and a FIFO are unreadable, a missing file missing', () => {
    const d = dir();
    execFileSync('mkfifo', [join(d, 'ca.pem')]);
    expect(readCaFile('/dev/zero')).toEqual({ ok: false, reason: 'unreadable' });
    expect(readCaFile(join(d, 'ca.pem'))).toEqual({ ok: false, reason: 'unreadable' });
    expect(readCaFile(join(d, 'none.pem'))).toEqual({ ok: false, reason: 'missing' });
  });
});
