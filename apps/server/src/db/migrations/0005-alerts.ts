import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { withId } from './columns.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema of their own time */

const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
/** JSON arrays of ids or names: read whole with their row, never queried inside. */
const jsonList = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo('[]');

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('alert_channels'))
    .addColumn('name', 'varchar(120)', notNull)
    .addColumn('type', 'varchar(32)', notNull)
    // JSON of the type's config, secrets included: the API strips them on the way out.
    .addColumn('config', 'text', notNull)
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('max_per_hour', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();

  await withId(db, db.schema.createTable('alert_rules'))
    .addColumn('name', 'varchar(120)', notNull)
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('events', 'text', jsonList)
    .addColumn('service_ids', 'text', jsonList)
    .addColumn('check_ids', 'text', jsonList)
    .addColumn('channel_ids', 'text', jsonList)
    .addColumn('for_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('group_wait_seconds', 'integer', notNull)
    .addColumn('group_interval_seconds', 'integer', notNull)
    .addColumn('repeat_interval_seconds', 'integer', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();

  await withId(db, db.schema.createTable('alert_silences'))
    .addColumn('service_ids', 'text', jsonList)
    .addColumn('check_ids', 'text', jsonList)
    .addColumn('comment', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', 'bigint', notNull)
    .addColumn('ends_at', 'bigint', notNull)
    .addColumn('created_by', 'varchar(254)', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .execute();

  await withId(db, db.schema.createTable('alert_maintenance'))
    .addColumn('name', 'varchar(120)', notNull)
    .addColumn('service_ids', 'text', jsonList)
    .addColumn('check_ids', 'text', jsonList)
    .addColumn('kind', 'varchar(16)', notNull)
    .addColumn('starts_at', 'bigint')
    .addColumn('ends_at', 'bigint')
    .addColumn('days', 'text', jsonList)
    .addColumn('start_time', 'varchar(5)')
    .addColumn('duration_minutes', 'integer')
    .addColumn('timezone', 'varchar(64)', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();

  // One alert is one condition of one subject (a check, an engine, a one-off event) under
  // one rule, from when it began until it resolved.
  await withId(db, db.schema.createTable('alerts'))
    .addColumn('rule_id', 'integer', (c) => c.references('alert_rules.id').onDelete('set null'))
    .addColumn('rule_name', 'varchar(120)', notNull)
    .addColumn('group_key', 'varchar(120)', notNull)
    .addColumn('subject', 'varchar(120)', notNull)
    .addColumn('kind', 'varchar(40)', notNull)
    .addColumn('state', 'varchar(16)', notNull)
    .addColumn('title', 'varchar(500)', notNull)
    .addColumn('message', 'text', notNull)
    .addColumn('service_id', 'integer')
    .addColumn('check_id', 'integer')
    .addColumn('fold_key', 'varchar(64)')
    .addColumn('started_at', 'bigint', notNull)
    .addColumn('fires_at', 'bigint', notNull)
    .addColumn('fired_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('acknowledged_by', 'varchar(254)')
    // Whether a firing message about it was queued, and whether its resolved one was.
    .addColumn('told_firing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('told_resolved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  // An event finds its subject's open alerts; the engine, four times a second, those due to fire.
  await db.schema
    .createIndex('alerts_subject_idx')
    .on('alerts')
    .columns(['subject', 'state'])
    .execute();
  await db.schema
    .createIndex('alerts_due_idx')
    .on('alerts')
    .columns(['state', 'fires_at'])
    .execute();
  await db.schema
    .createIndex('alerts_group_idx')
    .on('alerts')
    .columns(['group_key', 'state'])
    .execute();

  await withId(db, db.schema.createTable('alert_trail'))
    .addColumn('alert_id', 'integer', (c) =>
      c.notNull().references('alerts.id').onDelete('cascade'),
    )
    .addColumn('at', 'bigint', notNull)
    .addColumn('text', 'varchar(1000)', notNull)
    .execute();
  await db.schema
    .createIndex('alert_trail_alert_idx')
    .on('alert_trail')
    .column('alert_id')
    .execute();

  // A group's timers (Alertmanager's group_wait/group_interval/repeat_interval) live here so
  // a restarted hub keeps its rhythm instead of re-sending or forgetting.
  await db.schema
    .createTable('alert_groups')
    .addColumn('key', 'varchar(120)', (c) => c.primaryKey())
    .addColumn('rule_id', 'integer', (c) => c.references('alert_rules.id').onDelete('cascade'))
    .addColumn('next_flush_at', 'bigint')
    .addColumn('last_flush_at', 'bigint')
    .addColumn('last_reminded_at', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .execute();

  // The outbox: a notification is written here before any attempt to send it.
  await withId(db, db.schema.createTable('alert_notifications'))
    .addColumn('group_key', 'varchar(120)')
    .addColumn('channel_id', 'integer', (c) =>
      c.references('alert_channels.id').onDelete('set null'),
    )
    .addColumn('channel_name', 'varchar(120)', notNull)
    .addColumn('kind', 'varchar(16)', notNull)
    .addColumn('status', 'varchar(16)', notNull)
    .addColumn('idempotency_key', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('payload', 'text', notNull)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint')
    // Whoever holds an unexpired lease is sending it; an expired one was abandoned.
    .addColumn('lease_until', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('alert_notifications_due_idx')
    .on('alert_notifications')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('alert_notifications_channel_idx')
    .on('alert_notifications')
    .columns(['channel_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('alert_notification_alerts')
    .addColumn('notification_id', 'integer', (c) =>
      c.notNull().references('alert_notifications.id').onDelete('cascade'),
    )
    .addColumn('alert_id', 'integer', (c) =>
      c.notNull().references('alerts.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('alert_notification_alerts_pk', ['notification_id', 'alert_id'])
    .execute();
  await db.schema
    .createIndex('alert_notification_alerts_alert_idx')
    .on('alert_notification_alerts')
    .column('alert_id')
    .execute();

  await withId(db, db.schema.createTable('alert_attempts'))
    .addColumn('notification_id', 'integer', (c) =>
      c.notNull().references('alert_notifications.id').onDelete('cascade'),
    )
    .addColumn('at', 'bigint', notNull)
    .addColumn('ok', 'integer', notNull)
    .addColumn('error', 'varchar(1000)')
    .addColumn('duration_ms', 'integer', notNull)
    .execute();
  await db.schema
    .createIndex('alert_attempts_notification_idx')
    .on('alert_attempts')
    .column('notification_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'alert_attempts',
    'alert_notification_alerts',
    'alert_notifications',
    'alert_groups',
    'alert_trail',
    'alerts',
    'alert_maintenance',
    'alert_silences',
    'alert_rules',
    'alert_channels',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
