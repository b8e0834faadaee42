import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { withId } from './columns.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema of their own time */

const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('users'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(120)', (c) => c.notNull().defaultTo(''))
    .addColumn('password_hash', 'varchar(255)', notNull)
    .addColumn('role', 'varchar(16)', notNull)
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();

  await withId(db, db.schema.createTable('services'))
    .addColumn('name', 'varchar(120)', notNull)
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('status_changed_at', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();

  await withId(db, db.schema.createTable('checks'))
    .addColumn('service_id', 'integer', (c) =>
      c.notNull().references('services.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(120)', notNull)
    .addColumn('type', 'varchar(32)', notNull)
    .addColumn('interval_seconds', 'integer', notNull)
    .addColumn('timeout_seconds', 'integer', notNull)
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('config', 'text', notNull)
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('status_changed_at', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('checks_service_id_idx').on('checks').column('service_id').execute();

  await db.schema
    .createTable('check_results')
    .addColumn('check_id', 'integer', (c) =>
      c.notNull().references('checks.id').onDelete('cascade'),
    )
    .addColumn('at', 'bigint', notNull)
    .addColumn('status', 'smallint', notNull)
    .addColumn('latency_ms', 'real')
    .addColumn('message', 'text')
    .execute();
  await db.schema
    .createIndex('check_results_check_id_at_idx')
    .on('check_results')
    .columns(['check_id', 'at'])
    .execute();

  await withId(db, db.schema.createTable('events'))
    .addColumn('type', 'varchar(32)', notNull)
    .addColumn('service_id', 'integer', (c) => c.references('services.id').onDelete('cascade'))
    .addColumn('check_id', 'integer', (c) => c.references('checks.id').onDelete('set null'))
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)')
    .addColumn('message', 'text', notNull)
    .addColumn('at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('events_service_id_idx')
    .on('events')
    .columns(['service_id', 'id'])
    .execute();
  await db.schema.createIndex('events_at_idx').on('events').column('at').execute();
  await db.schema.createIndex('events_check_id_idx').on('events').column('check_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['events', 'check_results', 'checks', 'services', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
