import { sql, type Kysely } from 'kysely';
import type {
  ContainerInsert,
  ContainerPatch,
  ContainerRow,
  DB,
  StatsRow,
} from '../../db/schema.ts';

export function createContainerRepository(db: Kysely<DB>) {
  return {
    listForEngine(engineId: number): Promise<ContainerRow[]> {
      return db
        .selectFrom('dockerContainers')
        .selectAll()
        .where('engineId', '=', engineId)
        .orderBy('name')
        .execute();
    },

    list(filter: { serviceId?: number | undefined }): Promise<ContainerRow[]> {
      let query = db.selectFrom('dockerContainers').selectAll().orderBy('id');
      if (filter.serviceId !== undefined) query = query.where('serviceId', '=', filter.serviceId);
      return query.execute();
    },

    findById(id: number): Promise<ContainerRow | undefined> {
      return db.selectFrom('dockerContainers').selectAll().where('id', '=', id).executeTakeFirst();
    },

    insert(values: ContainerInsert): Promise<ContainerRow> {
      return db
        .insertInto('dockerContainers')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async update(id: number, patch: ContainerPatch): Promise<void> {
      await db.updateTable('dockerContainers').set(patch).where('id', '=', id).execute();
    },

    /**
     * A Docker event on the timeline. The events area records status changes; the kinds
     * the engine reports are written here until that area takes any kind of event.
     */
    async insertStats(rows: StatsRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('dockerStats')
        .values(rows)
        .onConflict((c) => c.doNothing())
        .execute();
    },

    rawStats(containerRef: number, sinceMs: number): Promise<StatsRow[]> {
      return db
        .selectFrom('dockerStats')
        .selectAll()
        .where('containerRef', '=', containerRef)
        .where('at', '>=', sinceMs)
        .orderBy('at')
        .execute();
    },

    /** Averages per bucket; the byte counters keep their highest (latest) value. */
    async bucketedStats(containerRef: number, sinceMs: number, bucketMs: number) {
      // A literal, not a parameter: PostgreSQL would see the select's and the group by's
      // placeholders as two different expressions. bucketMs comes from a fixed table.
      const bucket = sql<number>`at - (at % ${sql.lit(Math.trunc(bucketMs))})`;
      const rows = await db
        .selectFrom('dockerStats')
        .select([
          bucket.as('at'),
          (e) => e.fn.avg<number>('cpuPercent').as('cpuPercent'),
          (e) => e.fn.avg<number>('memoryBytes').as('memoryBytes'),
          (e) => e.fn.max('memoryLimitBytes').as('memoryLimitBytes'),
          (e) => e.fn.max('netRxBytes').as('netRxBytes'),
          (e) => e.fn.max('netTxBytes').as('netTxBytes'),
          (e) => e.fn.max('blockReadBytes').as('blockReadBytes'),
          (e) => e.fn.max('blockWriteBytes').as('blockWriteBytes'),
        ])
        .where('containerRef', '=', containerRef)
        .where('at', '>=', sinceMs)
        .groupBy(bucket)
        .orderBy(bucket)
        .execute();
      // PostgreSQL answers averages of doubles as numeric text.
      return rows.map((r): StatsRow => ({
        containerRef,
        at: Number(r.at),
        cpuPercent: Number(r.cpuPercent),
        memoryBytes: Number(r.memoryBytes),
        memoryLimitBytes: Number(r.memoryLimitBytes),
        netRxBytes: Number(r.netRxBytes),
        netTxBytes: Number(r.netTxBytes),
        blockReadBytes: Number(r.blockReadBytes),
        blockWriteBytes: Number(r.blockWriteBytes),
      }));
    },

    async deleteStatsBefore(at: number): Promise<number> {
      const result = await db.deleteFrom('dockerStats').where('at', '<', at).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type ContainerRepository = ReturnType<typeof createContainerRepository>;
