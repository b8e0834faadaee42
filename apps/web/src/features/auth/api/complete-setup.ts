import { useMutation } from '@tanstack/react-query';
import type { SetupRequest, TokenPair } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';

export const completeSetup = (body: SetupRequest) =>
  apiFetch<TokenPair>('/auth/setup', { method: 'POST', body, auth: false });

export const useCompleteSetup = ({ onSuccess }: { onSuccess: (tokens: TokenPair) => void }) =>
  useMutation({ mutationFn: completeSetup, onSuccess });
