import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Maintenance,
  MaintenanceCreateInput,
  MaintenanceUpdate,
  Silence,
  SilenceCreateInput,
  SilenceUpdate,
} from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getSilences = (signal?: AbortSignal) =>
  apiFetch<{ results: Silence[] }>('/silences', signal ? { signal } : {}).then((p) => p.results);
export const silencesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.silences, queryFn: ({ signal }) => getSilences(signal) });
export const useSilences = () => useQuery(silencesQueryOptions());

export const getMaintenance = (signal?: AbortSignal) =>
  apiFetch<{ results: Maintenance[] }>('/maintenance', signal ? { signal } : {}).then(
    (p) => p.results,
  );
export const maintenanceQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.maintenance,
    queryFn: ({ signal }) => getMaintenance(signal),
    // "Active" follows the clock: a weekly window opens without anyone changing it.
    refetchInterval: 60_000,
  });
export const useMaintenance = () => useQuery(maintenanceQueryOptions());

export const createSilence = (body: SilenceCreateInput) =>
  apiFetch<Silence>('/silences', { method: 'POST', body });
export const updateSilence = ({ id, ...body }: SilenceUpdate & { id: number }) =>
  apiFetch<Silence>(`/silences/${id}`, { method: 'PATCH', body });
export const deleteSilence = (id: number) =>
  apiFetch<void>(`/silences/${id}`, { method: 'DELETE' });
export const createMaintenance = (body: MaintenanceCreateInput) =>
  apiFetch<Maintenance>('/maintenance', { method: 'POST', body });
export const updateMaintenance = ({ id, ...body }: MaintenanceUpdate & { id: number }) =>
  apiFetch<Maintenance>(`/maintenance/${id}`, { method: 'PATCH', body });
export const deleteMaintenance = (id: number) =>
  apiFetch<void>(`/maintenance/${id}`, { method: 'DELETE' });

function useMuteMutation<A, R>(mutationFn: (args: A) => Promise<R>, key: readonly unknown[]) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useCreateSilence = () => useMuteMutation(createSilence, queryKeys.silences);
export const useUpdateSilence = () => useMuteMutation(updateSilence, queryKeys.silences);
export const useDeleteSilence = () => useMuteMutation(deleteSilence, queryKeys.silences);
export const useCreateMaintenance = () => useMuteMutation(createMaintenance, queryKeys.maintenance);
export const useUpdateMaintenance = () => useMuteMutation(updateMaintenance, queryKeys.maintenance);
export const useDeleteMaintenance = () => useMuteMutation(deleteMaintenance, queryKeys.maintenance);
