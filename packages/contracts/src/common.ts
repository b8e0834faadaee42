import { z } from 'zod';

/** Database ids are positive integers; path params arrive as strings. */
export const Id = z.coerce.number().int().positive();
export type Id = z.infer<typeof Id>;

export const IdParams = z.object({ id: Id });

/** Every timestamp on the wire is an ISO-8601 string in UTC. */
export const Timestamp = z.iso.datetime();

export const STATUSES = [
  'pending',
  'up',
  'degraded',
  'flapping',
  'down',
  'paused',
  'maintenance',
] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** What a single probe can conclude; the other statuses are decided around it. */
/** maintenance: the check ran inside a maintenance window; it counts neither for nor against uptime. */
export const ResultStatus = z.enum(['up', 'degraded', 'down', 'maintenance']);
export type ResultStatus = z.infer<typeof ResultStatus>;

/** A service's group: what the overview files it under (a Compose project, a room, a site). */
export const GroupName = z.string().trim().min(1).max(120);

/** A short word a service is tagged with, for rules, silences and the overview's filter. */
export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.:/-]{0,39}$/, 'Letters, digits and _ . : / -, up to 40');

/** At most 20 tags, each once (a repeat is dropped before counting). */
export const Tags = z
  .array(Tag)
  .max(100)
  .transform((tags) => [...new Set(tags)])
  .refine((tags) => tags.length <= 20, 'At most 20 tags');

/**
 * A change to a resource: every field optional, none defaulted. `.partial()` keeps each
 * field's default, so a PATCH naming one field would reset every other defaulted one.
 */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const plain = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
      return [key, (plain as z.ZodType).optional()];
    }),
  );
  return z.object(shape).strict() as unknown as ReturnType<z.ZodObject<T>['partial']>;
}

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  /** Each bad field, by its dotted path, with what is wrong with it. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Opaque: pass back the cursor from a previous page's `next`. */
  cursor: z.string().max(200).optional(),
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ results: z.array(item), next: z.string().nullable() });
}

export const Health = z.object({ status: z.enum(['ok', 'unavailable']) });
