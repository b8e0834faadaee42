import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '@homehub/contracts';
import type { AuthService, Principal } from '../modules/auth/auth.service.ts';
import { ForbiddenError, UnauthorizedError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route that anyone may call (login, setup, health). Everything else needs a token. */
    public?: boolean;
    /** The lowest role allowed; viewer when absent. */
    role?: Role;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** The bearer token from the Authorization header, or (browsers' WebSockets) ?token=. */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1];
  }
  if (request.url.startsWith('/ws/')) {
    const token = new URL(request.url, 'http://x').searchParams.get('token');
    return token ?? undefined;
  }
  return undefined;
}

/** Authenticates and role-checks every /api and /ws route unless it is declared public. */
export function registerAuthGuard(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const url = request.url;
    if (!url.startsWith('/api/v1') && !url.startsWith('/ws/')) return;
    const config = request.routeOptions.config;
    if (config.public || request.routeOptions.url === undefined) return;
    const token = tokenOf(request);
    const principal = token ? await auth.authenticate(token) : null;
    if (!principal) throw new UnauthorizedError();
    if (RANK[principal.role] < RANK[config.role ?? 'viewer']) throw new ForbiddenError();
    request.principal = principal;
  });
}
