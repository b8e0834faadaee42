import type { z } from 'zod';
import { ValidationError } from './errors.ts';

/**
 * Parses a value nested in a request (a check's or a channel's config) with its own schema,
 * naming each bad field as `<prefix>.<field>` the way the request's schema would.
 */
export function parseNested<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = [prefix, ...issue.path.map(String)].join('.');
    fields[name] ??= issue.message;
  }
  throw new ValidationError(fields);
}
