import type { FastifyInstance } from 'fastify';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';

/**
 * Security headers on every answer, and CORS only for configured origins. The dashboard runs under a strict policy: scripts and
 * styles from the hub only (no inline script anywhere), images also as data: URLs (the
 * favicon that counts what is down), connections to the hub itself (API and WebSocket),
 * and never inside another site's frame. HSTS only on a request that came over HTTPS: a
 * hub on a plain-HTTP LAN address must not tell browsers to insist on HTTPS.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  corsOrigins: readonly string[],
): Promise<void> {
  // Other sites' pages may call the API only from the origins named in CORS_ORIGINS; the
  // dashboard is served by the hub itself and needs none.
  await app.register(fastifyCors, {
    origin: corsOrigins.length > 0 ? [...corsOrigins] : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false,
    // The API documentation page brings its own policy (see the swagger UI's staticCSP).
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
  });
}
