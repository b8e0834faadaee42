import { z } from 'zod';
import { CHECK_CONFIGS } from './check-types/index.ts';
import { Id, ListQuery, ResultStatus, Status, Timestamp } from './common.ts';

export * from './check-types/index.ts';

export type CheckType = keyof typeof CHECK_CONFIGS;
export const CHECK_TYPES = Object.keys(CHECK_CONFIGS) as [CheckType, ...CheckType[]];
export const CheckType = z.enum(CHECK_TYPES);
export type CheckConfig<T extends CheckType = CheckType> = z.infer<(typeof CHECK_CONFIGS)[T]>;

export const MAX_INTERVAL_SECONDS = 86_400;
export const DEFAULT_INTERVAL_SECONDS = 60;
export const DEFAULT_TIMEOUT_SECONDS = 10;

const IntervalSeconds = z.int().min(1).max(MAX_INTERVAL_SECONDS);
const TimeoutSeconds = z.int().min(1).max(MAX_INTERVAL_SECONDS);
export const MAX_RETRIES = 10;
/** Failures in a row tolerated before a check turns down (with 2 it turns down at the third). */
const Retries = z.int().min(0).max(MAX_RETRIES);

const CheckCommon = z.object({
  serviceId: Id,
  name: z.string().trim().min(1).max(120),
  intervalSeconds: IntervalSeconds.default(DEFAULT_INTERVAL_SECONDS),
  /** Defaults to 10 s, or the interval when that is shorter; never above the interval. */
  timeoutSeconds: TimeoutSeconds.optional(),
  enabled: z.boolean().default(true),
  retries: Retries.default(0),
});

function variantOf<T extends CheckType>(type: T) {
  return CheckCommon.extend({ type: z.literal(type), config: CHECK_CONFIGS[type] });
}

export type CheckCreate = {
  [T in CheckType]: z.infer<typeof CheckCommon> & { type: T; config: CheckConfig<T> };
}[CheckType];
export type CheckCreateInput = {
  [T in CheckType]: z.input<typeof CheckCommon> & {
    type: T;
    config: z.input<(typeof CHECK_CONFIGS)[T]>;
  };
}[CheckType];

/** One variant per registered type, told apart by `type`; built from CHECK_CONFIGS. */
export const CheckCreate = z.discriminatedUnion(
  'type',
  CHECK_TYPES.map((type) => variantOf(type)) as unknown as [
    ReturnType<typeof variantOf>,
    ...ReturnType<typeof variantOf>[],
  ],
) as unknown as z.ZodType<CheckCreate, CheckCreateInput>;

export const CheckUpdate = z
  .object({
    name: z.string().trim().min(1).max(120),
    intervalSeconds: IntervalSeconds,
    timeoutSeconds: TimeoutSeconds,
    enabled: z.boolean(),
    retries: Retries,
    type: CheckType,
    /** The whole config for the check's type (see CheckCreate); it replaces the old one. */
    config: z.record(z.string(), z.unknown()),
  })
  .partial()
  .strict();
export type CheckUpdate = z.infer<typeof CheckUpdate>;

export const Result = z.object({
  checkId: Id,
  status: ResultStatus,
  latencyMs: z.number().nullable(),
  message: z.string(),
  at: Timestamp,
});
export type Result = z.infer<typeof Result>;

export const Check = z.object({
  id: Id,
  serviceId: Id,
  name: z.string(),
  type: CheckType,
  intervalSeconds: z.int(),
  timeoutSeconds: z.int(),
  enabled: z.boolean(),
  retries: z.int(),
  /** The type's config, as stored (see CHECK_CONFIGS); secrets in it are never sent back. */
  config: z.record(z.string(), z.unknown()),
  /** For push checks only: the secret path a job calls, relative to the hub. */
  pushUrl: z.string().nullable(),
  status: Status,
  lastResult: Result.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Check = z.infer<typeof Check>;

/** A check as a list of services carries it: what the overview shows (its results are the service's). */
export const CheckSummary = Check.pick({
  id: true,
  serviceId: true,
  name: true,
  type: true,
  enabled: true,
  status: true,
});
export type CheckSummary = z.infer<typeof CheckSummary>;

export const CheckListQuery = z.object({
  serviceId: Id.optional(),
});

export const RunCheckRequest = z.object({ checkId: Id });

/** Raw results, newest first; `since`/`until` bound them in time (inclusive, exclusive). */
export const ResultsQuery = ListQuery.extend({
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});

/** The windows a history can be asked for; each is served from the rollup tier that fits. */
export const HISTORY_RANGES = ['24h', '7d', '30d', '90d', '1y'] as const;
export const HistoryRange = z.enum(HISTORY_RANGES);
export type HistoryRange = z.infer<typeof HistoryRange>;

export const HistoryQuery = z.object({ range: HistoryRange.default('24h') });

/** One rollup bucket: counts by status and latency figures of the results in it. */
export const HistoryBucket = z.object({
  at: Timestamp,
  count: z.int(),
  up: z.int(),
  degraded: z.int(),
  down: z.int(),
  latencyMin: z.number().nullable(),
  latencyAvg: z.number().nullable(),
  latencyP95: z.number().nullable(),
  latencyMax: z.number().nullable(),
});
export type HistoryBucket = z.infer<typeof HistoryBucket>;

export const History = z.object({
  checkId: Id,
  range: HistoryRange,
  /** The width of each bucket: 60 (a minute), 3600 (an hour) or 86400 (a day). */
  bucketSeconds: z.int(),
  /** Up or degraded results as a percentage of all, or null with no results in range. */
  uptime: z.number().nullable(),
  buckets: z.array(HistoryBucket),
});
export type History = z.infer<typeof History>;

/** Uptime % over the last 24 h, 7 d and 30 d; null where there are no results yet. */
export const Uptime = z.object({
  '24h': z.number().nullable(),
  '7d': z.number().nullable(),
  '30d': z.number().nullable(),
});
export type Uptime = z.infer<typeof Uptime>;

/** What a job may tell a push check: it started, it succeeded, it failed, or its exit code. */
export const PushParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a push token'),
  signal: z
    .union([z.enum(['start', 'success', 'fail']), z.coerce.number().int().min(0).max(255)])
    .optional(),
});
export const PushQuery = z.object({
  /** A line for the result log, e.g. "backup: 3.2 GB". */
  msg: z.string().max(1000).optional(),
});
export const PushAnswer = z.object({ ok: z.literal(true) });
