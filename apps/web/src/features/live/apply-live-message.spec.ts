import { describe, expect, it } from 'vitest';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Event, History, Result, Service } from '@homehub/contracts';
import { queryKeys } from '../../lib/query-keys.ts';
import { newCheck, newResult, newService } from '../../lib/test-factories.ts';
import { applyLiveMessage, LOG_LIVE_LIMIT, RECENT_RESULTS } from './apply-live-message.ts';

const AT = '2026-01-01T12:05:00.000Z';

type Log = InfiniteData<{ results: Result[]; next: string | null }, string | null>;

const resultMessage = (overrides: Partial<Result> = {}) => ({
  type: 'result' as const,
  at: AT,
  data: { ...newResult({ checkId: 10, at: AT, ...overrides }), serviceId: 1 },
});

function cacheWith(services: Service[]) {
  const client = new QueryClient();
  client.setQueryData(queryKeys.serviceList, services);
  for (const service of services) client.setQueryData(queryKeys.service(service.id), service);
  return client;
}

const list = (client: QueryClient) => client.getQueryData<Service[]>(queryKeys.serviceList)!;

describe('applyLiveMessage', () => {
  it('appends a result to its service only, in the list and on its page, and updates the check', () => {
    const web = newService({ id: 1, checks: [newCheck({ id: 10, serviceId: 1 })] });
    const db = newService({ id: 2, checks: [newCheck({ id: 20, serviceId: 2 })] });
    const client = cacheWith([web, db]);

    applyLiveMessage(client, {
      type: 'result',
      at: AT,
      data: {
        serviceId: 2,
        checkId: 20,
        status: 'down',
        latencyMs: null,
        message: 'Connection refused',
        at: AT,
      },
    });

    const [listedWeb, listedDb] = list(client);
    expect(listedWeb).toBe(web);
    expect(listedDb!.recentResults).toEqual([
      { checkId: 20, status: 'down', latencyMs: null, message: 'Connection refused', at: AT },
    ]);
    expect(listedDb!.checks[0]!.lastResult?.status).toBe('down');
    expect(client.getQueryData<Service>(queryKeys.service(2))!.recentResults).toHaveLength(1);
  });

  it('keeps only the newest results and ignores a result it already has', () => {
    const old = Array.from({ length: RECENT_RESULTS }, (_, i) =>
      newResult({ checkId: 10, at: new Date(Date.UTC(2026, 0, 1, 11, 0, i)).toISOString() }),
    );
    const client = cacheWith([newService({ id: 1, recentResults: old })]);
    const message = {
      type: 'result' as const,
      at: AT,
      data: { ...newResult({ checkId: 10, at: AT }), serviceId: 1 },
    };

    applyLiveMessage(client, message);
    applyLiveMessage(client, message);

    const results = list(client)[0]!.recentResults;
    expect(results).toHaveLength(RECENT_RESULTS);
    expect(results[results.length - 1]!.at).toBe(AT);
    expect(results[0]!.at).toBe(old[1]!.at);
  });

  it('puts the result on top of the check’s result log, once', () => {
    const client = cacheWith([newService({ id: 1 })]);
    const older = newResult({ checkId: 10, at: '2026-01-01T12:00:00.000Z' });
    client.setQueryData<Log>(queryKeys.checkResults(10), {
      pages: [
        { results: [older], next: '/api/v1/checks/10/results?cursor=abc' },
        { results: [newResult({ checkId: 10, at: '2026-01-01T11:00:00.000Z' })], next: null },
      ],
      pageParams: [null, 'abc'],
    });

    applyLiveMessage(client, resultMessage({ status: 'down', latencyMs: null }));
    applyLiveMessage(client, resultMessage({ status: 'down', latencyMs: null }));

    const log = client.getQueryData<Log>(queryKeys.checkResults(10))!;
    expect(log.pages[0]!.results.map((r) => [r.at, r.status])).toEqual([
      [AT, 'down'],
      [older.at, 'up'],
    ]);
    expect(log.pages[0]!.next).toBe('/api/v1/checks/10/results?cursor=abc');
    expect(log.pages[1]!.results).toHaveLength(1);
  });

  it('refetches a result log grown long on a page left open instead of growing it', () => {
    const client = cacheWith([newService({ id: 1 })]);
    const results = Array.from({ length: LOG_LIVE_LIMIT }, (_, i) =>
      newResult({ checkId: 10, at: new Date(Date.UTC(2026, 0, 1, 11, 0, i)).toISOString() }),
    ).reverse();
    client.setQueryData<Log>(queryKeys.checkResults(10), {
      pages: [{ results, next: null }],
      pageParams: [null],
    });

    applyLiveMessage(client, resultMessage());

    const state = client.getQueryState<Log>(queryKeys.checkResults(10))!;
    expect(state.data!.pages[0]!.results).toHaveLength(LOG_LIVE_LIMIT);
    expect(state.isInvalidated).toBe(true);
  });

  it('counts the result into the bucket it falls in, in every cached range', () => {
    const client = cacheWith([newService({ id: 1 })]);
    const bucket = {
      at: '2026-01-01T12:05:00.000Z',
      count: 2,
      up: 2,
      degraded: 0,
      down: 0,
      latencyMin: 40,
      latencyAvg: 50,
      latencyP95: 60,
      latencyMax: 60,
    };
    const day: History = {
      checkId: 10,
      range: '24h',
      bucketSeconds: 60,
      uptime: 100,
      buckets: [bucket],
    };
    client.setQueryData<History>(queryKeys.checkHistory(10, '24h'), day);
    client.setQueryData<History>(queryKeys.checkHistory(10, '90d'), {
      ...day,
      range: '90d',
      bucketSeconds: 86_400,
      buckets: [{ ...bucket, at: '2025-12-31T00:00:00.000Z' }],
    });

    applyLiveMessage(client, resultMessage({ at: '2026-01-01T12:05:30.000Z', latencyMs: 80 }));
    applyLiveMessage(
      client,
      resultMessage({ at: '2026-01-01T12:06:10.000Z', status: 'down', latencyMs: null }),
    );

    const minutes = client.getQueryData<History>(queryKeys.checkHistory(10, '24h'))!;
    expect(minutes.buckets).toEqual([
      { ...bucket, count: 3, up: 3, latencyAvg: 60, latencyMax: 80 },
      {
        at: '2026-01-01T12:06:00.000Z',
        count: 1,
        up: 0,
        degraded: 0,
        down: 1,
        latencyMin: null,
        latencyAvg: null,
        latencyP95: null,
        latencyMax: null,
      },
    ]);
    expect(minutes.uptime).toBe(75);
    const days = client.getQueryData<History>(queryKeys.checkHistory(10, '90d'))!;
    expect(days.buckets.map((b) => [b.at, b.count])).toEqual([
      ['2025-12-31T00:00:00.000Z', 2],
      ['2026-01-01T00:00:00.000Z', 2],
    ]);
  });

  it('sets a flapping status like any other', () => {
    const client = cacheWith([
      newService({ id: 1, status: 'up', checks: [newCheck({ id: 10, serviceId: 1 })] }),
    ]);

    applyLiveMessage(client, {
      type: 'check',
      at: AT,
      data: { id: 10, serviceId: 1, status: 'flapping' },
    });
    applyLiveMessage(client, {
      type: 'service',
      at: AT,
      data: { id: 1, status: 'flapping', statusChangedAt: AT },
    });

    expect(list(client)[0]!.status).toBe('flapping');
    expect(list(client)[0]!.checks[0]!.status).toBe('flapping');
  });

  it('sets a service’s status and a check’s status', () => {
    const client = cacheWith([
      newService({ id: 1, status: 'up', checks: [newCheck({ id: 10, serviceId: 1 })] }),
    ]);

    applyLiveMessage(client, {
      type: 'service',
      at: AT,
      data: { id: 1, status: 'down', statusChangedAt: AT },
    });
    applyLiveMessage(client, {
      type: 'check',
      at: AT,
      data: { id: 10, serviceId: 1, status: 'down' },
    });

    const service = client.getQueryData<Service>(queryKeys.service(1))!;
    expect(service.status).toBe('down');
    expect(service.statusChangedAt).toBe(AT);
    expect(service.checks[0]!.status).toBe('down');
    expect(list(client)[0]!.status).toBe('down');
  });

  it('puts a new event first on its service’s timeline', () => {
    const client = cacheWith([newService({ id: 1 })]);
    const older: Event = {
      id: 1,
      type: 'status_changed',
      serviceId: 1,
      checkId: 10,
      fromStatus: 'pending',
      toStatus: 'up',
      message: 'ok',
      data: {
        result: { status: 'up', latencyMs: 40, message: 'ok', at: '2026-01-01T11:00:00.000Z' },
      },
      at: '2026-01-01T11:00:00.000Z',
    };
    client.setQueryData<Event[]>(queryKeys.serviceEvents(1), [older]);

    applyLiveMessage(client, {
      type: 'event',
      at: AT,
      data: { ...older, id: 2, fromStatus: 'up', toStatus: 'down', at: AT },
    });

    expect(client.getQueryData<Event[]>(queryKeys.serviceEvents(1))!.map((e) => e.id)).toEqual([
      2, 1,
    ]);
  });

  it('puts an event that gained its log lines in its own place on the timeline', () => {
    const client = cacheWith([newService({ id: 1 })]);
    const die = (id: number, data: Record<string, unknown>): Event => ({
      id,
      type: 'container',
      serviceId: 1,
      checkId: null,
      fromStatus: null,
      toStatus: null,
      message: 'db exited with code 1',
      data: { action: 'die', exitCode: 1, ...data },
      at: AT,
    });
    client.setQueryData<Event[]>(queryKeys.serviceEvents(1), [die(3, {}), die(2, {})]);

    applyLiveMessage(client, { type: 'event_updated', at: AT, data: die(2, { logs: ['boom'] }) });

    const events = client.getQueryData<Event[]>(queryKeys.serviceEvents(1))!;
    expect(events.map((e) => e.id)).toEqual([3, 2]);
    expect(events[1]!.data).toMatchObject({ logs: ['boom'] });
    expect(events[0]!.data).not.toHaveProperty('logs');
  });

  it('does not let a live result make an outdated service look freshly fetched', () => {
    const client = cacheWith([newService({ id: 1 })]);
    void client.invalidateQueries({ queryKey: queryKeys.service(1), refetchType: 'none' });

    applyLiveMessage(client, {
      type: 'result',
      at: AT,
      data: { ...newResult({ checkId: 10, at: AT }), serviceId: 1 },
    });

    const state = client.getQueryState<Service>(queryKeys.service(1))!;
    expect(state.data!.recentResults).toHaveLength(1);
    expect(state.isInvalidated).toBe(true);
  });

  it('drops a deleted check’s log and histories', () => {
    const client = cacheWith([newService({ id: 1 })]);
    client.setQueryData(queryKeys.checkResults(10), { pages: [], pageParams: [] });
    client.setQueryData(queryKeys.checkHistory(10, '7d'), { buckets: [] });
    client.setQueryData(queryKeys.checkHistory(11, '7d'), { buckets: [] });

    applyLiveMessage(client, {
      type: 'changed',
      at: AT,
      data: { resource: 'check', id: 10, serviceId: 1, action: 'deleted' },
    });

    expect(client.getQueryData(queryKeys.checkResults(10))).toBeUndefined();
    expect(client.getQueryData(queryKeys.checkHistory(10, '7d'))).toBeUndefined();
    expect(client.getQueryData(queryKeys.checkHistory(11, '7d'))).toBeDefined();
  });

  it('marks the list stale on a change, and drops a deleted service', () => {
    const client = cacheWith([newService({ id: 1 }), newService({ id: 2 })]);

    applyLiveMessage(client, {
      type: 'changed',
      at: AT,
      data: { resource: 'service', id: 2, serviceId: 2, action: 'deleted' },
    });

    expect(list(client).map((s) => s.id)).toEqual([1]);
    expect(client.getQueryData(queryKeys.service(2))).toBeUndefined();
    expect(client.getQueryState(queryKeys.serviceList)?.isInvalidated).toBe(true);
  });
});
