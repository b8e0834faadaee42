import { describe, expect, it } from 'vitest';
import type { Result } from '@homehub/contracts';
import { createInProcessBus } from '../../platform/bus.ts';
import { RecentResults } from './recent.results.ts';

const at = (second: number) => new Date(Date.UTC(2026, 10, 28, 12, 0, second)).toISOString();
const result = (second: number, status: Result['status'] = 'up'): Result => ({
  checkId: 7,
  status,
  latencyMs: 10,
  message: `r${second}`,
  at: at(second),
});

function setup(stored: Result[]) {
  const bus = createInProcessBus();
  const loads: number[] = [];
  const recent = new RecentResults(bus, (checkId, limit) => {
    loads.push(limit);
    // newest first, as the repository answers
    return Promise.resolve(
      stored
        .filter((r) => r.checkId === checkId)
        .reverse()
        .slice(0, limit),
    );
  });
  const publish = (r: Result) =>
    bus.publish({ type: 'result', at: r.at, data: { ...r, serviceId: 3 } });
  return { bus, recent, loads, publish };
}

describe('recent results in memory', () => {
  it('reads a check once, then follows the bus, keeping its share', async () => {
    const { recent, loads, publish } = setup([1, 2, 3, 4].map((s) => result(s)));
    expect((await recent.get(7, 3, 3)).map((r) => r.message)).toEqual(['r2', 'r3', 'r4']);
    publish(result(5, 'down'));
    expect((await recent.get(7, 3, 3)).map((r) => r.message)).toEqual(['r3', 'r4', 'r5']);
    expect(loads).toEqual([3]);
  });

  it('keeps a result published before the read that the database did not have yet', async () => {
    const { recent, publish } = setup([1, 2].map((s) => result(s)));
    publish(result(3)); // still in the writer's batch when the list is read
    expect((await recent.get(7, 3, 5)).map((r) => r.message)).toEqual(['r1', 'r2', 'r3']);
  });

  it('reads again when a check joins or leaves the service (every share changes)', async () => {
    const { bus, recent, loads } = setup([1, 2].map((s) => result(s)));
    await recent.get(7, 3, 2);
    bus.publish({
      type: 'changed',
      at: at(9),
      data: { resource: 'check', id: 8, serviceId: 3, action: 'created' },
    });
    await recent.get(7, 3, 1);
    expect(loads).toEqual([2, 1]);
    // A larger share than held is read from the database too.
    await recent.get(7, 3, 4);
    expect(loads).toEqual([2, 1, 4]);
  });
});
