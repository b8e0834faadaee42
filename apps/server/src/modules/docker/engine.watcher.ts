import type { FastifyBaseLogger } from 'fastify';
import type { EngineState } from '@homehub/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { EngineRow } from '../../db/schema.ts';
import { createEngineClient, type EngineClient } from './engine.client.ts';
import { ContainerFollower, type FollowerDeps } from './container.follower.ts';

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 30_000;
const VERSION_TIMEOUT_MS = 5_000;
/** An idle event stream over a dead network link never errors: ask the engine now and then. */
const PING_EVERY_MS = 15_000;
const TICK_EVERY_MS = 5_000;

export interface EngineStatus {
  state: EngineState;
  since: number | null;
  version: string | null;
  lastError: string | null;
}

export interface WatcherDeps extends Omit<FollowerDeps, 'engine' | 'client' | 'saveLastEvent'> {
  logger: FastifyBaseLogger;
  clock: Clock;
  statsIntervalSeconds: number;
  saveLastEvent(engineId: number, time: string): Promise<void>;
  /** A change of state: stored and put on the timeline by the owner. */
  onState(engineId: number, status: EngineStatus, previous: EngineState): Promise<void>;
}

/**
 * Keeps one engine connected: follows its event stream, and when the engine goes away
 * marks it unreachable, tries again with growing pauses, resumes the stream from the
 * last event handled and then compares every container with what it knows.
 */
export class EngineWatcher {
  readonly follower: ContainerFollower;
  private readonly client: EngineClient;
  private status: EngineStatus;
  private attempt = 0;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private timers: NodeJS.Timeout[] = [];
  private unfollow: (() => void) | undefined;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly engine: EngineRow,
    private readonly deps: WatcherDeps,
  ) {
    this.client = createEngineClient(engine.url);
    this.status = {
      state: 'connecting',
      since: deps.clock.now(),
      version: engine.version,
      lastError: null,
    };
    this.follower = new ContainerFollower({
      ...deps,
      engine: { id: engine.id, name: engine.name },
      client: this.client,
      saveLastEvent: (time) => deps.saveLastEvent(engine.id, time),
    });
  }

  get current(): EngineStatus {
    return this.status;
  }

  async start(): Promise<void> {
    await this.follower.load(this.engine.lastEventTime);
    const every = (ms: number, work: () => Promise<void>) => {
      const timer = setInterval(() => {
        if (this.status.state === 'connected') void this.follower.enqueue(work);
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(TICK_EVERY_MS, () => this.follower.tick());
    if (this.deps.statsIntervalSeconds > 0) {
      // Sampling waits on the engine for seconds; it runs beside the event queue, not in it.
      const timer = setInterval(() => {
        if (this.status.state !== 'connected') return;
        this.follower.sample().catch((error: unknown) => {
          this.deps.logger.warn({ err: error, engineId: this.engine.id }, 'stats failed');
        });
      }, this.deps.statsIntervalSeconds * 1000);
      timer.unref();
      this.timers.push(timer);
    }
    const ping = setInterval(() => void this.ping(), PING_EVERY_MS);
    ping.unref();
    this.timers.push(ping);
    // The hub serves whether or not the engine answers: connecting happens behind it.
    this.connecting = this.connect();
  }

  /** Resolves once the first attempt to connect has succeeded or failed. */
  firstAttempt(): Promise<void> {
    return this.connecting ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    for (const timer of this.timers) clearInterval(timer);
    this.unfollow?.();
    this.unfollow = undefined;
    await this.connecting;
    await this.follower.settled();
    this.client.close();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    try {
      const version = await this.client.version(VERSION_TIMEOUT_MS);
      // The first time, the stream starts at the engine's own now (no clock of ours is
      // trusted to match a remote engine's); a later reconnect resumes after the last event.
      const since = this.follower.resumeFrom();
      this.follower.startFrom(this.deps.clock.now());
      const unfollow = await this.client.follow(
        since,
        (event) => this.follower.onEvent(event),
        (error) => this.lost(error),
      );
      if (this.closed) return unfollow();
      this.unfollow = unfollow;
      this.attempt = 0;
      await this.setState({ state: 'connected', version, lastError: null });
      // After the stream is open, so a change during the comparison is still an event.
      void this.follower.enqueue(() => this.follower.reconcile());
    } catch (error) {
      await this.setState({ state: 'unreachable', lastError: messageOf(error) });
      this.scheduleRetry();
    }
  }

  private lost(error: Error | null): void {
    this.unfollow = undefined;
    if (this.closed) return;
    void this.setState({
      state: 'unreachable',
      lastError: error ? messageOf(error) : 'The event stream ended',
    }).then(() => this.scheduleRetry());
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    clearTimeout(this.retry);
    const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt);
    this.attempt++;
    // Jitter, so several hubs do not knock on a restarted engine at the same instant.
    this.retry = setTimeout(
      () => {
        this.connecting = this.connect();
      },
      delay * (0.8 + Math.random() * 0.4),
    );
    this.retry.unref();
  }

  private async ping(): Promise<void> {
    if (this.status.state !== 'connected' || this.closed) return;
    try {
      await this.client.version(VERSION_TIMEOUT_MS);
    } catch (error) {
      // Cutting the stream ends it, and its end reconnects.
      const unfollow = this.unfollow;
      this.unfollow = undefined;
      unfollow?.();
      this.lost(error instanceof Error ? error : null);
    }
  }

  private async setState(next: Omit<EngineStatus, 'since' | 'version'> & { version?: string }) {
    const previous = this.status;
    if (previous.state === next.state && previous.lastError === next.lastError) return;
    this.status = {
      state: next.state,
      // "Unreachable since" is the first failure, not the latest retry.
      since: previous.state === next.state ? previous.since : this.deps.clock.now(),
      version: next.version ?? previous.version,
      lastError: next.lastError,
    };
    if (next.state !== previous.state) {
      this.deps.logger[next.state === 'connected' ? 'info' : 'warn'](
        { engineId: this.engine.id, url: this.engine.url, error: next.lastError },
        `docker engine ${next.state}`,
      );
    }
    await this.deps
      .onState(this.engine.id, this.status, previous.state)
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'storing an engine state failed'),
      );
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error.name === 'AbortError') return 'The engine did not answer in time';
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
