import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AccessToken,
  ErrorBody,
  RefreshRequest,
  SetupRequest,
  SetupStatus,
  TokenPair,
  TokenRequest,
  User,
} from '@homehub/contracts';
import type { AuthService } from './auth.service.ts';

export function authRoutes(auth: AuthService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['auth'];

    r.post(
      '/auth/token',
      {
        schema: {
          tags,
          summary: 'Exchange email and password for an access and a refresh token',
          body: TokenRequest,
          response: { 200: TokenPair, 400: ErrorBody, 401: ErrorBody },
        },
      },
      (request) => auth.login(request.body),
    );

    r.post(
      '/auth/token/refresh',
      {
        schema: {
          tags,
          summary: 'Exchange a refresh token for a new access token',
          body: RefreshRequest,
          response: { 200: AccessToken, 400: ErrorBody, 401: ErrorBody },
        },
      },
      (request) => auth.refresh(request.body.refresh),
    );

    r.get(
      '/auth/setup',
      {
        schema: {
          tags,
          summary: 'Whether the hub still needs its first admin',
          response: { 200: SetupStatus },
        },
      },
      async () => ({ needed: await auth.setupNeeded() }),
    );

    r.post(
      '/auth/setup',
      {
        schema: {
          tags,
          summary: 'Create the first admin with the one-time setup token printed at start',
          body: SetupRequest,
          response: { 201: TokenPair, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
        },
      },
      async (request, reply) => reply.status(201).send(await auth.completeSetup(request.body)),
    );

    r.get(
      '/me',
      { schema: { tags, summary: 'The signed-in user', response: { 200: User, 401: ErrorBody } } },
      (request) => auth.me(request.principal!),
    );
  };
}
