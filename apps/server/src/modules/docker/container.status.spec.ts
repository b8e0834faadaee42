import { describe, expect, it } from 'vitest';
import { observationOf, thresholdsOf, type ContainerSnapshot } from './container.status.ts';

const NOW = 1_800_000_000_000;

function container(more: Partial<ContainerSnapshot> = {}): ContainerSnapshot {
  return {
    row: { goneAt: null, state: 'running', health: null },
    useHealth: true,
    healthOutput: null,
    exitCode: null,
    oomKilled: false,
    thresholds: thresholdsOf({}),
    restarts: [],
    inLoop: false,
    stats: null,
    cpuAboveSince: null,
    runningSince: NOW - 1000,
    ...more,
  };
}

const state = (row: Partial<ContainerSnapshot['row']>, more: Partial<ContainerSnapshot> = {}) =>
  observationOf(
    container({ row: { goneAt: null, state: 'running', health: null, ...row }, ...more }),
    NOW,
  );

describe('a container’s status', () => {
  it('is up while running, healthy when it says so, and the health left out when asked', () => {
    expect(state({})).toMatchObject({ status: 'up', message: 'Running' });
    expect(state({ health: 'healthy' })).toMatchObject({
      status: 'up',
      message: 'Running, healthy',
    });
    expect(state({ health: 'unhealthy' }, { healthOutput: 'connection refused' })).toMatchObject({
      status: 'degraded',
      message: 'Unhealthy: connection refused',
    });
    expect(state({ health: 'unhealthy' }, { useHealth: false })?.status).toBe('up');
  });

  it('says nothing while a health check is starting within its grace, degraded after', () => {
    expect(state({ health: 'starting' })).toBeNull();
    expect(state({ health: 'starting' }, { runningSince: NOW - 121_000 })).toMatchObject({
      status: 'degraded',
      message: 'Health check still starting after 121 s',
    });
  });

  it('is down when exited, dead, restarting, removed or looping, with why', () => {
    expect(state({ state: 'exited' }, { exitCode: 137, oomKilled: true })?.message).toBe(
      'Exited with code 137 (out of memory)',
    );
    expect(state({ state: 'dead' })?.status).toBe('down');
    expect(state({ state: 'restarting' })?.status).toBe('down');
    expect(state({ goneAt: NOW })?.message).toBe('Container removed');
    expect(state({}, { inLoop: true, restarts: [1, 2, 3] })?.message).toBe(
      'Restart loop: 3 restarts in 5 min',
    );
    expect(state({ state: 'paused' })?.status).toBe('degraded');
    expect(state({ state: 'created' })).toBeNull();
  });

  it('is degraded past a memory share at once, and past a CPU share only after its time', () => {
    const thresholds = thresholdsOf({ memoryPercent: 80, cpuPercent: 50, cpuSeconds: 30 });
    const stats = { cpuPercent: 90, memoryBytes: 900, memoryLimitBytes: 1000 } as never;
    expect(state({}, { thresholds, stats })?.message).toBe('Memory at 90.0 % of its limit');
    const busy = {
      thresholds,
      stats: { cpuPercent: 90, memoryBytes: 1, memoryLimitBytes: 1000 } as never,
    };
    expect(state({}, { ...busy, cpuAboveSince: NOW - 10_000 })?.status).toBe('up');
    expect(state({}, { ...busy, cpuAboveSince: NOW - 31_000 })?.message).toBe(
      'CPU above 50 % for 31 s',
    );
  });
});
