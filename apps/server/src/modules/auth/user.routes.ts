import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams, User, UserCreate, UserPatch } from '@homehub/contracts';
import { z } from 'zod';
import type { UserService } from './user.service.ts';
import { signedIn } from './session.cookies.ts';

export function userRoutes(users: UserService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['users'];
    const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

    r.get(
      '/users',
      {
        schema: {
          tags,
          summary: 'Every account',
          response: { 200: z.object({ results: z.array(User) }), ...errors },
        },
      },
      async () => ({ results: await users.list() }),
    );

    r.post(
      '/users',
      {
        schema: {
          tags,
          summary: 'Add an account',
          body: UserCreate,
          response: { 201: User, ...errors, 409: ErrorBody },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await users.create(signedIn(request), request.body)),
    );

    r.get(
      '/users/:id',
      {
        schema: {
          tags,
          summary: 'One account',
          params: IdParams,
          response: { 200: User, ...errors },
        },
      },
      (request) => users.get(request.params.id),
    );

    r.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary:
            'Change an account: role, active, name, email or a new password (which ends its sessions)',
          params: IdParams,
          body: UserPatch,
          response: { 200: User, ...errors, 409: ErrorBody },
        },
      },
      (request) => users.update(signedIn(request), request.params.id, request.body),
    );

    r.delete(
      '/users/:id',
      {
        schema: {
          tags,
          summary: 'Delete an account, its sessions and its tokens (never the last admin)',
          params: IdParams,
          response: { 204: z.null(), ...errors, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        await users.delete(signedIn(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
