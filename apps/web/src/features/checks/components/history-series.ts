import type { History, HistoryBucket } from '@homehub/contracts';

/** The chart's columns, aligned: uPlot takes x in seconds and one array per series. */
export interface HistorySeries {
  xs: number[];
  avg: (number | null)[];
  p95: (number | null)[];
  min: (number | null)[];
  max: (number | null)[];
  /** The bucket behind each x, or null where a gap was inserted. */
  buckets: (HistoryBucket | null)[];
}

/**
 * Turns buckets into chart columns. Empty buckets are absent from the API, so where one or
 * more are missing a null point is inserted: the line breaks there instead of drawing a
 * straight segment across a stretch with no results.
 */
export function toHistorySeries({ buckets, bucketSeconds }: History): HistorySeries {
  const series: HistorySeries = { xs: [], avg: [], p95: [], min: [], max: [], buckets: [] };
  let previous: number | null = null;
  for (const bucket of buckets) {
    const x = Date.parse(bucket.at) / 1000;
    if (previous !== null && x - previous > bucketSeconds * 1.5) {
      series.xs.push(previous + bucketSeconds);
      series.avg.push(null);
      series.p95.push(null);
      series.min.push(null);
      series.max.push(null);
      series.buckets.push(null);
    }
    series.xs.push(x);
    series.avg.push(bucket.latencyAvg);
    series.p95.push(bucket.latencyP95);
    series.min.push(bucket.latencyMin);
    series.max.push(bucket.latencyMax);
    series.buckets.push(bucket);
    previous = x;
  }
  return series;
}

/**
 * Indices of values with no neighbour to draw a line to: a lone bucket between gaps (or a new
 * check's first one) would otherwise not show at all, since lines need two points.
 */
export function isolatedIndices(values: readonly (number | null)[]): number[] {
  const isolated: number[] = [];
  values.forEach((value, i) => {
    if (value === null) return;
    const before = i > 0 ? values[i - 1] : null;
    const after = i < values.length - 1 ? values[i + 1] : null;
    if ((before ?? null) === null && (after ?? null) === null) isolated.push(i);
  });
  return isolated;
}

/** The scale's top: room above the p95 line; the min–max band may be clipped by spikes. */
export function latencyTop(series: Pick<HistorySeries, 'avg' | 'p95'>): number {
  let top = 0;
  for (const value of [...series.avg, ...series.p95])
    if (value !== null && value > top) top = value;
  return Math.max(10, top * 1.2);
}

/** Figures for the whole range: average weighted by bucket size, worst p95, maximum. */
export function rangeStats(buckets: readonly HistoryBucket[]) {
  let weighted = 0;
  let weight = 0;
  let p95: number | null = null;
  let max: number | null = null;
  let count = 0;
  let down = 0;
  for (const b of buckets) {
    count += b.count;
    down += b.down;
    if (b.latencyAvg !== null) {
      // Down results often carry no latency; weighting by up + degraded follows the average.
      const n = Math.max(1, b.up + b.degraded);
      weighted += b.latencyAvg * n;
      weight += n;
    }
    if (b.latencyP95 !== null && (p95 === null || b.latencyP95 > p95)) p95 = b.latencyP95;
    if (b.latencyMax !== null && (max === null || b.latencyMax > max)) max = b.latencyMax;
  }
  return { avg: weight === 0 ? null : weighted / weight, p95, max, count, down };
}

/** A stretch of adjacent buckets with failures of one kind, in epoch seconds [start, end). */
export interface FailureRun {
  kind: 'down' | 'degraded';
  start: number;
  end: number;
  count: number;
  down: number;
}

/**
 * Joins adjacent failing buckets into runs, so a half-hour outage is drawn as one band while
 * scattered single-minute failures stay small marks instead of a wall of stripes.
 */
export function failureRuns(
  buckets: readonly (HistoryBucket | null)[],
  bucketSeconds: number,
): FailureRun[] {
  const runs: FailureRun[] = [];
  for (const bucket of buckets) {
    if (!bucket || (bucket.down === 0 && bucket.degraded === 0)) continue;
    const kind = bucket.down > 0 ? 'down' : 'degraded';
    const start = Date.parse(bucket.at) / 1000;
    const last = runs.at(-1);
    if (last && last.kind === kind && last.end === start) {
      last.end = start + bucketSeconds;
      last.count += bucket.count;
      last.down += bucket.down;
    } else {
      runs.push({
        kind,
        start,
        end: start + bucketSeconds,
        count: bucket.count,
        down: bucket.down,
      });
    }
  }
  return runs;
}
