import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema of their own time */

const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/** Ids are never reused on either dialect, so a stats query never meets an old container's rows. */
function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return dialectOf(db) === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('docker_engines'))
    .addColumn('name', 'varchar(120)', notNull)
    .addColumn('url', 'varchar(500)', notNull)
    .addColumn('local', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'varchar(16)', notNull)
    .addColumn('state_since', 'bigint')
    .addColumn('version', 'varchar(64)')
    .addColumn('last_error', 'text')
    // The last engine event handled, as "seconds.nanoseconds": replay resumes after it.
    .addColumn('last_event_time', 'varchar(32)')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();

  // A container as the hub follows it: by name, so a recreated container keeps its service.
  await withId(db, db.schema.createTable('docker_containers'))
    .addColumn('engine_id', 'integer', (c) =>
      c.notNull().references('docker_engines.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(255)', notNull)
    .addColumn('container_id', 'varchar(64)', notNull)
    .addColumn('service_id', 'integer', (c) =>
      c.notNull().references('services.id').onDelete('cascade'),
    )
    .addColumn('image', 'varchar(500)', notNull)
    .addColumn('image_id', 'varchar(100)', notNull)
    .addColumn('group_name', 'varchar(255)')
    .addColumn('state', 'varchar(16)', notNull)
    .addColumn('health', 'varchar(16)')
    .addColumn('started_at', 'bigint')
    .addColumn('restart_count', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON: each check the container brings, by what it came from ("docker", "port:80"…).
    .addColumn('checks', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('labels_hash', 'varchar(64)', notNull)
    .addColumn('gone_at', 'bigint')
    // An update under watch: the image it replaced and when.
    .addColumn('previous_image', 'varchar(500)')
    .addColumn('updated_image_at', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('docker_containers_engine_name_uq', ['engine_id', 'name'])
    .execute();
  await db.schema
    .createIndex('docker_containers_service_idx')
    .on('docker_containers')
    .column('service_id')
    .execute();

  await db.schema
    .createTable('docker_stats')
    .addColumn('container_ref', 'integer', (c) =>
      c.notNull().references('docker_containers.id').onDelete('cascade'),
    )
    .addColumn('at', 'bigint', notNull)
    .addColumn('cpu_percent', 'real', notNull)
    .addColumn('memory_bytes', 'double precision', notNull)
    .addColumn('memory_limit_bytes', 'double precision', notNull)
    .addColumn('net_rx_bytes', 'double precision', notNull)
    .addColumn('net_tx_bytes', 'double precision', notNull)
    .addColumn('block_read_bytes', 'double precision', notNull)
    .addColumn('block_write_bytes', 'double precision', notNull)
    .addPrimaryKeyConstraint('docker_stats_pk', ['container_ref', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('docker_stats').execute();
  await db.schema.dropTable('docker_containers').execute();
  await db.schema.dropTable('docker_engines').execute();
}
