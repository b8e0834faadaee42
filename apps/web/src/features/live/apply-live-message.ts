import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { Event, LiveMessage, LiveMessageOf, Result, Service } from '@homehub/contracts';
import { CHART_RESULTS } from '../../lib/result-limits.ts';
import { queryKeys } from '../../lib/query-keys.ts';

/** Matches the server's RECENT_RESULTS: the overview bar shows this many. */
export const RECENT_RESULTS = 48;

type ServiceUpdater = (service: Service) => Service;

/**
 * Patches cached data without making it look freshly fetched: setQueryData alone would clear
 * an invalidation and restart staleTime, so an entry known to be outdated (a service whose
 * new check is not in it yet) would survive its refetch because a result arrived first.
 */
function patchQuery<T>(client: QueryClient, key: QueryKey, update: (data: T) => T): void {
  const state = client.getQueryState<T>(key);
  if (state?.data === undefined) return;
  const next = update(state.data);
  if (next === state.data) return;
  client.setQueryData<T>(key, next, { updatedAt: state.dataUpdatedAt });
  if (state.isInvalidated)
    void client.invalidateQueries({ queryKey: key, exact: true, refetchType: 'none' });
}

/** Applies one change to a service wherever it is cached: the overview list and its page. */
function updateService(client: QueryClient, id: number, update: ServiceUpdater): void {
  patchQuery<Service[]>(client, queryKeys.serviceList, (list) => {
    const index = list.findIndex((s) => s.id === id);
    if (index === -1) return list;
    const next = list.slice();
    next[index] = update(list[index]!);
    return next;
  });
  patchQuery<Service>(client, queryKeys.service(id), update);
}

const sameResult = (a: Result, b: Result) => a.checkId === b.checkId && a.at === b.at;

/** Appends a result in time order, ignoring one already there (a "run now" answer, a replay). */
export function appendResult(results: readonly Result[], result: Result, keep: number): Result[] {
  if (results.some((r) => sameResult(r, result))) return results as Result[];
  const next = [...results, result];
  if (next.length > 1 && next[next.length - 2]!.at > result.at)
    next.sort((a, b) => a.at.localeCompare(b.at));
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
  patchQuery<Result[]>(client, queryKeys.checkResults(result.checkId), (results) =>
    appendResult(results, result, CHART_RESULTS),
  );
}

function applyEvent(client: QueryClient, event: Event): void {
  if (event.serviceId === null) return;
  patchQuery<Event[]>(client, queryKeys.serviceEvents(event.serviceId), (events) =>
    events.some((e) => e.id === event.id) ? events : [event, ...events],
  );
}

function applyChanged(client: QueryClient, { data }: LiveMessageOf<'changed'>): void {
  if (data.resource === 'service' && data.action === 'deleted') {
    client.setQueryData<Service[]>(queryKeys.serviceList, (list) =>
      list?.filter((s) => s.id !== data.id),
    );
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
