import { Flapping, Retention, type Settings, type SettingsUpdate } from '@homehub/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { SettingsRepository } from './settings.repository.ts';

/** What the hub-wide settings are made of, without the storage estimate. */
export interface HubSettings {
  retention: Retention;
  flapping: Flapping;
}

/**
 * Bytes one row takes on disk with its index on SQLite: raw results measured with dbstat
 * by `npm run bench -- checks` (about 50); rollup rows (22 columns, stored in key order)
 * estimated from their layout. PostgreSQL rows are somewhat larger.
 */
export const BYTES_PER_ROW = { raw: 50, minute: 60, hour: 64, day: 68 } as const;

/** Rows a check adds to each tier per day at a given interval (a sparse check fills fewer buckets). */
function rowsPerDay(intervalSeconds: number) {
  const runs = 86_400 / intervalSeconds;
  return { raw: runs, minute: Math.min(runs, 1440), hour: Math.min(runs, 24), day: 1 };
}

export function estimateStorage(
  retention: Retention,
  intervals: readonly number[],
): Settings['storage'] {
  const days = {
    raw: retention.rawDays,
    minute: retention.minuteDays,
    hour: retention.hourDays,
    day: retention.dayDays,
  };
  const tiers = (['raw', 'minute', 'hour', 'day'] as const).map((tier) => {
    const rows = Math.round(
      intervals.reduce((sum, interval) => sum + rowsPerDay(interval)[tier] * days[tier], 0),
    );
    return { tier, rows, bytes: rows * BYTES_PER_ROW[tier] };
  });
  return { tiers, totalBytes: tiers.reduce((sum, t) => sum + t.bytes, 0) };
}

interface Deps {
  settings: SettingsRepository;
  clock: Clock;
  /** Every check's interval in seconds, for the storage estimate. */
  checkIntervals: () => Promise<number[]>;
  defaults: { rawDays: number };
}

/**
 * Hub-wide settings, kept in the database and cached here: the hot path (the state
 * machine's flapping rule) reads them without a query.
 */
export function createSettingsService({ settings, clock, checkIntervals, defaults }: Deps) {
  const DEFAULTS: HubSettings = {
    // Minute buckets are kept a month, not a year: a year of them weighs nearly what raw
    // results do; hours and days keep the year.
    retention: { rawDays: defaults.rawDays, minuteDays: 30, hourDays: 365, dayDays: 365 },
    flapping: { threshold: 5, windowMinutes: 10 },
  };
  let current: HubSettings = DEFAULTS;

  async function withEstimate(values: HubSettings): Promise<Settings> {
    return { ...values, storage: estimateStorage(values.retention, await checkIntervals()) };
  }

  return {
    async load(): Promise<void> {
      const stored = await settings.all();
      const read = <T>(
        key: keyof HubSettings,
        schema: { safeParse(v: unknown): { success: boolean; data?: T } },
        fallback: T,
      ): T => {
        const text = stored.get(key);
        if (text === undefined) return fallback;
        const parsed = schema.safeParse({ ...fallback, ...(JSON.parse(text) as object) });
        return parsed.success ? (parsed.data as T) : fallback;
      };
      current = {
        retention: read('retention', Retention, DEFAULTS.retention),
        flapping: read('flapping', Flapping, DEFAULTS.flapping),
      };
    },

    /** The cached settings; cheap enough for every result. */
    get current(): HubSettings {
      return current;
    },

    get: () => withEstimate(current),

    async update(patch: SettingsUpdate): Promise<Settings> {
      const next: HubSettings = {
        retention: { ...current.retention, ...patch.retention },
        flapping: { ...current.flapping, ...patch.flapping },
      };
      await settings.put(
        { retention: JSON.stringify(next.retention), flapping: JSON.stringify(next.flapping) },
        clock.now(),
      );
      current = next;
      return withEstimate(next);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
