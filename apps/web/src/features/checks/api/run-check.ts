import { useMutation } from '@tanstack/react-query';
import type { Result } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';

export const runCheck = (checkId: number) =>
  apiFetch<Result>('/checks/run', { method: 'POST', body: { checkId } });

/** The result also arrives on the live stream; this only hands it to the button that asked. */
export const useRunCheck = () => useMutation({ mutationFn: runCheck });
