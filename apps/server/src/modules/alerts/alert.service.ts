import type { Alert, AlertState, Notification, TestNotificationResult } from '@homehub/contracts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { decodeCursor, toPage, type Page } from '../../platform/pagination.ts';
import type { AlertRow } from '../../db/schema.ts';
import type { AlertEngine } from './alert.engine.ts';
import { toAlert, toNotification } from './alert.present.ts';
import type { AlertRepository } from './alert.repository.ts';
import type { ChannelService } from './channel.service.ts';
import type { DeliveryWorker } from './delivery.worker.ts';

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export function createAlertService({
  alerts,
  channels,
  engine,
  delivery,
}: {
  alerts: AlertRepository;
  channels: ChannelService;
  engine: AlertEngine;
  delivery: DeliveryWorker;
}) {
  /** Alerts with their trails, notifications and attempts, in three queries for any number. */
  async function withDetails(rows: AlertRow[]): Promise<Alert[]> {
    const ids = rows.map((r) => r.id);
    const [trail, notifications] = await Promise.all([
      alerts.trailOf(ids),
      alerts.notificationsOf(ids),
    ]);
    const attempts = await alerts.attemptsOf([...new Set(notifications.map((n) => n.id))]);
    const byNotification = groupBy(attempts, (a) => a.notificationId);
    const trailBy = groupBy(trail, (t) => t.alertId);
    const notificationsBy = new Map<number, Notification[]>();
    for (const { alertId, ...row } of notifications) {
      const list = notificationsBy.get(alertId) ?? [];
      list.push(toNotification(row, byNotification.get(row.id) ?? []));
      notificationsBy.set(alertId, list);
    }
    return rows.map((row) =>
      toAlert(row, trailBy.get(row.id) ?? [], notificationsBy.get(row.id) ?? []),
    );
  }

  async function find(id: number): Promise<AlertRow> {
    const row = await alerts.findAlert(id);
    if (!row) throw new NotFoundError('Alert');
    return row;
  }

  return {
    async list(query: {
      state?: AlertState | undefined;
      serviceId?: number | undefined;
      limit: number;
      cursor?: string | undefined;
    }): Promise<Page<Alert>> {
      const rows = await alerts.list({
        state: query.state,
        serviceId: query.serviceId,
        beforeId: decodeCursor(query.cursor),
        limit: query.limit + 1,
      });
      const page = toPage(rows, query.limit, (r) => r.id);
      return { ...page, results: await withDetails(page.results) };
    },

    async get(id: number): Promise<Alert> {
      const [alert] = await withDetails([await find(id)]);
      return alert!;
    },

    async acknowledge(id: number, by: string): Promise<Alert> {
      const row = await find(id);
      if (row.state === 'resolved') throw new ConflictError('The alert has already resolved');
      if (row.acknowledgedAt === null) await engine.acknowledge(row, by);
      return this.get(id);
    },

    async test(channelId: number): Promise<TestNotificationResult> {
      const channel = await channels.stored(channelId);
      if (!channel) throw new ValidationError({ channelId: `No channel with id ${channelId}` });
      return delivery.test(channel);
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
