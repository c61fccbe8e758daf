/** What a mock killed outright left behind: which temp folders the next mock removes, which --env-out it takes over. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envOutOwner, removeStaleTempDirs } from '../../../src/commands/mock-leftovers.js';
import { envFileText, pasteVariables } from '../../../src/mock/paste.js';

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gd-leftovers-'));

describe('removeStaleTempDirs', () => {
  it('removes only real folders named by a mock whose process is gone', () => {
    const tmp = tmpDir();
    const dead = 'gigadoctor-mock-999991-aB3dE9';
    const alive = 'gigadoctor-mock-999992-xY7zQ1';
    const own = `gigadoctor-mock-${process.pid}-Qw3rTy`;
    for (const name of [dead, alive, own, 'gigadoctor-mock-Zx81Kp', 'other-999991-aB3dE9']) {
      fs.mkdirSync(path.join(tmp, name));
      fs.writeFileSync(path.join(tmp, name, 'gigadoctor-mock-ca.pem'), 'x');
    }
    fs.writeFileSync(path.join(tmp, 'gigadoctor-mock-999993-aaaaaa'), 'a file, not a folder');
    const target = tmpDir();
    fs.symlinkSync(target, path.join(tmp, 'gigadoctor-mock-999994-bbbbbb'));

    const removed = removeStaleTempDirs(tmp, (pid) => pid === 999992);
    expect(removed).toEqual([path.join(tmp, dead)]);
    expect(fs.readdirSync(tmp).sort()).toEqual([alive, 'gigadoctor-mock-999993-aaaaaa', 'gigadoctor-mock-999994-bbbbbb', 'gigadoctor-mock-Zx81Kp', own, 'other-999991-aB3dE9'].sort());
    expect(fs.existsSync(target)).toBe(true);
  });

  it('a missing temp folder is nothing to remove', () => {
    expect(removeStaleTempDirs(path.join(tmpDir(), 'absent'))).toEqual([]);
  });
});

describe('envOutOwner', () => {
  const written = envFileText(pasteVariables({ authUrl: 'https://127.0.0.1:1/api/v2/oauth', baseUrl: 'https://127.0.0.1:2/api/v1', credentials: 'a2V5', scope: 'GIGACHAT_API_PERS', caFile: '/tmp/ca.pem' }), 4242);
  const fileWith = (text: string) => {
    const file = path.join(tmpDir(), 'app.env');
    fs.writeFileSync(file, text);
    return file;
  };

  it('the pid of the mock that wrote it, as written', () => {
    expect(envOutOwner(fileWith(written))).toBe(4242);
  });

  it("'edited' once a variable was added: the file is the user's now", () => {
    expect(envOutOwner(fileWith(`${written}MY_OWN=1\n`))).toBe('edited');
  });

  it('null for any other file, or none', () => {
    expect(envOutOwner(fileWith('GIGACHAT_SCOPE=GIGACHAT_API_PERS\n'))).toBeNull();
    expect(envOutOwner(path.join(tmpDir(), 'absent.env'))).toBeNull();
  });
});
