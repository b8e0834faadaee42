import type { Insertable, Kysely } from 'kysely';
import type { ApiTokenRow, ApiTokensTable, DB } from '../../db/schema.ts';

export type ApiTokenListRow = ApiTokenRow & { userEmail: string };

export function createApiTokenRepository(db: Kysely<DB>) {
  const withOwner = () =>
    db
      .selectFrom('apiTokens')
      .innerJoin('users', 'users.id', 'apiTokens.userId')
      .selectAll('apiTokens')
      .select('users.email as userEmail');

  return {
    async insert(token: Insertable<ApiTokensTable>): Promise<ApiTokenListRow> {
      const row = await db
        .insertInto('apiTokens')
        .values(token)
        .returning('id')
        .executeTakeFirstOrThrow();
      return withOwner().where('apiTokens.id', '=', row.id).executeTakeFirstOrThrow();
    },

    /** Everyone's tokens, or one user's; newest first. */
    list(userId?: number): Promise<ApiTokenListRow[]> {
      let query = withOwner().orderBy('apiTokens.id', 'desc');
      if (userId !== undefined) query = query.where('apiTokens.userId', '=', userId);
      return query.execute();
    },

    find(id: number): Promise<ApiTokenListRow | undefined> {
      return withOwner().where('apiTokens.id', '=', id).executeTakeFirst();
    },

    findByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
      return db
        .selectFrom('apiTokens')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst();
    },

    async touch(id: number, at: number): Promise<void> {
      await db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('apiTokens').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type ApiTokenRepository = ReturnType<typeof createApiTokenRepository>;
