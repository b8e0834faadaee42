import { describe, expect, it } from 'vitest';
import {
  BIN_COLUMNS,
  LATENCY_BOUNDS,
  binOf,
  bucketStart,
  percentileOf,
  rollUp,
  uptimePercent,
} from './rollup.ts';

describe('rollups', () => {
  it('has one column per histogram bin', () => {
    expect(BIN_COLUMNS).toHaveLength(LATENCY_BOUNDS.length + 1);
  });

  it('puts a latency in the first bin whose bound holds it', () => {
    expect([0, 10, 11, 5000, 5001].map(binOf)).toEqual([0, 0, 1, 10, 11]);
  });

  it('sums a batch per check and bucket', () => {
    const t0 = Date.UTC(2026, 10, 28, 10, 0, 0);
    const buckets = rollUp(
      [
        { checkId: 1, at: t0 + 1_000, status: 'up', latencyMs: 20 },
        { checkId: 1, at: t0 + 59_999, status: 'down', latencyMs: null },
        { checkId: 1, at: t0 + 60_000, status: 'degraded', latencyMs: 700 },
        { checkId: 2, at: t0 + 5_000, status: 'up', latencyMs: 3 },
      ],
      'minute',
    );
    expect(buckets.map((b) => [b.checkId, b.at - t0, b.count, b.up, b.down, b.degraded])).toEqual([
      [1, 0, 2, 1, 1, 0],
      [1, 60_000, 1, 0, 0, 1],
      [2, 0, 1, 1, 0, 0],
    ]);
    expect(buckets[0]).toMatchObject({ latencyCount: 1, latencySum: 20, latencyMin: 20 });
    expect(bucketStart(t0 + 90 * 60_000, 'hour')).toBe(t0 + 3_600_000);
  });

  it('reads a p95 from the histogram, within the real min and max', () => {
    // 95 fast answers and 5 slow ones: the p95 sits at the top of the fast bin.
    const bins = new Array<number>(12).fill(0);
    bins[binOf(40)] = 95;
    bins[binOf(1800)] = 5;
    const p95 = percentileOf(bins, 30, 1800)!;
    expect(p95).toBeGreaterThan(25);
    expect(p95).toBeLessThanOrEqual(50);
    expect(percentileOf(bins, 30, 1800, 0.99)).toBeGreaterThan(1000);
    expect(percentileOf(new Array<number>(12).fill(0), null, null)).toBeNull();
    // One sample: the p95 is that sample, not the bin's bound.
    const one = new Array<number>(12).fill(0);
    one[binOf(120)] = 1;
    expect(percentileOf(one, 120, 120)).toBe(120);
  });

  it('counts degraded as up for uptime, leaves maintenance out, and has none without results', () => {
    expect(uptimePercent({ up: 2, degraded: 1, down: 1 })).toBe(75);
    expect(uptimePercent({ up: 1, degraded: 0, down: 2 })).toBe(33.333);
    expect(uptimePercent({ up: 0, degraded: 0, down: 0 })).toBeNull();
  });

  it('counts a result in maintenance in the bucket but as none of up, degraded or down', () => {
    const [bucket] = rollUp(
      [
        { checkId: 1, at: 0, status: 'down', latencyMs: null },
        { checkId: 1, at: 1, status: 'maintenance', latencyMs: null },
      ],
      'minute',
    );
    expect(bucket).toMatchObject({ count: 2, up: 0, degraded: 0, down: 1 });
  });
});
