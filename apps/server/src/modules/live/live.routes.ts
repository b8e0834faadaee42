import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/websocket';
import type { WebSocket } from 'ws';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, type LiveMessage } from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';

/** A client that cannot keep up is cut off rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const PING_INTERVAL_MS = 30_000;

function serviceOf(message: LiveMessage): number | null {
  switch (message.type) {
    case 'result':
    case 'check':
      return message.data.serviceId;
    case 'event':
    case 'event_updated':
      return message.data.serviceId;
    case 'service':
      return message.data.id;
    case 'changed':
      return message.data.serviceId;
    case 'alert':
      return message.data.serviceId;
  }
}

function follow(socket: WebSocket, bus: Bus, filter: (m: LiveMessage) => boolean): void {
  let alive = true;
  const unsubscribe = bus.subscribe((message) => {
    if (!filter(message) || socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(1013, 'Too slow');
      return;
    }
    socket.send(JSON.stringify(message));
  });
  // Pings keep proxies from closing an idle stream and find dead peers.
  const ping = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, PING_INTERVAL_MS);
  ping.unref();
  socket.on('pong', () => (alive = true));
  socket.on('message', () => undefined);
  socket.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
}

/** Audit events (who signed in, who changed whom) are for admins alone, live as in the API. */
function visibleTo(request: FastifyRequest): (message: LiveMessage) => boolean {
  const admin = request.principal?.role === 'admin';
  return (message) =>
    admin ||
    (message.type !== 'event' && message.type !== 'event_updated') ||
    message.data.type !== 'audit';
}

export function liveRoutes(bus: Bus) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/ws/stream', { websocket: true, schema: { hide: true } }, (socket, request) => {
      follow(socket, bus, visibleTo(request));
    });
    r.get(
      '/ws/services/:id/stream',
      { websocket: true, schema: { hide: true, params: IdParams } },
      (socket, request) => {
        const id = request.params.id;
        const visible = visibleTo(request);
        follow(socket, bus, (message) => serviceOf(message) === id && visible(message));
      },
    );
  };
}
