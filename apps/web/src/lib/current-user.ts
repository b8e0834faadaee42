import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@homehub/contracts';
import { apiFetch } from './client.ts';
import { session } from './session.ts';
import { queryKeys } from './query-keys.ts';

// Several features ask who is signed in (services and checks hide what a viewer may not do,
// the user menu shows the name), so the current user lives here rather than in one feature.

export const getMe = () => apiFetch<User>('/me');

/** Ends the session at the hub, and here even when the hub cannot be reached. */
export async function signOut(): Promise<void> {
  try {
    await apiFetch('/auth/logout', { method: 'POST' });
  } finally {
    session.ended();
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 5 * 60_000 });

export const useMe = () => useQuery(meQueryOptions());

/** Viewers look; operators and admins may add, run and delete. */
export function useCanOperate(): boolean {
  const role = useMe().data?.role;
  return role === 'operator' || role === 'admin';
}

/** Admins also manage the hub itself: settings, users, retention. */
export const useIsAdmin = (): boolean => useMe().data?.role === 'admin';
