import type { EventService } from '../events/event.service.ts';
import type { FastifyBaseLogger } from 'fastify';
import type {
  Check,
  CheckCreate,
  CheckUpdate,
  ContainerState,
  Event,
  EventType,
  ServiceCreate,
  ServiceUpdate,
} from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ContainerRow } from '../../db/schema.ts';
import type { StatusTracker } from '../checks/status.tracker.ts';
import type { ContainerInfo, EngineClient, EngineEvent, StatsSample } from './engine.client.ts';
import { labelsHash, serviceSpecOf, specHash, type CheckSpec } from './container.labels.ts';
import {
  describeEvent,
  LOOP_WINDOW_MS,
  observationOf,
  thresholdsOf,
  type ContainerSnapshot,
} from './container.status.ts';
import type { ContainerRepository } from './container.repository.ts';

/** Restarts (die → start) within this window, this many times, are a restart loop. */
export const LOOP_RESTARTS = 3;
/** A container in a loop is out of it once it has run this long without dying. */
export const LOOP_SETTLE_MS = 2 * 60_000;
/** How long a recreated container with a new image has to run (and be healthy). */
export const UPDATE_WATCH_MS = 10 * 60_000;
/** Running this long in one go counts as having come up: a crash at start is not "running". */
export const UPDATE_SETTLE_MS = 60_000;
const LOG_LINES = 20;
/** Replayed events are recognised for this long after they were handled. */
const SEEN_WINDOW_NS = 10n * 60n * 1_000_000_000n;

/** Actions that go on the timeline; others (exec_*, attach, resize, top…) are noise here. */
const TIMELINE_ACTIONS = new Set([
  'create',
  'start',
  'stop',
  'die',
  'kill',
  'oom',
  'restart',
  'health_status',
  'pause',
  'unpause',
  'destroy',
]);

interface CheckRef {
  id: number;
  hash: string;
}

/** A container as the follower knows it between events. */
interface Followed extends ContainerSnapshot {
  row: ContainerRow;
  checks: Record<string, CheckRef>;
  tty: boolean;
  diedSinceStart: boolean;
  /** The engine's start time runningSince belongs to; `undefined` until an inspection tells. */
  runningFor: number | null | undefined;
  /** Published ports the checks were made for; undefined until seen running. */
  portsKey: string | undefined;
  /** The row holds state an event implied that is not stored yet. */
  unsaved: boolean;
  refreshing: boolean;
  /** Another event came while it was being re-read. */
  stale: boolean;
}

/** What the follower needs of the services and checks areas. */
export interface ServiceWriter {
  create(input: ServiceCreate): Promise<{ id: number }>;
  update(id: number, patch: ServiceUpdate): Promise<unknown>;
}
export interface CheckWriter {
  get(id: number): Promise<Check>;
  create(input: CheckCreate): Promise<Check>;
  update(id: number, patch: CheckUpdate): Promise<unknown>;
  delete(id: number): Promise<void>;
}

export interface FollowerDeps {
  engine: { id: number; name: string };
  client: EngineClient;
  containers: ContainerRepository;
  services: ServiceWriter;
  checks: CheckWriter;
  tracker: Pick<StatusTracker, 'record' | 'track'>;
  bus: Bus;
  /** The timeline: Docker's events are written and published through the events area. */
  events: Pick<EventService, 'record' | 'addData'>;
  clock: Clock;
  logger: FastifyBaseLogger;
  autoChecks: boolean;
  dockerIntervalSeconds: number;
  /** Stores the last event handled, "seconds.nanoseconds". */
  saveLastEvent(time: string): Promise<void>;
}

/** "1700000000123456789" → "1700000000.123456789", as the events API takes it. */
export function nanoToSince(nano: bigint): string {
  const text = nano.toString().padStart(10, '0');
  return `${text.slice(0, -9) || '0'}.${text.slice(-9)}`;
}

export function sinceToNano(since: string): bigint {
  const [seconds, fraction = ''] = since.split('.');
  return BigInt(seconds!) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0').slice(0, 9) || '0');
}

