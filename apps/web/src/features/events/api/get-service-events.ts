import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Event } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const TIMELINE_EVENTS = 100;

export async function getServiceEvents(serviceId: number, signal?: AbortSignal): Promise<Event[]> {
  const query = new URLSearchParams({
    serviceId: String(serviceId),
    limit: String(TIMELINE_EVENTS),
  });
  const page = await apiFetch<{ results: Event[] }>(`/events?${query}`, signal ? { signal } : {});
  return page.results;
}

export const serviceEventsQueryOptions = (serviceId: number) =>
  queryOptions({
    queryKey: queryKeys.serviceEvents(serviceId),
    queryFn: ({ signal }) => getServiceEvents(serviceId, signal),
  });

export const useServiceEvents = (serviceId: number) =>
  useQuery(serviceEventsQueryOptions(serviceId));
