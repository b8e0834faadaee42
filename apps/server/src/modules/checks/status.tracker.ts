import type { FastifyBaseLogger } from 'fastify';
import type { Flapping, Status } from '@homehub/contracts';
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
  /** What the check shows: the underlying status, or flapping. */
  status: Status;
  /** Failures tolerated before down. */
  retries: number;
  /** Failures in a row so far. */
  failures: number;
}

/** A stored check as the state machine follows it. */
export function trackedCheckOf(
  row: Pick<CheckRow, 'id' | 'serviceId' | 'name' | 'enabled' | 'status' | 'retries' | 'failures'>,
): TrackedCheck {
  return {
    id: row.id,
    serviceId: row.serviceId,
    name: row.name,
    enabled: row.enabled === 1,
    status: row.status as Status,
    retries: row.retries,
    failures: row.failures,
  };
}

/** The state machine's own memory of a check, beyond what is stored. */
interface Machine extends TrackedCheck {
  /** The status results alone would give, before flapping is considered. */
  underlying: Status;
  /** When the underlying status changed, within the flapping window; oldest first. */
  changes: number[];
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
    data: Record<string, unknown> | null;
  }): Promise<void>;
}

/**
 * Worst first: a service shows the most severe status among its checks. A check with no
 * result yet does not pull an up service back to pending (adding a check is not an outage).
 */
const SEVERITY: Record<Status, number> = {
  down: 6,
  flapping: 5,
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
  /** The hub's flapping rule, read on every change (it can change at run time). */
  flapping: () => Flapping;
  /** Whether a check is inside a maintenance window (answered from memory: asked per result). */
  maintenance?: (subject: { serviceId: number; checkId: number }, at: number) => boolean;
}

/**
 * The state machine: results in, statuses and events out. In memory it keeps each
 * check's and service's current status (seeded from the database at start), so a result
 * costs no query; only a change of status is written, in order.
 */
