import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import {
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { createInProcessBus, type Bus } from './platform/bus.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { registerErrorHandler, type NotFoundFallback } from './platform/errors.ts';
import { registerAccessTable, registerAuthGuard } from './platform/auth-guard.ts';
import { serializerCompiler } from './platform/serializer.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { createUserRepository } from './modules/auth/user.repository.ts';
import { createTokenSigner } from './modules/auth/token.signer.ts';
import { createAuthService, type AuthService } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createSessionRepository } from './modules/auth/session.repository.ts';
import { createApiTokenRepository } from './modules/auth/api-token.repository.ts';
import { createApiTokenService } from './modules/auth/api-token.service.ts';
import { apiTokenRoutes } from './modules/auth/api-token.routes.ts';
import { createUserService } from './modules/auth/user.service.ts';
import { userRoutes } from './modules/auth/user.routes.ts';
import { createServiceRepository } from './modules/services/service.repository.ts';
import { createServiceService } from './modules/services/service.service.ts';
import { serviceRoutes } from './modules/services/service.routes.ts';
import { createCheckRepository } from './modules/checks/check.repository.ts';
import { createResultWriter } from './modules/checks/result.writer.ts';
import { RecentResults } from './modules/checks/recent.results.ts';
import { createHistoryRepository } from './modules/checks/history.repository.ts';
import { createHistoryService } from './modules/checks/history.service.ts';
import { createPushService } from './modules/checks/push.service.ts';
import { pushRoutes } from './modules/checks/push.routes.ts';
import { createRetentionJob, type RetentionJob } from './modules/checks/retention.job.ts';
import { createSettingsRepository } from './modules/settings/settings.repository.ts';
import { createSettingsService } from './modules/settings/settings.service.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import { StatusTracker } from './modules/checks/status.tracker.ts';
import { CheckRunner } from './modules/checks/check.runner.ts';
import { createCheckService, toResult } from './modules/checks/check.service.ts';
import { checkRoutes } from './modules/checks/check.routes.ts';
import { createEventRepository } from './modules/events/event.repository.ts';
import { createEventService } from './modules/events/event.service.ts';
import { eventRoutes } from './modules/events/event.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { liveRoutes } from './modules/live/live.routes.ts';
import { createEngineRepository } from './modules/docker/engine.repository.ts';
import { createContainerRepository } from './modules/docker/container.repository.ts';
import { createEngineService, type EngineService } from './modules/docker/engine.service.ts';
import { engineRoutes } from './modules/docker/engine.routes.ts';
import { createAlerts, type Alerts } from './modules/alerts/alerts.module.ts';
import type { DeliveryTimings } from './modules/alerts/delivery.worker.ts';

export const API_PREFIX = '/api/v1';

export interface Hub {
  readonly app: FastifyInstance;
  readonly auth: AuthService;
  readonly runner: CheckRunner;
  readonly tracker: StatusTracker;
  readonly retention: RetentionJob;
  readonly bus: Bus;
  readonly docker: EngineService;
  readonly alerts: Alerts;
  /** Every governed route as `METHOD /path`, as the access table keys it. */
  readonly routes: ReadonlySet<string>;
  /** Starts the scheduler; the HTTP side works without it. */
  start(): Promise<void>;
  /** Stops probing, writes what is pending, closes connections; the database stays open. */
  close(): Promise<void>;
}

export interface HubOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  bus?: Bus;
  /** How notifications are retried; the defaults suit real receivers. */
  alertDelivery?: DeliveryTimings;
}

/** Expired sessions and refresh tokens are forgotten this often. */
const SWEEP_EVERY_MS = 3_600_000;
/** Groups and tags changed on another hub (PostgreSQL, several replicas) are seen within this. */
const LABELS_RELOAD_MS = 60_000;

/** Query tokens on WebSocket URLs must never reach the logs. */
const hideToken = (url: string) => url.replace(/([?&]token=)[^&]*/i, '$1[hidden]');

