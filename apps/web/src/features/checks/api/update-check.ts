import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Check, CheckUpdate } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { invalidateService } from './invalidate-service.ts';

export const updateCheck = ({ id, patch }: { id: number; patch: CheckUpdate }) =>
  apiFetch<Check>(`/checks/${id}`, { method: 'PATCH', body: patch });

export function useUpdateCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateCheck,
    onSuccess: (check) => invalidateService(client, check.serviceId),
  });
}
