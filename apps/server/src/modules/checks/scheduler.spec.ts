import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler } from './scheduler.ts';
import { worstStatus } from './status.tracker.ts';

const clock = { now: () => Date.now() };

describe('Scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spreads first runs over the first interval, then keeps each job on its phase', async () => {
    const runs: { key: number; at: number }[] = [];
    const offsets = [0.1, 0.5, 0.9];
    const scheduler = new Scheduler({
      clock,
      concurrency: 10,
      random: () => offsets.shift()!,
      run: async (key) => void runs.push({ key, at: Date.now() - 1_000_000 }),
    });
    scheduler.upsert(1, 10_000);
    scheduler.upsert(2, 10_000);
    scheduler.upsert(3, 10_000);
    await vi.advanceTimersByTimeAsync(24_000);
    expect(runs.filter((r) => r.key === 1).map((r) => r.at)).toEqual([1_000, 11_000, 21_000]);
    expect(runs.filter((r) => r.key === 2).map((r) => r.at)).toEqual([5_000, 15_000]);
    expect(runs.filter((r) => r.key === 3).map((r) => r.at)).toEqual([9_000, 19_000]);
    await scheduler.stop();
  });

  it('runs at once when asked (a new or edited check)', async () => {
    const runs: number[] = [];
    const scheduler = new Scheduler({
      clock,
      concurrency: 1,
      random: () => 0.99,
      run: async () => void runs.push(Date.now() - 1_000_000),
    });
    scheduler.upsert(1, 60_000, { now: true });
    await vi.advanceTimersByTimeAsync(10);
    expect(runs).toEqual([0]);
    await scheduler.stop();
  });

  it('never runs more jobs at once than its concurrency', async () => {
    let running = 0;
    let peak = 0;
    let done = 0;
    const scheduler = new Scheduler({
      clock,
      concurrency: 3,
      random: () => 0,
      run: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 500));
        running--;
        done++;
      },
    });
    for (let key = 1; key <= 10; key++) scheduler.upsert(key, 60_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(peak).toBe(3);
    expect(done).toBe(10);
    await scheduler.stop();
  });

  it('never overlaps a job with itself when a run outlasts its interval', async () => {
    let running = 0;
    let overlapped = false;
    let started = 0;
    const scheduler = new Scheduler({
      clock,
      concurrency: 10,
      random: () => 0,
      run: async () => {
        started++;
        if (running > 0) overlapped = true;
        running++;
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        running--;
      },
    });
    scheduler.upsert(1, 1_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(overlapped).toBe(false);
    // Skipped ticks are skipped, not queued up into a burst.
    expect(started).toBeGreaterThanOrEqual(3);
    expect(started).toBeLessThanOrEqual(4);
    const stopped = scheduler.stop();
    await vi.advanceTimersByTimeAsync(3_000);
    await stopped;
  });

  it('stops running a removed job and survives a job that throws', async () => {
    const runs: number[] = [];
    const scheduler = new Scheduler({
      clock,
      concurrency: 2,
      random: () => 0,
      run: async (key) => {
        runs.push(key);
        if (key === 2) throw new Error('boom');
      },
    });
    scheduler.upsert(1, 1_000);
    scheduler.upsert(2, 1_000);
    await vi.advanceTimersByTimeAsync(1_500);
    scheduler.remove(1);
    const before = runs.filter((k) => k === 1).length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs.filter((k) => k === 1).length).toBe(before);
    expect(runs.filter((k) => k === 2).length).toBeGreaterThanOrEqual(6);
    expect(scheduler.size).toBe(1);
    await scheduler.stop();
  });

  it('waits for runs in flight on stop and starts no more', async () => {
    let finished = 0;
    let started = 0;
    const scheduler = new Scheduler({
      clock,
      concurrency: 5,
      random: () => 0,
      run: async () => {
        started++;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        finished++;
      },
    });
    scheduler.upsert(1, 500);
    await vi.advanceTimersByTimeAsync(10);
    const stopped = scheduler.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    await stopped;
    expect(finished).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toBe(1);
  });
});

describe('worstStatus', () => {
  it('shows the most severe check, and a new check does not hide an up service', () => {
    expect(worstStatus(['up', 'down', 'degraded'])).toBe('down');
    expect(worstStatus(['up', 'degraded'])).toBe('degraded');
    expect(worstStatus(['up', 'pending'])).toBe('up');
    expect(worstStatus(['pending', 'paused'])).toBe('pending');
    expect(worstStatus([])).toBe('pending');
  });
});
