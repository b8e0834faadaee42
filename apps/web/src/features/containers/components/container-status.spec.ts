import { describe, expect, it } from 'vitest';
import type { Container } from '@homehub/contracts';
import { containerStatus, formatUptime } from './container-status.ts';

const container = (overrides: Partial<Container>): Container => ({
  id: 1,
  engineId: 1,
  containerId: 'abc',
  name: 'jellyfin',
  image: 'jellyfin/jellyfin:10',
  group: null,
  state: 'running',
  health: null,
  startedAt: null,
  uptimeSeconds: null,
  restartCount: 0,
  restartLoop: false,
  cpuPercent: null,
  memoryBytes: null,
  memoryLimitBytes: null,
  serviceId: 1,
  goneAt: null,
  ...overrides,
});

describe('containerStatus', () => {
  it('reads running, health and a restart loop as the hub’s docker check does', () => {
    expect(containerStatus(container({}))).toEqual({ status: 'up', label: 'Running' });
    expect(containerStatus(container({ health: 'healthy' }))).toEqual({
      status: 'up',
      label: 'Healthy',
    });
    expect(containerStatus(container({ health: 'unhealthy' })).status).toBe('degraded');
    expect(containerStatus(container({ health: 'starting' })).status).toBe('pending');
    expect(containerStatus(container({ state: 'exited' }))).toEqual({
      status: 'down',
      label: 'Exited',
    });
    expect(containerStatus(container({ state: 'restarting' })).status).toBe('down');
    // A loop is down even in the moments it runs between crashes.
    expect(containerStatus(container({ restartLoop: true }))).toEqual({
      status: 'down',
      label: 'Restart loop',
    });
    expect(containerStatus(container({ state: 'gone', restartLoop: true })).label).toBe('Removed');
  });
});

describe('formatUptime', () => {
  it('says how long in the largest units that matter', () => {
    expect(formatUptime(null)).toBe('—');
    expect(formatUptime(42)).toBe('42 s');
    expect(formatUptime(12 * 60 + 5)).toBe('12 min');
    expect(formatUptime(5 * 3600 + 7 * 60)).toBe('5 h 7 min');
    expect(formatUptime(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
  });
});
