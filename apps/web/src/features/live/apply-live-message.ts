import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type {
  Alert,
  AlertChange,
  Event,
  History,
  HistoryBucket,
  LiveMessage,
  LiveMessageOf,
  Result,
  ResultTick,
  Service,
  ServiceSummary,
} from '@homehub/contracts';
import { queryKeys } from '../../lib/query-keys.ts';

/** Matches the server's RECENT_RESULTS: the overview bar shows this many. */
export const RECENT_RESULTS = 48;

/**
 * New results are put on top of the result log's first page while it stays this long; past
 * that (a page left open for hours) the log is refetched instead, back to one page.
 */
export const LOG_LIVE_LIMIT = 200;

/** The result log's pages as the checks feature caches them: newest first, cursor in `next`. */
type ResultLog = InfiniteData<{ results: Result[]; next: string | null }, string | null>;

/** Works on a list's summary and on a service page's full service alike. */
type ServiceUpdater = <S extends ServiceSummary>(service: S) => S;

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
  patchQuery<ServiceSummary[]>(client, queryKeys.serviceList, (list) => {
    const index = list.findIndex((s) => s.id === id);
    if (index === -1) return list;
    const next = list.slice();
    next[index] = update(list[index]!);
    return next;
  });
  patchQuery<Service>(client, queryKeys.service(id), update);
}

const sameResult = (a: ResultTick, b: ResultTick) => a.checkId === b.checkId && a.at === b.at;

/** Appends a result in time order, ignoring one already there (a "run now" answer, a replay). */
export function appendResult<R extends ResultTick>(
  results: readonly R[],
  result: R,
  keep: number,
): R[] {
  if (results.some((r) => sameResult(r, result))) return results as R[];
  const next = [...results, result];
  if (next.length > 1 && next[next.length - 2]!.at > result.at)
    next.sort((a, b) => a.at.localeCompare(b.at));
  return next.slice(-keep);
}

function withResult<S extends ServiceSummary>(service: S, result: Result): S {
  return {
    ...service,
    recentResults: appendResult(service.recentResults, result, RECENT_RESULTS),
    // A service page's checks carry their last result; a list's summaries do not.
    checks: service.checks.map((check) =>
      check.id === result.checkId &&
      'lastResult' in check &&
      (!check.lastResult || (check.lastResult as Result).at <= result.at)
        ? { ...check, lastResult: result }
        : check,
    ),
  };
}

/**
 * Puts a result into the log's first page, newest first. One older than that page's oldest
 * row belongs to a later page (or is already there) and is left to the next fetch.
 */
export function prependResult(log: ResultLog, result: Result): ResultLog {
  const [first, ...rest] = log.pages;
  if (!first) return log;
  if (log.pages.some((page) => page.results.some((r) => sameResult(r, result)))) return log;
  const oldest = first.results.at(-1);
  if (oldest && result.at < oldest.at && first.next !== null) return log;
  const results = [result, ...first.results];
  if (results.length > 1 && results[1]!.at > result.at)
    results.sort((a, b) => b.at.localeCompare(a.at));
  return { ...log, pages: [{ ...first, results }, ...rest] };
}

function newBucket(at: number, result: Result): HistoryBucket {
  const latency = result.latencyMs;
  return {
    at: new Date(at).toISOString(),
    count: 1,
    up: result.status === 'up' ? 1 : 0,
    degraded: result.status === 'degraded' ? 1 : 0,
    down: result.status === 'down' ? 1 : 0,
    latencyMin: latency,
    latencyAvg: latency,
    latencyP95: latency,
    latencyMax: latency,
  };
}

function addToBucket(bucket: HistoryBucket, result: Result): HistoryBucket {
  const latency = result.latencyMs;
  const next =
    result.status === 'maintenance'
      ? { ...bucket, count: bucket.count + 1 }
      : { ...bucket, count: bucket.count + 1, [result.status]: bucket[result.status] + 1 };
  if (latency === null) return next;
  // The bucket does not say how many of its results had a latency; up + degraded is close
  // (a failed connect has none). The p95 cannot be updated exactly and waits for a refetch,
  // unless there was none.
  const n = bucket.latencyAvg === null ? 0 : Math.max(1, bucket.up + bucket.degraded);
  return {
    ...next,
    latencyMin: bucket.latencyMin === null ? latency : Math.min(bucket.latencyMin, latency),
    latencyMax: bucket.latencyMax === null ? latency : Math.max(bucket.latencyMax, latency),
    latencyAvg: ((bucket.latencyAvg ?? 0) * n + latency) / (n + 1),
    latencyP95: bucket.latencyP95 ?? latency,
  };
}

/**
 * Counts a live result into the history bucket it falls in (buckets are aligned to UTC
 * multiples of their width, as the server rolls them up), so the chart and the uptime bars
 * move while the page is open; the next fetch replaces the approximations.
 */
