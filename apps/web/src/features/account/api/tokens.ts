import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, ApiTokenCreate, ApiTokenCreated } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getTokens = (all: boolean, signal?: AbortSignal) =>
  apiFetch<{ results: ApiToken[] }>(`/tokens${all ? '?all=true' : ''}`, signal ? { signal } : {});

export const tokensQueryOptions = (all: boolean) =>
  queryOptions({
    queryKey: queryKeys.tokens(all),
    queryFn: ({ signal }) => getTokens(all, signal),
    select: (page) => page.results,
  });

export const useTokens = (all: boolean) => useQuery(tokensQueryOptions(all));

export const createToken = (body: ApiTokenCreate) =>
  apiFetch<ApiTokenCreated>('/tokens', { method: 'POST', body });

export const revokeToken = (id: number) => apiFetch<void>(`/tokens/${id}`, { method: 'DELETE' });

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens() }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens() }),
  });
}
