import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { invalidateService } from './invalidate-service.ts';

export const deleteCheck = (id: number) => apiFetch<void>(`/checks/${id}`, { method: 'DELETE' });

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
