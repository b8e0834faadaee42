import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Service, ServiceCreateInput } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const createService = (body: ServiceCreateInput) =>
  apiFetch<Service>('/services', { method: 'POST', body });

export function useCreateService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createService,
    onSuccess: (service) => {
      client.setQueryData(queryKeys.service(service.id), service);
      return client.invalidateQueries({ queryKey: queryKeys.serviceList });
    },
  });
}
