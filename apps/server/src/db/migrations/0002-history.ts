import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema of their own time */

/** Same as modules/checks/rollup.ts BIN_COUNT at the time of writing; a migration never imports app code. */
const BINS = 12;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('checks')
    .addColumn('retries', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Failures in a row so far: the state machine's position, so a restart resumes it.
  await db.schema
    .alterTable('checks')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('checks').addColumn('push_token', 'varchar(64)').execute();
  await db.schema
    .createIndex('checks_push_token_idx')
    .unique()
    .on('checks')
    .column('push_token')
    .execute();

  await db.schema.alterTable('events').addColumn('data', 'text').execute();

  for (const tier of ['minute', 'hour', 'day']) {
    let table = db.schema
      .createTable(`check_rollups_${tier}`)
      .addColumn('check_id', 'integer', (c) =>
        c.notNull().references('checks.id').onDelete('cascade'),
      )
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('up', 'integer', (c) => c.notNull())
      .addColumn('degraded', 'integer', (c) => c.notNull())
      .addColumn('down', 'integer', (c) => c.notNull())
      .addColumn('latency_count', 'integer', (c) => c.notNull())
      .addColumn('latency_sum', 'double precision', (c) => c.notNull())
      .addColumn('latency_min', 'real')
      .addColumn('latency_max', 'real');
    for (let i = 0; i < BINS; i++) {
      table = table.addColumn(`bin${i}`, 'integer', (c) => c.notNull().defaultTo(0));
    }
    table = table.addPrimaryKeyConstraint(`check_rollups_${tier}_pk`, ['check_id', 'at']);
    // SQLite: store the rows in their key's order, instead of a rowid table plus an index
    // that repeats the key: about half the bytes. PostgreSQL has no such table kind.
    if (dialectOf(db) === 'sqlite') table = table.modifyEnd(sql`without rowid`);
    await table.execute();
  }

  await db.schema
    .createTable('settings')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('settings').execute();
  for (const tier of ['minute', 'hour', 'day']) {
    await db.schema.dropTable(`check_rollups_${tier}`).execute();
  }
  await db.schema.alterTable('events').dropColumn('data').execute();
  await db.schema.dropIndex('checks_push_token_idx').execute();
  for (const column of ['push_token', 'failures', 'retries']) {
    await db.schema.alterTable('checks').dropColumn(column).execute();
  }
}
