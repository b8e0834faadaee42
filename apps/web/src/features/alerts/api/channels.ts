import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Channel,
  ChannelCreateInput,
  ChannelUpdate,
  TestNotificationResult,
} from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getChannels = (signal?: AbortSignal) =>
  apiFetch<{ results: Channel[] }>('/channels', signal ? { signal } : {}).then((p) => p.results);

export const channelsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.channels, queryFn: ({ signal }) => getChannels(signal) });

export const useChannels = () => useQuery(channelsQueryOptions());

export const createChannel = (body: ChannelCreateInput) =>
  apiFetch<Channel>('/channels', { method: 'POST', body });
export const updateChannel = ({ id, ...body }: ChannelUpdate & { id: number }) =>
  apiFetch<Channel>(`/channels/${id}`, { method: 'PATCH', body });
export const deleteChannel = (id: number) =>
  apiFetch<void>(`/channels/${id}`, { method: 'DELETE' });
export const sendTest = (channelId: number) =>
  apiFetch<TestNotificationResult>('/alerts/test', { method: 'POST', body: { channelId } });

function useChannelMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    // Rules name channels: both lists may change.
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.alerting }),
  });
}

export const useCreateChannel = () => useChannelMutation(createChannel);
export const useUpdateChannel = () => useChannelMutation(updateChannel);
export const useDeleteChannel = () => useChannelMutation(deleteChannel);
export const useSendTest = () => useMutation({ mutationFn: sendTest });
