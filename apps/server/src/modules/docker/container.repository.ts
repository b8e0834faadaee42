import { sql, type Kysely, type Transaction } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import type {
  ContainerInsert,
  ContainerPatch,
  ContainerRow,
  DB,
  StatsRow,
} from '../../db/schema.ts';

/** The rolled-up tiers of container stats, and how wide their buckets are. */
export const STATS_TIERS = {
  fiveMinute: 'dockerStatsFiveMinute',
  hourly: 'dockerStatsHourly',
} as const;
export type StatsTier = keyof typeof STATS_TIERS;
export const STATS_TIER_MS: Record<StatsTier, number> = { fiveMinute: 300_000, hourly: 3_600_000 };

/** A sample, or a bucket of them: the average with the peak beside it. */
export type StatsPointRow = Omit<StatsRow, 'containerRef'> & {
  cpuMaxPercent: number;
  memoryMaxBytes: number;
};

export function createContainerRepository(db: Kysely<DB>) {
  // SQLite's two-argument max() is PostgreSQL's greatest().
  const greatest = sql.raw(dialectOf(db) === 'postgres' ? 'greatest' : 'max');

  async function mergeStats(trx: Transaction<DB>, tier: StatsTier, rows: StatsRow[]) {
    const table = STATS_TIERS[tier];
    const width = STATS_TIER_MS[tier];
    const mine = (column: string) => sql.ref(`${table}.${column}`);
    const theirs = (column: string) => sql<number>`${sql.ref(`excluded.${column}`)}`;
    const add = (column: string) => sql<number>`${mine(column)} + ${theirs(column)}`;
    const peak = (column: string) => sql<number>`${greatest}(${mine(column)}, ${theirs(column)})`;
    // Samples of a round are of different containers: one row per bucket per statement.
    await trx
      .insertInto(table as 'dockerStatsHourly')
      .values(
        rows.map((r) => ({
          containerRef: r.containerRef,
          at: r.at - (r.at % width),
          samples: 1,
          cpuSum: r.cpuPercent,
          cpuMax: r.cpuPercent,
          memorySum: r.memoryBytes,
          memoryMax: r.memoryBytes,
          memoryLimitBytes: r.memoryLimitBytes,
          netRxBytes: r.netRxBytes,
          netTxBytes: r.netTxBytes,
          blockReadBytes: r.blockReadBytes,
          blockWriteBytes: r.blockWriteBytes,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['containerRef', 'at']).doUpdateSet({
          samples: add('samples'),
          cpuSum: add('cpuSum'),
          memorySum: add('memorySum'),
          cpuMax: peak('cpuMax'),
          memoryMax: peak('memoryMax'),
          // The newest sample's limit and counters (a restart starts the counters again).
          memoryLimitBytes: theirs('memoryLimitBytes'),
          netRxBytes: theirs('netRxBytes'),
          netTxBytes: theirs('netTxBytes'),
          blockReadBytes: theirs('blockReadBytes'),
          blockWriteBytes: theirs('blockWriteBytes'),
        }),
      )
      .execute();
  }

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
     * One round of samples, and the 5-minute and hourly buckets they fall in, merged by
     * addition in the same transaction: the charts never rescan raw samples.
     */
    async insertStats(rows: StatsRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db.transaction().execute(async (trx) => {
        // A sample already stored (the same instant twice) is not counted twice.
        const fresh = await trx
          .insertInto('dockerStats')
          .values(rows)
          .onConflict((c) => c.doNothing())
          .returning(['containerRef', 'at'])
          .execute();
        const stored = new Set(fresh.map((r) => `${r.containerRef}:${r.at}`));
        const kept = rows.filter((r) => stored.has(`${r.containerRef}:${r.at}`));
        if (kept.length === 0) return;
        for (const tier of Object.keys(STATS_TIERS) as StatsTier[]) {
          await mergeStats(trx, tier, kept);
        }
      });
    },

    rawStats(containerRef: number, sinceMs: number): Promise<StatsPointRow[]> {
      return db
        .selectFrom('dockerStats')
        .selectAll()
        .where('containerRef', '=', containerRef)
        .where('at', '>=', sinceMs)
        .orderBy('at')
        .execute()
        .then((samples) =>
          samples.map(({ containerRef: _ref, ...sample }) => ({
            ...sample,
            cpuMaxPercent: sample.cpuPercent,
            memoryMaxBytes: sample.memoryBytes,
          })),
        );
    },

    /**
     * A tier's buckets since a time, merged into wider ones when `bucketMs` is a multiple
     * of the tier's: averages weighted by samples, peaks kept, the byte counters' last value.
     */
    async rolledStats(
      tier: StatsTier,
      containerRef: number,
      sinceMs: number,
      bucketMs: number,
    ): Promise<StatsPointRow[]> {
      // A literal, not a parameter: PostgreSQL would see the select's and the group by's
      // placeholders as two different expressions. bucketMs comes from a fixed table.
      const bucket = sql<number>`at - (at % ${sql.lit(Math.trunc(bucketMs))})`;
      const rows = await db
        .selectFrom(STATS_TIERS[tier] as 'dockerStatsHourly')
        .select((e) => [
          bucket.as('at'),
          e.fn.sum<number>('samples').as('samples'),
          e.fn.sum<number>('cpuSum').as('cpuSum'),
          e.fn.max('cpuMax').as('cpuMax'),
          e.fn.sum<number>('memorySum').as('memorySum'),
          e.fn.max('memoryMax').as('memoryMax'),
          e.fn.max('memoryLimitBytes').as('memoryLimitBytes'),
          e.fn.max('netRxBytes').as('netRxBytes'),
          e.fn.max('netTxBytes').as('netTxBytes'),
          e.fn.max('blockReadBytes').as('blockReadBytes'),
          e.fn.max('blockWriteBytes').as('blockWriteBytes'),
        ])
        .where('containerRef', '=', containerRef)
        .where('at', '>=', sinceMs)
        .groupBy(bucket)
        .orderBy(bucket)
        .execute();
      // PostgreSQL answers sums of doubles and bigints as numeric text.
      return rows.map((r) => {
        const samples = Number(r.samples);
        return {
          at: Number(r.at),
          cpuPercent: Number(r.cpuSum) / samples,
          cpuMaxPercent: Number(r.cpuMax),
          memoryBytes: Number(r.memorySum) / samples,
          memoryMaxBytes: Number(r.memoryMax),
          memoryLimitBytes: Number(r.memoryLimitBytes),
          netRxBytes: Number(r.netRxBytes),
          netTxBytes: Number(r.netTxBytes),
          blockReadBytes: Number(r.blockReadBytes),
          blockWriteBytes: Number(r.blockWriteBytes),
        };
      });
    },

    /** Drops raw samples and each tier's buckets older than its own limit. */
    async deleteStatsBefore(limits: { raw: number } & Record<StatsTier, number>) {
      const raw = await db
        .deleteFrom('dockerStats')
        .where('at', '<', limits.raw)
        .executeTakeFirst();
      const deleted: Record<string, number> = { raw: Number(raw.numDeletedRows) };
      for (const tier of Object.keys(STATS_TIERS) as StatsTier[]) {
        const result = await db
          .deleteFrom(STATS_TIERS[tier] as 'dockerStatsHourly')
          .where('at', '<', limits[tier])
          .executeTakeFirst();
        deleted[tier] = Number(result.numDeletedRows);
      }
      return deleted;
    },
  };
}

export type ContainerRepository = ReturnType<typeof createContainerRepository>;
