// Imported by every module that builds a zod schema, before it builds one (for the config below).
import { config } from 'zod/mini';

// A one-shot process parses each schema once or twice: zod's JIT (a `new Function` compiled per
// object schema on first parse, decided when the schema is built) costs more here than it saves.
config({ jitless: true });
