import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Event } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const AUDIT_EVENTS = 50;

export async function getAudit(signal?: AbortSignal): Promise<Event[]> {
  const query = new URLSearchParams({ type: 'audit', limit: String(AUDIT_EVENTS) });
  const page = await apiFetch<{ results: Event[] }>(`/events?${query}`, signal ? { signal } : {});
  return page.results;
}

export const auditQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.audit, queryFn: ({ signal }) => getAudit(signal) });

/** Admin only; the live stream adds new entries as they happen. */
export const useAudit = (enabled: boolean) => useQuery({ ...auditQueryOptions(), enabled });
