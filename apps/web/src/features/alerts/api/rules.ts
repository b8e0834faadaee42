import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Rule, RuleCreateInput, RuleUpdate } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getRules = (signal?: AbortSignal) =>
  apiFetch<{ results: Rule[] }>('/rules', signal ? { signal } : {}).then((p) => p.results);

export const rulesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.rules, queryFn: ({ signal }) => getRules(signal) });

export const useRules = () => useQuery(rulesQueryOptions());

export const createRule = (body: RuleCreateInput) =>
  apiFetch<Rule>('/rules', { method: 'POST', body });
export const updateRule = ({ id, ...body }: RuleUpdate & { id: number }) =>
  apiFetch<Rule>(`/rules/${id}`, { method: 'PATCH', body });
export const deleteRule = (id: number) => apiFetch<void>(`/rules/${id}`, { method: 'DELETE' });

function useRuleMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.rules }),
  });
}

export const useCreateRule = () => useRuleMutation(createRule);
export const useUpdateRule = () => useRuleMutation(updateRule);
export const useDeleteRule = () => useRuleMutation(deleteRule);
