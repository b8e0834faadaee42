import type { Kysely } from 'kysely';
import type { DB, ServiceInsert, ServicePatch, ServiceRow } from '../../db/schema.ts';

export function createServiceRepository(db: Kysely<DB>) {
  return {
    list({
      afterId,
      limit,
    }: {
      afterId?: number | undefined;
      limit: number;
    }): Promise<ServiceRow[]> {
      let query = db.selectFrom('services').selectAll().orderBy('id').limit(limit);
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      return query.execute();
    },

    listStatuses(): Promise<Pick<ServiceRow, 'id' | 'status'>[]> {
      return db.selectFrom('services').select(['id', 'status']).execute();
    },

    listLabels(): Promise<Pick<ServiceRow, 'id' | 'groupName' | 'tags'>[]> {
      return db.selectFrom('services').select(['id', 'groupName', 'tags']).execute();
    },

    findById(id: number): Promise<ServiceRow | undefined> {
      return db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
    },

    insert(values: ServiceInsert): Promise<ServiceRow> {
      return db.insertInto('services').values(values).returningAll().executeTakeFirstOrThrow();
    },

    update(id: number, patch: ServicePatch): Promise<ServiceRow | undefined> {
      return db
        .updateTable('services')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('services').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type ServiceRepository = ReturnType<typeof createServiceRepository>;
