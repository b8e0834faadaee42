import { useMutation } from '@tanstack/react-query';
import type { Session, TokenRequest } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { session } from '../../../lib/session.ts';

/** Signs the browser in: the hub answers with its session cookies. */
export const login = (body: TokenRequest) =>
  apiFetch<Session>('/auth/login', { method: 'POST', body, auth: false });

export const useLogin = ({ onSuccess }: { onSuccess: () => void }) =>
  useMutation({
    mutationFn: login,
    onSuccess: () => {
      session.started();
      onSuccess();
    },
  });
