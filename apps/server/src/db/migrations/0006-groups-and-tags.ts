import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema of their own time */

/** What selects by group and tag: rules, silences and maintenance windows (JSON arrays). */
const SELECTING = ['alert_rules', 'alert_silences', 'alert_maintenance'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('services').addColumn('group_name', 'varchar(120)').execute();
  await db.schema
    .alterTable('services')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  // A discovered container's service takes the group its container already had.
  await sql`
    update services set group_name = (
      select substr(max(c.group_name), 1, 120) from docker_containers c
      where c.service_id = services.id
    )
    where group_name is null
  `.execute(db);
  for (const table of SELECTING) {
    await db.schema
      .alterTable(table)
      .addColumn('groups', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of SELECTING) {
    await db.schema.alterTable(table).dropColumn('tags').execute();
    await db.schema.alterTable(table).dropColumn('groups').execute();
  }
  await db.schema.alterTable('services').dropColumn('tags').execute();
  await db.schema.alterTable('services').dropColumn('group_name').execute();
}
