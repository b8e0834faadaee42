import { describe, expect, it } from 'vitest';
import type { HistoryBucket, HistoryRange } from '@homehub/contracts';
import { MAX_BARS, MIN_SHARE, barSecondsFor, groupBuckets } from './uptime-buckets.ts';

const NOW = Date.parse('2026-01-01T12:05:00.000Z');

function bucket(at: string, counts: Partial<HistoryBucket> = {}): HistoryBucket {
  const up = counts.up ?? 0;
  const degraded = counts.degraded ?? 0;
  const down = counts.down ?? 0;
  return {
    at,
    count: up + degraded + down,
    up,
    degraded,
    down,
    latencyMin: 10,
    latencyAvg: 20,
    latencyP95: 30,
    latencyMax: 40,
    ...counts,
  };
}

describe('barSecondsFor', () => {
  it('picks the smallest readable width that keeps each range within the bar budget', () => {
    expect(barSecondsFor(86_400, 60)).toBe(20 * 60);
    expect(barSecondsFor(7 * 86_400, 3600)).toBe(2 * 3600);
    expect(barSecondsFor(30 * 86_400, 3600)).toBe(8 * 3600);
    expect(barSecondsFor(30 * 86_400, 86_400)).toBe(86_400);
    expect(barSecondsFor(90 * 86_400, 86_400)).toBe(86_400);
    expect(barSecondsFor(365 * 86_400, 86_400)).toBe(5 * 86_400);
  });

  it('keeps one bucket per bar when the buckets are already few', () => {
    expect(barSecondsFor(3600, 60)).toBe(60);
  });
});

describe('groupBuckets', () => {
  it('covers the whole range with aligned bars, the newest one holding now', () => {
    const bars = groupBuckets({ bucketSeconds: 60, buckets: [] }, '24h', NOW);

    // 20-minute bars: 72 for the day, one more because now is part-way into its bar.
    expect(bars).toHaveLength(73);
    expect(new Date(bars.at(-1)!.start).toISOString()).toBe('2026-01-01T12:00:00.000Z');
    expect(new Date(bars.at(-1)!.end).toISOString()).toBe('2026-01-01T12:20:00.000Z');
    expect(bars[0]!.start).toBeLessThanOrEqual(NOW - 86_400_000);
    expect(bars.every((b) => b.tone === 'none' && b.uptime === null)).toBe(true);
  });

  it('sums the buckets of each bar and colours it by the shares of up, degraded and down', () => {
    const bars = groupBuckets(
      {
        bucketSeconds: 60,
        buckets: [
          bucket('2026-01-01T11:40:00.000Z', { up: 3 }),
          bucket('2026-01-01T11:59:00.000Z', { up: 1, degraded: 1 }),
          bucket('2026-01-01T12:00:00.000Z', { up: 1 }),
          bucket('2026-01-01T12:01:00.000Z', { down: 1 }),
          bucket('2026-01-01T12:04:00.000Z', { up: 1 }),
        ],
      },
      '24h',
      NOW,
    );
    const [before, last] = bars.slice(-2);

    expect(before).toMatchObject({ count: 5, up: 4, degraded: 1, down: 0, tone: 'degraded' });
    expect(before!.uptime).toBe(100);
    expect(before!.shares).toEqual({ up: 0.8, degraded: 0.2, down: 0 });

    expect(last).toMatchObject({ count: 3, up: 2, down: 1, tone: 'down' });
    expect(last!.uptime).toBeCloseTo(66.67, 2);
    expect(last!.shares.down).toBeCloseTo(1 / 3);
    expect(last!.shares.up).toBeCloseTo(2 / 3);
  });

  it('leaves maintenance out of uptime, and shows a bar of nothing else as maintenance', () => {
    const bars = groupBuckets(
      {
        bucketSeconds: 60,
        buckets: [
          bucket('2026-01-01T11:40:00.000Z', { count: 4 }),
          bucket('2026-01-01T12:01:00.000Z', { up: 1, count: 3 }),
        ],
      },
      '24h',
      NOW,
    );
    const [before, last] = bars.slice(-2);
    expect(before).toMatchObject({ count: 4, tone: 'maintenance', uptime: null });
    expect(last).toMatchObject({ count: 3, tone: 'up', uptime: 100 });
    expect(last!.shares).toEqual({ up: 1, degraded: 0, down: 0 });
  });

  it('never lets a rare failure vanish, nor gives a bar without up results a green sliver', () => {
    const bars = groupBuckets(
      {
        bucketSeconds: 86_400,
        buckets: [
          bucket('2025-12-30T00:00:00.000Z', { up: 1439, down: 1 }),
          bucket('2025-12-31T00:00:00.000Z', { degraded: 1, down: 9 }),
        ],
      },
      '90d',
      NOW,
    );
    const [rare, bad] = bars.slice(-3, -1);

    expect(rare!.shares).toEqual({ up: 1 - MIN_SHARE, degraded: 0, down: MIN_SHARE });
    expect(rare!.tone).toBe('down');
    expect(bad!.shares.up).toBe(0);
    expect(bad!.shares.degraded + bad!.shares.down).toBeCloseTo(1);
    expect(bad!.shares.down).toBeGreaterThan(bad!.shares.degraded);
  });

  it('folds a bucket outside the strip into the nearest bar instead of losing it', () => {
    const bars = groupBuckets(
      { bucketSeconds: 60, buckets: [bucket('2026-01-01T13:30:00.000Z', { down: 1 })] },
      '24h',
      NOW,
    );
    expect(bars.at(-1)!.down).toBe(1);
  });

  it.each<[HistoryRange, number]>([
    ['24h', 60],
    ['7d', 3600],
    ['30d', 3600],
    ['90d', 86_400],
    ['1y', 86_400],
  ])('draws at most about %s’s budget of bars', (range, bucketSeconds) => {
    const bars = groupBuckets({ bucketSeconds, buckets: [] }, range, NOW);
    expect(bars.length).toBeLessThanOrEqual(MAX_BARS + 1);
    expect(bars.length).toBeGreaterThan(24);
  });
});
