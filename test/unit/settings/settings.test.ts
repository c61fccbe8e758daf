import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/settings/flags.js';
import { langFromLocale, resolveSettings } from '../../../src/settings/resolve.js';

function dirWithEnv(content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gd-settings-'));
  writeFileSync(join(dir, '.env'), content);
  return dir;
}
const resolve = (cwd: string, env: Record<string, string> = {}, flags = {}) => resolveSettings({ flags, env, cwd, stdoutIsTTY: false });

describe('resolveSettings', () => {
  it('proxy variables are read as undici reads them: a set lowercase one, even empty, hides the uppercase one', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gd-settings-'));
    const p = (env: Record<string, string>) => resolve(cwd, env).proxy;
    expect(p({ https_proxy: '', HTTPS_PROXY: 'http://proxy:3128' }).httpsProxy).toBeNull();
    expect(p({ no_proxy: '', NO_PROXY: 'gigachat.devices.sberbank.ru' }).noProxy).toBeNull();
    expect(p({ https_proxy: 'http://lower:1', HTTPS_PROXY: '' }).httpsProxy).toMatchObject({ name: 'https_proxy', value: 'http://lower:1' });
    expect(p({ HTTPS_PROXY: 'http://upper:1' }).httpsProxy).toMatchObject({ name: 'HTTPS_PROXY' });
    expect(p({ http_proxy: 'http://a:1', HTTP_PROXY: 'http://b:1' }).httpProxy).toMatchObject({ name: 'http_proxy', value: 'http://a:1' });
  });
  it('reads .env with the line of each value', () => {
    const s = resolve(dirWithEnv('# comment\nGIGACHAT_SCOPE=GIGACHAT_API_B2B\nGIGACHAT_CREDENTIALS=abc123abc\n'));
    expect(s.scope).toEqual({ value: 'GIGACHAT_API_B2B', source: '.env:2', name: 'GIGACHAT_SCOPE' });
    expect(s.credential).toMatchObject({ variable: 'GIGACHAT_CREDENTIALS', source: '.env:3', kind: 'key' });
  });
  it('flags > process env > .env > default', () => {
    const cwd = dirWithEnv('GIGACHAT_MODEL=FromFile\nGIGACHAT_SCOPE=GIGACHAT_API_CORP\n');
    const s = resolve(cwd, { GIGACHAT_MODEL: 'FromEnv' }, { model: 'FromFlag' });
    expect(s.model).toMatchObject({ value: 'FromFlag', source: 'flag' });
    expect(resolve(cwd, { GIGACHAT_MODEL: 'FromEnv' }).model).toMatchObject({ value: 'FromEnv', source: 'env' });
    expect(resolve(cwd).scope.source).toBe('.env:2');
    expect(resolve(cwd, {}, { dotenv: false }).scope).toMatchObject({ value: 'GIGACHAT_API_PERS', source: 'default' });
  });
  it('a GIGACHAT_ value in env and a different one in .env is shadowed', () => {
    const s = resolve(dirWithEnv('GIGACHAT_CREDENTIALS=fromfile1\n'), { GIGACHAT_CREDENTIALS: 'fromenv12' });
    expect(s.credential?.source).toBe('env');
    expect(s.shadowed).toEqual([{ name: 'GIGACHAT_CREDENTIALS', fileSource: '.env:1' }]);
  });
  it('survives a Windows .env: BOM, CRLF, export, quotes', () => {
    const s = resolve(dirWithEnv('\uFEFFexport GIGACHAT_SCOPE="GIGACHAT_API_B2B"\r\nGIGACHAT_MODEL=\'GigaChat-2-Max\'\r\n'));
    expect(s.scope).toMatchObject({ value: 'GIGACHAT_API_B2B', source: '.env:1' });
    expect(s.model).toMatchObject({ value: 'GigaChat-2-Max', source: '.env:2' });
  });
  it('a binary .env is unreadable, not a crash', () => {
    expect(resolve(dirWithEnv(Buffer.from([0x47, 0x00, 0x49, 0x00, 0x01, 0x02]))).envFile).toMatchObject({ status: 'unreadable' });
  });
  it('a UTF-16 .env written by PowerShell is read', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('GIGACHAT_SCOPE=GIGACHAT_API_CORP\r\n', 'utf16le')]);
    expect(resolve(dirWithEnv(utf16)).scope).toMatchObject({ value: 'GIGACHAT_API_CORP', source: '.env:1' });
  });
  it('a directory in place of .env is unreadable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gd-settings-'));
    mkdirSync(join(dir, '.env'));
    expect(resolve(dir).envFile).toMatchObject({ status: 'unreadable', reason: 'is a directory' });
  });
  it('an unofficial name is used but marked with the official one', () => {
    const s = resolve(dirWithEnv(''), { GIGACHAT_TOKEN: 'abcdefgh' });
    expect(s.credential).toMatchObject({ variable: 'GIGACHAT_TOKEN', officialName: 'GIGACHAT_CREDENTIALS' });
    expect(resolve(dirWithEnv(''), { GIGACHAT_TOKEN: 'eyJabc.def.ghi' }).credential?.officialName).toBe('GIGACHAT_ACCESS_TOKEN');
  });
  it('GIGACHAT_TIMEOUT is seconds; a bad one is a usage error', () => {
    expect(resolve(dirWithEnv(''), { GIGACHAT_TIMEOUT: '2.5' }).timeoutMs.value).toBe(2500);
    expect(() => resolve(dirWithEnv(''), { GIGACHAT_TIMEOUT: 'soon' })).toThrow(UsageError);
  });
  it('bad flag values are usage errors with one line', () => {
    expect(() => resolve('/', {}, { timeout: 'abc' })).toThrow(/--timeout/);
    expect(() => resolve('/', {}, { only: 'oauth,bogus' })).toThrow(/--only.*check ids/);
  });
  it('every secret value known is handed to the scrubber, proxy passwords included', () => {
    const s = resolve(dirWithEnv('GIGACHAT_PASSWORD=pw-from-file\n'), { GIGACHAT_TOKEN: 'tok-unofficial', HTTPS_PROXY: 'http://u:pr%40xy@proxy:3128' });
    expect(s.secretValues.map((v) => v.reveal())).toEqual(expect.arrayContaining(['pw-from-file', 'tok-unofficial', 'pr@xy']));
  });
});

