import type { Check, Result, Service } from '@homehub/contracts';

let nextId = 1;

export function newResult(overrides: Partial<Result> = {}): Result {
  return {
    checkId: 1,
    status: 'up',
    latencyMs: 42,
    message: 'HTTP 200 OK',
    at: '2026-01-01T12:00:00.000Z',
    ...overrides,
  };
}

export function newCheck(overrides: Partial<Check> = {}): Check {
  const id = overrides.id ?? nextId++;
  return {
    id,
    serviceId: 1,
    name: `check ${id}`,
    type: 'http',
    intervalSeconds: 60,
    timeoutSeconds: 10,
    enabled: true,
    retries: 0,
    config: { url: 'http://example.test/', method: 'GET', expectedStatus: ['2xx'] },
    pushUrl: null,
    status: 'up',
    lastResult: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function newService(overrides: Partial<Service> = {}): Service {
  const id = overrides.id ?? nextId++;
  return {
    id,
    name: `service ${id}`,
    description: '',
    group: null,
    tags: [],
    status: 'up',
    statusChangedAt: null,
    checks: [],
    recentResults: [],
    uptime: { '24h': null, '7d': null, '30d': null },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
