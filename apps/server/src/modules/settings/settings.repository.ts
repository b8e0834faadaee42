import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export function createSettingsRepository(db: Kysely<DB>) {
  return {
    async all(): Promise<Map<string, string>> {
      const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
      return new Map(rows.map((r) => [r.key, r.value]));
    },

    /** Writes several keys in one transaction: a settings change lands whole or not at all. */
    async put(values: Record<string, string>, at: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const [key, value] of Object.entries(values)) {
          await trx
            .insertInto('settings')
            .values({ key, value, updatedAt: at })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: at }))
            .execute();
        }
      });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
