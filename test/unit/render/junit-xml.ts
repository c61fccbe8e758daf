/** A dependency-free XML well-formedness check for the JUnit output (and its tests). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A small XML 1.0 well-formedness checker, enough for what CI systems parse: one root, tags
 * nested and closed, attributes quoted and unique, no raw < or & in text or attributes, only
 * the five predefined entities or character references, only characters XML allows.
 */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed at ${i}: ${why}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
  if (INVALID.test(xml)) fail('a character XML 1.0 does not allow');
  const decode = (s: string): string => {
    if (s.includes('<')) fail('raw <');
    return s.replace(/&([^;]*);?/g, (m, ent: string) => {
      if (!m.endsWith(';')) fail('& without ;');
      if (['amp', 'lt', 'gt', 'quot', 'apos'].includes(ent)) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ent]!;
      const num = /^#(?:x([0-9a-fA-F]+)|(\d+))$/.exec(ent);
      if (!num) return fail(`unknown entity &${ent};`);
      return String.fromCodePoint(num[1] ? parseInt(num[1], 16) : Number(num[2]));
    });
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  const skipSpace = () => {
    while (/\s/.test(xml[i] ?? '')) i++;
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const name = /^[A-Za-z_][\w.-]*/.exec(xml.slice(i))?.[0] ?? fail('bad tag name');
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [], text: '' };
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const an = /^[A-Za-z_][\w.:-]*/.exec(xml.slice(i))?.[0] ?? fail('bad attribute name');
      i += an.length;
      skipSpace();
      if (xml[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const q = xml[i];
      if (q !== '"' && q !== "'") fail('unquoted attribute');
      const end = xml.indexOf(q, i + 1);
      if (end < 0) fail('unterminated attribute');
      if (an in attrs) fail(`duplicate attribute ${an}`);
      attrs[an] = decode(xml.slice(i + 1, end));
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) fail(`unclosed <${name}>`);
      text += decode(xml.slice(i, lt));
      i = lt;
      if (xml.startsWith('</', i)) {
        i += 2;
        if (!xml.startsWith(name, i)) fail(`mismatched close of <${name}>`);
        i += name.length;
        skipSpace();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return { name, attrs, children, text };
      }
      children.push(element());
    }
  };
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}


/**
 * The element and attribute rules of Jenkins' junit-10 schema (jenkinsci/xunit-plugin,
 * junit-10.xsd), which Jenkins, GitLab and Azure readers accept: what may appear where.
 */
const JUNIT10: Record<string, { attrs: string[]; required: string[]; children: string[] }> = {
  testsuites: { attrs: ['name', 'time', 'tests', 'failures', 'errors'], required: [], children: ['testsuite'] },
  testsuite: {
    attrs: ['name', 'tests', 'failures', 'errors', 'group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
    required: ['name', 'tests', 'failures', 'errors'],
    children: ['testsuite', 'properties', 'testcase', 'system-out', 'system-err'],
  },
  properties: { attrs: [], required: [], children: ['property'] },
  property: { attrs: ['name', 'value'], required: ['name', 'value'], children: [] },
  testcase: {
    attrs: ['name', 'time', 'classname', 'group'],
    required: ['name'],
    children: ['skipped', 'error', 'failure', 'rerunFailure', 'rerunError', 'flakyFailure', 'flakyError', 'system-out', 'system-err'],
  },
  failure: { attrs: ['type', 'message'], required: [], children: [] },
  error: { attrs: ['type', 'message'], required: [], children: [] },
  skipped: { attrs: ['type', 'message'], required: [], children: [] },
  'system-out': { attrs: [], required: [], children: [] },
  'system-err': { attrs: [], required: [], children: [] },
};
const SUREFIRE_TIME = /^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?$/;

/** Every problem the junit-10 rules find, as "path: what"; an empty list is a valid document. */
export function junit10Problems(el: XmlElement, path = el.name): string[] {
  const rule = JUNIT10[el.name];
  if (!rule) return [`${path}: element <${el.name}> is not in the schema`];
  const problems: string[] = [];
  for (const a of Object.keys(el.attrs)) if (!rule.attrs.includes(a)) problems.push(`${path}: attribute ${a} not allowed`);
  for (const a of rule.required) if (!(a in el.attrs)) problems.push(`${path}: attribute ${a} required`);
  if ((el.name === 'testsuite' || el.name === 'testsuites') && el.attrs.time !== undefined && !SUREFIRE_TIME.test(el.attrs.time)) {
    problems.push(`${path}: time ${el.attrs.time} is not a SUREFIRE_TIME`);
  }
  for (const c of el.children) {
    if (!rule.children.includes(c.name)) problems.push(`${path}: <${c.name}> not allowed inside`);
    problems.push(...junit10Problems(c, `${path}/${c.name}`));
  }
  return problems;
}
