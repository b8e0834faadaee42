import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, PushAnswer, PushParams, PushQuery } from '@homehub/contracts';
import type { PushService } from './push.service.ts';

/** A message in the body is read as text, whatever the job's tool calls it. */
const MAX_BODY = 10_000;

export function pushRoutes(push: PushService) {
  return async function (app: FastifyInstance) {
    // Scripts post with curl's defaults (form-encoded) or send JSON or nothing: take the text.
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY }, (_req, body, done) =>
      done(null, body),
    );
    const r = app.withTypeProvider<ZodTypeProvider>();
    for (const url of ['/push/:token', '/push/:token/:signal']) {
      r.route({
        method: ['GET', 'POST'],
        url,
        schema: {
          tags: ['push'],
          summary:
            'A job reports in: its secret URL alone authenticates it. Optional signal: start, success, fail or an exit code; ?msg= or a text body becomes the result message',
          params: PushParams,
          querystring: PushQuery,
          response: { 200: PushAnswer, 400: ErrorBody, 404: ErrorBody },
        },
        handler: async (request) => {
          const { token, signal } = request.params;
          const body = typeof request.body === 'string' ? request.body : undefined;
          await push.receive(token, signal ?? 'success', request.query.msg ?? body?.slice(0, 1000));
          return { ok: true as const };
        },
      });
    }
  };
}
