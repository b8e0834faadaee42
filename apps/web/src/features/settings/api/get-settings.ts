import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Settings } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getSettings = (signal?: AbortSignal) =>
  apiFetch<Settings>('/settings', signal ? { signal } : {});

export const settingsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.settings, queryFn: ({ signal }) => getSettings(signal) });

/** Admin only: others would get a 403, so they do not ask. */
export const useSettings = (enabled: boolean) => useQuery({ ...settingsQueryOptions(), enabled });
