import type { Insertable, Kysely } from 'kysely';
import type {
  DB,
  RefreshTokenRow,
  RefreshTokensTable,
  SessionRow,
  SessionsTable,
} from '../../db/schema.ts';

/** Sign-in state that outlives a request: browser sessions and refresh-token families. */
export function createSessionRepository(db: Kysely<DB>) {
  return {
    insertSession(session: Insertable<SessionsTable>): Promise<SessionRow> {
      return db.insertInto('sessions').values(session).returningAll().executeTakeFirstOrThrow();
    },

    findSession(tokenHash: string): Promise<SessionRow | undefined> {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst();
    },

    async touchSession(id: number, at: number): Promise<void> {
      await db.updateTable('sessions').set({ lastSeenAt: at }).where('id', '=', id).execute();
    },

    async deleteSession(id: number): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    /** Ends every browser session and refresh family of a user, in one transaction. */
    async revokeAll(userId: number, at: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('userId', '=', userId).execute();
        await trx
          .updateTable('refreshTokens')
          .set({ revokedAt: at })
          .where('userId', '=', userId)
          .where('revokedAt', 'is', null)
          .execute();
      });
    },

    async deleteExpired(before: number): Promise<void> {
      await db.deleteFrom('sessions').where('expiresAt', '<', before).execute();
      await db.deleteFrom('refreshTokens').where('expiresAt', '<', before).execute();
    },

    async insertRefresh(token: Insertable<RefreshTokensTable>): Promise<void> {
      await db.insertInto('refreshTokens').values(token).execute();
    },

    /**
     * Marks a refresh token used, once: the row when this call was first, undefined when
     * it was used or revoked already (a replay) or does not exist.
     */
    useRefresh(jti: string, at: number): Promise<RefreshTokenRow | undefined> {
      return db
        .updateTable('refreshTokens')
        .set({ usedAt: at })
        .where('jti', '=', jti)
        .where('usedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .returningAll()
        .executeTakeFirst();
    },

    findRefresh(jti: string): Promise<RefreshTokenRow | undefined> {
      return db.selectFrom('refreshTokens').selectAll().where('jti', '=', jti).executeTakeFirst();
    },

    async revokeFamily(family: string, at: number): Promise<void> {
      await db
        .updateTable('refreshTokens')
        .set({ revokedAt: at })
        .where('family', '=', family)
        .where('revokedAt', 'is', null)
        .execute();
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
