// Regenerates test/corpus/captured (see scripts/corpus/main.ts): the TypeScript driver, which
// starts src/mock in-process, run in a process of its own. Needs python3 with httpx and pydantic, and npm.
import { runTs } from '../run-ts.mjs';

process.exitCode = await runTs('scripts/corpus/main.ts', '.corpus/main.mjs', process.argv.slice(2));
