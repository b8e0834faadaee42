import type { FastifyBaseLogger } from 'fastify';
import type { CheckType, LiveMessage } from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CheckRow } from '../../db/schema.ts';
import { checkTypeOf } from './check.registry.ts';
import {
  describeFailure,
  type CheckTypeDefinition,
  type Observation,
  type ProbeContext,
} from './check.types.ts';
import type { CheckRepository } from './check.repository.ts';
import { Scheduler } from './scheduler.ts';
import { trackedCheckOf, type StatusTracker } from './status.tracker.ts';

/** A check ready to run: config parsed once, not on every run. */
interface RuntimeCheck {
  id: number;
  name: string;
  definition: CheckTypeDefinition<unknown, Observation | null>;
  config: unknown;
  timeoutMs: number;
  intervalMs: number;
  /** When the check was last (re)configured: a push check expects calls from then on. */
  since: number;
}

/** The calls push checks received, as far as the runner needs them. */
export interface PushCalls {
  callsOf(checkId: number): { lastCallAt: number | null; startedAt: number | null };
}

interface Deps {
  checks: CheckRepository;
  tracker: StatusTracker;
  bus: Bus;
  clock: Clock;
  logger: FastifyBaseLogger;
  concurrency: number;
  pushes: PushCalls;
}

function toRuntime(row: CheckRow): RuntimeCheck {
  const definition = checkTypeOf(row.type as CheckType);
  return {
    id: row.id,
    name: row.name,
    definition,
    config: definition.config.parse(JSON.parse(row.config)),
    timeoutMs: row.timeoutSeconds * 1000,
    intervalMs: row.intervalSeconds * 1000,
    since: row.updatedAt,
  };
}

/**
 * Keeps the scheduler in step with the enabled checks, runs each probe under its timeout,
 * and hands every observation to the state machine.
 */
export class CheckRunner {
  private readonly active = new Map<number, RuntimeCheck>();
  private readonly scheduler: Scheduler;
  /** Every probe running now, so stop() can cut them short. */
  private readonly inFlight = new Set<AbortController>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly deps: Deps) {
    this.scheduler = new Scheduler({
      clock: deps.clock,
      concurrency: deps.concurrency,
      run: (id) => this.runScheduled(id),
    });
  }

  get scheduled(): number {
    return this.scheduler.size;
  }

  async start(): Promise<void> {
    await this.deps.tracker.load();
    for (const row of await this.deps.checks.listEnabled()) this.schedule(row);
    this.unsubscribe = this.deps.bus.subscribe((message) => this.onMessage(message));
    this.deps.logger.info({ checks: this.active.size }, 'scheduler started');
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    for (const controller of this.inFlight) controller.abort();
    await this.scheduler.stop();
  }

  /**
   * Runs a check at once (enabled or not), records and answers its result; null when the
   * check has nothing to say yet (a push check whose next call is not overdue).
   */
  async runNow(row: CheckRow): Promise<(Observation & { at: number }) | null> {
    const check = this.active.get(row.id) ?? toRuntime(row);
    if (this.deps.tracker.statusOf(row.id) === undefined) {
      this.deps.tracker.track(trackedCheckOf(row));
    }
    return this.execute(check);
  }

  private schedule(row: CheckRow, now = false): void {
    try {
      const check = toRuntime(row);
      this.active.set(row.id, check);
      const everyMs = check.definition.everyMs?.(check.intervalMs) ?? check.intervalMs;
      this.scheduler.upsert(row.id, everyMs, { now });
    } catch (error) {
      this.deps.logger.error({ err: error, checkId: row.id }, 'check cannot be scheduled');
    }
  }

  private unschedule(checkId: number): void {
    this.active.delete(checkId);
    this.scheduler.remove(checkId);
  }

  private onMessage(message: LiveMessage): void {
    if (message.type !== 'changed') return;
    const { resource, action, id, serviceId } = message.data;
    if (resource === 'service') {
      if (action === 'deleted') {
        this.deps.tracker.untrackService(serviceId);
        void this.resync();
      } else if (action === 'created') {
        this.deps.tracker.addService(id);
      }
      return;
    }
    void this.reload(id);
  }

  /** Re-reads one check after a change and (re)schedules or drops it. */
  private async reload(checkId: number): Promise<void> {
    try {
      const row = await this.deps.checks.findById(checkId);
      if (!row) {
        this.unschedule(checkId);
        this.deps.tracker.untrack(checkId);
        return;
      }
      this.deps.tracker.track(trackedCheckOf(row));
      if (row.enabled === 1) {
        // Run a new or edited check at once, so its status shows without waiting an interval.
        this.schedule(row, true);
      } else {
        this.unschedule(row.id);
      }
    } catch (error) {
      this.deps.logger.error({ err: error, checkId }, 'reloading a check failed');
    }
  }

  /** After a service is deleted its checks are gone (cascade): drop what is no longer there. */
  private async resync(): Promise<void> {
    const enabled = new Set((await this.deps.checks.listEnabled()).map((r) => r.id));
    for (const checkId of [...this.active.keys()]) {
      if (!enabled.has(checkId)) this.unschedule(checkId);
    }
  }

  /** The one wrapper every scheduled run goes through: it times, logs and never throws. */
  private async runScheduled(checkId: number): Promise<void> {
    const check = this.active.get(checkId);
    if (!check) return;
    try {
      await this.execute(check);
    } catch (error) {
      this.deps.logger.error({ err: error, checkId }, 'check run failed');
    }
  }

  private async execute(check: RuntimeCheck): Promise<(Observation & { at: number }) | null> {
    // One controller per run, aborted by its own timer or by stop(). (AbortSignal.any with
    // the long-lived shutdown signal would keep a reference per run: Node 20 never prunes it.)
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), check.timeoutMs);
    this.inFlight.add(controller);
    const at = this.deps.clock.now();
    const context: ProbeContext = { signal: controller.signal, timeoutMs: check.timeoutMs };
    if (check.definition.type === 'push') {
      const { intervalMs, since } = check;
      context.push = {
        now: at,
        intervalMs,
        watchingSince: since,
        ...this.deps.pushes.callsOf(check.id),
      };
    }
    let observation: Observation | null;
    try {
      observation = await check.definition.run(check.config, context);
    } catch (error) {
      observation = { status: 'down', latencyMs: null, message: describeFailure(error, context) };
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
    if (observation === null) return null;
    // A silent push check is judged again and again: its down is one result, not one per look.
    if (check.definition.type === 'push' && this.deps.tracker.statusOf(check.id) === 'down') {
      return { ...observation, at };
    }
    this.deps.tracker.record(check.id, observation, at);
    this.deps.logger.debug({ checkId: check.id, ...observation }, 'check ran');
    return { ...observation, at };
  }
}
