import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

/** Where an engine listens: its socket, or a TCP address (a socket proxy). */
export const EngineUrl = z
  .string()
  .trim()
  .max(500)
  .regex(
    /^(unix:\/\/\/\S+|(tcp|http|https):\/\/[^/\s:]+(:\d{1,5})?\/?)$/,
    'Must be unix:///path/to/docker.sock or tcp://host:port',
  );

export const EngineCreate = z.object({
  name: z.string().trim().min(1).max(120),
  url: EngineUrl,
});
export type EngineCreate = z.infer<typeof EngineCreate>;

export const EngineUpdate = EngineCreate.partial().strict();
export type EngineUpdate = z.infer<typeof EngineUpdate>;

export const ENGINE_STATES = ['connecting', 'connected', 'unreachable'] as const;
export const EngineState = z.enum(ENGINE_STATES);
export type EngineState = z.infer<typeof EngineState>;

export const Engine = z.object({
  id: Id,
  name: z.string(),
  url: z.string(),
  /** The engine from DOCKER_HOST, kept in step with it at each start. */
  local: z.boolean(),
  state: EngineState,
  /** Since when it has been in this state. */
  since: Timestamp.nullable(),
  /** The engine's version, once it has answered. */
  version: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Engine = z.infer<typeof Engine>;

export const CONTAINER_STATES = [
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
  'gone',
] as const;
export const ContainerState = z.enum(CONTAINER_STATES);
export type ContainerState = z.infer<typeof ContainerState>;

export const ContainerHealth = z.enum(['starting', 'healthy', 'unhealthy']);
export type ContainerHealth = z.infer<typeof ContainerHealth>;

export const Container = z.object({
  /** The hub's id for the container: it stays when the container is recreated. */
  id: Id,
  engineId: Id,
  /** The engine's id of the current container. */
  containerId: z.string(),
  name: z.string(),
  image: z.string(),
  /** From homehub.group or the Compose project. */
  group: z.string().nullable(),
  state: ContainerState,
  /** Null without a HEALTHCHECK. */
  health: ContainerHealth.nullable(),
  startedAt: Timestamp.nullable(),
  uptimeSeconds: z.int().nullable(),
  restartCount: z.int(),
  /** In a restart loop now. */
  restartLoop: z.boolean(),
  /** Percent of one core, from the last sample; null when not running or not sampled yet. */
  cpuPercent: z.number().nullable(),
  memoryBytes: z.number().nullable(),
  memoryLimitBytes: z.number().nullable(),
  serviceId: Id,
  /** When the container was removed; its service and history stay until deleted. */
  goneAt: Timestamp.nullable(),
});
export type Container = z.infer<typeof Container>;

export const ContainerListQuery = z.object({ serviceId: Id.optional() });

export const STATS_RANGES = ['1h', '24h', '7d', '30d', '90d'] as const;
export const StatsRange = z.enum(STATS_RANGES);
export type StatsRange = z.infer<typeof StatsRange>;
export const StatsQuery = z.object({ range: StatsRange.default('1h') });

/** One sample, or the average of the samples in a bucket (byte counters: the last value). */
export const StatsPoint = z.object({
  at: Timestamp,
  cpuPercent: z.number(),
  /** The highest sample in the bucket (for a single sample, itself). */
  cpuMaxPercent: z.number(),
  memoryBytes: z.number(),
  memoryMaxBytes: z.number(),
  memoryLimitBytes: z.number(),
  /** Counters since the container started. */
  netRxBytes: z.number(),
  netTxBytes: z.number(),
  blockReadBytes: z.number(),
  blockWriteBytes: z.number(),
});
export type StatsPoint = z.infer<typeof StatsPoint>;

export const ContainerStats = z.object({
  containerId: Id,
  range: StatsRange,
  /** 0 for raw samples. */
  bucketSeconds: z.int(),
  points: z.array(StatsPoint),
});
export type ContainerStats = z.infer<typeof ContainerStats>;
