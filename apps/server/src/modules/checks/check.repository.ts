import type { Kysely } from 'kysely';
import type { ResultStatus } from '@homehub/contracts';
import type { CheckInsert, CheckPatch, CheckRow, DB, ResultRow } from '../../db/schema.ts';

/** Results store their status as a small code: the table that grows stays narrow. */
export const RESULT_CODES: Record<ResultStatus, number> = {
  up: 0,
  degraded: 1,
  down: 2,
  maintenance: 3,
};
export const RESULT_STATUSES: readonly ResultStatus[] = ['up', 'degraded', 'down', 'maintenance'];

export interface CheckFilter {
  serviceId?: number | undefined;
  afterId?: number | undefined;
  limit: number;
}

export function createCheckRepository(db: Kysely<DB>) {
  return {
    list({ serviceId, afterId, limit }: CheckFilter): Promise<CheckRow[]> {
      let query = db.selectFrom('checks').selectAll().orderBy('id').limit(limit);
      if (serviceId !== undefined) query = query.where('serviceId', '=', serviceId);
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      return query.execute();
    },

    listForServices(serviceIds: number[]): Promise<CheckRow[]> {
      if (serviceIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('checks')
        .selectAll()
        .where('serviceId', 'in', serviceIds)
        .orderBy('id')
        .execute();
    },

    listEnabled(): Promise<CheckRow[]> {
      return db.selectFrom('checks').selectAll().where('enabled', '=', 1).execute();
    },

    /** Every check's status, to seed the in-memory state machine at start. */
    listStatuses() {
      return db
        .selectFrom('checks')
        .select(['id', 'serviceId', 'status', 'enabled', 'name', 'retries', 'failures'])
        .execute();
    },

    /** Every check's interval, for the storage estimate. */
    async intervals(): Promise<number[]> {
      const rows = await db.selectFrom('checks').select('intervalSeconds').execute();
      return rows.map((r) => r.intervalSeconds);
    },

    findByPushToken(token: string): Promise<CheckRow | undefined> {
      return db
        .selectFrom('checks')
        .selectAll()
        .where('pushToken', '=', token)
        .where('type', '=', 'push')
        .executeTakeFirst();
    },

    findById(id: number): Promise<CheckRow | undefined> {
      return db.selectFrom('checks').selectAll().where('id', '=', id).executeTakeFirst();
    },

    insert(values: CheckInsert): Promise<CheckRow> {
      return db.insertInto('checks').values(values).returningAll().executeTakeFirstOrThrow();
    },

    update(id: number, patch: CheckPatch): Promise<CheckRow | undefined> {
      return db
        .updateTable('checks')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('checks').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async setStatus(id: number, status: string, at: number): Promise<void> {
      await db
        .updateTable('checks')
        .set({ status, statusChangedAt: at })
        .where('id', '=', id)
        .execute();
    },

    async setFailures(id: number, failures: number): Promise<void> {
      await db.updateTable('checks').set({ failures }).where('id', '=', id).execute();
    },

    /**
     * The newest `perCheck` results of each check (a number, or one per check), newest
     * first within each check. One indexed seek per check, compiled once and run one after
     * another: SQLite answers each in microseconds, and queuing them all at once on its one
     * connection only adds waiting.
     */
    async recentResults(
      checkIds: number[],
      perCheck: number | ((checkId: number) => number),
    ): Promise<ResultRow[]> {
      const limitOf = typeof perCheck === 'number' ? () => perCheck : perCheck;
      const newest = db
        .selectFrom('checkResults')
        .selectAll()
        .where('checkId', '=', 0)
        .orderBy('at', 'desc')
        .limit(1)
        .compile();
      const rows: ResultRow[] = [];
      for (const checkId of checkIds) {
        const result = await db.executeQuery<ResultRow>({
          ...newest,
          parameters: [checkId, limitOf(checkId)],
        });
        rows.push(...result.rows);
      }
      return rows;
    },
  };
}

export type CheckRepository = ReturnType<typeof createCheckRepository>;
