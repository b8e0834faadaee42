import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Container, ContainerStats, Engine, StatsRange } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

type List<T> = { results: T[] };
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Stats are sampled every 15 s by default: lists and charts follow at that pace. */
const STATS_REFRESH_MS = 15_000;

export const enginesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.engines,
    queryFn: ({ signal }) => apiFetch<List<Engine>>('/engines', withSignal(signal)),
    select: (page) => page.results,
  });

export const containersQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.containers,
    queryFn: ({ signal }) => apiFetch<List<Container>>('/containers', withSignal(signal)),
    select: (page) => page.results,
    refetchInterval: STATS_REFRESH_MS,
  });

export const useEngines = () => useQuery(enginesQueryOptions());
export const useContainers = () => useQuery(containersQueryOptions());

/** The container behind a service, when the service was discovered from one. */
export const useServiceContainer = (serviceId: number) =>
  useQuery({
    queryKey: queryKeys.serviceContainers(serviceId),
    queryFn: ({ signal }) =>
      apiFetch<List<Container>>(`/containers?serviceId=${serviceId}`, withSignal(signal)),
    select: (page) => page.results[0] ?? null,
    refetchInterval: STATS_REFRESH_MS,
  });

export const useContainerStats = (id: number, range: StatsRange) =>
  useQuery({
    queryKey: queryKeys.containerStats(id, range),
    queryFn: ({ signal }) =>
      apiFetch<ContainerStats>(`/containers/${id}/stats?range=${range}`, withSignal(signal)),
    refetchInterval: STATS_REFRESH_MS,
  });
