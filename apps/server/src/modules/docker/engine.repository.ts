import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, DockerEnginesTable, EngineRow } from '../../db/schema.ts';

export function createEngineRepository(db: Kysely<DB>) {
  return {
    list(): Promise<EngineRow[]> {
      return db.selectFrom('dockerEngines').selectAll().orderBy('id').execute();
    },

    findById(id: number): Promise<EngineRow | undefined> {
      return db.selectFrom('dockerEngines').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findLocal(): Promise<EngineRow | undefined> {
      return db
        .selectFrom('dockerEngines')
        .selectAll()
        .where('local', '=', 1)
        .orderBy('id')
        .executeTakeFirst();
    },

    findByUrl(url: string): Promise<EngineRow | undefined> {
      return db.selectFrom('dockerEngines').selectAll().where('url', '=', url).executeTakeFirst();
    },

    insert(values: Insertable<DockerEnginesTable>): Promise<EngineRow> {
      return db.insertInto('dockerEngines').values(values).returningAll().executeTakeFirstOrThrow();
    },

    update(id: number, patch: Updateable<DockerEnginesTable>): Promise<EngineRow | undefined> {
      return db
        .updateTable('dockerEngines')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('dockerEngines').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type EngineRepository = ReturnType<typeof createEngineRepository>;
