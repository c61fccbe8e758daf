// Imported by every module that builds a zod schema, before it builds one (for the config below).
import { config } from 'zod/mini';

// A one-shot process parses each schema once or twice: zod's JIT (a `new Function` compiled per
// object schema on first parse, decided when the schema is built) costs more here than it saves.
config({ jitless: true });

/**
 * A schema built on first use. Building the first schemas of a process costs a few ms of cold
 * code; a check builds its answer's schema while its request is in flight, not at start-up.
 */
export function lazySchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}
