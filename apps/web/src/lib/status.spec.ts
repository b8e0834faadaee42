import { describe, expect, it } from 'vitest';
import { newResult, newService } from './test-factories.ts';
import { countByStatus, isStatus, sortByUrgency } from './status.ts';
import { uptimePercent } from './uptime.ts';

describe('sortByUrgency', () => {
  it('puts down, then flapping, then degraded, on top and the rest by name', () => {
    const services = [
      newService({ name: 'b-up', status: 'up' }),
      newService({ name: 'a-paused', status: 'paused' }),
      newService({ name: 'z-degraded', status: 'degraded' }),
      newService({ name: 'x-flapping', status: 'flapping' }),
      newService({ name: 'y-down', status: 'down' }),
      newService({ name: 'c-pending', status: 'pending' }),
    ];
    expect(sortByUrgency(services).map((s) => s.name)).toEqual([
      'y-down',
      'x-flapping',
      'z-degraded',
      'a-paused',
      'b-up',
      'c-pending',
    ]);
    expect(countByStatus(services)).toMatchObject({
      down: 1,
      flapping: 1,
      degraded: 1,
      up: 1,
      paused: 1,
      pending: 1,
      maintenance: 0,
    });
  });
});

describe('isStatus', () => {
  it('accepts every status, flapping included, and nothing inherited', () => {
    expect(isStatus('flapping')).toBe(true);
    expect(isStatus('down')).toBe(true);
    expect(isStatus('toString')).toBe(false);
    expect(isStatus(null)).toBe(false);
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
