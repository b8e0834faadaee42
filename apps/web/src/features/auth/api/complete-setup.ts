import { useMutation } from '@tanstack/react-query';
import type { SetupRequest, TokenPair } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { session } from '../../../lib/session.ts';

export const completeSetup = (body: SetupRequest) =>
  apiFetch<TokenPair>('/auth/setup', { method: 'POST', body, auth: false });

/** The hub signs the new admin's browser in as it creates the account. */
export const useCompleteSetup = ({ onSuccess }: { onSuccess: () => void }) =>
  useMutation({
    mutationFn: completeSetup,
    onSuccess: () => {
      session.started();
      onSuccess();
    },
  });
