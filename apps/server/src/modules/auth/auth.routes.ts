import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  MePatch,
  PasswordChange,
  RefreshRequest,
  Session,
  SetupRequest,
  SetupStatus,
  TokenPair,
  TokenRequest,
  User,
} from '@homehub/contracts';
import { z } from 'zod';
import type { AuthService } from './auth.service.ts';
import { actorOf, clearSessionCookies, setSessionCookies, signedIn } from './session.cookies.ts';

export function authRoutes(auth: AuthService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['auth'];
    const signIn = { 400: ErrorBody, 401: ErrorBody, 429: ErrorBody };

    r.post(
      '/auth/token',
      {
        schema: {
          tags,
          summary: 'API clients: exchange email and password for an access and a refresh token',
          body: TokenRequest,
          response: { 200: TokenPair, ...signIn },
        },
      },
      (request) => auth.login(request.body, actorOf(request)),
    );

    r.post(
      '/auth/token/refresh',
      {
        schema: {
          tags,
          summary:
            'Exchange a refresh token for a new pair; each refresh token works once, and one used twice revokes its sign-in',
          body: RefreshRequest,
          response: { 200: TokenPair, 400: ErrorBody, 401: ErrorBody },
        },
      },
      (request) => auth.refresh(request.body.refresh, actorOf(request)),
    );

    r.post(
      '/auth/login',
      {
        schema: {
          tags,
          summary:
            'Browsers: sign in with a session cookie; send the answered csrfToken as X-CSRF-Token with every change',
          body: TokenRequest,
          response: { 200: Session, ...signIn },
        },
      },
      async (request, reply) => {
        const session = await auth.loginSession(request.body, actorOf(request));
        setSessionCookies(request, reply, session);
        return { user: session.user, csrfToken: session.csrfToken };
      },
    );

    r.post(
      '/auth/logout',
      {
        schema: {
          tags,
          summary: 'End this browser session',
          response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request, reply) => {
        await auth.logout(signedIn(request));
        clearSessionCookies(reply);
        return reply.status(204).send(null);
      },
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
          summary:
            'Create the first admin with the one-time setup token printed at start; signs the browser in too',
          body: SetupRequest,
          response: { 201: TokenPair, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const { pair, session } = await auth.completeSetup(request.body, actorOf(request));
        setSessionCookies(request, reply, session);
        return reply.status(201).send(pair);
      },
    );

    r.get(
      '/me',
      { schema: { tags, summary: 'The signed-in user', response: { 200: User, 401: ErrorBody } } },
      (request) => auth.me(signedIn(request).principal),
    );

    r.patch(
      '/me',
      {
        schema: {
          tags,
          summary: 'Change one’s own name or email',
          body: MePatch,
          response: { 200: User, 400: ErrorBody, 401: ErrorBody, 409: ErrorBody },
        },
      },
      (request) => auth.updateMe(signedIn(request).principal, request.body),
    );

    r.post(
      '/me/password',
      {
        schema: {
          tags,
          summary:
            'Change one’s own password: every other session and refresh token ends; a browser gets a fresh session',
          body: PasswordChange,
          response: { 204: z.null(), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request, reply) => {
        const session = await auth.changePassword(signedIn(request), request.body);
        if (session) setSessionCookies(request, reply, session);
        return reply.status(204).send(null);
      },
    );
  };
}
