import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Alert } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The newest alerts, firing and resolved; the page shows the firing ones on top. */
const LIMIT = 100;

export const getAlerts = (signal?: AbortSignal) =>
  apiFetch<{ results: Alert[] }>(`/alerts?limit=${LIMIT}`, signal ? { signal } : {}).then(
    (page) => page.results,
  );

export const alertsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.alerts,
    queryFn: ({ signal }) => getAlerts(signal),
    // Deliveries and retries change attempts without a state change: look again now and then.
    refetchInterval: 30_000,
  });

export const useAlerts = () => useQuery(alertsQueryOptions());

export const acknowledgeAlert = (id: number) =>
  apiFetch<Alert>(`/alerts/${id}/ack`, { method: 'POST' });

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeAlert,
    onSuccess: (alert) =>
      client.setQueryData<Alert[]>(queryKeys.alerts, (list) =>
        list?.map((a) => (a.id === alert.id ? alert : a)),
      ),
  });
}
