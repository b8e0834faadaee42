import { z } from 'zod';

const Days = z.int().min(1).max(3650);

/** How long each tier of history is kept, in days. */
export const Retention = z.object({
  /** Raw results: every run with its message. */
  rawDays: Days,
  minuteDays: Days,
  hourDays: Days,
  dayDays: Days,
});
export type Retention = z.infer<typeof Retention>;

/** A check that changes state more than `threshold` times in `windowMinutes` is flapping. */
export const Flapping = z.object({
  threshold: z.int().min(2).max(100),
  windowMinutes: z.int().min(1).max(1440),
});
export type Flapping = z.infer<typeof Flapping>;

export const StorageTier = z.object({
  tier: z.enum(['raw', 'minute', 'hour', 'day']),
  /** Rows kept at the current checks and intervals once the tier is full. */
  rows: z.int(),
  bytes: z.int(),
});

export const Settings = z.object({
  retention: Retention,
  flapping: Flapping,
  /** An estimate of the disk the history takes at these retentions, per tier and in total. */
  storage: z.object({ tiers: z.array(StorageTier), totalBytes: z.int() }),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsUpdate = z
  .object({
    retention: Retention.partial().strict(),
    flapping: Flapping.partial().strict(),
  })
  .partial()
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;
