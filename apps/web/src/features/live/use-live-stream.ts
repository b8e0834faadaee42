import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { LiveMessage } from '@homehub/contracts';
import type { LiveState } from '../../ui/live-indicator.tsx';
import { applyLiveMessage } from './apply-live-message.ts';
import { queryKeys } from '../../lib/query-keys.ts';

const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

/** 1 s, 2 s, 4 s … up to 30 s, each with up to a third of jitter so tabs do not reconnect in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** attempt);
  return Math.round(base * (1 - random() / 3));
}

function streamUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/ws/stream`;
}

/**
 * Follows /ws/stream while mounted and folds its messages into the query cache. The
 * handshake carries the session cookie; the hub checks it (and the page's origin) then.
 */
export function useLiveStream(): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let everOpened = false;
    let stopped = false;

    function connect() {
      timer = undefined;
      if (stopped) return;
      const ws = new WebSocket(streamUrl());
      socket = ws;
      ws.onopen = () => {
        attempt = 0;
        setState('live');
        // Whatever happened while we were away is not on the stream: refetch it once.
        if (everOpened) void client.invalidateQueries();
        everOpened = true;
      };
      ws.onmessage = (message: MessageEvent<string>) => {
        let json: unknown;
        try {
          json = JSON.parse(message.data);
        } catch {
          return;
        }
        const parsed = LiveMessage.safeParse(json);
        if (parsed.success) applyLiveMessage(client, parsed.data);
      };
      ws.onclose = () => {
        if (socket !== ws) return;
        socket = null;
        if (stopped) return;
        // A refused handshake may mean the session ended; asking who we are finds out (a 401
        // signs the dashboard out) without a request per retry when the hub is simply away.
        if (!everOpened || attempt === 0) void client.refetchQueries({ queryKey: queryKeys.me });
        retry();
      };
    }

    function retry() {
      setState('reconnecting');
      if (timer !== undefined) return;
      timer = setTimeout(connect, backoffDelay(attempt));
      attempt += 1;
    }

    function reconnectNow() {
      if (socket || stopped) return;
      clearTimeout(timer);
      timer = undefined;
      connect();
    }

    connect();
    window.addEventListener('online', reconnectNow);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', reconnectNow);
      socket?.close(1000, 'Leaving');
      socket = null;
    };
  }, [client]);

  return state;
}
