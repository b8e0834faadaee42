import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Check, CheckCreate } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { invalidateService } from './invalidate-service.ts';

/** What the add-check form sends: the API fills in defaults and validates. */
export type CheckDraft = Omit<CheckCreate, 'intervalSeconds' | 'enabled'> & {
  intervalSeconds?: number;
  enabled?: boolean;
};

export const createCheck = (body: CheckDraft) =>
  apiFetch<Check>('/checks', { method: 'POST', body });

export function useCreateCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createCheck,
    onSuccess: (check) => invalidateService(client, check.serviceId),
  });
}
