import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ServiceSummary } from '@homehub/contracts';
import { apiFetch, cursorOf } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

interface ServicePage {
  results: ServiceSummary[];
  next: string | null;
}

const PAGE_SIZE = 500;

/** The overview shows every service, so it follows the cursor to the last page. */
export async function getServices(signal?: AbortSignal): Promise<ServiceSummary[]> {
  const all: ServiceSummary[] = [];
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

export const servicesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.serviceList, queryFn: ({ signal }) => getServices(signal) });

export const useServices = () => useQuery(servicesQueryOptions());
