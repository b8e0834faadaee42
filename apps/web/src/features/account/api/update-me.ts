import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MePatch, User } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const updateMe = (body: MePatch) => apiFetch<User>('/me', { method: 'PATCH', body });

export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => client.setQueryData(queryKeys.me, me),
  });
}
