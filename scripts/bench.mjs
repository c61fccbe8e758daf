// npm run bench: the table (scripts/bench/main.ts, which starts src/mock in-process), then the
// explain row (a 100 MB app log, issue 13).
import { runTs } from './run-ts.mjs';

const table = await runTs('scripts/bench/main.ts', '.bench/main.mjs');
await import(new URL('./bench-explain.mjs', import.meta.url).href);
if (table !== 0) process.exitCode = table;
