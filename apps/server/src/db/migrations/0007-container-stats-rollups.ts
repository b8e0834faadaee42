import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema of their own time */

const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/**
 * Container stats rolled up as samples land, like check results: 5-minute buckets for the
 * day and week charts, hourly ones for the month and quarter. Each keeps the sum and the
 * peak of CPU and memory (a chart shows the average, a tooltip the peak) and the last byte
 * counters.
 */
const STATS_TIERS = { docker_stats_five_minute: 300_000, docker_stats_hourly: 3_600_000 };

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, bucketMs] of Object.entries(STATS_TIERS)) {
    await db.schema
      .createTable(table)
      .addColumn('container_ref', 'integer', (c) =>
        c.notNull().references('docker_containers.id').onDelete('cascade'),
      )
      .addColumn('at', 'bigint', notNull)
      .addColumn('samples', 'integer', notNull)
      .addColumn('cpu_sum', 'double precision', notNull)
      .addColumn('cpu_max', 'double precision', notNull)
      .addColumn('memory_sum', 'double precision', notNull)
      .addColumn('memory_max', 'double precision', notNull)
      .addColumn('memory_limit_bytes', 'double precision', notNull)
      .addColumn('net_rx_bytes', 'double precision', notNull)
      .addColumn('net_tx_bytes', 'double precision', notNull)
      .addColumn('block_read_bytes', 'double precision', notNull)
      .addColumn('block_write_bytes', 'double precision', notNull)
      .addPrimaryKeyConstraint(`${table}_pk`, ['container_ref', 'at'])
      .execute();
    // What was sampled before this version is rolled up once, so no chart starts empty.
    const bucket = sql`at - (at % ${sql.lit(bucketMs)})`;
    await sql`
      insert into ${sql.table(table)}
      select container_ref, ${bucket}, count(*), sum(cpu_percent), max(cpu_percent),
        sum(memory_bytes), max(memory_bytes), max(memory_limit_bytes), max(net_rx_bytes),
        max(net_tx_bytes), max(block_read_bytes), max(block_write_bytes)
      from docker_stats group by container_ref, ${bucket}
    `.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(STATS_TIERS)) await db.schema.dropTable(table).execute();
}
