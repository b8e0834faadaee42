import { describe, expect, it } from 'vitest';
import type { HistoryBucket } from '@homehub/contracts';
import {
  failureRuns,
  isolatedIndices,
  latencyTop,
  rangeStats,
  toHistorySeries,
} from './history-series.ts';

function bucket(at: string, overrides: Partial<HistoryBucket> = {}): HistoryBucket {
  return {
    at,
    count: 1,
    up: 1,
    degraded: 0,
    down: 0,
    latencyMin: 10,
    latencyAvg: 20,
    latencyP95: 30,
    latencyMax: 40,
    ...overrides,
  };
}

describe('toHistorySeries', () => {
  it('breaks the line where buckets are missing', () => {
    const series = toHistorySeries({
      checkId: 1,
      range: '24h',
      bucketSeconds: 60,
      uptime: 100,
      buckets: [
        bucket('2026-01-01T12:00:00.000Z'),
        bucket('2026-01-01T12:01:00.000Z', { latencyAvg: 25 }),
        bucket('2026-01-01T12:05:00.000Z', { latencyAvg: null, up: 0, down: 1 }),
      ],
    });

    const t0 = Date.parse('2026-01-01T12:00:00.000Z') / 1000;
    expect(series.xs).toEqual([t0, t0 + 60, t0 + 120, t0 + 300]);
    expect(series.avg).toEqual([20, 25, null, null]);
    expect(series.buckets[2]).toBeNull();
    expect(series.buckets[3]?.down).toBe(1);
  });
});

describe('isolatedIndices', () => {
  it('finds values with no neighbour to join', () => {
    expect(isolatedIndices([5, null, 6, 7, null, 8])).toEqual([0, 5]);
    expect(isolatedIndices([4])).toEqual([0]);
    expect(isolatedIndices([])).toEqual([]);
  });
});

describe('latencyTop', () => {
  it('leaves room over the p95 line and never collapses to zero', () => {
    expect(latencyTop({ avg: [20, null], p95: [100, 50] })).toBe(120);
    expect(latencyTop({ avg: [null], p95: [null] })).toBe(10);
  });
});

describe('rangeStats', () => {
  it('weights the average by results and keeps the worst p95 and the maximum', () => {
    const stats = rangeStats([
      bucket('2026-01-01T12:00:00.000Z', { count: 3, up: 3, latencyAvg: 10, latencyP95: 12 }),
      bucket('2026-01-01T12:01:00.000Z', { count: 1, up: 1, latencyAvg: 50, latencyMax: 90 }),
      bucket('2026-01-01T12:02:00.000Z', {
        count: 2,
        up: 0,
        down: 2,
        latencyAvg: null,
        latencyP95: null,
        latencyMax: null,
      }),
    ]);
    expect(stats).toEqual({ avg: 20, p95: 30, max: 90, count: 6, down: 2 });
  });
});

describe('failureRuns', () => {
  it('joins adjacent failing buckets of one kind and keeps apart the rest', () => {
    const t = (m: number) => `2026-01-01T12:0${m}:00.000Z`;
    const runs = failureRuns(
      [
        bucket(t(0), { count: 2, up: 1, down: 1 }),
        bucket(t(1), { count: 2, up: 0, down: 2 }),
        bucket(t(2), { count: 1, up: 1 }),
        bucket(t(3), { count: 1, up: 0, degraded: 1 }),
        null,
        bucket(t(5), { count: 1, up: 0, down: 1 }),
      ],
      60,
    );
    const s = (m: number) => Date.parse(t(m)) / 1000;
    expect(runs).toEqual([
      { kind: 'down', start: s(0), end: s(2), count: 4, down: 3 },
      { kind: 'degraded', start: s(3), end: s(4), count: 1, down: 0 },
      { kind: 'down', start: s(5), end: s(5) + 60, count: 1, down: 1 },
    ]);
  });
});
