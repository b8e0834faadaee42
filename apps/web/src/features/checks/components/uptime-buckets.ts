import type { History, HistoryRange } from '@homehub/contracts';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RANGE_SECONDS: Record<HistoryRange, number> = {
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  '90d': 90 * DAY,
  '1y': 365 * DAY,
};

/** More bars than this turn into a grey comb on a phone; the bars get wider instead. */
export const MAX_BARS = 90;

/** Bar widths a person reads at a glance ("20 min", "2 h", "5 d"), smallest first. */
const NICE_SECONDS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  20 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  4 * HOUR,
  6 * HOUR,
  8 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  3 * DAY,
  5 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

/**
 * A share that exists is drawn at least this tall, so one failure among a thousand results
 * still shows as a red cap rather than vanishing under a rounding error.
 */
export const MIN_SHARE = 0.2;

/**
 * How wide one bar is: the smallest nice width that is a whole number of buckets and keeps the
 * range within MAX_BARS (plus the one partly elapsed bar at each end).
 */
export function barSecondsFor(
  rangeSeconds: number,
  bucketSeconds: number,
  maxBars: number = MAX_BARS,
): number {
  const least = Math.max(bucketSeconds, rangeSeconds / maxBars);
  return (
    NICE_SECONDS.find((s) => s >= least && s % bucketSeconds === 0) ??
    Math.ceil(least / bucketSeconds) * bucketSeconds
  );
}

export type BarTone = 'none' | 'up' | 'degraded' | 'down' | 'maintenance';

export interface UptimeBar {
  /** Epoch milliseconds; the bar covers [start, end). */
  start: number;
  end: number;
  count: number;
  up: number;
  degraded: number;
  down: number;
  /** Up or degraded as a percentage of all, like the server's uptime; null without results. */
  uptime: number | null;
  /** Fractions of the bar's height, summing to 1 when it has results (0 when it has none). */
  shares: { up: number; degraded: number; down: number };
  /** The worst status in the bar, for the accessible summary and tests. */
  tone: BarTone;
}

function sharesOf(count: number, up: number, degraded: number, down: number) {
  if (count === 0) return { up: 0, degraded: 0, down: 0 };
  const lift = (n: number) => (n === 0 ? 0 : Math.max(MIN_SHARE, n / count));
  let bad = { degraded: lift(degraded), down: lift(down) };
  const total = bad.degraded + bad.down;
  // Both lifted past the whole bar (a little degraded, the rest down): keep their ratio.
  if (total > 1) bad = { degraded: bad.degraded / total, down: bad.down / total };
  const rest = Math.max(0, 1 - bad.degraded - bad.down);
  // With no up results at all the remainder goes to the bad shares, not to a green sliver.
  if (up === 0 && rest > 0) {
    const scale = 1 / (bad.degraded + bad.down);
    return { up: 0, degraded: bad.degraded * scale, down: bad.down * scale };
  }
  return { up: rest, ...bad };
}

function toneOf(count: number, degraded: number, down: number): BarTone {
  if (count === 0) return 'none';
  if (down > 0) return 'down';
  return degraded > 0 ? 'degraded' : 'up';
}

/**
 * Groups a history's buckets into the bars of a status-page strip covering the range up to
 * `now`. Bars are aligned to whole multiples of their width (so they do not shift as time
 * passes); the first and last may be partly outside the range.
 */
export function groupBuckets(
  history: Pick<History, 'bucketSeconds' | 'buckets'>,
  range: HistoryRange,
  now: number,
): UptimeBar[] {
  const barMs = barSecondsFor(RANGE_SECONDS[range], history.bucketSeconds) * 1000;
  const end = Math.floor(now / barMs) * barMs + barMs;
  const count = Math.ceil((end - (now - RANGE_SECONDS[range] * 1000)) / barMs);
  const start = end - count * barMs;
  const sums = Array.from({ length: count }, () => ({ count: 0, up: 0, degraded: 0, down: 0 }));
  for (const bucket of history.buckets) {
    // A bucket outside the strip (clock skew, a window edge) is folded into the nearest bar.
    const index = Math.min(
      count - 1,
      Math.max(0, Math.floor((Date.parse(bucket.at) - start) / barMs)),
    );
    const sum = sums[index]!;
    sum.count += bucket.count;
    sum.up += bucket.up;
    sum.degraded += bucket.degraded;
    sum.down += bucket.down;
  }
  return sums.map((sum, i) => {
    // Results inside a maintenance window count neither for nor against uptime; a bar of
    // nothing else shows as maintenance.
    const counted = sum.up + sum.degraded + sum.down;
    const onlyMaintenance = counted === 0 && sum.count > 0;
    return {
      start: start + i * barMs,
      end: start + (i + 1) * barMs,
      ...sum,
      uptime: counted === 0 ? null : ((sum.up + sum.degraded) / counted) * 100,
      shares: sharesOf(counted, sum.up, sum.degraded, sum.down),
      tone: onlyMaintenance ? 'maintenance' : toneOf(counted, sum.degraded, sum.down),
    };
  });
}
