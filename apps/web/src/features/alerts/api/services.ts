import { useQuery } from '@tanstack/react-query';
import type { ServiceSummary } from '@homehub/contracts';
import { apiFetch, cursorOf } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** What the alert forms need of a service: to name it, and its group and tags to offer. */
export type ServiceLabel = Pick<ServiceSummary, 'id' | 'name' | 'group' | 'tags'>;

interface ServicePage {
  results: ServiceSummary[];
  next: string | null;
}

/** Every service, following the list route's cursor as the overview does. */
export async function getServiceLabels(signal?: AbortSignal): Promise<ServiceLabel[]> {
  const all: ServiceLabel[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '500' });
    if (cursor) query.set('cursor', cursor);
    const page: ServicePage = await apiFetch<ServicePage>(
      `/services?${query}`,
      signal ? { signal } : {},
    );
    all.push(...page.results.map(({ id, name, group, tags }) => ({ id, name, group, tags })));
    cursor = cursorOf(page.next);
  } while (cursor);
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * `fresh`: fetched again whenever a form opens, so a group or tag given a moment ago (on
 * another page, or through the API) is offered.
 */
export const useServiceLabels = ({ fresh = false }: { fresh?: boolean } = {}) =>
  useQuery({
    queryKey: queryKeys.alertServices,
    queryFn: ({ signal }) => getServiceLabels(signal),
    staleTime: 60_000,
    ...(fresh ? { refetchOnMount: 'always' as const } : {}),
  });
