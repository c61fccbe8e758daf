import '../util/zod.js';
import * as z from 'zod/mini';
import type { CheckOptions } from '../report-types.js';
import { echoValue } from '../util/sanitize.js';

export const CHECK_IDS = ['env', 'format', 'endpoints', 'dns', 'tcp', 'tls', 'oauth', 'models', 'chat', 'code', 'python'] as const;

/** A bad flag value: exit 2 with one line that says which flag and why. */
export class UsageError extends Error {}

/** The options as commander hands them over, before validation. */
export interface RawFlags extends CheckOptions {
  json?: boolean;
  format?: string;
  timeout?: string;
  lang?: string;
  color?: boolean;
}

const idList = z.pipe(
  z.pipe(z.string(), z.transform((s: string) => s.split(',').map((x) => x.trim()).filter(Boolean))),
  z.array(z.enum(CHECK_IDS)).check(z.minLength(1)),
);

const flagSchema = z.object({
  json: z.optional(z.boolean()),
  format: z.optional(z.enum(['human', 'json', 'markdown', 'junit'])),
  dotenv: z.optional(z.union([z.string().check(z.minLength(1)), z.literal(false)])),
  authUrl: z.optional(z.string()),
  baseUrl: z.optional(z.string()),
  scope: z.optional(z.string()),
  model: z.optional(z.string().check(z.minLength(1))),
  caFile: z.optional(z.string().check(z.minLength(1))),
  insecure: z.optional(z.boolean()),
  timeout: z.optional(
    z.pipe(
      z.pipe(z.string().check(z.regex(/^\d+$/, 'a whole number of milliseconds')), z.transform(Number)),
      z.number().check(z.int(), z.minimum(100, 'at least 100 ms'), z.maximum(600_000, 'at most 600000 ms (10 minutes)')),
    ),
  ),
  chat: z.optional(z.boolean()),
  only: z.optional(idList),
  skip: z.optional(idList),
  lang: z.optional(z.enum(['ru', 'en'])),
  strict: z.optional(z.boolean()),
  verbose: z.optional(z.boolean()),
  color: z.optional(z.boolean()),
  project: z.optional(z.string().check(z.minLength(1))),
});

export type Flags = z.infer<typeof flagSchema>;

const FLAG_NAMES: Record<string, string> = {
  authUrl: '--auth-url', baseUrl: '--base-url', caFile: '--ca-file', project: '--project',
};

export function validateFlags(raw: RawFlags): Flags {
  const parsed = flagSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue.path[0] ?? '');
  const flag = FLAG_NAMES[key] ?? `--${key}`;
  const value = (raw as Record<string, unknown>)[key];
  const allowed =
    key === 'only' || key === 'skip' ? ` (check ids: ${CHECK_IDS.join(', ')})`
    : key === 'format' ? ' (human, json, markdown or junit)'
    : key === 'lang' ? ' (ru or en)'
    : '';
  const shown = typeof value === 'string' ? ` '${echoValue(value, 40)}'` : '';
  const reason = issue.code === 'invalid_value' ? 'not one of the allowed values' : issue.message;
  throw new UsageError(`invalid value${shown} for ${flag}: ${reason}${allowed}`);
}
