import type { ResultStatus } from '@homehub/contracts';

/**
 * Rollups: results summed into 1-minute, 1-hour and 1-day buckets. A bucket holds counts,
 * latency min/sum/max and a fixed latency histogram, so buckets merge by addition (as a
 * batch is written, and an hour from its minutes) and a p95 is read back from the histogram.
 */
export const TIERS = ['minute', 'hour', 'day'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_MS: Record<Tier, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** Upper bounds (ms) of the histogram's bins; the last bin is everything slower. */
export const LATENCY_BOUNDS = [10, 25, 50, 100, 200, 350, 500, 750, 1000, 2000, 5000] as const;
export const BIN_COUNT = LATENCY_BOUNDS.length + 1;
/** One column per bin (the tables name them; a test keeps the two lists the same length). */
export const BIN_COLUMNS = [
  'bin0',
  'bin1',
  'bin2',
  'bin3',
  'bin4',
  'bin5',
  'bin6',
  'bin7',
  'bin8',
  'bin9',
  'bin10',
  'bin11',
] as const;
export type BinColumn = (typeof BIN_COLUMNS)[number];

export interface Bucket {
  checkId: number;
  /** The bucket's start, epoch ms UTC. */
  at: number;
  count: number;
  up: number;
  degraded: number;
  down: number;
  /** How many results had a latency (a refused connection has none). */
  latencyCount: number;
  latencySum: number;
  latencyMin: number | null;
  latencyMax: number | null;
  bins: number[];
}

export interface RollupInput {
  checkId: number;
  at: number;
  status: ResultStatus;
  latencyMs: number | null;
}

export const bucketStart = (at: number, tier: Tier): number => at - (at % TIER_MS[tier]);

export function binOf(latencyMs: number): number {
  for (let i = 0; i < LATENCY_BOUNDS.length; i++) if (latencyMs <= LATENCY_BOUNDS[i]!) return i;
  return LATENCY_BOUNDS.length;
}

function emptyBucket(checkId: number, at: number): Bucket {
  return {
    checkId,
    at,
    count: 0,
    up: 0,
    degraded: 0,
    down: 0,
    latencyCount: 0,
    latencySum: 0,
    latencyMin: null,
    latencyMax: null,
    bins: new Array<number>(BIN_COUNT).fill(0),
  };
}

/** Sums a batch of results into one bucket per check and bucket start, for one tier. */
export function rollUp(results: Iterable<RollupInput>, tier: Tier): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const r of results) {
    const at = bucketStart(r.at, tier);
    const key = `${r.checkId}:${at}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = emptyBucket(r.checkId, at)));
    bucket.count++;
    // A result in maintenance is counted, but in none of the three: uptime leaves it out.
    if (r.status !== 'maintenance') bucket[r.status]++;
    if (r.latencyMs !== null) {
      bucket.latencyCount++;
      bucket.latencySum += r.latencyMs;
      bucket.latencyMin =
        bucket.latencyMin === null ? r.latencyMs : Math.min(bucket.latencyMin, r.latencyMs);
      bucket.latencyMax =
        bucket.latencyMax === null ? r.latencyMs : Math.max(bucket.latencyMax, r.latencyMs);
      bucket.bins[binOf(r.latencyMs)]!++;
    }
  }
  return [...buckets.values()];
}

/**
 * The p95 latency read from a histogram: linear within the bin that holds the 95th
 * percentile, and never outside the bucket's real min and max.
 */
export function percentileOf(
  bins: readonly number[],
  min: number | null,
  max: number | null,
  p = 0.95,
): number | null {
  if (min === null || max === null) return null;
  const total = bins.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = p * total;
  let seen = 0;
  for (let i = 0; i < bins.length; i++) {
    const inBin = bins[i]!;
    if (inBin > 0 && seen + inBin >= rank) {
      const lower = Math.max(i === 0 ? 0 : LATENCY_BOUNDS[i - 1]!, min);
      const upper = Math.min(i < LATENCY_BOUNDS.length ? LATENCY_BOUNDS[i]! : max, max);
      const value = lower + ((rank - seen) / inBin) * (upper - lower);
      return Math.round(Math.min(Math.max(value, min), max) * 10) / 10;
    }
    seen += inBin;
  }
  return max;
}

/**
 * Up or degraded as a percentage of the results that count (a slow answer is still an
 * answer); results inside a maintenance window count neither way.
 */
export function uptimePercent(counts: {
  up: number;
  degraded: number;
  down: number;
}): number | null {
  const counted = counts.up + counts.degraded + counts.down;
  if (counted === 0) return null;
  return Math.round(((counts.up + counts.degraded) / counted) * 100_000) / 1000;
}
