import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApiToken,
  ApiTokenCreate,
  ApiTokenCreated,
  ErrorBody,
  IdParams,
  TokensQuery,
} from '@homehub/contracts';
import { z } from 'zod';
import type { ApiTokenService } from './api-token.service.ts';
import { signedIn } from './session.cookies.ts';

export function apiTokenRoutes(tokens: ApiTokenService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['tokens'];
    const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

    r.get(
      '/tokens',
      {
        schema: {
          tags,
          summary: 'One’s own personal access tokens (admins: ?all=true for everyone’s)',
          querystring: TokensQuery,
          response: { 200: z.object({ results: z.array(ApiToken) }), ...errors },
        },
      },
      async (request) => ({
        results: await tokens.list(signedIn(request).principal, request.query.all ?? false),
      }),
    );

    r.post(
      '/tokens',
      {
        schema: {
          tags,
          summary:
            'Create a personal access token for scripts and bots; the token is answered once and only its hash is kept',
          body: ApiTokenCreate,
          response: { 201: ApiTokenCreated, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await tokens.create(signedIn(request), request.body)),
    );

    r.get(
      '/tokens/:id',
      {
        schema: {
          tags,
          summary: 'One token (never its secret)',
          params: IdParams,
          response: { 200: ApiToken, ...errors },
        },
      },
      (request) => tokens.get(signedIn(request).principal, request.params.id),
    );

    r.delete(
      '/tokens/:id',
      {
        schema: {
          tags,
          summary: 'Revoke a token: it stops working at once',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await tokens.revoke(signedIn(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
