import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { Alert, AlertState } from '@homehub/contracts';
import { apiFetch, cursorOf } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** One page of alerts, newest first; `next` is the URL of the older page. */
export interface AlertPage {
  results: Alert[];
  next: string | null;
}
export type AlertHistory = InfiniteData<AlertPage, string | null>;

/** Both lists sit under `queryKeys.alerts`, so invalidating that refreshes the two. */
export const alertKeys = {
  /** Firing and pending alerts, however old: a plain list. */
  open: [...queryKeys.alerts, 'open'] as const,
  /** Resolved alerts, page by page (an infinite query). */
  history: [...queryKeys.alerts, 'history'] as const,
};

export const HISTORY_PAGE_SIZE = 50;
/** The route's largest page: far more than ever fire at once in a home lab. */
const OPEN_LIMIT = 500;

export function getAlertPage(
  { state, cursor, limit }: { state: AlertState; cursor?: string | null; limit: number },
  signal?: AbortSignal,
): Promise<AlertPage> {
  const query = new URLSearchParams({ state, limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return apiFetch<AlertPage>(`/alerts?${query}`, signal ? { signal } : {});
}

/** What needs attention: firing and pending alerts, newest first. */
export async function getOpenAlerts(signal?: AbortSignal): Promise<Alert[]> {
  const pages = await Promise.all(
    (['firing', 'pending'] as const).map((state) =>
      getAlertPage({ state, limit: OPEN_LIMIT }, signal),
    ),
  );
  return pages.flatMap((page) => page.results).sort((a, b) => b.id - a.id);
}

export const openAlertsQueryOptions = () =>
  queryOptions({
    queryKey: alertKeys.open,
    queryFn: ({ signal }) => getOpenAlerts(signal),
    // Deliveries and retries change attempts without a state change: look again now and then.
    refetchInterval: 30_000,
  });

export const useOpenAlerts = () => useQuery(openAlertsQueryOptions());

export const alertHistoryInfiniteOptions = () =>
  infiniteQueryOptions({
    queryKey: alertKeys.history,
    queryFn: ({ pageParam, signal }) =>
      getAlertPage({ state: 'resolved', cursor: pageParam, limit: HISTORY_PAGE_SIZE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: AlertPage) => cursorOf(last.next),
  });

export const useAlertHistory = () => useInfiniteQuery(alertHistoryInfiniteOptions());

/** Replaces one alert wherever it is cached, the open list or a history page; says if found. */
export function replaceAlert(
  client: QueryClient,
  id: number,
  update: (alert: Alert) => Alert,
): boolean {
  let found = false;
  const patch = (list: Alert[]) => {
    const index = list.findIndex((a) => a.id === id);
    if (index === -1) return list;
    found = true;
    const next = list.slice();
    next[index] = update(list[index]!);
    return next;
  };
  client.setQueryData<Alert[]>(alertKeys.open, (list) => list && patch(list));
  client.setQueryData<AlertHistory>(
    alertKeys.history,
    (history) =>
      history && {
        ...history,
        pages: history.pages.map((page) => ({ ...page, results: patch(page.results) })),
      },
  );
  return found;
}

export const acknowledgeAlert = (id: number) =>
  apiFetch<Alert>(`/alerts/${id}/ack`, { method: 'POST' });

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeAlert,
    onSuccess: (alert) => replaceAlert(client, alert.id, () => alert),
  });
}
