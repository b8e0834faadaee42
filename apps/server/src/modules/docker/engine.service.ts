import type { EventService } from '../events/event.service.ts';
import type { FastifyBaseLogger } from 'fastify';
import type {
  Container,
  ContainerHealth,
  ContainerState,
  ContainerStats,
  Engine,
  EngineCreate,
  EngineState,
  EngineUpdate,
  EventType,
  StatsRange,
} from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { ContainerRow, EngineRow } from '../../db/schema.ts';
import type { ContainerRepository, StatsTier } from './container.repository.ts';
import type { CheckWriter, ServiceWriter } from './container.follower.ts';
import type { EngineRepository } from './engine.repository.ts';
import { EngineWatcher, type EngineStatus } from './engine.watcher.ts';
import type { StatusTracker } from '../checks/status.tracker.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * How long each form of the stats is kept: raw samples for the hour chart, 5-minute buckets
 * for the day, hourly ones for the week, month and quarter (and a year back).
 */
export const STATS_RETENTION_MS = { raw: 2 * DAY, fiveMinute: 14 * DAY, hourly: 400 * DAY };
/** Each chart's span, where it reads from, and its buckets: a few hundred points at most. */
const STATS_WINDOWS: Record<StatsRange, { ms: number; tier: StatsTier | null; bucketMs: number }> =
  {
    '1h': { ms: HOUR, tier: null, bucketMs: 0 },
    '24h': { ms: DAY, tier: 'fiveMinute', bucketMs: 5 * 60_000 },
    '7d': { ms: 7 * DAY, tier: 'hourly', bucketMs: HOUR },
    '30d': { ms: 30 * DAY, tier: 'hourly', bucketMs: 2 * HOUR },
    '90d': { ms: 90 * DAY, tier: 'hourly', bucketMs: 6 * HOUR },
  };

interface Deps {
  engines: EngineRepository;
  containers: ContainerRepository;
  services: ServiceWriter;
  checks: CheckWriter;
  tracker: Pick<StatusTracker, 'record' | 'track'>;
  bus: Bus;
  events: Pick<EventService, 'record' | 'addData'>;
  clock: Clock;
  logger: FastifyBaseLogger;
  settings: {
    /** The local engine's address, or null when it is turned off. */
    localHost: string | null;
    statsIntervalSeconds: number;
    autoChecks: boolean;
  };
}

