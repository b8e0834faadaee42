import type { Insertable, Kysely, Updateable } from 'kysely';
import type { AlertChannelRow, AlertChannelsTable, DB } from '../../db/schema.ts';

export function createChannelRepository(db: Kysely<DB>) {
  return {
    list(): Promise<AlertChannelRow[]> {
      return db.selectFrom('alertChannels').selectAll().orderBy('id').execute();
    },

    findById(id: number): Promise<AlertChannelRow | undefined> {
      return db.selectFrom('alertChannels').selectAll().where('id', '=', id).executeTakeFirst();
    },

    insert(values: Insertable<AlertChannelsTable>): Promise<AlertChannelRow> {
      return db.insertInto('alertChannels').values(values).returningAll().executeTakeFirstOrThrow();
    },

    update(
      id: number,
      patch: Updateable<AlertChannelsTable>,
    ): Promise<AlertChannelRow | undefined> {
      return db
        .updateTable('alertChannels')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('alertChannels').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type ChannelRepository = ReturnType<typeof createChannelRepository>;