describe('langFromLocale', () => {
  it.each([
    [{ LANG: 'ru_RU.UTF-8' }, 'ru'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'ru_RU.UTF-8' }, 'ru'],
    [{ LC_MESSAGES: 'C', LANG: 'ru_RU' }, 'en'],
    [{}, 'en'],
  ])('%j → %s', (env, lang) => expect(langFromLocale(env, () => 'en-US')).toBe(lang));

  it('with no locale variable (Windows), the OS locale decides', () => {
    expect(langFromLocale({}, () => 'ru-RU')).toBe('ru');
    expect(langFromLocale({}, () => 'en-GB')).toBe('en');
    // A locale variable that is set wins over the OS, even C.
    expect(langFromLocale({ LANG: 'C.UTF-8' }, () => 'ru-RU')).toBe('en');
  });

  it('GIGADOCTOR_LANG forces either language; any other value is ignored', () => {
    expect(langFromLocale({ GIGADOCTOR_LANG: 'ru', LANG: 'en_US.UTF-8' }, () => 'en-US')).toBe('ru');
    expect(langFromLocale({ GIGADOCTOR_LANG: 'EN', LC_ALL: 'ru_RU.UTF-8' }, () => 'ru-RU')).toBe('en');
    expect(langFromLocale({ GIGADOCTOR_LANG: 'de', LANG: 'ru_RU.UTF-8' }, () => 'en-US')).toBe('ru');
  });
});
