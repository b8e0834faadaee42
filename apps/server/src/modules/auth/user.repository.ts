import { sql, type Kysely, type Updateable } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import type { DB, UserRow, UsersTable } from '../../db/schema.ts';

export type UserInsert = Omit<UserRow, 'id' | 'tokensValidAfter'>;
export type UserChanges = Updateable<UsersTable>;

export function createUserRepository(db: Kysely<DB>) {
  /**
   * Runs a change that must leave at least one active admin. SQLite runs one write
   * transaction at a time; PostgreSQL at READ COMMITTED would let two concurrent demotions
   * each see the other admin, so the table is locked for the count.
   */
  async function guarded<T>(
    work: (trx: Kysely<DB>) => Promise<T>,
    stillHasAdmin: (trx: Kysely<DB>) => Promise<boolean>,
  ): Promise<T | 'last_admin'> {
    return db
      .transaction()
      .execute(async (trx) => {
        if (dialectOf(db) === 'postgres') {
          await sql`lock table users in share row exclusive mode`.execute(trx);
        }
        const result = await work(trx);
        if (!(await stillHasAdmin(trx))) throw new LastAdmin();
        return result;
      })
      .catch((error: unknown) => {
        if (error instanceof LastAdmin) return 'last_admin' as const;
        throw error;
      });
  }

  const activeAdmins = async (trx: Kysely<DB>) => {
    const row = await trx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.n) > 0;
  };

  return {
    findByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },

    findById(id: number): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    list(): Promise<UserRow[]> {
      return db.selectFrom('users').selectAll().orderBy('id').execute();
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    insert(user: UserInsert): Promise<UserRow> {
      return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
    },

    /** Creates the first admin only while there is no user at all (two setups race). */
    async insertFirstUser(user: UserInsert): Promise<UserRow | undefined> {
      return db.transaction().execute(async (trx) => {
        if (dialectOf(db) === 'postgres') {
          await sql`lock table users in share row exclusive mode`.execute(trx);
        }
        const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
        if (existing) return undefined;
        return trx.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
      });
    },

    /** The updated row; 'last_admin' when the change would leave no active admin. */
    update(id: number, changes: UserChanges): Promise<UserRow | undefined | 'last_admin'> {
      return guarded(
        (trx) =>
          trx
            .updateTable('users')
            .set(changes)
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst(),
        activeAdmins,
      );
    },

    /** Whether a row went; 'last_admin' when it was the last active admin. */
    delete(id: number): Promise<boolean | 'last_admin'> {
      return guarded(async (trx) => {
        const result = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      }, activeAdmins);
    },
  };
}

class LastAdmin extends Error {}

export type UserRepository = ReturnType<typeof createUserRepository>;
