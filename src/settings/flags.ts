import { z } from 'zod';
import { echoValue } from '../util/sanitize.js';

export const CHECK_IDS = ['env', 'format', 'endpoints', 'dns', 'tcp', 'tls', 'oauth', 'models', 'chat'] as const;

/** A bad flag value: exit 2 with one line that says which flag and why. */
export class UsageError extends Error {}

/** The options as commander hands them over, before validation. */
export interface RawFlags {
  json?: boolean;
  format?: string;
  envFile?: string | false;
  authUrl?: string;
  baseUrl?: string;
  scope?: string;
  model?: string;
  caFile?: string;
  insecure?: boolean;
  timeout?: string;
  chat?: boolean;
  only?: string;
  skip?: string;
  lang?: string;
  strict?: boolean;
  verbose?: boolean;
  color?: boolean;
}

const idList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CHECK_IDS)).min(1));

const flagSchema = z.object({
  json: z.boolean().optional(),
  format: z.enum(['human', 'json', 'markdown', 'junit']).optional(),
  envFile: z.union([z.string().min(1), z.literal(false)]).optional(),
  authUrl: z.string().optional(),
  baseUrl: z.string().optional(),
  scope: z.string().optional(),
  model: z.string().min(1).optional(),
  caFile: z.string().min(1).optional(),
  insecure: z.boolean().optional(),
  timeout: z
    .string()
    .regex(/^\d+$/, 'a whole number of milliseconds')
    .transform(Number)
    .pipe(z.number().int().min(100, 'at least 100 ms').max(600_000, 'at most 600000 ms (10 minutes)'))
    .optional(),
  chat: z.boolean().optional(),
  only: idList.optional(),
  skip: idList.optional(),
  lang: z.enum(['ru', 'en']).optional(),
  strict: z.boolean().optional(),
  verbose: z.boolean().optional(),
  color: z.boolean().optional(),
});

export type Flags = z.infer<typeof flagSchema>;

const FLAG_NAMES: Record<string, string> = {
  envFile: '--env-file', authUrl: '--auth-url', baseUrl: '--base-url', caFile: '--ca-file',
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
