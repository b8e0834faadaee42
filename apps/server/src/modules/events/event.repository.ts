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

    /** Merges `extra` into an event's data (JSON), answering the event as it now is. */
    async addData(id: number, extra: Record<string, unknown>): Promise<EventRow | undefined> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('events')
          .select('data')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return undefined;
        const data = { ...(row.data ? (JSON.parse(row.data) as object) : {}), ...extra };
        return trx
          .updateTable('events')
          .set({ data: JSON.stringify(data) })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
      });
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
