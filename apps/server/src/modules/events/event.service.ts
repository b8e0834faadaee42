import type { AuditAction, Event, Status } from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';
import { iso } from '../../platform/clock.ts';
import { decodeCursor, toPage, type Page } from '../../platform/pagination.ts';
import type { EventRow } from '../../db/schema.ts';
import type { EventRepository } from './event.repository.ts';

const toEvent = (row: EventRow): Event => ({
  id: row.id,
  type: row.type as Event['type'],
  serviceId: row.serviceId,
  checkId: row.checkId,
  fromStatus: row.fromStatus as Status | null,
  toStatus: row.toStatus as Status | null,
  message: row.message,
  data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
  at: iso(row.at),
});

export function createEventService({ events, bus }: { events: EventRepository; bus: Bus }) {
  return {
    async list(query: {
      since?: string | undefined;
      serviceId?: number | undefined;
      type?: Event['type'] | undefined;
      limit: number;
      cursor?: string | undefined;
      /** Audit events are for admins' eyes. */
      includeAudit: boolean;
    }): Promise<Page<Event>> {
      const rows = await events.list({
        type: query.type,
        excludeType: query.includeAudit ? undefined : 'audit',
        sinceMs: query.since ? Date.parse(query.since) : undefined,
        serviceId: query.serviceId,
        beforeId: decodeCursor(query.cursor),
        limit: query.limit + 1,
      });
      const page = toPage(rows, query.limit, (r) => r.id);
      return { ...page, results: page.results.map(toEvent) };
    },

    /** Writes the event, then tells the bus: live clients and (later) alerts follow it. */
    async recordStatusChange(change: {
      serviceId: number;
      checkId: number | null;
      from: Status;
      to: Status;
      message: string;
      at: number;
      data: Record<string, unknown> | null;
    }): Promise<void> {
      const row = await events.insert({
        type: 'status_changed',
        serviceId: change.serviceId,
        checkId: change.checkId,
        fromStatus: change.from,
        toStatus: change.to,
        message: change.message,
        data: change.data === null ? null : JSON.stringify(change.data),
        at: change.at,
      });
      bus.publish({ type: 'event', at: iso(row.at), data: toEvent(row) });
    },

    /** Who did what to whom: sign-ins, account and token changes. Never a secret. */
    async recordAudit(entry: {
      action: AuditAction;
      message: string;
      at: number;
      data: Record<string, unknown>;
    }): Promise<void> {
      const row = await events.insert({
        type: 'audit',
        serviceId: null,
        checkId: null,
        fromStatus: null,
        toStatus: null,
        message: entry.message,
        data: JSON.stringify({ action: entry.action, ...entry.data }),
        at: entry.at,
      });
      bus.publish({ type: 'event', at: iso(row.at), data: toEvent(row) });
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
