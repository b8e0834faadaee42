import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ServiceSummary } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const deleteService = (id: number) =>
  apiFetch<void>(`/services/${id}`, { method: 'DELETE' });

export function useDeleteService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteService,
    onSuccess: (_nothing, id) => {
      client.setQueryData<ServiceSummary[]>(queryKeys.serviceList, (old) =>
        old?.filter((s) => s.id !== id),
      );
      client.removeQueries({ queryKey: queryKeys.service(id) });
      return client.invalidateQueries({ queryKey: queryKeys.serviceList });
    },
  });
}