export function createEngineService(deps: Deps) {
  const { engines, containers, bus, clock, logger, settings } = deps;
  const watchers = new Map<number, EngineWatcher>();
  let retention: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let started = false;

  function present(row: EngineRow): Engine {
    const status = watchers.get(row.id)?.current;
    return {
      id: row.id,
      name: row.name,
      url: row.url,
      local: row.local === 1,
      state: (status?.state ?? row.state) as EngineState,
      since: iso(status?.since ?? row.stateSince ?? row.updatedAt),
      version: status?.version ?? row.version,
      lastError: status?.lastError ?? row.lastError,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    };
  }

  function presentContainer(row: ContainerRow): Container {
    const live = watchers.get(row.engineId)?.follower.liveOf(row);
    const now = clock.now();
    const running = row.state === 'running' && row.startedAt !== null;
    return {
      id: row.id,
      engineId: row.engineId,
      containerId: row.containerId,
      name: row.name,
      image: row.image,
      group: row.groupName,
      state: row.state as ContainerState,
      health: row.health as ContainerHealth | null,
      startedAt: row.startedAt === null ? null : iso(row.startedAt),
      uptimeSeconds: running ? Math.max(0, Math.floor((now - row.startedAt!) / 1000)) : null,
      restartCount: row.restartCount,
      restartLoop: live?.restartLoop ?? false,
      cpuPercent: live?.stats?.cpuPercent ?? null,
      memoryBytes: live?.stats?.memoryBytes ?? null,
      memoryLimitBytes: live?.stats?.memoryLimitBytes ?? null,
      serviceId: row.serviceId,
      goneAt: row.goneAt === null ? null : iso(row.goneAt),
    };
  }

  async function find(id: number): Promise<EngineRow> {
    const row = await engines.findById(id);
    if (!row) throw new NotFoundError('Engine');
    return row;
  }

  async function onState(engineId: number, status: EngineStatus, previous: EngineState) {
    const now = clock.now();
    await engines.update(engineId, {
      state: status.state,
      stateSince: status.since,
      version: status.version,
      lastError: status.lastError,
    });
    if (status.state === previous || status.state === 'connecting') return;
    // The first failure to connect and every change after it are worth a line on the timeline.
    const row = await engines.findById(engineId);
    if (!row) return;
    const type: EventType = 'engine';
    const message =
      status.state === 'connected'
        ? `Docker engine ${row.name} connected (version ${status.version ?? '?'})`
        : `Docker engine ${row.name} is unreachable: ${status.lastError ?? 'no answer'}`;
    await deps.events.record({
      type,
      serviceId: null,
      checkId: null,
      message,
      data: { engineId, state: status.state, error: status.lastError },
      at: now,
    });
  }

  async function watch(row: EngineRow): Promise<EngineWatcher> {
    const watcher = new EngineWatcher(row, {
      containers,
      events: deps.events,
      services: deps.services,
      checks: deps.checks,
      tracker: deps.tracker,
      bus,
      clock,
      logger,
      autoChecks: settings.autoChecks,
      statsIntervalSeconds: settings.statsIntervalSeconds,
      dockerIntervalSeconds: settings.statsIntervalSeconds > 0 ? settings.statsIntervalSeconds : 60,
      saveLastEvent: async (engineId, time) => {
        await engines.update(engineId, { lastEventTime: time });
      },
      onState,
    });
    watchers.set(row.id, watcher);
    await watcher.start();
    return watcher;
  }

  async function unwatch(id: number): Promise<void> {
    const watcher = watchers.get(id);
    watchers.delete(id);
    await watcher?.stop();
  }

  async function checkUrlFree(url: string, except?: number): Promise<void> {
    const other = await engines.findByUrl(url);
    if (other && other.id !== except) {
      throw new ConflictError(`Engine ${other.name} already reads ${url}`);
    }
  }

  /** Drops stats past each form's retention (raw samples, 5-minute and hourly buckets). */
  function sweepStats(now = clock.now()) {
    return containers.deleteStatsBefore({
      raw: now - STATS_RETENTION_MS.raw,
      fiveMinute: now - STATS_RETENTION_MS.fiveMinute,
      hourly: now - STATS_RETENTION_MS.hourly,
    });
  }

  return {
    sweepStats,
    async list(): Promise<Engine[]> {
      return (await engines.list()).map(present);
    },

    async get(id: number): Promise<Engine> {
      return present(await find(id));
    },

    async create(input: EngineCreate): Promise<Engine> {
      await checkUrlFree(input.url);
      const now = clock.now();
      const row = await engines.insert({
        name: input.name,
        url: input.url,
        local: 0,
        state: 'connecting',
        stateSince: now,
        version: null,
        lastError: null,
        lastEventTime: null,
        createdAt: now,
        updatedAt: now,
      });
      if (started) await (await watch(row)).firstAttempt();
      return present(row);
    },

    async update(id: number, patch: EngineUpdate): Promise<Engine> {
      const current = await find(id);
      if (patch.url !== undefined && patch.url !== current.url) {
        if (current.local === 1) {
          throw new ValidationError({ url: 'The local engine follows DOCKER_HOST' });
        }
        await checkUrlFree(patch.url, id);
      }
      const row = await engines.update(id, { ...patch, updatedAt: clock.now() });
      if (!row) throw new NotFoundError('Engine');
      if (started && (row.url !== current.url || row.name !== current.name)) {
        await unwatch(id);
        await (await watch(row)).firstAttempt();
      }
      return present(row);
    },

    async delete(id: number): Promise<void> {
      const row = await find(id);
      if (row.local === 1 && settings.localHost !== null) {
        throw new ConflictError(
          'The local engine comes from DOCKER_HOST; set ENABLE_DOCKER_EVENTS=false to drop it',
        );
      }
      await unwatch(id);
      await engines.delete(id);
    },

    async containersOf(engineId: number): Promise<Container[]> {
      await find(engineId);
      return (await containers.listForEngine(engineId)).map(presentContainer);
    },

    async listContainers(filter: { serviceId?: number | undefined }): Promise<Container[]> {
      return (await containers.list(filter)).map(presentContainer);
    },

    async stats(containerRef: number, range: StatsRange): Promise<ContainerStats> {
      if (!(await containers.findById(containerRef))) throw new NotFoundError('Container');
      const window = STATS_WINDOWS[range];
      const since = clock.now() - window.ms;
      const rows =
        window.tier === null
          ? await containers.rawStats(containerRef, since)
          : await containers.rolledStats(window.tier, containerRef, since, window.bucketMs);
      return {
        containerId: containerRef,
        range,
        bucketSeconds: window.bucketMs / 1000,
        points: rows.map(({ at, ...figures }) => ({ at: iso(at), ...figures })),
      };
    },

    /** The local engine is kept in step with DOCKER_HOST; every engine is then followed. */
    async start(): Promise<void> {
      started = true;
      const local = await engines.findLocal();
      const now = clock.now();
      if (settings.localHost !== null) {
        if (!local) {
          await engines.insert({
            name: 'Local',
            url: settings.localHost,
            local: 1,
            state: 'connecting',
            stateSince: now,
            version: null,
            lastError: null,
            lastEventTime: null,
            createdAt: now,
            updatedAt: now,
          });
        } else if (local.url !== settings.localHost) {
          // Another engine: what was last seen on the old one says nothing about this one.
          await engines.update(local.id, {
            url: settings.localHost,
            lastEventTime: null,
            updatedAt: now,
          });
        }
      }
      for (const row of await engines.list()) {
        if (row.local === 1 && settings.localHost === null) continue;
        await watch(row);
      }
      unsubscribe = bus.subscribe((message) => {
        if (message.type !== 'changed') return;
        const { resource, action, id, serviceId } = message.data;
        for (const watcher of watchers.values()) {
          if (resource === 'service' && action === 'deleted') {
            watcher.follower.forgetService(serviceId);
          } else if (resource === 'check' && action === 'updated') {
            void watcher.follower.enqueue(() => watcher.follower.reloadCheck(id));
          }
        }
      });
      retention = setInterval(() => {
        sweepStats().catch((error: unknown) => {
          logger.error({ err: error }, 'removing old container stats failed');
        });
      }, HOUR);
      retention.unref();
    },

    /** Resolves once every engine has been tried once (connected or found unreachable). */
    async ready(): Promise<void> {
      await Promise.all([...watchers.values()].map((w) => w.firstAttempt()));
    },

    /** Resolves when every event received so far has been handled. */
    async settled(): Promise<void> {
      await Promise.all([...watchers.values()].map((w) => w.follower.settled()));
    },

    async close(): Promise<void> {
      started = false;
      unsubscribe?.();
      clearInterval(retention);
      await Promise.all([...watchers.keys()].map(unwatch));
    },
  };
}

export type EngineService = ReturnType<typeof createEngineService>;
