import { sql, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from '../../db/dialect.ts';
import type { DB, ResultRow, RollupRow } from '../../db/schema.ts';
import { RESULT_STATUSES } from './check.repository.ts';
import { BIN_COLUMNS, TIERS, rollUp, type Bucket, type Tier } from './rollup.ts';

const TABLES = {
  minute: 'checkRollupsMinute',
  hour: 'checkRollupsHour',
  day: 'checkRollupsDay',
} as const satisfies Record<Tier, keyof DB>;

/** Any one of the three: they share a shape, which is all the queries below rely on. */
type RollupTable = 'checkRollupsMinute';
const tableOf = (tier: Tier) => TABLES[tier] as RollupTable;

/** Rows per statement: well under SQLite's 32,766 bound parameters at 22 columns a row. */
const CHUNK = 1000;

function toRow(bucket: Bucket): RollupRow {
  const row: Record<string, number | null> = {
    checkId: bucket.checkId,
    at: bucket.at,
    count: bucket.count,
    up: bucket.up,
    degraded: bucket.degraded,
    down: bucket.down,
    latencyCount: bucket.latencyCount,
    latencySum: bucket.latencySum,
    latencyMin: bucket.latencyMin,
    latencyMax: bucket.latencyMax,
  };
  BIN_COLUMNS.forEach((column, i) => (row[column] = bucket.bins[i]!));
  return row as unknown as RollupRow;
}

export interface ResultFilter {
  checkId: number;
  sinceMs?: number | undefined;
  untilMs?: number | undefined;
  /** Newest first: a page continues below this time. */
  beforeMs?: number | undefined;
  limit: number;
}

export interface UptimeCounts {
  serviceId: number;
  count: number;
  up: number;
  degraded: number;
  down: number;
}

export function createHistoryRepository(db: Kysely<DB>, dialect: DialectName) {
  // SQLite's two-argument min()/max() are PostgreSQL's least()/greatest().
  const least = sql.raw(dialect === 'postgres' ? 'least' : 'min');
  const greatest = sql.raw(dialect === 'postgres' ? 'greatest' : 'max');

  async function mergeBuckets(trx: Transaction<DB>, tier: Tier, buckets: Bucket[]) {
    const table = tableOf(tier);
    const mine = (column: string) => sql.ref(`${TABLES[tier]}.${column}`);
    const theirs = (column: string) => sql.ref(`excluded.${column}`);
    const add = (column: string) => sql<number>`${mine(column)} + ${theirs(column)}`;
    const sums = ['count', 'up', 'degraded', 'down', 'latencyCount', 'latencySum', ...BIN_COLUMNS];
    for (let i = 0; i < buckets.length; i += CHUNK) {
      await trx
        .insertInto(table)
        .values(buckets.slice(i, i + CHUNK).map(toRow))
        .onConflict((oc) =>
          oc.columns(['checkId', 'at']).doUpdateSet({
            ...Object.fromEntries(sums.map((column) => [column, add(column)])),
            // null (no latency) on either side must not erase the other side's figure
            latencyMin: sql<number>`${least}(coalesce(${mine('latencyMin')}, ${theirs('latencyMin')}), coalesce(${theirs('latencyMin')}, ${mine('latencyMin')}))`,
            latencyMax: sql<number>`${greatest}(coalesce(${mine('latencyMax')}, ${theirs('latencyMax')}), coalesce(${theirs('latencyMax')}, ${mine('latencyMax')}))`,
          }),
        )
        .execute();
    }
  }

  return {
    /**
     * One transaction per batch: the raw results and every tier's buckets they fall in,
     * merged by addition. Rollups never rescan raw rows, and never disagree with them.
     */
    async writeBatch(rows: ResultRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db.transaction().execute(async (trx) => {
        // A check deleted while its results waited for this batch takes them with it: its
        // rows must not fail the batch of every other check (and every batch after it).
        const ids = [...new Set(rows.map((r) => r.checkId))];
        const live = new Set(
          (await trx.selectFrom('checks').select('id').where('id', 'in', ids).execute()).map(
            (c) => c.id,
          ),
        );
        const kept = live.size === ids.length ? rows : rows.filter((r) => live.has(r.checkId));
        for (let i = 0; i < kept.length; i += CHUNK) {
          await trx
            .insertInto('checkResults')
            .values(kept.slice(i, i + CHUNK))
            .execute();
        }
        const inputs = kept.map((r) => ({
          checkId: r.checkId,
          at: r.at,
          status: RESULT_STATUSES[r.status] ?? 'down',
          latencyMs: r.latencyMs,
        }));
        for (const tier of TIERS) await mergeBuckets(trx, tier, rollUp(inputs, tier));
      });
    },

    results({ checkId, sinceMs, untilMs, beforeMs, limit }: ResultFilter): Promise<ResultRow[]> {
      let query = db
        .selectFrom('checkResults')
        .selectAll()
        .where('checkId', '=', checkId)
        .orderBy('at', 'desc')
        .limit(limit);
      if (sinceMs !== undefined) query = query.where('at', '>=', sinceMs);
      if (untilMs !== undefined) query = query.where('at', '<', untilMs);
      if (beforeMs !== undefined) query = query.where('at', '<', beforeMs);
      return query.execute();
    },

    buckets(checkId: number, tier: Tier, sinceMs: number): Promise<RollupRow[]> {
      return db
        .selectFrom(tableOf(tier))
        .selectAll()
        .where('checkId', '=', checkId)
        .where('at', '>=', sinceMs)
        .orderBy('at')
        .execute();
    },

    /** Result counts per service since a time, from one tier. */
    async uptimeCounts(serviceIds: number[], tier: Tier, sinceMs: number): Promise<UptimeCounts[]> {
      if (serviceIds.length === 0) return [];
      const table = tableOf(tier);
      const rows = await db
        .selectFrom(table)
        .innerJoin('checks', 'checks.id', `${table}.checkId`)
        .select((eb) => [
          'checks.serviceId as serviceId',
          eb.fn.sum<number>(`${table}.count`).as('count'),
          eb.fn.sum<number>(`${table}.up`).as('up'),
          eb.fn.sum<number>(`${table}.degraded`).as('degraded'),
          eb.fn.sum<number>(`${table}.down`).as('down'),
        ])
        .where('checks.serviceId', 'in', serviceIds)
        .where(`${table}.at`, '>=', sinceMs)
        .groupBy('checks.serviceId')
        .execute();
      // PostgreSQL answers sum() as numeric (a string); SQLite as a number.
      return rows.map((r) => ({
        serviceId: r.serviceId,
        count: Number(r.count),
        up: Number(r.up),
        degraded: Number(r.degraded),
        down: Number(r.down),
      }));
    },

    /** Checks that have rows older than `beforeMs` in a table: the retention job's work list. */
    async checksWithRowsBefore(tier: Tier | 'raw', beforeMs: number): Promise<number[]> {
      const table = tier === 'raw' ? 'checkResults' : tableOf(tier);
      const rows = await db
        .selectFrom('checks')
        .select('id')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom(table)
              .select(sql.lit(1).as('one'))
              .whereRef(`${table}.checkId`, '=', 'checks.id')
              .where(`${table}.at`, '<', beforeMs),
          ),
        )
        .execute();
      return rows.map((r) => r.id);
    },

    /** Deletes one check's rows older than `beforeMs`: a short, indexed statement. */
    async deleteBefore(tier: Tier | 'raw', checkId: number, beforeMs: number): Promise<number> {
      const table = tier === 'raw' ? 'checkResults' : tableOf(tier);
      const result = await db
        .deleteFrom(table)
        .where('checkId', '=', checkId)
        .where('at', '<', beforeMs)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type HistoryRepository = ReturnType<typeof createHistoryRepository>;
