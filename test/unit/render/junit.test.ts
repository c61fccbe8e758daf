import { describe, expect, it } from 'vitest';
import { attr, content, renderJunit } from '../../../src/render/junit.js';
import { junit10Problems, parseXml, type XmlElement } from './junit-xml.js';
import { check, reportOf, scopeMismatchReport } from './render-fixtures.js';

const cases = (root: XmlElement) => root.children[0].children.filter((c) => c.name === 'testcase');

describe('JUnit XML', () => {
  it('one testcase per check, failure with code, summary and remedy; skipped; well-formed', () => {
    const xml = renderJunit(scopeMismatchReport());
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '9', failures: '1', errors: '0' });
    expect(root.children[0].attrs).toMatchObject({ tests: '9', failures: '1', errors: '0', skipped: '2' });
    expect(junit10Problems(root)).toEqual([]);
    const tc = cases(root);
    expect(tc.map((c) => c.attrs.name)).toEqual(['env', 'format', 'endpoints', 'dns', 'tcp', 'tls', 'oauth', 'models', 'chat']);
    expect(tc.every((c) => c.attrs.classname === 'gigadoctor')).toBe(true);
    const oauth = tc.find((c) => c.attrs.name === 'oauth')!;
    const failure = oauth.children.find((c) => c.name === 'failure')!;
    expect(failure.attrs.message).toBe('OAUTH_SCOPE_MISMATCH: The key does not allow scope GIGACHAT_API_PERS');
    expect(failure.attrs.type).toBe('OAUTH_SCOPE_MISMATCH');
    expect(failure.text).toContain('→ Set it: export GIGACHAT_SCOPE=GIGACHAT_API_B2B');
    expect(tc.find((c) => c.attrs.name === 'models')!.children.map((c) => c.name)).toEqual(['skipped']);
    expect(tc.find((c) => c.attrs.name === 'env')!.children).toEqual([]);
    expect(oauth.attrs.time).toBe('0.012');
  });

  it('a warning is system-out, or a failure under --strict', () => {
    const report = reportOf([check('env', 'pass', 'CREDENTIALS_FOUND'), check('endpoints', 'warn', 'ENDPOINT_CUSTOM_HOST')]);
    const plain = cases(parseXml(renderJunit(report)));
    expect(plain[1].children.map((c) => c.name)).toEqual(['system-out']);
    expect(plain[1].children[0].text).toMatch(/^WARNING ENDPOINT_CUSTOM_HOST: /);
    const strictRoot = parseXml(renderJunit(report, { strict: true }));
    expect(strictRoot.attrs.failures).toBe('1');
    expect(cases(strictRoot)[1].children.map((c) => c.name)).toEqual(['failure', 'system-out']);
  });

  it('an internal error is an <error>; a transient failure says it may pass on retry', () => {
    const report = reportOf([check('env', 'fail', 'INTERNAL_ERROR'), check('chat', 'fail', 'CHAT_TIMEOUT', { transient: true })], 1);
    const root = parseXml(renderJunit(report));
    expect(root.attrs).toMatchObject({ failures: '1', errors: '1' });
    expect(cases(root)[0].children[0].name).toBe('error');
    expect(cases(root)[1].children[0].text).toContain('May pass on retry.');
  });

  it('escapes everything a server message or a path may carry', () => {
    const nasty = `<script>"a" & 'b' ]]> \u0001\u0008 tab\t cr\r lf\n ${'\uD800'} 😀 «ёлка» %0A`;
    const report = reportOf([check('oauth', 'fail', 'OAUTH_BAD_RESPONSE', { summary: nasty, remediation: [nasty] })]);
    const xml = renderJunit(report, { timestamp: '2026-11-25T10:00:00.123Z' });
    const root = parseXml(xml);
    const failure = cases(root)[0].children[0];
    expect(failure.attrs.message).toContain('<script>"a" & \'b\' ]]>');
    expect(failure.attrs.message).toContain('tab\t cr\r lf\n');
    expect(failure.attrs.message).toContain('😀 «ёлка»');
    expect(failure.text).not.toContain('\u0001');
    expect(xml).not.toContain(']]>');
    expect(root.children[0].attrs.timestamp).toBe('2026-11-25T10:00:00');
  });

  it('content and attr', () => {
    expect(content('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(attr('"x"\n\'y\'')).toBe('&quot;x&quot;&#10;&apos;y&apos;');
  });

  it('the checker itself rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(() => parseXml('<a x=1/>')).toThrow();
    expect(() => parseXml('<a>\u0001</a>')).toThrow();
  });
});

