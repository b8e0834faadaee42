import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '@homehub/contracts';
import type { AuthService, Principal } from '../modules/auth/auth.service.ts';
import { ACCESS, accessKey, isGoverned, type Access } from './access.ts';
import { ForbiddenError, UnauthorizedError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Stamped from the access table when the route registers; never set by hand. */
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

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

/**
 * Every governed route takes its access from the table as it registers, and a route the
 * table does not name stops the hub from starting. Registered routes are listed in
 * `routes` so a test can prove each one is enforced.
 */
export function registerAccessTable(app: FastifyInstance): Set<string> {
  const routes = new Set<string>();
  app.addHook('onRoute', (route) => {
    if (!isGoverned(route.url)) {
      if (route.schema) route.schema = { ...route.schema, security: [] };
      return;
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const entries = methods.map((method) => {
      const key = accessKey(method, route.url);
      const access = ACCESS[key];
      if (!access) throw new Error(`${key} has no entry in the access table (platform/access.ts)`);
      if (method !== 'HEAD') routes.add(key);
      return access;
    });
    route.config = { ...route.config, access: entries[0] };
    // Public routes say so in the OpenAPI document (no lock icon, no token asked).
    if (entries[0] === 'public' && route.schema) route.schema = { ...route.schema, security: [] };
  });
  return routes;
}

/** Authenticates and role-checks every governed route by its entry in the access table. */
export function registerAuthGuard(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!isGoverned(request.url) || request.routeOptions.url === undefined) return;
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    const token = tokenOf(request);
    const principal = token ? await auth.authenticate(token) : null;
    if (!principal) throw new UnauthorizedError();
    if (!access || !roleAtLeast(principal.role, access)) throw new ForbiddenError();
    request.principal = principal;
  });
}
