import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { withId } from './columns.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema of their own time */

const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
const userRef = (c: ColumnDefinitionBuilder) =>
  c.notNull().references('users.id').onDelete('cascade');

export async function up(db: Kysely<any>): Promise<void> {
  // JWTs issued before this moment are refused: a password change or deactivation ends them.
  await db.schema
    .alterTable('users')
    .addColumn('tokens_valid_after', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  // Browser sessions: the cookie holds a random secret, the table only its SHA-256.
  await withId(db, db.schema.createTable('sessions'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'varchar(64)', notNull)
    .addColumn('user_id', 'integer', userRef)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('last_seen_at', 'bigint', notNull)
    .addColumn('expires_at', 'bigint', notNull)
    .addColumn('user_agent', 'varchar(255)', (c) => c.notNull().defaultTo(''))
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();

  // Refresh tokens rotate: each is used once; using one twice revokes its whole family.
  await withId(db, db.schema.createTable('refresh_tokens'))
    .addColumn('jti', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('family', 'varchar(64)', notNull)
    .addColumn('user_id', 'integer', userRef)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('expires_at', 'bigint', notNull)
    .addColumn('used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('refresh_tokens_family_idx')
    .on('refresh_tokens')
    .column('family')
    .execute();
  await db.schema
    .createIndex('refresh_tokens_user_id_idx')
    .on('refresh_tokens')
    .column('user_id')
    .execute();

  // Personal access tokens: shown once, stored as a hash, a role no higher than the owner's.
  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', userRef)
    .addColumn('name', 'varchar(120)', notNull)
    .addColumn('role', 'varchar(16)', notNull)
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('prefix', 'varchar(16)', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('expires_at', 'bigint')
    .addColumn('last_used_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('api_tokens_user_id_idx')
    .on('api_tokens')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['api_tokens', 'refresh_tokens', 'sessions']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('users').dropColumn('tokens_valid_after').execute();
}
