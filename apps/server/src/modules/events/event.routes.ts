import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, Event, EventsQuery, listOf } from '@homehub/contracts';
import { listResponse } from '../../platform/pagination.ts';
import type { EventService } from './event.service.ts';

export function eventRoutes(events: EventService) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/events',
      {
        schema: {
          tags: ['events'],
          summary: 'The timeline, newest first',
          querystring: EventsQuery,
          response: { 200: listOf(Event), 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (request) =>
        listResponse(
          request,
          await events.list({
            ...request.query,
            includeAudit: request.principal?.role === 'admin',
          }),
        ),
    );
  };
}
