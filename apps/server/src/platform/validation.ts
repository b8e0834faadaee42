import type { z } from 'zod';
import { ValidationError } from './errors.ts';

/**
 * Parses a value with a schema of its own, outside the route's (a check's or a channel's
 * config, or a stored record merged with a patch), naming each bad field as
 * `<prefix>.<field>` the way the request's schema would; without a prefix, as `<field>`.
 */
export function parseNested<T>(schema: z.ZodType<T>, value: unknown, prefix?: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const name = (prefix === undefined ? path : [prefix, ...path]).join('.') || 'body';
    fields[name] ??= issue.message;
  }
  throw new ValidationError(fields);
}
