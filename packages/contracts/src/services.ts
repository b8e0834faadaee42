import { z } from 'zod';
import { Check, CheckSummary, Result, Uptime } from './checks.ts';
import { GroupName, Id, Status, Tags, Timestamp } from './common.ts';

export const ServiceCreate = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).default(''),
  /** Null: the overview lists it under no group. */
  group: GroupName.nullable().default(null),
  tags: Tags.default([]),
});
export type ServiceCreate = z.infer<typeof ServiceCreate>;
export type ServiceCreateInput = z.input<typeof ServiceCreate>;

export const ServiceUpdate = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(2000),
    group: GroupName.nullable(),
    tags: Tags,
  })
  .partial()
  .strict();
export type ServiceUpdate = z.infer<typeof ServiceUpdate>;

export const Service = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  group: z.string().nullable(),
  tags: z.array(z.string()),
  /** The worst of its enabled checks' statuses; pending until one has a result. */
  status: Status,
  statusChangedAt: Timestamp.nullable(),
  checks: z.array(Check),
  /** The newest results across its checks, oldest first (for the overview's bar). */
  recentResults: z.array(Result),
  /** Across its checks: up or degraded results as a share of all, per window. */
  uptime: Uptime,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Service = z.infer<typeof Service>;

/** A result in a list's bar: when, how and how fast, without its message. */
export const ResultTick = Result.omit({ message: true });
/** A bar may also hold whole results (from the live stream), messages and all. */
export type ResultTick = z.infer<typeof ResultTick> & { message?: string };

/**
 * A service as lists carry it: its checks without their configs and its recent results
 * without their messages (the service itself has both).
 */
export const ServiceSummary = Service.extend({
  checks: z.array(CheckSummary),
  recentResults: z.array(ResultTick),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;
