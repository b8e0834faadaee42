import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Event, Result, Service } from '@homehub/contracts';
import { queryKeys } from '../../lib/query-keys.ts';
import { newCheck, newResult, newService } from '../../lib/test-factories.ts';
import { applyLiveMessage, RECENT_RESULTS } from './apply-live-message.ts';

const AT = '2026-01-01T12:05:00.000Z';

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

  it('appends the result to the check’s chart data when it is cached', () => {
    const client = cacheWith([newService({ id: 1 })]);
    client.setQueryData<Result[]>(queryKeys.checkResults(10), [newResult({ checkId: 10 })]);

    applyLiveMessage(client, {
      type: 'result',
      at: AT,
      data: { ...newResult({ checkId: 10, at: AT }), serviceId: 1 },
    });

    expect(client.getQueryData<Result[]>(queryKeys.checkResults(10))).toHaveLength(2);
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
