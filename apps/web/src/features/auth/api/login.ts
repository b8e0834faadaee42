import { useMutation } from '@tanstack/react-query';
import type { TokenPair, TokenRequest } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';

export const login = (body: TokenRequest) =>
  apiFetch<TokenPair>('/auth/token', { method: 'POST', body, auth: false });

export const useLogin = ({ onSuccess }: { onSuccess: (tokens: TokenPair) => void }) =>
  useMutation({ mutationFn: login, onSuccess });
