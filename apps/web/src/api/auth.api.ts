import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  SetupRequest,
  SetupStatus as SetupStatusSchema,
  TokenPair,
  TokenRequest,
  User,
} from '@homehub/contracts';
import type { z } from 'zod';
import { apiFetch } from './client.ts';
import { queryKeys } from './query-keys.ts';

export type SetupStatus = z.infer<typeof SetupStatusSchema>;

export const login = (body: TokenRequest) =>
  apiFetch<TokenPair>('/auth/token', { method: 'POST', body, auth: false });

export const completeSetup = (body: SetupRequest) =>
  apiFetch<TokenPair>('/auth/setup', { method: 'POST', body, auth: false });

export const getSetupStatus = () => apiFetch<SetupStatus>('/auth/setup', { auth: false });

export const getMe = () => apiFetch<User>('/me');

export const setupStatusQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.setup, queryFn: getSetupStatus, staleTime: 0 });

export const meQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 5 * 60_000 });

export const useMe = () => useQuery(meQueryOptions());

/** Viewers look; operators and admins may add, run and delete. */
export function useCanOperate(): boolean {
  const role = useMe().data?.role;
  return role === 'operator' || role === 'admin';
}
