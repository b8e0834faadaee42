import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { TestNotificationResult } from '@homehub/contracts';
import { iso, type Clock } from '../../platform/clock.ts';
import type { AlertNotificationRow } from '../../db/schema.ts';
import type { AlertRepository } from './alert.repository.ts';
import type { ChannelService, StoredChannel } from './channel.service.ts';
import { notifierOf } from './notifier.registry.ts';
import type { AlertMessage } from './notifier.types.ts';

export interface DeliveryTimings {
  /** Attempts before a notification is marked failed. */
  maxAttempts: number;
  /** The first retry's delay; each later one doubles, with jitter, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** One attempt's limit. */
  timeoutMs: number;
}

export const DEFAULT_DELIVERY: DeliveryTimings = {
  maxAttempts: 6,
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  timeoutMs: 15_000,
};

interface Deps {
  alerts: AlertRepository;
  channels: ChannelService;
  clock: Clock;
  logger: FastifyBaseLogger;
  timings?: DeliveryTimings;
  /**
   * SQLite: this process is the only one on the database, so a lease found at start was
   * held by a run that was killed mid-send, and its send is due now rather than when the
   * lease would run out. PostgreSQL may have other hubs sending: their leases stand.
   */
  soleOwner: boolean;
}

const POLL_MS = 1_000;
const BATCH = 20;

/**
 * "Full jitter" halves at most: retries from many hubs (or many channels after one outage)
 * spread out instead of arriving together, yet each waits at least half its step.
 */
export function backoffMs(
  attempt: number,
  timings: DeliveryTimings,
  random = Math.random(),
): number {
  const step = Math.min(timings.maxDelayMs, timings.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step * (0.5 + random / 2));
}

/**
 * Sends what the outbox holds. Each notification is leased before it is sent, so two hubs
 * never send it at once and a hub that dies mid-send leaves it for the next one when the
 * lease runs out; a hub that is closed gives its leases back at once.
 */
export class DeliveryWorker {
  private readonly timings: DeliveryTimings;
  private readonly stopping = new AbortController();
  private timer: ReturnType<typeof setInterval> | undefined;
  private draining: Promise<void> | undefined;
  private again = false;

  constructor(private readonly deps: Deps) {
    this.timings = deps.timings ?? DEFAULT_DELIVERY;
  }

  private get leaseMs() {
    return this.timings.timeoutMs + 30_000;
  }

