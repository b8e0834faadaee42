import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Service, ServiceCreate, ServiceUpdate } from '@homehub/contracts';
import { apiFetch, cursorOf } from './client.ts';
import { queryKeys } from './query-keys.ts';

interface ServicePage {
  results: Service[];
  next: string | null;
}

const PAGE_SIZE = 500;

/** The overview shows every service, so it follows the cursor to the last page. */
export async function listServices(signal?: AbortSignal): Promise<Service[]> {
  const all: Service[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) query.set('cursor', cursor);
    const page: ServicePage = await apiFetch<ServicePage>(
      `/services?${query}`,
      signal ? { signal } : {},
    );
    all.push(...page.results);
    cursor = cursorOf(page.next);
  } while (cursor);
  return all;
}

export const getService = (id: number, signal?: AbortSignal) =>
  apiFetch<Service>(`/services/${id}`, signal ? { signal } : {});

export const createService = (body: ServiceCreate) =>
  apiFetch<Service>('/services', { method: 'POST', body });

export const updateService = (id: number, body: ServiceUpdate) =>
  apiFetch<Service>(`/services/${id}`, { method: 'PATCH', body });

export const deleteService = (id: number) =>
  apiFetch<void>(`/services/${id}`, { method: 'DELETE' });

export const servicesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.serviceList, queryFn: ({ signal }) => listServices(signal) });

export const serviceQueryOptions = (id: number) =>
  queryOptions({
    queryKey: queryKeys.service(id),
    queryFn: ({ signal }) => getService(id, signal),
  });

export const useServices = () => useQuery(servicesQueryOptions());

export const useService = (id: number) => useQuery(serviceQueryOptions(id));

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

export function useDeleteService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteService,
    onSuccess: (_nothing, id) => {
      client.setQueryData<Service[]>(queryKeys.serviceList, (old) =>
        old?.filter((s) => s.id !== id),
      );
      client.removeQueries({ queryKey: queryKeys.service(id) });
      return client.invalidateQueries({ queryKey: queryKeys.serviceList });
    },
  });
}
