import type { QueryClient } from '@tanstack/react-query';
import type { Event, LiveMessage, LiveMessageOf, Result, Service } from '@homehub/contracts';
import { CHART_RESULTS } from '../api/checks.api.ts';
import { queryKeys } from '../api/query-keys.ts';

/** Matches the server's RECENT_RESULTS: the overview bar shows this many. */
export const RECENT_RESULTS = 48;

type ServiceUpdater = (service: Service) => Service;

/** Applies one change to a service wherever it is cached: the overview list and its page. */
function updateService(client: QueryClient, id: number, update: ServiceUpdater): void {
  client.setQueryData<Service[]>(queryKeys.serviceList, (list) => {
    if (!list) return list;
    const index = list.findIndex((s) => s.id === id);
    if (index === -1) return list;
    const next = list.slice();
    next[index] = update(list[index]!);
    return next;
  });
  client.setQueryData<Service>(queryKeys.service(id), (service) => service && update(service));
}

const sameResult = (a: Result, b: Result) => a.checkId === b.checkId && a.at === b.at;

/** Appends a result in time order, ignoring one already there (a "run now" answer, a replay). */
export function appendResult(results: readonly Result[], result: Result, keep: number): Result[] {
  if (results.some((r) => sameResult(r, result))) return results as Result[];
  const next = [...results, result];
  if (next.length > 1 && next[next.length - 2]!.at > result.at) next.sort((a, b) => a.at.localeCompare(b.at));
  return next.slice(-keep);
}

function withResult(service: Service, result: Result): Service {
  return {
    ...service,
    recentResults: appendResult(service.recentResults, result, RECENT_RESULTS),
    checks: service.checks.map((check) =>
      check.id === result.checkId && (!check.lastResult || check.lastResult.at <= result.at)
        ? { ...check, lastResult: result }
        : check,
    ),
  };
}

function applyResult(client: QueryClient, { data }: LiveMessageOf<'result'>): void {
  const { serviceId, ...result } = data;
  updateService(client, serviceId, (service) => withResult(service, result));
  client.setQueryData<Result[]>(
    queryKeys.checkResults(result.checkId),
    (results) => results && appendResult(results, result, CHART_RESULTS),
  );
}

function applyEvent(client: QueryClient, event: Event): void {
  if (event.serviceId === null) return;
  client.setQueryData<Event[]>(queryKeys.serviceEvents(event.serviceId), (events) =>
    events && !events.some((e) => e.id === event.id) ? [event, ...events] : events,
  );
}

function applyChanged(client: QueryClient, { data }: LiveMessageOf<'changed'>): void {
  if (data.resource === 'service' && data.action === 'deleted') {
    client.setQueryData<Service[]>(queryKeys.serviceList, (list) => list?.filter((s) => s.id !== data.id));
    client.removeQueries({ queryKey: queryKeys.service(data.id) });
    client.removeQueries({ queryKey: queryKeys.serviceEvents(data.id) });
  } else {
    void client.invalidateQueries({ queryKey: queryKeys.service(data.serviceId) });
  }
  if (data.resource === 'check' && data.action === 'deleted') {
    client.removeQueries({ queryKey: queryKeys.checkResults(data.id) });
  }
  void client.invalidateQueries({ queryKey: queryKeys.serviceList });
}

/** Folds one live message into the TanStack Query cache; the cache is the only store. */
export function applyLiveMessage(client: QueryClient, message: LiveMessage): void {
  switch (message.type) {
    case 'result':
      return applyResult(client, message);
    case 'check': {
      const { id, serviceId, status } = message.data;
      return updateService(client, serviceId, (service) => ({
        ...service,
        checks: service.checks.map((check) => (check.id === id ? { ...check, status } : check)),
      }));
    }
    case 'service': {
      const { id, status, statusChangedAt } = message.data;
      return updateService(client, id, (service) => ({ ...service, status, statusChangedAt }));
    }
    case 'event':
      return applyEvent(client, message.data);
    case 'changed':
      return applyChanged(client, message);
  }
}
