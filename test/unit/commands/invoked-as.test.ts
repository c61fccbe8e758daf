import { describe, expect, it } from 'vitest';
import { invokedAs } from '../../../src/commands/invoked-as.js';

const posix = (script: string | undefined, env: Record<string, string> = {}, cwd = '/home/u/app') =>
  invokedAs({ script, cwd, env: { PATH: '/usr/local/bin:/usr/bin', ...env }, platform: 'linux' });
const windows = (script: string, env: Record<string, string> = {}, cwd = 'C:\\Users\\u\\app') =>
  invokedAs({ script, cwd, env: { Path: 'C:\\Program Files\\nodejs;C:\\Windows', ...env }, platform: 'win32' });

describe('invokedAs: the command the user ran, for the remedies', () => {
  it('npx (npm exec) and npm scripts: npx gigadoctor', () => {
    expect(posix('/home/u/.npm/_npx/1a/node_modules/.bin/gigadoctor', { npm_command: 'exec' })).toBe('npx gigadoctor');
    expect(posix('/home/u/.npm/_npx/1a/node_modules/.bin/gigadoctor', { npm_lifecycle_event: 'npx' })).toBe('npx gigadoctor');
    expect(posix('/home/u/app/node_modules/.bin/gigadoctor', { npm_command: 'run-script', npm_lifecycle_event: 'doctor' })).toBe('npx gigadoctor');
  });
  it("the project's own node_modules: npx gigadoctor; a global install: gigadoctor", () => {
    expect(posix('/home/u/app/node_modules/.bin/gigadoctor')).toBe('npx gigadoctor');
    expect(windows('C:\\Users\\u\\app\\node_modules\\gigadoctor\\bin\\gigadoctor.js')).toBe('npx gigadoctor');
    expect(windows('C:\\Users\\u\\AppData\\Roaming\\npm\\node_modules\\gigadoctor\\bin\\gigadoctor.js')).toBe('gigadoctor');
    expect(posix('/usr/local/bin/gigadoctor')).toBe('gigadoctor');
  });
  it('a checkout: node and the script, relative to where the user stands', () => {
    expect(posix('/home/u/app/bin/gigadoctor.js')).toBe('node bin/gigadoctor.js');
    expect(posix('/opt/gigadoctor/bin/gigadoctor.js')).toBe('node /opt/gigadoctor/bin/gigadoctor.js');
    expect(posix('/home/u/my tools/bin/gigadoctor.js')).toBe('node "/home/u/my tools/bin/gigadoctor.js"');
    expect(windows('C:\\Users\\u\\app\\bin\\gigadoctor.js')).toBe('node bin\\gigadoctor.js');
  });
  it('unknown: gigadoctor', () => expect(posix(undefined)).toBe('gigadoctor'));
});
