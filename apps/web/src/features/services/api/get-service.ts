import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Service } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getService = (id: number, signal?: AbortSignal) =>
  apiFetch<Service>(`/services/${id}`, signal ? { signal } : {});

export const serviceQueryOptions = (id: number) =>
  queryOptions({
    queryKey: queryKeys.service(id),
    queryFn: ({ signal }) => getService(id, signal),
  });

export const useService = (id: number) => useQuery(serviceQueryOptions(id));
