import { describe, expect, it } from 'vitest';
import { githubAnnotations } from '../../../src/render/github.js';
import { check, reportOf } from './render-fixtures.js';

const codeCheck = check('code', 'fail', 'CODE_WRONG_URL', {
  summary: 'app.py:6, app.py:7: wrong URL',
  remediation: ['Replace it', 'Better: no URLs in code'],
  details: {
    findings: [
      { code: 'CODE_WRONG_URL', file: 'app.py', line: 6, excerpt: 'AUTH_URL = "https://auth.example/oauth/token"', status: 'fail' },
      { code: 'CODE_MODEL_RETIRED', file: 'src/bot, v1.py', line: 9, excerpt: 'model="GigaChat"', status: 'warn' },
    ],
    notes: [{ code: 'CODE_MODEL_RETIRED', summary: 'src/bot, v1.py:9: model "GigaChat" is retired', remediation: ['Use "GigaChat-2"'] }],
  },
});

describe('annotations that point at a file and line', () => {
  it('one per finding of the code check, at its file (under the project\'s folder) and line, by its own severity', () => {
    const lines = githubAnnotations(reportOf([codeCheck]), { paths: { project: 'services/app' } }).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=services/app/app.py,line=6,title=gigadoctor%3A Project code (CODE_WRONG_URL)::CODE_WRONG_URL: AUTH_URL = "https://auth.example/oauth/token"%0Aapp.py:6, app.py:7: wrong URL%0A→ Replace it',
      '::warning file=services/app/src/bot%2C v1.py,line=9,title=gigadoctor%3A Project code (CODE_MODEL_RETIRED)::CODE_MODEL_RETIRED: model="GigaChat"%0Asrc/bot, v1.py:9: model "GigaChat" is retired%0A→ Use "GigaChat-2"',
    ]);
  });

  it('the project in the job\'s own folder adds no prefix; --strict makes every finding an error', () => {
    const text = githubAnnotations(reportOf([codeCheck]), { strict: true, paths: { project: '' } });
    expect(text).toMatch(/^::error file=app\.py,line=6,/m);
    expect(text).toMatch(/^::error file=src\/bot%2C v1\.py,line=9,/m);
  });

  it('an env or format finding read from .env points at that line of the file read', () => {
    const report = reportOf([
      check('env', 'warn', 'CREDENTIALS_UNOFFICIAL_NAME', { summary: 'unofficial', details: { variable: 'GIGACHAT_TOKEN', source: '.env:3' } }),
      check('format', 'fail', 'CREDENTIALS_QUOTED', { summary: 'quoted', details: { source: 'env' } }),
    ]);
    const lines = githubAnnotations(report, { paths: { envFile: 'config/.env' } }).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::warning file=config\/\.env,line=3,title=gigadoctor%3A Credentials \(CREDENTIALS_UNOFFICIAL_NAME\)::/);
    // From the environment: no file to point at.
    expect(lines[1]).toMatch(/^::error title=gigadoctor%3A Credential format \(CREDENTIALS_QUOTED\)::/);
  });

  it('no .env read, no file named, even when a source says .env', () => {
    const report = reportOf([check('env', 'warn', 'CREDENTIALS_SHADOWED', { details: { fileSource: '.env:2' } })]);
    expect(githubAnnotations(report, { paths: { envFile: null } })).toMatch(/^::warning title=/);
  });
});
