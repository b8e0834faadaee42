import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
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
     * Creates the first admin only while there is no user at all, so two concurrent setups
     * cannot both succeed. SQLite runs one write transaction at a time; PostgreSQL at READ
     * COMMITTED would let both see an empty table, so the table is locked for the check.
     */
    async insertFirstUser(user: Omit<UserRow, 'id'>): Promise<UserRow | undefined> {
      return db.transaction().execute(async (trx) => {
        if (dialectOf(db) === 'postgres') {
          await sql`lock table users in share row exclusive mode`.execute(trx);
        }
        const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
        if (existing) return undefined;
        return trx.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
      });
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
