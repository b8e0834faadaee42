import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Health } from '@homehub/contracts';

export function healthRoutes(ping: () => Promise<boolean>) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/healthz',
      {
        schema: { tags: ['health'], summary: 'The process is alive', response: { 200: Health } },
      },
      () => ({ status: 'ok' as const }),
    );
    r.get(
      '/readyz',
      {
        schema: {
          tags: ['health'],
          summary: 'The database answers',
          response: { 200: Health, 503: Health },
        },
      },
      async (_request, reply) =>
        (await ping())
          ? { status: 'ok' as const }
          : reply.status(503).send({ status: 'unavailable' as const }),
    );
  };
}
