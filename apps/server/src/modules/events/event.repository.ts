import type { Kysely } from 'kysely';
import type { DB, EventInsert, EventRow } from '../../db/schema.ts';

export interface EventFilter {
  sinceMs?: number | undefined;
  serviceId?: number | undefined;
  type?: string | undefined;
  excludeType?: string | undefined;
  /** Newest first: a page continues below this id. */
  beforeId?: number | undefined;
  limit: number;
}

export function createEventRepository(db: Kysely<DB>) {
  return {
    insert(values: EventInsert): Promise<EventRow> {
      return db.insertInto('events').values(values).returningAll().executeTakeFirstOrThrow();
    },

    list({
      sinceMs,
      serviceId,
      type,
      excludeType,
      beforeId,
      limit,
    }: EventFilter): Promise<EventRow[]> {
      let query = db.selectFrom('events').selectAll().orderBy('id', 'desc').limit(limit);
      if (sinceMs !== undefined) query = query.where('at', '>=', sinceMs);
      if (serviceId !== undefined) query = query.where('serviceId', '=', serviceId);
      if (type !== undefined) query = query.where('type', '=', type);
      if (excludeType !== undefined) query = query.where('type', '<>', excludeType);
      if (beforeId !== undefined) query = query.where('id', '<', beforeId);
      return query.execute();
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
