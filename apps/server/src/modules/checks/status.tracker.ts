import type { FastifyBaseLogger } from 'fastify';
import type { Status } from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import type { CheckRow } from '../../db/schema.ts';
import type { Observation } from './check.types.ts';
import { RESULT_CODES, type CheckRepository } from './check.repository.ts';
import type { ResultWriter } from './result.writer.ts';

export interface TrackedCheck {
  id: number;
  serviceId: number;
  name: string;
  enabled: boolean;
  status: Status;
}

/** A stored check as the state machine follows it. */
export function trackedCheckOf(
  row: Pick<CheckRow, 'id' | 'serviceId' | 'name' | 'enabled' | 'status'>,
): TrackedCheck {
  return {
    id: row.id,
    serviceId: row.serviceId,
    name: row.name,
    enabled: row.enabled === 1,
    status: row.status as Status,
  };
}

/** The services area, as far as the state machine needs it. */
export interface ServiceStatusStore {
  listStatuses(): Promise<{ id: number; status: Status }[]>;
  recordStatus(serviceId: number, status: Status, at: number): Promise<void>;
}

/** The events area, as far as the state machine needs it. */
export interface StatusEventRecorder {
  recordStatusChange(change: {
    serviceId: number;
    checkId: number | null;
    from: Status;
    to: Status;
    message: string;
    at: number;
  }): Promise<void>;
}

/**
 * Worst first: a service shows the most severe status among its checks. A check with no
 * result yet does not pull an up service back to pending (adding a check is not an outage).
 */
const SEVERITY: Record<Status, number> = {
  down: 5,
  degraded: 4,
  up: 3,
  pending: 2,
  maintenance: 1,
  paused: 0,
};

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status | undefined;
  for (const status of statuses) {
    if (worst === undefined || SEVERITY[status] > SEVERITY[worst]) worst = status;
  }
  return worst ?? 'pending';
}

interface Deps {
  checks: CheckRepository;
  services: ServiceStatusStore;
  events: StatusEventRecorder;
  writer: ResultWriter;
  bus: Bus;
  clock: Clock;
  logger: FastifyBaseLogger;
}

/**
 * The state machine: results in, statuses and events out. In memory it keeps each
 * check's and service's current status (seeded from the database at start), so a result
 * costs no query; only a change of status is written, in order.
 */
export class StatusTracker {
  private readonly checks = new Map<number, TrackedCheck>();
  private readonly services = new Map<number, Status>();
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly deps: Deps) {}

  async load(): Promise<void> {
    for (const row of await this.deps.checks.listStatuses()) {
      this.checks.set(row.id, trackedCheckOf(row));
    }
    for (const { id, status } of await this.deps.services.listStatuses()) {
      this.services.set(id, status);
    }
  }

  track(check: Omit<TrackedCheck, 'status'> & { status?: Status }): void {
    const known = this.checks.get(check.id);
    this.checks.set(check.id, { ...check, status: check.status ?? known?.status ?? 'pending' });
    this.recompute(check.serviceId, null, `Check "${check.name}" changed`);
  }

  untrack(checkId: number): void {
    const known = this.checks.get(checkId);
    if (!known) return;
    this.checks.delete(checkId);
    this.recompute(known.serviceId, null, `Check "${known.name}" removed`);
  }

  untrackService(serviceId: number): void {
    for (const check of this.checks.values()) {
      if (check.serviceId === serviceId) this.checks.delete(check.id);
    }
    this.services.delete(serviceId);
  }

  addService(serviceId: number): void {
    if (!this.services.has(serviceId)) this.services.set(serviceId, 'pending');
  }

  statusOf(checkId: number): Status | undefined {
    return this.checks.get(checkId)?.status;
  }

  /** Records one observation: batch it, publish it, and move the state machine. */
  record(checkId: number, observation: Observation, at = this.deps.clock.now()): void {
    const { bus, writer } = this.deps;
    const check = this.checks.get(checkId);
    if (!check) return; // deleted while it ran
    writer.add({
      checkId,
      at,
      status: RESULT_CODES[observation.status],
      latencyMs: observation.latencyMs,
      message: observation.message,
    });
    bus.publish({
      type: 'result',
      at: iso(at),
      data: { ...observation, checkId, serviceId: check.serviceId, at: iso(at) },
    });

    const next: Status = check.enabled ? observation.status : 'paused';
    if (next === check.status) return;
    check.status = next;
    this.persist(() => this.deps.checks.setStatus(checkId, next, at));
    bus.publish({
      type: 'check',
      at: iso(at),
      data: { id: checkId, serviceId: check.serviceId, status: next },
    });
    this.recompute(check.serviceId, checkId, `${check.name}: ${observation.message}`, at);
  }

  /** Flushes the queue of status writes (tests and shutdown). */
  settled(): Promise<void> {
    return this.writes;
  }

  private recompute(
    serviceId: number,
    checkId: number | null,
    why: string,
    at = this.deps.clock.now(),
  ) {
    const from = this.services.get(serviceId) ?? 'pending';
    const to = worstStatus(
      [...this.checks.values()]
        .filter((c) => c.serviceId === serviceId && c.enabled)
        .map((c) => c.status),
    );
    if (from === to) return;
    this.services.set(serviceId, to);
    this.persist(async () => {
      await this.deps.services.recordStatus(serviceId, to, at);
      await this.deps.events.recordStatusChange({ serviceId, checkId, from, to, message: why, at });
    });
  }

  /** Status writes are rare and must land in order, so they queue behind each other. */
  private persist(write: () => Promise<void>): void {
    this.writes = this.writes
      .then(write)
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'writing a status change failed'),
      );
  }
}
