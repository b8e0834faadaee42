import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Check, CheckCreate, Result } from '@homehub/contracts';
import { apiFetch } from './client.ts';
import { queryKeys } from './query-keys.ts';

/** How many results the latency chart plots: the most the API hands out at once. */
export const CHART_RESULTS = 500;

/** What the add-check form sends: the API fills in defaults and validates. */
export type CheckDraft = Omit<CheckCreate, 'intervalSeconds' | 'enabled'> & {
  intervalSeconds?: number;
  enabled?: boolean;
};

export const createCheck = (body: CheckDraft) =>
  apiFetch<Check>('/checks', { method: 'POST', body });

export const deleteCheck = (id: number) => apiFetch<void>(`/checks/${id}`, { method: 'DELETE' });

export const runCheck = (checkId: number) =>
  apiFetch<Result>('/checks/run', { method: 'POST', body: { checkId } });

export async function listResults(checkId: number, signal?: AbortSignal): Promise<Result[]> {
  const page = await apiFetch<{ results: Result[] }>(
    `/checks/${checkId}/results?limit=${CHART_RESULTS}`,
    signal ? { signal } : {},
  );
  return page.results;
}

export const checkResultsQueryOptions = (checkId: number) =>
  queryOptions({
    queryKey: queryKeys.checkResults(checkId),
    queryFn: ({ signal }) => listResults(checkId, signal),
  });

export const useCheckResults = (checkId: number | undefined) =>
  useQuery({ ...checkResultsQueryOptions(checkId ?? 0), enabled: checkId !== undefined });

function invalidateService(client: ReturnType<typeof useQueryClient>, serviceId: number) {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.service(serviceId) }),
    client.invalidateQueries({ queryKey: queryKeys.serviceList }),
  ]);
}

export function useCreateCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createCheck,
    onSuccess: (check) => invalidateService(client, check.serviceId),
  });
}

export function useDeleteCheck(serviceId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteCheck,
    onSuccess: (_nothing, id) => {
      client.removeQueries({ queryKey: queryKeys.checkResults(id) });
      return invalidateService(client, serviceId);
    },
  });
}

/** The result also arrives on the live stream; this only hands it to the button that asked. */
export const useRunCheck = () => useMutation({ mutationFn: runCheck });
