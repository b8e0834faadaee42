import type { Alert, AlertChange, Notification } from '@homehub/contracts';
import { iso } from '../../platform/clock.ts';
import type { AlertAttemptRow, AlertNotificationRow, AlertRow } from '../../db/schema.ts';

const maybe = (ms: number | null) => (ms === null ? null : iso(ms));

export function toAlertChange(row: AlertRow): AlertChange {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    kind: row.kind,
    state: row.state as AlertChange['state'],
    title: row.title,
    message: row.message,
    serviceId: row.serviceId,
    checkId: row.checkId,
    foldKey: row.foldKey,
    startedAt: iso(row.startedAt),
    firedAt: maybe(row.firedAt),
    resolvedAt: maybe(row.resolvedAt),
    acknowledgedAt: maybe(row.acknowledgedAt),
    acknowledgedBy: row.acknowledgedBy,
  };
}

export function toNotification(
  row: AlertNotificationRow,
  attempts: AlertAttemptRow[],
): Notification {
  return {
    id: row.id,
    channelId: row.channelId,
    channelName: row.channelName,
    kind: row.kind as Notification['kind'],
    status: row.status as Notification['status'],
    idempotencyKey: row.idempotencyKey,
    createdAt: iso(row.createdAt),
    sentAt: maybe(row.sentAt),
    nextAttemptAt: row.status === 'pending' ? maybe(row.nextAttemptAt) : null,
    attempts: attempts.map((a) => ({
      at: iso(a.at),
      ok: a.ok === 1,
      error: a.error,
      durationMs: a.durationMs,
    })),
  };
}

export function toAlert(
  row: AlertRow,
  trail: { at: number; text: string }[],
  notifications: Notification[],
): Alert {
  return {
    ...toAlertChange(row),
    trail: trail.map((t) => ({ at: iso(t.at), text: t.text })),
    notifications,
  };
}
