import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Result } from '@homehub/contracts';
import { apiFetch, cursorOf } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** One page of raw results, newest first; `next` is the URL of the older page. */
export interface ResultsPage {
  results: Result[];
  next: string | null;
}

export const RESULTS_PAGE_SIZE = 50;

export interface ResultsQuery {
  limit?: number;
  cursor?: string | null;
  /** ISO times: inclusive, exclusive. */
  since?: string;
  until?: string;
}

export function getCheckResults(
  checkId: number,
  { limit = RESULTS_PAGE_SIZE, cursor, since, until }: ResultsQuery = {},
  signal?: AbortSignal,
): Promise<ResultsPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  if (since) query.set('since', since);
  if (until) query.set('until', until);
  return apiFetch<ResultsPage>(`/checks/${checkId}/results?${query}`, signal ? { signal } : {});
}

/** The result log: the newest page first, "Load older" follows each page's `next`. */
export const checkResultsInfiniteOptions = (checkId: number) =>
  infiniteQueryOptions({
    queryKey: queryKeys.checkResults(checkId),
    queryFn: ({ pageParam, signal }) => getCheckResults(checkId, { cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ResultsPage) => cursorOf(last.next),
  });

export const useCheckResults = (checkId: number | undefined) =>
  useInfiniteQuery({
    ...checkResultsInfiniteOptions(checkId ?? 0),
    enabled: checkId !== undefined,
  });
