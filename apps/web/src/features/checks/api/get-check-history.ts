import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { History, HistoryRange } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** A check's rollup buckets over a range, oldest first; buckets without results are absent. */
export const getCheckHistory = (checkId: number, range: HistoryRange, signal?: AbortSignal) =>
  apiFetch<History>(
    `/checks/${checkId}/history?${new URLSearchParams({ range })}`,
    signal ? { signal } : {},
  );

export const checkHistoryQueryOptions = (checkId: number, range: HistoryRange) =>
  queryOptions({
    queryKey: queryKeys.checkHistory(checkId, range),
    queryFn: ({ signal }) => getCheckHistory(checkId, range, signal),
  });

/** While another range or check loads, the previous chart stays up instead of a skeleton. */
export const useCheckHistory = (checkId: number | undefined, range: HistoryRange) =>
  useQuery({
    ...checkHistoryQueryOptions(checkId ?? 0, range),
    enabled: checkId !== undefined,
    placeholderData: keepPreviousData,
  });
