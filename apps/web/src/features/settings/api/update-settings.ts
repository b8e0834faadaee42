import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Settings, SettingsUpdate } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Answers the settings as saved, with the disk estimate recomputed for them. */
export const updateSettings = (body: SettingsUpdate) =>
  apiFetch<Settings>('/settings', { method: 'PATCH', body });

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => client.setQueryData(queryKeys.settings, settings),
  });
}