export function foldIntoHistory(history: History, result: Result): History {
  const size = history.bucketSeconds * 1000;
  const time = Date.parse(result.at);
  const at = time - (time % size);
  const buckets = history.buckets.slice();
  const index = buckets.findIndex((b) => Date.parse(b.at) >= at);
  if (index !== -1 && Date.parse(buckets[index]!.at) === at) {
    buckets[index] = addToBucket(buckets[index]!, result);
  } else if (index === -1) {
    buckets.push(newBucket(at, result));
  } else {
    buckets.splice(index, 0, newBucket(at, result));
  }
  let count = 0;
  let good = 0;
  for (const b of buckets) {
    count += b.count;
    good += b.up + b.degraded;
  }
  return { ...history, buckets, uptime: count === 0 ? null : (good / count) * 100 };
}

function applyResult(client: QueryClient, { data }: LiveMessageOf<'result'>): void {
  const { serviceId, ...result } = data;
  updateService(client, serviceId, (service) => withResult(service, result));

  const logKey = queryKeys.checkResults(result.checkId);
  const log = client.getQueryData<ResultLog>(logKey);
  if (log && (log.pages[0]?.results.length ?? 0) >= LOG_LIVE_LIMIT) {
    void client.invalidateQueries({ queryKey: logKey, exact: true });
  } else {
    patchQuery<ResultLog>(client, logKey, (current) => prependResult(current, result));
  }

  for (const [key] of client.getQueriesData<History>({
    queryKey: queryKeys.checkHistory(result.checkId),
  })) {
    patchQuery<History>(client, key, (history) => foldIntoHistory(history, result));
  }
}

const CONTAINER_EVENTS: ReadonlySet<Event['type']> = new Set([
  'container',
  'restart_loop',
  'update_failed',
  'engine',
]);

function applyEvent(client: QueryClient, event: Event): void {
  // Only admins' streams carry audit events; their trail is kept newest first.
  if (event.type === 'audit') {
    patchQuery<Event[]>(client, queryKeys.audit, (events) =>
      events.some((e) => e.id === event.id) ? events : [event, ...events],
    );
    return;
  }
  // What an engine reports changes the containers' state, health and restarts: refetch them.
  if (CONTAINER_EVENTS.has(event.type)) {
    void client.invalidateQueries({ queryKey: queryKeys.containers });
    if (event.type === 'engine') void client.invalidateQueries({ queryKey: queryKeys.engines });
  }
  if (event.serviceId === null) return;
  patchQuery<Event[]>(client, queryKeys.serviceEvents(event.serviceId), (events) =>
    events.some((e) => e.id === event.id) ? events : [event, ...events],
  );
}

/** An event told earlier gained detail (log lines): the timeline shows it in its place. */
function replaceEvent(client: QueryClient, event: Event): void {
  if (event.serviceId === null) return;
  patchQuery<Event[]>(client, queryKeys.serviceEvents(event.serviceId), (events) =>
    events.map((e) => (e.id === event.id ? event : e)),
  );
}

function applyChanged(client: QueryClient, { data }: LiveMessageOf<'changed'>): void {
  if (data.resource === 'service' && data.action === 'deleted') {
    client.setQueryData<ServiceSummary[]>(queryKeys.serviceList, (list) =>
      list?.filter((s) => s.id !== data.id),
    );
    client.removeQueries({ queryKey: queryKeys.service(data.id) });
    client.removeQueries({ queryKey: queryKeys.serviceEvents(data.id) });
  } else {
    void client.invalidateQueries({ queryKey: queryKeys.service(data.serviceId) });
  }
  if (data.resource === 'check' && data.action === 'deleted') {
    client.removeQueries({ queryKey: queryKeys.check(data.id) });
  }
  void client.invalidateQueries({ queryKey: queryKeys.serviceList });
}

/** Alerts are cached as plain lists and as pages of an infinite query, all under one key. */
type AlertCache = Alert[] | InfiniteData<{ results: Alert[]; next: string | null }, unknown>;

/**
 * An alert changed state: patched in place wherever it is listed. A new one (or new messages
 * about one) needs its trail and deliveries, and one that resolved (or came back) belongs in
 * another list, so then the lists are fetched again.
 */
function applyAlert(client: QueryClient, alert: AlertChange): void {
  let known = false;
  let moved = false;
  const patchList = (list: Alert[]) => {
    const index = list.findIndex((item) => item.id === alert.id);
    if (index === -1) return list;
    const item = list[index]!;
    known = true;
    if ((item.state === 'resolved') !== (alert.state === 'resolved')) moved = true;
    const next = list.slice();
    next[index] = { ...item, ...alert };
    return next;
  };
  for (const [key] of client.getQueriesData<AlertCache>({ queryKey: queryKeys.alerts })) {
    patchQuery<AlertCache>(client, key, (data) => {
      if (Array.isArray(data)) return patchList(data);
      const pages = data.pages.map((page) => {
        const results = patchList(page.results);
        return results === page.results ? page : { ...page, results };
      });
      return pages.every((page, i) => page === data.pages[i]) ? data : { ...data, pages };
    });
  }
  void client.invalidateQueries({
    queryKey: queryKeys.alerts,
    refetchType: known && !moved ? 'none' : 'active',
  });
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
    case 'event_updated':
      return replaceEvent(client, message.data);
    case 'changed':
      return applyChanged(client, message);
    case 'alert':
      return applyAlert(client, message.data);
  }
}
