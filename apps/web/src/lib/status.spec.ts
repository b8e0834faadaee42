import { describe, expect, it } from 'vitest';
import { newResult, newService } from './test-factories.ts';
import { countByStatus, sortByUrgency } from './status.ts';
import { uptimePercent } from './uptime.ts';

describe('sortByUrgency', () => {
  it('puts down, then degraded, on top and the rest by name', () => {
    const services = [
      newService({ name: 'b-up', status: 'up' }),
      newService({ name: 'a-paused', status: 'paused' }),
      newService({ name: 'z-degraded', status: 'degraded' }),
      newService({ name: 'y-down', status: 'down' }),
      newService({ name: 'c-pending', status: 'pending' }),
    ];
    expect(sortByUrgency(services).map((s) => s.name)).toEqual([
      'y-down',
      'z-degraded',
      'a-paused',
      'b-up',
      'c-pending',
    ]);
    expect(countByStatus(services)).toMatchObject({
      down: 1,
      degraded: 1,
      up: 1,
      paused: 1,
      pending: 1,
      maintenance: 0,
    });
  });
});

describe('uptimePercent', () => {
  it('counts degraded as up and has no value without results', () => {
    const results = [
      newResult({ status: 'up' }),
      newResult({ status: 'degraded' }),
      newResult({ status: 'down' }),
      newResult(),
    ];
    expect(uptimePercent(results)).toBe(75);
    expect(uptimePercent([])).toBeNull();
  });
});