  async start(): Promise<void> {
    if (this.deps.soleOwner) await this.deps.alerts.releaseLeases(this.deps.clock.now());
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Looks at the outbox now (something was queued). */
  kick(): void {
    if (this.stopping.signal.aborted) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'delivering notifications failed'),
      )
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await this.draining;
  }

  /** Resolves once nothing is being sent (tests). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const now = this.deps.clock.now();
      const due = await this.deps.alerts.dueNotifications(now, BATCH);
      const mine: AlertNotificationRow[] = [];
      for (const row of due) {
        if (await this.deps.alerts.lease(row.id, now, now + this.leaseMs)) mine.push(row);
      }
      if (mine.length === 0 || this.stopping.signal.aborted) return;
      await Promise.all(mine.map((row) => this.deliver(row)));
      if (due.length < BATCH) return;
    }
  }

  private async deliver(row: AlertNotificationRow): Promise<void> {
    const { alerts, clock } = this.deps;
    const channel =
      row.channelId === null ? undefined : await this.deps.channels.stored(row.channelId);
    const attempts = row.attempts + 1;
    if (!channel || !channel.enabled) {
      const error = channel ? 'The channel is disabled' : 'The channel was deleted';
      await alerts.finishAttempt(
        row.id,
        { at: clock.now(), ok: false, error, durationMs: 0 },
        { status: 'failed', attempts },
      );
      await this.tell(row, `Not sent to "${row.channelName}": ${error.toLowerCase()}`);
      return;
    }
    const { result, durationMs } = await this.send(
      channel,
      JSON.parse(row.payload) as AlertMessage,
    );
    const now = clock.now();
    const attempt = { at: now, ok: result.ok, error: result.ok ? null : result.error, durationMs };
    if (result.ok) {
      await alerts.finishAttempt(row.id, attempt, { status: 'sent', sentAt: now, attempts });
      await this.tell(row, `Sent the ${row.kind} message to "${channel.name}"`);
    } else if (this.stopping.signal.aborted) {
      // Interrupted by shutdown: not the receiver's fault, so it does not count against it.
      await alerts.finishAttempt(
        row.id,
        { ...attempt, error: 'Interrupted: the hub stopped; the next start sends it' },
        { nextAttemptAt: now },
      );
    } else if (attempts >= this.timings.maxAttempts) {
      await alerts.finishAttempt(row.id, attempt, { status: 'failed', attempts });
      await this.tell(
        row,
        `Gave up on "${channel.name}" after ${attempts} attempts: ${result.error}`,
      );
    } else {
      const delay = backoffMs(attempts, this.timings);
      await alerts.finishAttempt(row.id, attempt, { attempts, nextAttemptAt: now + delay });
      await this.tell(
        row,
        `"${channel.name}" failed (attempt ${attempts} of ${this.timings.maxAttempts}): ${result.error}; retrying at ${iso(now + delay)}`,
      );
    }
  }

  private async send(channel: StoredChannel, message: AlertMessage) {
    const started = performance.now();
    const signal = AbortSignal.any([
      AbortSignal.timeout(this.timings.timeoutMs),
      this.stopping.signal,
    ]);
    const result = await notifierOf(channel.type)
      .send(message, channel.config, signal)
      .catch((error: unknown) => ({
        ok: false as const,
        error: error instanceof Error ? error.message : String(error),
      }));
    return { result, durationMs: Math.round(performance.now() - started) };
  }

  private async tell(row: AlertNotificationRow, text: string): Promise<void> {
    const ids = await this.deps.alerts.alertIdsOf(row.id);
    const at = this.deps.clock.now();
    await this.deps.alerts.addTrail(ids.map((alertId) => ({ alertId, at, text })));
  }

  /**
   * A test message through the real channel, answered with what its receiver said. It is
   * written to the outbox like any other, so the attempt shows, but never retried.
   */
  async test(channel: StoredChannel): Promise<TestNotificationResult> {
    const now = this.deps.clock.now();
    const idempotencyKey = randomUUID();
    const message: AlertMessage = {
      kind: 'test',
      title: `[TEST] Home Hub Monitor can reach "${channel.name}"`,
      rule: null,
      alerts: [
        {
          id: 0,
          state: 'resolved',
          kind: 'test',
          title: 'Test message',
          message: 'Sent from the dashboard to check this channel; nothing is wrong.',
          serviceId: null,
          checkId: null,
          startedAt: iso(now),
          resolvedAt: iso(now),
        },
      ],
      idempotencyKey,
      createdAt: iso(now),
    };
    const row = await this.deps.alerts.queue(
      {
        groupKey: null,
        channelId: channel.id,
        channelName: channel.name,
        kind: 'test',
        status: 'pending',
        idempotencyKey,
        payload: JSON.stringify(message),
        nextAttemptAt: null,
        // Held by this request: the outbox worker leaves it alone.
        leaseUntil: now + this.leaseMs,
        createdAt: now,
        sentAt: null,
      },
      [],
    );
    const { result, durationMs } = await this.send(channel, message);
    const at = this.deps.clock.now();
    await this.deps.alerts.finishAttempt(
      row.id,
      { at, ok: result.ok, error: result.ok ? null : result.error, durationMs },
      result.ok ? { status: 'sent', sentAt: at, attempts: 1 } : { status: 'failed', attempts: 1 },
    );
    return { ok: result.ok, error: result.ok ? null : result.error, durationMs };
  }
}
