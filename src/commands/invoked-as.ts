// How the user started gigadoctor, so that remedies name a command that works where they typed it:
// `npx gigadoctor` from a project, `node bin/gigadoctor.js` from a checkout, `gigadoctor` when on PATH.

import path from 'node:path';

/** What the process knows about its own start; `script` is process.argv[1]. */
export interface Invocation {
  script: string | undefined;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
}

const NAME = 'gigadoctor';

export function invokedAs({ script, cwd, env, platform }: Invocation): string {
  // npm 7+ runs npx as `npm exec`; npm scripts (`npm run`, `npm test`) find the package the same way npx does.
  if (env.npm_command === 'exec' || env.npm_command === 'run-script' || env.npm_lifecycle_event === 'npx') return `npx ${NAME}`;
  if (!script) return NAME;
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const relative = paths.relative(cwd, script);
  const inProject = !relative.startsWith('..') && !paths.isAbsolute(relative);
  if (script.split(/[\\/]/).includes('node_modules')) return inProject ? `npx ${NAME}` : NAME;
  const onPath = (env.PATH ?? env.Path ?? '').split(paths.delimiter).some((dir) => dir && paths.resolve(dir) === paths.dirname(script));
  if (onPath && paths.parse(script).name === NAME) return NAME;
  const shown = inProject ? relative : script;
  return `node ${/\s/.test(shown) ? `"${shown}"` : shown}`;
}
