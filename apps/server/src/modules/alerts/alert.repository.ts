import type { Insertable, Kysely } from 'kysely';
import type {
  AlertAttemptRow,
  AlertGroupRow,
  AlertInsert,
  AlertNotificationRow,
  AlertNotificationsTable,
  AlertPatch,
  AlertRow,
  DB,
} from '../../db/schema.ts';

/** Alerts, their trails and groups, and the outbox of notifications with their attempts. */
export function createAlertRepository(db: Kysely<DB>) {
  return {
    // ---- alerts
    insertAlert(values: AlertInsert): Promise<AlertRow> {
      return db.insertInto('alerts').values(values).returningAll().executeTakeFirstOrThrow();
    },
    updateAlert(id: number, patch: AlertPatch): Promise<AlertRow | undefined> {
      return db
        .updateTable('alerts')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
    async markTold(ids: number[], patch: Pick<AlertPatch, 'toldFiring' | 'toldResolved'>) {
      if (ids.length === 0) return;
      await db.updateTable('alerts').set(patch).where('id', 'in', ids).execute();
    },
    findAlert(id: number): Promise<AlertRow | undefined> {
      return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** The alerts of a subject not yet resolved, under any rule. */
    openFor(subject: string): Promise<AlertRow[]> {
      return db
        .selectFrom('alerts')
        .selectAll()
        .where('subject', '=', subject)
        .where('state', 'in', ['pending', 'firing'])
        .execute();
    },
    openForService(serviceId: number): Promise<AlertRow[]> {
      return db
        .selectFrom('alerts')
        .selectAll()
        .where('serviceId', '=', serviceId)
        .where('state', 'in', ['pending', 'firing'])
        .execute();
    },
    dueToFire(now: number): Promise<AlertRow[]> {
      return db
        .selectFrom('alerts')
        .selectAll()
        .where('state', '=', 'pending')
        .where('firesAt', '<=', now)
        .orderBy('id')
        .execute();
    },
    /** What a group's next message is about: firing alerts, and resolved ones not yet told. */
    ofGroup(groupKey: string): Promise<AlertRow[]> {
      return db
        .selectFrom('alerts')
        .selectAll()
        .where('groupKey', '=', groupKey)
        .where((eb) =>
          eb.or([
            eb('state', 'in', ['pending', 'firing']),
            eb.and([eb('state', '=', 'resolved'), eb('toldResolved', '=', 0)]),
          ]),
        )
        .orderBy('id')
        .execute();
    },
    /** Subjects with a firing alert among these: the engines and hosts that are down. */
    async firingSubjects(subjects: string[]): Promise<Set<string>> {
      if (subjects.length === 0) return new Set();
      const rows = await db
        .selectFrom('alerts')
        .select('subject')
        .where('subject', 'in', subjects)
        .where('state', '=', 'firing')
        .execute();
      return new Set(rows.map((r) => r.subject));
    },
    list(filter: {
      state?: string | undefined;
      serviceId?: number | undefined;
      beforeId?: number | undefined;
      limit: number;
    }): Promise<AlertRow[]> {
      let query = db.selectFrom('alerts').selectAll().orderBy('id', 'desc').limit(filter.limit);
      if (filter.state !== undefined) query = query.where('state', '=', filter.state);
      if (filter.serviceId !== undefined) query = query.where('serviceId', '=', filter.serviceId);
      if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
      return query.execute();
    },

    // ---- trail
    async addTrail(entries: { alertId: number; at: number; text: string }[]): Promise<void> {
      if (entries.length === 0) return;
      for (let i = 0; i < entries.length; i += 500) {
        await db
          .insertInto('alertTrail')
          .values(entries.slice(i, i + 500).map((e) => ({ ...e, text: e.text.slice(0, 1000) })))
          .execute();
      }
    },
    /** The latest trail line of each alert, so a repeated decision is written once. */
    async lastTrail(alertIds: number[]): Promise<Map<number, string>> {
      const last = new Map<number, string>();
      if (alertIds.length === 0) return last;
      const rows = await db
        .selectFrom('alertTrail')
        .select(['alertId', 'text'])
        .where('alertId', 'in', alertIds)
        .orderBy('id')
        .execute();
      for (const row of rows) last.set(row.alertId, row.text);
      return last;
    },
    trailOf(alertIds: number[]) {
      if (alertIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('alertTrail')
        .selectAll()
        .where('alertId', 'in', alertIds)
        .orderBy('id')
        .execute();
    },

    // ---- groups
    findGroup(key: string): Promise<AlertGroupRow | undefined> {
      return db.selectFrom('alertGroups').selectAll().where('key', '=', key).executeTakeFirst();
    },
    async saveGroup(row: AlertGroupRow): Promise<void> {
      const { key, ...rest } = row;
      const updated = await db
        .updateTable('alertGroups')
        .set(rest)
        .where('key', '=', key)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        await db.insertInto('alertGroups').values(row).execute();
      }
    },
    async deleteGroup(key: string): Promise<void> {
      await db.deleteFrom('alertGroups').where('key', '=', key).execute();
    },
    dueGroups(now: number): Promise<AlertGroupRow[]> {
      return db
        .selectFrom('alertGroups')
        .selectAll()
        .where('nextFlushAt', '<=', now)
        .orderBy('nextFlushAt')
        .execute();
    },
    /**
     * Takes a due group for this flush: only the caller that moves its timer gets it, so two
     * hubs on one database never send the same flush twice.
     */
    async claimGroup(key: string, dueAt: number): Promise<boolean> {
      const result = await db
        .updateTable('alertGroups')
        .set({ nextFlushAt: null })
        .where('key', '=', key)
        .where('nextFlushAt', '=', dueAt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Forgets what ended before `cutoff`: resolved alerts (their trails go with them) and
     * then sent or failed notifications no alert refers to any more (their attempts too).
     */
    async deleteEndedBefore(cutoff: number): Promise<{ alerts: number; notifications: number }> {
      return db.transaction().execute(async (trx) => {
        const alerts = await trx
          .deleteFrom('alerts')
          .where('state', '=', 'resolved')
          .where('resolvedAt', '<', cutoff)
          .executeTakeFirst();
        const notifications = await trx
          .deleteFrom('alertNotifications')
          .where('status', '!=', 'pending')
          .where('createdAt', '<', cutoff)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('alertNotificationAlerts')
                  .select('alertId')
                  .whereRef('alertNotificationAlerts.notificationId', '=', 'alertNotifications.id'),
              ),
            ),
          )
          .executeTakeFirst();
        return {
          alerts: Number(alerts.numDeletedRows),
          notifications: Number(notifications.numDeletedRows),
        };
      });
    },

    // ---- outbox
    async queue(
      notification: Insertable<AlertNotificationsTable>,
      alertIds: number[],
    ): Promise<AlertNotificationRow> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('alertNotifications')
          .values(notification)
          .returningAll()
          .executeTakeFirstOrThrow();
        for (let i = 0; i < alertIds.length; i += 500) {
          await trx
            .insertInto('alertNotificationAlerts')
            .values(
              alertIds.slice(i, i + 500).map((alertId) => ({ notificationId: row.id, alertId })),
            )
            .execute();
        }
        return row;
      });
    },
    /**
     * Forgets every lease: only for a database one process owns, whose leases can only be
     * left over from a run that died. A test send that died with it failed.
     */
    async releaseLeases(now: number): Promise<void> {
      await db
        .updateTable('alertNotifications')
        .set({ status: 'failed', leaseUntil: null })
        .where('status', '=', 'pending')
        .where('kind', '=', 'test')
        .execute();
      await db
        .updateTable('alertNotifications')
        .set({ leaseUntil: null, nextAttemptAt: now })
        .where('status', '=', 'pending')
        .where('leaseUntil', 'is not', null)
        .execute();
    },
    dueNotifications(now: number, limit: number): Promise<AlertNotificationRow[]> {
      return db
        .selectFrom('alertNotifications')
        .selectAll()
        .where('status', '=', 'pending')
        .where('nextAttemptAt', '<=', now)
        .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
        .orderBy('id')
        .limit(limit)
        .execute();
    },
    /** A lease on one notification: whoever sets it sends; an expired lease was abandoned. */
    async lease(id: number, now: number, until: number): Promise<boolean> {
      const result = await db
        .updateTable('alertNotifications')
        .set({ leaseUntil: until })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async finishAttempt(
      id: number,
      attempt: { at: number; ok: boolean; error: string | null; durationMs: number },
      patch: Partial<
        Pick<AlertNotificationRow, 'status' | 'nextAttemptAt' | 'sentAt' | 'attempts'>
      >,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('alertAttempts')
          .values({
            notificationId: id,
            at: attempt.at,
            ok: attempt.ok ? 1 : 0,
            error: attempt.error?.slice(0, 1000) ?? null,
            durationMs: Math.round(attempt.durationMs),
          })
          .execute();
        await trx
          .updateTable('alertNotifications')
          .set({ ...patch, leaseUntil: null })
          .where('id', '=', id)
          .execute();
      });
    },
    alertIdsOf(notificationId: number): Promise<number[]> {
      return db
        .selectFrom('alertNotificationAlerts')
        .select('alertId')
        .where('notificationId', '=', notificationId)
        .execute()
        .then((rows) => rows.map((r) => r.alertId));
    },
    /** Notifications queued for a channel since a time (its rate limit), recoveries excepted. */
    async countSince(channelId: number, since: number): Promise<number> {
      const row = await db
        .selectFrom('alertNotifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('channelId', '=', channelId)
        .where('createdAt', '>=', since)
        .where('kind', 'in', ['firing', 'reminder'])
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** The channels that were sent (or are sending) a firing message naming each alert. */
    async toldChannels(alertIds: number[]): Promise<{ alertId: number; channelId: number }[]> {
      if (alertIds.length === 0) return [];
      const rows = await db
        .selectFrom('alertNotificationAlerts as l')
        .innerJoin('alertNotifications as n', 'n.id', 'l.notificationId')
        .select(['l.alertId', 'n.channelId'])
        .where('l.alertId', 'in', alertIds)
        .where('n.kind', 'in', ['firing', 'reminder'])
        .where('n.status', '<>', 'failed')
        .distinct()
        .execute();
      return rows.flatMap((r) =>
        r.channelId === null ? [] : [{ alertId: r.alertId, channelId: r.channelId }],
      );
    },
    async notificationsOf(alertIds: number[]) {
      if (alertIds.length === 0) return [];
      return db
        .selectFrom('alertNotificationAlerts as l')
        .innerJoin('alertNotifications as n', 'n.id', 'l.notificationId')
        .selectAll('n')
        .select('l.alertId')
        .where('l.alertId', 'in', alertIds)
        .orderBy('n.id')
        .execute();
    },
    attemptsOf(notificationIds: number[]): Promise<AlertAttemptRow[]> {
      if (notificationIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('alertAttempts')
        .selectAll()
        .where('notificationId', 'in', notificationIds)
        .orderBy('id')
        .execute();
    },
    findNotification(id: number): Promise<AlertNotificationRow | undefined> {
      return db
        .selectFrom('alertNotifications')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
    },
  };
}

export type AlertRepository = ReturnType<typeof createAlertRepository>;