/**
 * Follows the containers of one engine: turns its events into timeline events and
 * observations of each container's docker check, keeps each container's service and
 * checks in step with its labels, and samples stats. Events are handled one at a time,
 * in the order the engine sent them.
 */
export class ContainerFollower {
  private readonly byName = new Map<string, Followed>();
  private readonly byContainerId = new Map<string, Followed>();
  /** Events handled recently, by time, id and action: a replay may send them again. */
  private readonly seen = new Map<string, bigint>();
  /** Events at or before this time were handled by an earlier run of the hub. */
  private floor = 0n;
  private last: bigint | null = null;
  private queue: Promise<void> = Promise.resolve();
  private saving: Promise<void> = Promise.resolve();
  private sampling = false;
  private savePending = false;
  private readonly refreshes = new Set<Promise<void>>();
  private readonly locks = new Map<string, Promise<void>>();

  constructor(private readonly deps: FollowerDeps) {}

  async load(lastEventTime: string | null): Promise<void> {
    if (lastEventTime) {
      this.floor = sinceToNano(lastEventTime);
      this.last = this.floor;
    }
    for (const row of await this.deps.containers.listForEngine(this.deps.engine.id)) {
      const followed = this.blank(row);
      this.byName.set(row.name, followed);
      this.byContainerId.set(row.containerId, followed);
      // Thresholds may have been edited on the check: read them back (once, at start).
      const dockerCheck = followed.checks.docker?.id;
      if (dockerCheck !== undefined && row.goneAt === null) await this.reloadCheck(dockerCheck);
    }
  }

  /** Where a new event stream should start: just after the last event handled. */
  resumeFrom(): string | null {
    return this.last === null ? null : nanoToSince(this.last);
  }

  /** Before the first event ever: events from now on are the ones to follow. */
  startFrom(nowMs: number): void {
    this.last ??= BigInt(nowMs) * 1_000_000n;
  }

