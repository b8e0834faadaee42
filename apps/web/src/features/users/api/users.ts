import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate, UserPatch } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getUsers = (signal?: AbortSignal) =>
  apiFetch<{ results: User[] }>('/users', signal ? { signal } : {});

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => getUsers(signal),
    select: (page) => page.results,
  });

/** Admin only: others would get a 403, so they do not ask. */
export const useUsers = (enabled: boolean) => useQuery({ ...usersQueryOptions(), enabled });

export const createUser = (body: UserCreate) => apiFetch<User>('/users', { method: 'POST', body });
export const updateUser = ({ id, ...body }: UserPatch & { id: number }) =>
  apiFetch<User>(`/users/${id}`, { method: 'PATCH', body });
export const deleteUser = (id: number) => apiFetch<void>(`/users/${id}`, { method: 'DELETE' });

function useUserMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export const useCreateUser = () => useUserMutation(createUser);
export const useUpdateUser = () => useUserMutation(updateUser);
export const useDeleteUser = () => useUserMutation(deleteUser);
