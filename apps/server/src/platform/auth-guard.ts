import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleAtLeast } from '@homehub/contracts';
import type { AuthService, Principal } from '../modules/auth/auth.service.ts';
import { ACCESS, accessKey, isGoverned, type Access } from './access.ts';
import { ForbiddenError, UnauthorizedError } from './errors.ts';
import { safeEqual } from '../modules/auth/secrets.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../modules/auth/session.cookies.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Stamped from the access table when the route registers; never set by hand. */
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates and role-checks every governed route by its entry in the access table.
 * A browser session (cookie) must also prove each change with its CSRF token, and may open
 * a stream only from the hub's own pages (or a configured origin).
 */
export function registerAuthGuard(
  app: FastifyInstance,
  auth: AuthService,
  trustedOrigins: readonly string[],
): void {
  const origins = new Set(trustedOrigins);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!isGoverned(request.url) || request.routeOptions.url === undefined) return;
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    const bearer = tokenOf(request);
    const session = bearer ? undefined : request.cookies[SESSION_COOKIE];
    const principal = await auth.authenticate({ bearer, session });
    if (!principal) throw new UnauthorizedError();
    if (principal.via === 'session') {
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, principal.csrfToken ?? '')) {
          throw new ForbiddenError('Missing or wrong X-CSRF-Token header', 'csrf');
        }
      }
      if (request.headers.upgrade && !sameOrigin(request, origins)) {
        throw new ForbiddenError('Streams open only from the hub’s own pages', 'origin');
      }
    }
    if (!access || !roleAtLeast(principal.role, access)) throw new ForbiddenError();
    request.principal = principal;
  });
}

/** Browsers always send Origin on a WebSocket handshake; another site's page is refused. */
function sameOrigin(request: FastifyRequest, trusted: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (trusted.has(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