  /** Queues work behind the events already queued; it never throws. */
  enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      this.deps.logger.error({ err: error, engineId: this.deps.engine.id }, 'docker work failed');
    });
    return this.queue;
  }

  async settled(): Promise<void> {
    await this.queue;
    while (this.refreshes.size > 0) await Promise.all([...this.refreshes]);
    await this.saving;
  }

  /** The in-memory figures the containers list adds to what is stored. */
  liveOf(row: ContainerRow): {
    restartLoop: boolean;
    stats: StatsSample | null;
  } {
    const followed = this.byName.get(row.name);
    return {
      restartLoop: followed?.inLoop ?? false,
      stats: followed && followed.row.state === 'running' ? followed.stats : null,
    };
  }

  /** A person deleted a service: its container is no longer followed (it is found again if it runs). */
  forgetService(serviceId: number): void {
    for (const [name, followed] of this.byName) {
      if (followed.row.serviceId !== serviceId) continue;
      this.byName.delete(name);
      this.byContainerId.delete(followed.row.containerId);
    }
  }

  /** A person edited a container's docker check: its thresholds may have changed. */
  async reloadCheck(checkId: number): Promise<void> {
    for (const followed of this.byName.values()) {
      if (followed.checks.docker?.id !== checkId) continue;
      try {
        const check = await this.deps.checks.get(checkId);
        followed.thresholds = thresholdsOf(check.config);
      } catch {
        delete followed.checks.docker;
      }
    }
  }

  onEvent(event: EngineEvent): void {
    void this.enqueue(() => this.handle(event));
  }

  /**
   * One engine event: dedupe, tell the timeline, then re-read the container. A container
   * already followed gets its event on the timeline at once, from what the event says; its
   * inspection runs beside the queue, because the engine answers it only once the container
   * is no longer busy (a stop holds it), and the next event should not wait for that.
   */
  async handle(event: EngineEvent): Promise<void> {
    if (event.Type !== 'container') return;
    // Health events read "health_status: healthy"; exec_* come with every health probe.
    const action = event.Action.startsWith('health_status') ? 'health_status' : event.Action;
    if (!TIMELINE_ACTIONS.has(action)) return;
    const nano = BigInt(event.timeNano);
    const key = `${event.timeNano}:${event.Actor.ID}:${event.Action}`;
    if (nano <= this.floor || this.seen.has(key)) return;
    this.remember(key, nano);

    const at = Number(nano / 1_000_000n);
    const containerId = event.Actor.ID;
    let followed = this.byContainerId.get(containerId);
    if (action === 'destroy') {
      if (followed && followed.row.containerId === containerId && followed.row.goneAt === null) {
        await this.markGone(followed);
      }
    } else if (!followed) {
      // First sight (or recreated under a known name): its service must exist first.
      const info = await this.inspect(containerId);
      followed = info ? await this.exclusive(info.name, () => this.sync(info)) : undefined;
    }
    if (!followed) return;

    const attributes = event.Actor.Attributes;
    const data: Record<string, unknown> = {
      engineId: this.deps.engine.id,
      containerId,
      name: attributes.name ?? followed.row.name,
      image: attributes.image ?? followed.row.image,
      action,
      engineTimeNano: event.timeNano,
    };
    let withLogs = action === 'die' || action === 'oom';
    if (action === 'die') {
      data.exitCode = attributes.exitCode === undefined ? null : Number(attributes.exitCode);
    }
    if (action === 'kill') data.signal = attributes.signal ?? null;
    if (action === 'health_status') {
      const health = event.Action.slice('health_status'.length).replace(/^:\s*/, '');
      data.health = health;
      withLogs = health === 'unhealthy';
    }
    // The event is told at once; its log lines follow. The engine answers a logs call only
    // once a stop has finished, which would hold the event (and every one after it) back.
    const enteredLoop = this.countRestart(followed, action, at);
    const told = [
      await this.timeline(
        'container',
        followed,
        describeEvent(followed.row.name, action, data),
        data,
        at,
      ),
    ];
    if (enteredLoop) {
      told.push(
        await this.timeline(
          'restart_loop',
          followed,
          `${followed.row.name} is in a restart loop: ${followed.restarts.length} restarts in ${LOOP_WINDOW_MS / 60_000} min`,
          { ...data, restarts: followed.restarts.length },
          at,
        ),
      );
    }
    if (withLogs) this.attachLogs(told, containerId, followed.tty);
    if (followed.row.containerId === containerId && followed.row.goneAt === null) {
      this.assume(followed, action, data, at);
      this.observe(followed);
      this.refresh(followed);
    } else {
      this.observe(followed);
    }
    this.lastHandled(nano);
  }

  /** What an event says of the state, until the inspection that follows confirms it. */
  private assume(followed: Followed, action: string, data: Record<string, unknown>, at: number) {
    const row = followed.row;
    const set = (patch: Partial<ContainerRow>) => {
      followed.row = { ...row, ...patch };
      followed.unsaved = true;
      if (action === 'start') {
        // The start is seen now; the inspection that follows only names its start time.
        followed.runningSince = this.deps.clock.now();
        followed.runningFor = undefined;
      } else if (followed.row.state !== 'running') {
        followed.runningSince = null;
        followed.runningFor = null;
      }
    };
    if (action === 'die') {
      followed.exitCode = (data.exitCode as number | null) ?? null;
      set({ state: 'exited' });
    } else if (action === 'start') {
      set({ state: 'running', startedAt: at, health: row.health === null ? null : 'starting' });
    } else if (action === 'health_status') {
      const health = data.health as string;
      if (health === 'healthy' || health === 'unhealthy' || health === 'starting') set({ health });
    } else if (action === 'pause') {
      set({ state: 'paused' });
    } else if (action === 'unpause') {
      set({ state: 'running' });
    }
  }

  /** Keeps runningSince in step with what an inspection says: a new start time restarts it. */
  private noteRunning(followed: Followed, startedAt: number | null): void {
    if (followed.row.state !== 'running') {
      followed.runningSince = null;
      followed.runningFor = null;
    } else if (followed.runningFor === undefined) {
      followed.runningFor = startedAt;
    } else if (followed.runningSince === null || followed.runningFor !== startedAt) {
      followed.runningSince = this.deps.clock.now();
      followed.runningFor = startedAt;
    }
  }

  /** Reads a container's last lines beside the queue and adds them to the events told. */
  private attachLogs(events: Event[], containerId: string, tty: boolean): void {
    const work = this.deps.client
      .logs(containerId, tty, LOG_LINES)
      .catch(() => [] as string[])
      .then(async (logs) => {
        for (const event of events) await this.deps.events.addData(event.id, { logs });
      })
      .catch((error: unknown) => {
        this.deps.logger.warn({ err: error, containerId }, 'attaching log lines failed');
      })
      .finally(() => this.refreshes.delete(work));
    this.refreshes.add(work);
  }

  /** Re-reads a followed container; calls while one runs fold into one more read after it. */
  private refresh(followed: Followed): void {
    if (followed.refreshing) {
      followed.stale = true;
      return;
    }
    followed.refreshing = true;
    const work = (async () => {
      do {
        followed.stale = false;
        const info = await this.inspect(followed.row.containerId);
        if (!info) break;
        await this.exclusive(info.name, () => this.sync(info));
        this.observe(followed);
        await this.watchUpdate(followed);
      } while (followed.stale);
    })()
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error, container: followed.row.name }, 'refresh failed');
      })
      .finally(() => {
        followed.refreshing = false;
        this.refreshes.delete(work);
      });
    this.refreshes.add(work);
  }

  /** Work on one container's stored record, one at a time per name. */
  private exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const before = this.locks.get(name) ?? Promise.resolve();
    const result = before.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(name, tail);
    void tail.then(() => {
      if (this.locks.get(name) === tail) this.locks.delete(name);
    });
    return result;
  }

  /** After (re)connecting: every container as the engine has it now, so nothing is missed. */
  async reconcile(): Promise<void> {
    const listed = await this.deps.client.list();
    const infos = await inBatches(listed, 8, (c) => this.deps.client.inspect(c.id));
    const present = new Set<string>();
    for (const info of infos) {
      if (!info) continue;
      present.add(info.name);
      await this.exclusive(info.name, () => this.sync(info));
    }
    const now = this.deps.clock.now();
    for (const followed of [...this.byName.values()]) {
      if (followed.row.goneAt !== null) continue;
      if (!present.has(followed.row.name)) {
        await this.markGone(followed);
        const data = { engineId: this.deps.engine.id, name: followed.row.name, action: 'destroy' };
        await this.timeline(
          'container',
          followed,
          `${followed.row.name} was removed while the hub was not watching`,
          data,
          now,
        );
      }
      this.observe(followed);
      await this.watchUpdate(followed);
    }
  }

  /** Every few seconds: conditions that change with time alone (grace, loop, update watch). */
  async tick(): Promise<void> {
    const now = this.deps.clock.now();
    for (const followed of this.byName.values()) {
      const { row } = followed;
      if (row.goneAt !== null) continue;
      if (
        followed.inLoop &&
        row.state === 'running' &&
        followed.runningSince !== null &&
        now - followed.runningSince >= LOOP_SETTLE_MS
      ) {
        followed.inLoop = false;
        followed.restarts = [];
        this.observe(followed);
      } else if (row.state === 'running' && row.health === 'starting' && followed.useHealth) {
        this.observe(followed);
      }
      await this.watchUpdate(followed);
    }
  }

  /**
   * Stats of every running container at once (each call takes a second or two: the
   * engine waits for a second reading), stored in one batch; then each container's state
   * is written as a result, so its check has history like any other.
   */
  async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const running = [...this.byName.values()].filter(
        (f) => f.row.state === 'running' && f.row.goneAt === null,
      );
      const samples = await Promise.all(
        running.map((f) => this.deps.client.stats(f.row.containerId).catch(() => null)),
      );
      const at = this.deps.clock.now();
      const rows = [];
      for (const [i, followed] of running.entries()) {
        const sample = samples[i];
        if (!sample) continue;
        followed.stats = sample;
        const { cpuPercent } = followed.thresholds;
        if (cpuPercent !== null && sample.cpuPercent > cpuPercent) followed.cpuAboveSince ??= at;
        else followed.cpuAboveSince = null;
        rows.push({ containerRef: followed.row.id, at, ...sample });
      }
      await this.deps.containers.insertStats(rows);
      // A removed container's last result stands; repeating it would only fill the table.
      for (const followed of this.byName.values()) {
        if (followed.row.goneAt === null) this.observe(followed);
      }
    } finally {
      this.sampling = false;
    }
  }

  /** Once more after a failure: a kept-alive connection may have been closed under us. */
  private async inspect(containerId: string): Promise<ContainerInfo | null> {
    try {
      return await this.deps.client.inspect(containerId);
    } catch {
      try {
        return await this.deps.client.inspect(containerId);
      } catch (error) {
        this.deps.logger.warn({ err: error, containerId }, 'inspecting a container failed');
        return null;
      }
    }
  }

  private blank(row: ContainerRow): Followed {
    return {
      row,
      checks: JSON.parse(row.checks) as Record<string, CheckRef>,
      tty: false,
      useHealth: true,
      healthOutput: null,
      exitCode: null,
      oomKilled: false,
      thresholds: thresholdsOf({}),
      restarts: [],
      diedSinceStart: false,
      inLoop: false,
      stats: null,
      cpuAboveSince: null,
      runningSince: null,
      runningFor: null,
      portsKey: undefined,
      unsaved: false,
      refreshing: false,
      stale: false,
    };
  }

  private remember(key: string, nano: bigint): void {
    this.seen.set(key, nano);
    if (this.seen.size < 2_000) return;
    const horizon = nano - SEEN_WINDOW_NS;
    for (const [k, n] of this.seen) if (n < horizon) this.seen.delete(k);
  }

  /** The last event handled is stored as soon as possible; writes coalesce under bursts. */
  private lastHandled(nano: bigint): void {
    if (this.last !== null && nano <= this.last) return;
    this.last = nano;
    if (this.savePending) return;
    this.savePending = true;
    this.saving = this.saving
      .then(async () => {
        this.savePending = false;
        await this.deps.saveLastEvent(nanoToSince(this.last!));
      })
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'storing the last docker event failed'),
      );
  }

  /** A die followed by a start is a restart; answers true when that makes a loop. */
  private countRestart(followed: Followed, action: string, at: number): boolean {
    if (action === 'die') followed.diedSinceStart = true;
    if (action !== 'start') return false;
    if (!followed.diedSinceStart) return false;
    followed.diedSinceStart = false;
    followed.restarts.push(at);
    while (followed.restarts.length > 0 && followed.restarts[0]! < at - LOOP_WINDOW_MS) {
      followed.restarts.shift();
    }
    if (followed.inLoop || followed.restarts.length < LOOP_RESTARTS) return false;
    followed.inLoop = true;
    return true;
  }

  private async markGone(followed: Followed): Promise<void> {
    const now = this.deps.clock.now();
    followed.row = { ...followed.row, state: 'gone', goneAt: now, health: null, updatedAt: now };
    followed.stats = null;
    followed.runningSince = null;
    followed.runningFor = null;
    await this.deps.containers.update(followed.row.id, {
      state: 'gone',
      goneAt: now,
      health: null,
      updatedAt: now,
    });
  }

  /**
   * Makes the stored container match what the engine says. The first sight of a name makes
   * its service and checks; a recreated container (new id) applies its labels again and,
   * with a new image, is watched until it runs.
   */
  private async sync(info: ContainerInfo): Promise<Followed | undefined> {
    const now = this.deps.clock.now();
    let followed = this.byName.get(info.name);
    const recreated =
      followed !== undefined &&
      (followed.row.containerId !== info.id || followed.row.goneAt !== null);
    // Ports are published only once a container runs: the checks they bring come then.
    const portsKey = info.ports.map((p) => `${p.hostIp}:${p.hostPort}`).join(',');
    const portsChanged =
      followed !== undefined && info.state === 'running' && followed.portsKey !== portsKey;
    if (!followed || recreated || portsChanged) {
      const spec = serviceSpecOf(info, {
        engineId: this.deps.engine.id,
        engineName: this.deps.engine.name,
        publishedHost: this.deps.client.publishedHost,
        autoChecks: this.deps.autoChecks,
        dockerIntervalSeconds: this.deps.dockerIntervalSeconds,
      });
      if (spec.ignore) return undefined;
      if (spec.problems.length > 0) {
        this.deps.logger.warn({ container: info.name, problems: spec.problems }, 'labels ignored');
      }
      const hash = labelsHash(spec);
      if (!followed) {
        followed = await this.discover(info, spec, hash, now);
        followed.thresholds = thresholdsOf(spec.checks.get('docker')!.config);
      } else {
        const row = followed.row;
        const changed = row.labelsHash !== hash;
        if (changed) {
          await this.deps.services.update(row.serviceId, {
            name: spec.name,
            description: spec.description,
            group: spec.group,
            tags: spec.tags,
          });
          followed.checks = await this.applyChecks(row.serviceId, followed.checks, spec.checks);
          followed.thresholds = thresholdsOf(spec.checks.get('docker')!.config);
        }
        const newImage = recreated && row.imageId !== info.imageId;
        const patch = {
          containerId: info.id,
          image: info.image,
          imageId: info.imageId,
          groupName: spec.group,
          labelsHash: hash,
          checks: JSON.stringify(followed.checks),
          goneAt: null,
          ...(newImage ? { previousImage: row.image, updatedImageAt: now } : {}),
          updatedAt: now,
        };
        this.byContainerId.set(info.id, followed);
        followed.row = { ...row, ...patch };
        if (recreated) {
          followed.restarts = [];
          followed.inLoop = false;
          followed.diedSinceStart = false;
        }
        if (recreated || changed) await this.deps.containers.update(row.id, patch);
      }
      followed.useHealth = spec.useHealth;
      if (info.state === 'running' || recreated) followed.portsKey = portsKey;
    }
    followed.tty = info.tty;
    followed.healthOutput = info.healthOutput;
    followed.exitCode = info.exitCode;
    followed.oomKilled = info.oomKilled;
    const state = info.state as ContainerState;
    const { row } = followed;
    if (
      followed.unsaved ||
      row.state !== state ||
      row.health !== info.health ||
      row.startedAt !== info.startedAt ||
      row.restartCount !== info.restartCount
    ) {
      const patch = {
        state,
        health: info.health,
        startedAt: info.startedAt,
        restartCount: info.restartCount,
        updatedAt: now,
      };
      followed.row = { ...row, ...patch };
      followed.unsaved = false;
      if (state !== 'running') followed.stats = null;
      await this.deps.containers.update(row.id, patch);
    }
    this.noteRunning(followed, info.startedAt);
    return followed;
  }

  private async discover(
    info: ContainerInfo,
    spec: ReturnType<typeof serviceSpecOf>,
    hash: string,
    now: number,
  ): Promise<Followed> {
    const service = await this.deps.services.create({
      name: spec.name,
      description: spec.description,
      group: spec.group,
      tags: spec.tags,
    });
    const checks = await this.applyChecks(service.id, {}, spec.checks);
    const row = await this.deps.containers.insert({
      engineId: this.deps.engine.id,
      name: info.name,
      containerId: info.id,
      serviceId: service.id,
      image: info.image,
      imageId: info.imageId,
      groupName: spec.group,
      state: info.state,
      health: info.health,
      startedAt: info.startedAt,
      restartCount: info.restartCount,
      checks: JSON.stringify(checks),
      labelsHash: hash,
      goneAt: null,
      previousImage: null,
      updatedImageAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const followed = this.blank(row);
    this.byName.set(info.name, followed);
    this.byContainerId.set(info.id, followed);
    return followed;
  }

  /** Creates, rewrites and removes the container's checks so they match its spec. */
  private async applyChecks(
    serviceId: number,
    current: Record<string, CheckRef>,
    wanted: Map<string, CheckSpec>,
  ): Promise<Record<string, CheckRef>> {
    const next: Record<string, CheckRef> = {};
    for (const [key, spec] of wanted) {
      const hash = specHash(spec);
      const existing = current[key];
      try {
        if (existing && existing.hash === hash) {
          next[key] = existing;
        } else if (existing) {
          await this.deps.checks.update(existing.id, {
            name: spec.name,
            type: spec.type,
            intervalSeconds: spec.intervalSeconds,
            retries: spec.retries,
            config: spec.config,
            ...(spec.timeoutSeconds ? { timeoutSeconds: spec.timeoutSeconds } : {}),
          });
          next[key] = { id: existing.id, hash };
        } else {
          const check = await this.deps.checks.create({
            serviceId,
            name: spec.name,
            type: spec.type,
            intervalSeconds: spec.intervalSeconds,
            timeoutSeconds: spec.timeoutSeconds,
            enabled: true,
            retries: spec.retries,
            config: spec.config,
          } as CheckCreate);
          // The state machine must know the check before its first observation arrives.
          this.deps.tracker.track({
            id: check.id,
            serviceId,
            name: check.name,
            enabled: true,
            retries: check.retries,
          });
          next[key] = { id: check.id, hash };
        }
      } catch (error) {
        this.deps.logger.warn({ err: error, serviceId, check: key }, 'container check not applied');
        if (existing) next[key] = existing;
      }
    }
    for (const [key, ref] of Object.entries(current)) {
      if (wanted.has(key)) continue;
      await this.deps.checks.delete(ref.id).catch(() => undefined);
    }
    return next;
  }

  private observe(followed: Followed): void {
    const checkId = followed.checks.docker?.id;
    if (checkId === undefined) return;
    const now = this.deps.clock.now();
    const observation = observationOf(followed, now);
    if (observation) this.deps.tracker.record(checkId, observation, now);
  }

  /** A new image has ten minutes to run (healthy, if it checks its health). */
  private async watchUpdate(followed: Followed): Promise<void> {
    const { row } = followed;
    if (row.updatedImageAt === null) return;
    const now = this.deps.clock.now();
    const health = followed.useHealth ? row.health : null;
    const settled =
      row.state === 'running' &&
      !followed.inLoop &&
      (health === null || health === 'healthy') &&
      followed.runningSince !== null &&
      now - followed.runningSince >= UPDATE_SETTLE_MS;
    if (!settled && now - row.updatedImageAt < UPDATE_WATCH_MS) return;
    if (!settled) {
      await this.timeline(
        'update_failed',
        followed,
        `${row.name} has not run${health === null ? '' : ' healthy'} in the ${UPDATE_WATCH_MS / 60_000} min since it was recreated from ${row.image}; the previous image was ${row.previousImage ?? 'unknown'}`,
        {
          engineId: this.deps.engine.id,
          name: row.name,
          image: row.image,
          previousImage: row.previousImage,
          state: row.state,
          health: row.health,
        },
        now,
      );
    }
    const patch = { previousImage: null, updatedImageAt: null };
    followed.row = { ...row, ...patch };
    await this.deps.containers.update(row.id, patch);
  }

  /** Writes an event on the timeline and tells the bus at once. */
  private async timeline(
    type: EventType,
    followed: Followed,
    message: string,
    data: Record<string, unknown>,
    at: number,
  ): Promise<Event> {
    return this.deps.events.record({
      type,
      serviceId: followed.row.serviceId,
      checkId: followed.checks.docker?.id ?? null,
      message,
      data,
      at,
    });
  }
}

/** Runs `work` over `items`, `size` at a time, keeping their order. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  }
  return results;
}