/** Builds the whole hub: storage, scheduler, state machine, API, streams and dashboard. */
export async function buildHub({
  config,
  database,
  clock = systemClock,
  bus,
  alertDelivery,
}: HubOptions): Promise<Hub> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: hideToken(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    // One line per request is noise at info; DEBUG=true brings it back.
    logController: new LogController({ disableRequestLogging: !config.debug }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const liveBus = bus ?? createInProcessBus();
  const { db } = database;

  // Storage and the domain, leaves first.
  const checkRepository = createCheckRepository(db);
  const serviceRepository = createServiceRepository(db);
  const events = createEventService({ events: createEventRepository(db), bus: liveBus });
  const users = createUserRepository(db);
  const apiTokens = createApiTokenService({
    tokens: createApiTokenRepository(db),
    audit: events,
    clock,
  });
  const auth = createAuthService({
    users,
    sessions: createSessionRepository(db),
    apiTokens,
    tokens: createTokenSigner(config.secretKey, () => clock.now()),
    audit: events,
    clock,
  });
  const accounts = createUserService({
    users,
    audit: events,
    clock,
    endSignIns: (id) => auth.endSignIns(id),
    forget: (id) => auth.forget(id),
  });
  const historyRepository = createHistoryRepository(db, database.dialect);
  const settings = createSettingsService({
    settings: createSettingsRepository(db),
    clock,
    checkIntervals: () => checkRepository.intervals(),
    defaults: { rawDays: config.resultsRetentionDays },
  });
  const writer = createResultWriter({
    insert: (rows) => historyRepository.writeBatch(rows),
    logger: app.log,
  });
  // The state machine writes service statuses through the services area, which in turn
  // presents checks; the late binding breaks that cycle without a container.
  const statusStore = {
    listStatuses: () => services.listStatuses(),
    recordStatus: (id: number, status: Parameters<typeof services.recordStatus>[1], at: number) =>
      services.recordStatus(id, status, at),
  };
  const tracker = new StatusTracker({
    checks: checkRepository,
    services: statusStore,
    events,
    writer,
    bus: liveBus,
    clock,
    logger: app.log,
    flapping: () => settings.current.flapping,
    // The alerts area owns maintenance windows and is built after the state machine.
    maintenance: (subject, at) => alerts.inMaintenance(subject, at),
  });
  const pushes = createPushService({
    checks: checkRepository,
    history: historyRepository,
    tracker,
    clock,
  });
  const runner = new CheckRunner({
    checks: checkRepository,
    tracker,
    bus: liveBus,
    clock,
    logger: app.log,
    concurrency: config.checkConcurrency,
    pushes,
  });
  const retention = createRetentionJob({
    history: historyRepository,
    retention: () => settings.current.retention,
    clock,
    logger: app.log,
  });
  const recent = new RecentResults(liveBus, async (checkId, limit) =>
    (await checkRepository.recentResults([checkId], limit)).map(toResult),
  );
  const checks = createCheckService({
    checks: checkRepository,
    recent,
    runner,
    bus: liveBus,
    clock,
  });
  const history = createHistoryService({ history: historyRepository, clock });
  const services = createServiceService({
    services: serviceRepository,
    checks,
    history,
    bus: liveBus,
    clock,
  });

  const docker = createEngineService({
    engines: createEngineRepository(db),
    containers: createContainerRepository(db),
    services,
    checks,
    tracker,
    bus: liveBus,
    events,
    clock,
    logger: app.log,
    settings: {
      localHost: config.docker.host,
      statsIntervalSeconds: config.docker.statsIntervalSeconds,
      autoChecks: config.docker.autoChecks,
    },
  });

  // Alerts follow events on the bus; the directory only names things in messages.
  const alerts = createAlerts({
    db,
    bus: liveBus,
    clock,
    logger: app.log,
    defaultWebhookUrl: config.alertWebhookUrl,
    events,
    soleOwner: database.dialect === 'sqlite',
    retentionDays: () => settings.current.retention.dayDays,
    ...(alertDelivery ? { delivery: alertDelivery } : {}),
    directory: {
      serviceName: async (id) => (await services.get(id)).name,
      engineOf: async (serviceId) =>
        (await docker.listContainers({ serviceId }))[0]?.engineId ?? null,
      labelsOf: (serviceId) => services.labelsOf(serviceId),
    },
  });

  // The HTTP side.
  const hasDashboard = existsSync(path.join(config.webDir, 'index.html'));
  registerErrorHandler(app, hasDashboard ? dashboardFallback(config.webDir) : undefined);
  registerAllowedHosts(app, config.allowedHosts);
  await registerSecurityHeaders(app, config.corsOrigins);
  await app.register(fastifyCookie);
  registerAuthGuard(app, auth, config.corsOrigins);
  const routes = registerAccessTable(app);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Home Hub Monitor API',
        version: '1',
        description:
          'Every route needs `Authorization: Bearer <access token>` from POST /api/v1/auth/token, ' +
          'except where marked public.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: true },
    uiHooks: {},
    // Its page sends its own policy; a hub on a plain-HTTP LAN address must not have its
    // browsers upgrade requests to HTTPS, and no other site may frame it.
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace(/upgrade-insecure-requests;?\s*/, '')
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  // A refused upgrade (401, 404…) is answered on a socket the HTTP server does not track:
  // close it, or every refused attempt would hold a file descriptor forever.
  app.addHook('onResponse', async (request, reply) => {
    if (request.headers.upgrade && reply.statusCode !== 101) request.raw.socket.destroy();
  });

  app
    .withTypeProvider<ZodTypeProvider>()
    .get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, () => app.swagger());
  await app.register(healthRoutes(() => database.ping()));
  await app.register(authRoutes(auth), { prefix: API_PREFIX });
  await app.register(userRoutes(accounts), { prefix: API_PREFIX });
  await app.register(apiTokenRoutes(apiTokens), { prefix: API_PREFIX });
  await app.register(serviceRoutes(services), { prefix: API_PREFIX });
  await app.register(checkRoutes(checks, history), { prefix: API_PREFIX });
  await app.register(pushRoutes(pushes), { prefix: API_PREFIX });
  await app.register(settingsRoutes(settings), { prefix: API_PREFIX });
  await app.register(eventRoutes(events), { prefix: API_PREFIX });
  await app.register(engineRoutes(docker), { prefix: API_PREFIX });
  await app.register(alerts.routes, { prefix: API_PREFIX });
  await app.register(liveRoutes(liveBus));

  if (hasDashboard) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: false,
      maxAge: '1h',
      setHeaders: (response, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) {
          response.header('cache-control', 'public, max-age=31536000, immutable');
        } else if (file.endsWith('index.html')) {
          response.header('cache-control', 'no-cache');
        }
      },
    });
  } else {
    app.log.warn({ webDir: config.webDir }, 'dashboard not built; serving the API only');
  }

  let closing: Promise<void> | undefined;
  let sweeper: ReturnType<typeof setInterval> | undefined;
  let labelsReload: ReturnType<typeof setInterval> | undefined;
  return {
    app,
    auth,
    runner,
    tracker,
    bus: liveBus,
    docker,
    alerts,
    retention,
    routes,
    async start() {
      await settings.load();
      await services.loadLabels();
      await pushes.load();
      // Listening before the first probe: no status change goes unseen.
      await alerts.start();
      await runner.start();
      alerts.watchWindows((inWindow) => tracker.reviewMaintenance(inWindow));
      retention.start();
      sweeper = setInterval(() => {
        auth
          .sweep()
          .catch((error: unknown) => app.log.warn({ err: error }, 'session sweep failed'));
      }, SWEEP_EVERY_MS);
      sweeper.unref();
      if (database.dialect !== 'sqlite') {
        labelsReload = setInterval(() => {
          services
            .loadLabels()
            .catch((error: unknown) => app.log.warn({ err: error }, 'reloading tags failed'));
        }, LABELS_RELOAD_MS);
        labelsReload.unref();
      }
      // After the state machine has loaded: container observations go straight to it.
      await docker.start();
    },
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        clearInterval(labelsReload);
        await retention.stop();
        await docker.close();
        await runner.stop();
        recent.close();
        await writer.close();
        await tracker.settled();
        await alerts.close();
        await app.close();
      })();
      return closing;
    },
  };
}

/** The dashboard's own routes (/services/3, /login…) answer its index.html. */
function dashboardFallback(webDir: string): NotFoundFallback {
  return (request, reply) => {
    const url = request.url;
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    if (url.startsWith('/api/') || url.startsWith('/ws/') || url.startsWith('/assets/'))
      return null;
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir);
  };
}

/** With ALLOWED_HOSTS set, a request for any other Host is refused (DNS rebinding). */
function registerAllowedHosts(app: FastifyInstance, allowed: readonly string[]): void {
  if (allowed.length === 0) return;
  const hosts = new Set(allowed);
  app.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (hosts.has(host) || host === 'localhost' || host === '127.0.0.1') return;
    return reply.status(400).send({ code: 'bad_host', message: `Host "${host}" is not allowed` });
  });
}
