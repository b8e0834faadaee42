import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Service, ServiceUpdate } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const updateService = (id: number, body: ServiceUpdate) =>
  apiFetch<Service>(`/services/${id}`, { method: 'PATCH', body });

export function useUpdateService(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceUpdate) => updateService(id, body),
    onSuccess: (service) => {
      client.setQueryData(queryKeys.service(service.id), service);
      return client.invalidateQueries({ queryKey: queryKeys.serviceList });
    },
  });
}
