import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { LiveMessage } from '@homehub/contracts';
import { freshAccessToken } from '../../lib/client.ts';
import type { LiveState } from '../../ui/live-indicator.tsx';
import { applyLiveMessage } from './apply-live-message.ts';

const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

/** 1 s, 2 s, 4 s … up to 30 s, each with up to a third of jitter so tabs do not reconnect in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** attempt);
  return Math.round(base * (1 - random() / 3));
}

function streamUrl(token: string): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/ws/stream?token=${encodeURIComponent(token)}`;
}

/**
 * Follows /ws/stream while mounted and folds its messages into the query cache.
 * Browsers cannot set headers on a WebSocket, so the access token rides in the URL;
 * it is refreshed before every (re)connect because the server checks it only then.
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
    let connecting = false;

    async function connect() {
      timer = undefined;
      connecting = true;
      const token = await freshAccessToken().catch(() => null);
      connecting = false;
      if (stopped) return;
      if (!token) return retry(); // signed out or hub unreachable; the auth gate handles the former
      const ws = new WebSocket(streamUrl(token));
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
        if (!stopped) retry();
      };
    }

    function retry() {
      setState('reconnecting');
      if (timer !== undefined) return;
      timer = setTimeout(() => void connect(), backoffDelay(attempt));
      attempt += 1;
    }

    function reconnectNow() {
      if (socket || connecting || stopped) return;
      clearTimeout(timer);
      timer = undefined;
      void connect();
    }

    void connect();
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
