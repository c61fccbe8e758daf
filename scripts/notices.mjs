// The licences of the packages bundled into dist/: MIT, ISC and BSD all ask that their notice
// travel with the code, and a bundle carries the code without node_modules around it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `node_modules/a/…` and `node_modules/@s/b/…` in the bundles' inputs → the packages' folders. */
export function bundledPackages(root, inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
    if (m) dirs.add(input.replace(/\\/g, '/').slice(0, m.index + m[0].length - 1).replace(/^\//, ''));
  }
  return [...dirs].map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    return { dir, name: manifest.name, version: manifest.version, license: manifest.license ?? 'UNKNOWN' };
  }).sort((a, b) => a.name.localeCompare(b.name));
}

function licenceText(root, dir) {
  const file = readdirSync(join(root, dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  return file && existsSync(join(root, dir, file)) ? readFileSync(join(root, dir, file), 'utf8').trim() : null;
}

export function thirdPartyNotices(root, inputs) {
  const parts = ['# Third-party notices', '', 'gigadoctor\'s bundles in this folder include the following packages, under these licences.', ''];
  for (const p of bundledPackages(root, inputs)) {
    const text = licenceText(root, p.dir);
    if (!text) throw new Error(`notices: ${p.name} has no licence file to ship`);
    parts.push(`## ${p.name}@${p.version} (${p.license})`, '', '```', text, '```', '');
  }
  return parts.join('\n');
}
