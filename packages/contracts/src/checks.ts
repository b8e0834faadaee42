import { z } from 'zod';
import { Id, ResultStatus, Status, Timestamp } from './common.ts';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** "200", "2xx" or "200-299". */
export const StatusCodePattern = z
  .string()
  .regex(
    /^([1-5]xx|[1-5]\d\d(-[1-5]\d\d)?)$/,
    'Use a code (200), a class (2xx) or a range (200-299)',
  );

export const HttpConfig = z.object({
  url: z.url({ protocol: /^https?$/, error: 'Must be an http:// or https:// URL' }).max(2048),
  method: z.enum(HTTP_METHODS).default('GET'),
  expectedStatus: z.array(StatusCodePattern).min(1).max(20).default(['2xx']),
});
export type HttpConfig = z.infer<typeof HttpConfig>;

export const TcpConfig = z.object({
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:_-]+$/, 'Must be a host name or an IP address'),
  port: z.coerce.number().int().min(1).max(65535),
});
export type TcpConfig = z.infer<typeof TcpConfig>;

/** Each check type's config schema; a new type adds one line here and one to the server's registry. */
export const CHECK_CONFIGS = {
  http: HttpConfig,
  tcp: TcpConfig,
} as const;
export type CheckType = keyof typeof CHECK_CONFIGS;
export const CheckType = z.enum(Object.keys(CHECK_CONFIGS) as [CheckType, ...CheckType[]]);

export const MAX_INTERVAL_SECONDS = 86_400;
export const DEFAULT_INTERVAL_SECONDS = 60;
export const DEFAULT_TIMEOUT_SECONDS = 10;

const IntervalSeconds = z.int().min(1).max(MAX_INTERVAL_SECONDS);
const TimeoutSeconds = z.int().min(1).max(MAX_INTERVAL_SECONDS);

const CheckCommon = z.object({
  serviceId: Id,
  name: z.string().trim().min(1).max(120),
  intervalSeconds: IntervalSeconds.default(DEFAULT_INTERVAL_SECONDS),
  /** Defaults to 10 s, or the interval when that is shorter; never above the interval. */
  timeoutSeconds: TimeoutSeconds.optional(),
  enabled: z.boolean().default(true),
});

export const CheckCreate = z.discriminatedUnion('type', [
  CheckCommon.extend({ type: z.literal('http'), config: HttpConfig }),
  CheckCommon.extend({ type: z.literal('tcp'), config: TcpConfig }),
]);
export type CheckCreate = z.infer<typeof CheckCreate>;

export const CheckUpdate = z
  .object({
    name: z.string().trim().min(1).max(120),
    intervalSeconds: IntervalSeconds,
    timeoutSeconds: TimeoutSeconds,
    enabled: z.boolean(),
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
  config: z.union([HttpConfig, TcpConfig]),
  status: Status,
  lastResult: Result.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Check = z.infer<typeof Check>;

export const CheckListQuery = z.object({
  serviceId: Id.optional(),
});

export const RunCheckRequest = z.object({ checkId: Id });

export const ResultsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