export class StatusTracker {
  private readonly checks = new Map<number, Machine>();
  /** Each service's checks: a service's status is recomputed from its own checks only. */
  private readonly checksOf = new Map<number, Set<Machine>>();
  private readonly services = new Map<number, Status>();
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly deps: Deps) {}

  async load(): Promise<void> {
    for (const row of await this.deps.checks.listStatuses()) this.follow(trackedCheckOf(row));
    for (const { id, status } of await this.deps.services.listStatuses()) {
      this.services.set(id, status);
    }
  }

  track(check: Omit<TrackedCheck, 'status' | 'failures'> & Partial<TrackedCheck>): void {
    const known = this.checks.get(check.id);
    this.follow({
      ...check,
      status: check.status ?? known?.status ?? 'pending',
      failures: check.failures ?? known?.failures ?? 0,
    });
    this.recompute(check.serviceId);
  }

  untrack(checkId: number): void {
    const known = this.checks.get(checkId);
    if (!known) return;
    this.forget(known);
    this.recompute(known.serviceId);
  }

  untrackService(serviceId: number): void {
    for (const check of this.checksOf.get(serviceId) ?? []) this.checks.delete(check.id);
    this.checksOf.delete(serviceId);
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
    // Inside a maintenance window a result is kept as it was seen but counts as maintenance:
    // neither for nor against uptime, and no alert, retry or flap comes of it.
    const maintenance =
      check.enabled &&
      (this.deps.maintenance?.({ serviceId: check.serviceId, checkId }, at) ?? false);
    const status = maintenance ? 'maintenance' : observation.status;
    writer.add({
      checkId,
      at,
      status: RESULT_CODES[status],
      latencyMs: observation.latencyMs,
      message: observation.message,
    });
    bus.publish({
      type: 'result',
      at: iso(at),
      data: { ...observation, status, checkId, serviceId: check.serviceId, at: iso(at) },
    });

    if (!check.enabled) {
      this.transition(check, 'paused', observation.message, observation, at);
      return;
    }
    if (maintenance) {
      const why = `In a maintenance window; last: ${observation.message}`;
      this.transition(check, 'maintenance', why, { ...observation, status }, at);
      return;
    }
    const underlying = this.afterRetries(check, observation);
    if (underlying !== check.underlying) {
      // Settling out of pending is not a change of mind; everything after it counts.
      if (check.underlying !== 'pending') check.changes.push(at);
      check.underlying = underlying;
    }
    const { threshold, windowMinutes } = this.deps.flapping();
    const horizon = at - windowMinutes * 60_000;
    while (check.changes.length > 0 && check.changes[0]! < horizon) check.changes.shift();

    if (check.status !== 'flapping' && check.changes.length > threshold) {
      const why = `Changed state ${check.changes.length} times in ${windowMinutes} min; last: ${observation.message}`;
      this.transition(check, 'flapping', why, observation, at);
    } else if (check.status === 'flapping' && check.changes.length > Math.floor(threshold / 2)) {
      // Still unsettled: the underlying changes are folded into the one flapping status.
    } else {
      const why =
        underlying === 'down' && check.retries > 0
          ? `${observation.message} (failed ${check.failures} times in a row)`
          : observation.message;
      this.transition(check, underlying, why, observation, at);
    }
  }

  /**
   * Moves checks into a maintenance window when it begins and out when it ends, without
   * waiting for their next result. Leaving, a check is pending until that result: what it
   * showed before the window may no longer be true, and must not raise or end an alert.
   */
  reviewMaintenance(inWindow: (check: { serviceId: number; checkId: number }) => boolean): void {
    const at = this.deps.clock.now();
    for (const check of this.checks.values()) {
      if (!check.enabled) continue;
      const inside = inWindow({ serviceId: check.serviceId, checkId: check.id });
      if (inside && check.status !== 'maintenance') {
        this.transition(check, 'maintenance', 'A maintenance window began', null, at);
      } else if (!inside && check.status === 'maintenance') {
        const why = 'The maintenance window ended; waiting for the next result';
        this.transition(check, 'pending', why, null, at);
      }
    }
  }

  /** Flushes the queue of status writes (tests and shutdown). */
  settled(): Promise<void> {
    return this.writes;
  }

  private follow(check: TrackedCheck): void {
    const known = this.checks.get(check.id);
    if (known) this.forget(known);
    const machine: Machine = {
      ...check,
      // A flapping check restarts its count: what it would be underneath is learnt anew.
      underlying: known?.underlying ?? (check.status === 'flapping' ? 'pending' : check.status),
      changes: known?.changes ?? [],
    };
    this.checks.set(check.id, machine);
    const siblings = this.checksOf.get(check.serviceId);
    if (siblings) siblings.add(machine);
    else this.checksOf.set(check.serviceId, new Set([machine]));
  }

  private forget(check: Machine): void {
    this.checks.delete(check.id);
    this.checksOf.get(check.serviceId)?.delete(check);
  }

  /**
   * A failure turns the check down only after `retries` more in a row; until then it keeps
   * its status. A success (or a slow answer) resets the count.
   */
  private afterRetries(check: Machine, observation: Observation): Status {
    const before = check.failures;
    check.failures = observation.status === 'down' ? before + 1 : 0;
    // The count is the machine's position: stored while it matters, so a restart resumes it.
    if (check.retries > 0 && check.failures !== before && check.failures <= check.retries + 1) {
      const failures = check.failures;
      this.persist(() => this.deps.checks.setFailures(check.id, failures));
    }
    if (observation.status !== 'down') return observation.status;
    return check.failures > check.retries ? 'down' : check.underlying;
  }

  /** A change of what the check shows: stored, told, and exactly one event with its cause. */
  private transition(
    check: Machine,
    to: Status,
    why: string,
    /** What a result showed; null when a window, not a result, moved the check. */
    observation: Observation | null,
    at: number,
  ): void {
    const from = check.status;
    if (from === to) return;
    check.status = to;
    const data = observation ? { result: { ...observation, at: iso(at) } } : null;
    this.persist(async () => {
      await this.deps.checks.setStatus(check.id, to, at);
      await this.deps.events.recordStatusChange({
        serviceId: check.serviceId,
        checkId: check.id,
        from,
        to,
        message: `${check.name}: ${why}`,
        at,
        data,
      });
    });
    this.deps.bus.publish({
      type: 'check',
      at: iso(at),
      data: { id: check.id, serviceId: check.serviceId, status: to },
    });
    this.recompute(check.serviceId, at);
  }

  /** A service shows the worst of its enabled checks; its change is stored and told, not an event. */
  private recompute(serviceId: number, at = this.deps.clock.now()) {
    const from = this.services.get(serviceId) ?? 'pending';
    const statuses: Status[] = [];
    for (const c of this.checksOf.get(serviceId) ?? []) if (c.enabled) statuses.push(c.status);
    const to = worstStatus(statuses);
    if (from === to) return;
    this.services.set(serviceId, to);
    this.persist(() => this.deps.services.recordStatus(serviceId, to, at));
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
