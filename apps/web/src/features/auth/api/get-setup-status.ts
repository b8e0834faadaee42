import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SetupStatus as SetupStatusSchema } from '@homehub/contracts';
import type { z } from 'zod';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export type SetupStatus = z.infer<typeof SetupStatusSchema>;

export const getSetupStatus = () => apiFetch<SetupStatus>('/auth/setup', { auth: false });

export const setupStatusQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.setup, queryFn: getSetupStatus, staleTime: 0 });

export const useSetupStatus = () => useQuery(setupStatusQueryOptions());
