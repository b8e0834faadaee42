import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Actor, Principal } from './auth.service.ts';
import { SESSION_TTL_MS } from './auth.service.ts';

/** httpOnly: scripts never see the session secret. */
export const SESSION_COOKIE = 'hh_session';
/** Readable by the dashboard, which echoes it in X-CSRF-Token on every change it makes. */
export const CSRF_COOKIE = 'hh_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; csrfToken: string },
): void {
  // Secure only over HTTPS (TRUST_PROXY lets a proxy say so): a hub on a plain-HTTP LAN
  // address must still be able to sign people in.
  const base = {
    path: '/',
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    maxAge: SESSION_TTL_MS / 1000,
  };
  void reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export const actorOf = (request: FastifyRequest): Actor => ({
  principal: request.principal,
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? '',
});

/** For routes the access table keeps from anonymous callers: the principal is there. */
export function signedIn(request: FastifyRequest): Actor & { principal: Principal } {
  const principal = request.principal;
  if (!principal) throw new Error('route reached without a principal');
  return { ...actorOf(request), principal };
}
