import type { Kysely } from 'kysely';
import type { DB, UserRow } from '../../db/schema.ts';

export function createUserRepository(db: Kysely<DB>) {
  return {
    findByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },

    findById(id: number): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * Creates the first admin only while there is no user at all, in one statement,
     * so two concurrent setups cannot both succeed.
     */
    async insertFirstUser(user: Omit<UserRow, 'id'>): Promise<UserRow | undefined> {
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
        if (existing) return undefined;
        return trx.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
      });
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
