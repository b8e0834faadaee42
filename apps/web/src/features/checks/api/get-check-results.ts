import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Result } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { CHART_RESULTS } from '../../../lib/result-limits.ts';

export async function getCheckResults(checkId: number, signal?: AbortSignal): Promise<Result[]> {
  const page = await apiFetch<{ results: Result[] }>(
    `/checks/${checkId}/results?limit=${CHART_RESULTS}`,
    signal ? { signal } : {},
  );
  return page.results;
}

export const checkResultsQueryOptions = (checkId: number) =>
  queryOptions({
    queryKey: queryKeys.checkResults(checkId),
    queryFn: ({ signal }) => getCheckResults(checkId, signal),
  });

export const useCheckResults = (checkId: number | undefined) =>
  useQuery({ ...checkResultsQueryOptions(checkId ?? 0), enabled: checkId !== undefined });
