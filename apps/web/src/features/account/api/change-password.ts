import { useMutation } from '@tanstack/react-query';
import type { PasswordChange } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { session } from '../../../lib/session.ts';

/** Every other sign-in ends; the hub hands this browser a fresh session (and CSRF cookie). */
export const changePassword = (body: PasswordChange) =>
  apiFetch<void>('/me/password', { method: 'POST', body });

export const useChangePassword = () =>
  useMutation({ mutationFn: changePassword, onSuccess: () => session.started() });
