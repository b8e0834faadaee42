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

    /**
     * Writes one event on the timeline, then tells the bus: live clients and alerts follow
     * it. Every area records its events here (Docker's container and engine events too).
     */
    async record(entry: {
      type: Event['type'];
      serviceId: number | null;
      checkId: number | null;
      message: string;
      at: number;
      data: Record<string, unknown> | null;
      fromStatus?: Status | null;
      toStatus?: Status | null;
    }): Promise<Event> {
      const row = await events.insert({
        type: entry.type,
        serviceId: entry.serviceId,
        checkId: entry.checkId,
        fromStatus: entry.fromStatus ?? null,
        toStatus: entry.toStatus ?? null,
        message: entry.message,
        data: entry.data === null ? null : JSON.stringify(entry.data),
        at: entry.at,
      });
      const event = toEvent(row);
      bus.publish({ type: 'event', at: event.at, data: event });
      return event;
    },

    /**
     * Adds detail to an event already told (a container's log lines, read after its die
     * was on the timeline) and tells the bus it changed; nothing when it is gone.
     */
    async addData(id: number, extra: Record<string, unknown>): Promise<Event | null> {
      const row = await events.addData(id, extra);
      if (!row) return null;
      const event = toEvent(row);
      bus.publish({ type: 'event_updated', at: event.at, data: event });
      return event;
    },

    /** A check's status change, with the result that caused it. */
    async recordStatusChange(change: {
      serviceId: number;
      checkId: number | null;
      from: Status;
      to: Status;
      message: string;
      at: number;
      data: Record<string, unknown> | null;
    }): Promise<void> {
      await this.record({
        type: 'status_changed',
        serviceId: change.serviceId,
        checkId: change.checkId,
        fromStatus: change.from,
        toStatus: change.to,
        message: change.message,
        data: change.data,
        at: change.at,
      });
    },

    /** Who did what to whom: sign-ins, account and token changes. Never a secret. */
    async recordAudit(entry: {
      action: AuditAction;
      message: string;
      at: number;
      data: Record<string, unknown>;
    }): Promise<void> {
      await this.record({
        type: 'audit',
        serviceId: null,
        checkId: null,
        message: entry.message,
        data: { action: entry.action, ...entry.data },
        at: entry.at,
      });
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
