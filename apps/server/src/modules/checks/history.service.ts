import type { History, HistoryRange, Result, Uptime } from '@homehub/contracts';
import { iso, type Clock } from '../../platform/clock.ts';
import { decodeCursor, toPage, type Page } from '../../platform/pagination.ts';
import type { RollupRow } from '../../db/schema.ts';
import type { HistoryRepository } from './history.repository.ts';
import {
  BIN_COLUMNS,
  TIER_MS,
  bucketStart,
  percentileOf,
  uptimePercent,
  type Tier,
} from './rollup.ts';
import { toResult } from './check.service.ts';

const DAY = 86_400_000;

/** Each range is served by the tier that gives it a chart-sized number of buckets. */
const RANGES: Record<HistoryRange, { tier: Tier; spanMs: number }> = {
  '24h': { tier: 'minute', spanMs: DAY },
  '7d': { tier: 'hour', spanMs: 7 * DAY },
  '30d': { tier: 'hour', spanMs: 30 * DAY },
  '90d': { tier: 'day', spanMs: 90 * DAY },
  '1y': { tier: 'day', spanMs: 365 * DAY },
};

/**
 * The uptime windows a service carries, and the tier each is summed from. Whole buckets:
 * 24 h is the last 24 hours and this one so far; 7 d and 30 d are whole UTC days and today
 * so far (a day's buckets are 24 times fewer rows to sum than hours, on every list).
 */
const UPTIME_WINDOWS: [keyof Uptime, Tier, number][] = [
  ['24h', 'hour', DAY],
  ['7d', 'day', 7 * DAY],
  ['30d', 'day', 30 * DAY],
];

const round1 = (n: number) => Math.round(n * 10) / 10;

function toBucket(row: RollupRow) {
  return {
    at: iso(row.at),
    count: row.count,
    up: row.up,
    degraded: row.degraded,
    down: row.down,
    latencyMin: row.latencyMin,
    latencyAvg: row.latencyCount > 0 ? round1(row.latencySum / row.latencyCount) : null,
    latencyP95: percentileOf(
      BIN_COLUMNS.map((column) => row[column]),
      row.latencyMin,
      row.latencyMax,
    ),
    latencyMax: row.latencyMax,
  };
}

interface Deps {
  history: HistoryRepository;
  clock: Clock;
}

/** Reads results and rollups; never writes (the result writer and retention job do). */
export function createHistoryService({ history, clock }: Deps) {
  return {
    async results(
      checkId: number,
      query: {
        limit: number;
        cursor?: string | undefined;
        since?: string | undefined;
        until?: string | undefined;
      },
    ): Promise<Page<Result>> {
      const rows = await history.results({
        checkId,
        sinceMs: query.since ? Date.parse(query.since) : undefined,
        untilMs: query.until ? Date.parse(query.until) : undefined,
        beforeMs: decodeCursor(query.cursor, 'at'),
        limit: query.limit + 1,
      });
      const page = toPage(rows, query.limit, (r) => r.at, 'at');
      return { ...page, results: page.results.map(toResult) };
    },

    async history(checkId: number, range: HistoryRange): Promise<History> {
      const { tier, spanMs } = RANGES[range];
      const since = bucketStart(clock.now() - spanMs, tier);
      const rows = await history.buckets(checkId, tier, since);
      const totals = rows.reduce(
        (sum, r) => ({
          count: sum.count + r.count,
          up: sum.up + r.up,
          degraded: sum.degraded + r.degraded,
          down: sum.down + r.down,
        }),
        { count: 0, up: 0, degraded: 0, down: 0 },
      );
      return {
        checkId,
        range,
        bucketSeconds: TIER_MS[tier] / 1000,
        uptime: uptimePercent(totals),
        buckets: rows.map(toBucket),
      };
    },

    /** Uptime per service for 24 h, 7 d and 30 d, summed across each service's checks. */
    async uptime(serviceIds: number[]): Promise<Map<number, Uptime>> {
      const now = clock.now();
      const byService = new Map<number, Uptime>(
        serviceIds.map((id) => [id, { '24h': null, '7d': null, '30d': null }]),
      );
      // One after another: SQLite has one connection, so parallel queries would only queue.
      const windows = [];
      for (const [, tier, spanMs] of UPTIME_WINDOWS) {
        windows.push(await history.uptimeCounts(serviceIds, tier, bucketStart(now - spanMs, tier)));
      }
      windows.forEach((counts, i) => {
        const window = UPTIME_WINDOWS[i]![0];
        for (const c of counts) {
          const uptime = byService.get(c.serviceId);
          if (uptime) uptime[window] = uptimePercent(c);
        }
      });
      return byService;
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
