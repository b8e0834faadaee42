import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { ALERT_KINDS } from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DB } from '../../db/schema.ts';
import { AlertEngine, type SubjectDirectory, type TimelineWriter } from './alert.engine.ts';
import { createAlertRepository } from './alert.repository.ts';
import { createAlertService } from './alert.service.ts';
import { alertRoutes } from './alerts.routes.ts';
import { createChannelRepository } from './channel.repository.ts';
import { createChannelService } from './channel.service.ts';
import { DeliveryWorker, type DeliveryTimings } from './delivery.worker.ts';
import { createMuteService } from './mute.service.ts';
import { createRuleRepository } from './rule.repository.ts';
import { createRuleService } from './rule.service.ts';

export interface AlertsOptions {
  db: Kysely<DB>;
  bus: Bus;
  clock: Clock;
  logger: FastifyBaseLogger;
  directory: SubjectDirectory;
  events: TimelineWriter;
  /** ALERT_WEBHOOK_URL: a webhook channel and a rule for everything, made once. */
  defaultWebhookUrl: string | null;
  delivery?: DeliveryTimings;
  /** Whether this process is the only one on the database (SQLite). */
  soleOwner: boolean;
  /** How many days a resolved alert and its messages are kept (the longest history tier's). */
  retentionDays: () => number;
}

/** Windows changed on another hub (PostgreSQL, several replicas) are seen within this. */
const WINDOW_RELOAD_MS = 60_000;
const DAY_MS = 86_400_000;
/** Resolved alerts past their retention are forgotten this often (first an hour after start). */
const SWEEP_MS = 3_600_000;
/** How soon after a window begins or ends its checks show it without a new result. */
const WINDOW_REVIEW_MS = 5000;
/** Checks are looked over this often even when no window began or ended (a tag changed). */
const WINDOW_REVIEW_ALWAYS_MS = 60_000;

const DEFAULT_CHANNEL_NAME = 'Default webhook (ALERT_WEBHOOK_URL)';

/** The alerts area: channels, rules, silences, maintenance, the engine and the outbox. */
export function createAlerts(options: AlertsOptions) {
  const { db, bus, clock, logger } = options;
  const alertRepository = createAlertRepository(db);
  const ruleRepository = createRuleRepository(db);
  const channels = createChannelService({ channels: createChannelRepository(db), clock });
  const rules = createRuleService({ rules: ruleRepository, channels, clock });
  const mutes = createMuteService({
    rules: ruleRepository,
    clock,
    labelsOf: (serviceId) => options.directory.labelsOf(serviceId),
  });
  const delivery = new DeliveryWorker({
    alerts: alertRepository,
    channels,
    clock,
    logger,
    soleOwner: options.soleOwner,
    ...(options.delivery ? { timings: options.delivery } : {}),
  });
  const engine = new AlertEngine({
    alerts: alertRepository,
    rules,
    channels,
    mutes,
    directory: options.directory,
    events: options.events,
    bus,
    clock,
    logger,
    queued: () => delivery.kick(),
  });
  const alerts = createAlertService({ alerts: alertRepository, channels, engine, delivery });

  /** Idempotent: a channel already pointing at the URL means it was made on an earlier start. */
  async function ensureDefaultWebhook(url: string): Promise<void> {
    const existing = (await channels.storedAll()).find(
      (c) => c.type === 'webhook' && c.config.url === url,
    );
    if (existing) return;
    const channel = await channels.create({
      name: DEFAULT_CHANNEL_NAME,
      type: 'webhook',
      enabled: true,
      maxPerHour: 60,
      config: { url, headers: {}, secret: '' },
    });
    await rules.create({
      name: 'Everything to the default webhook',
      enabled: true,
      events: [...ALERT_KINDS],
      serviceIds: [],
      checkIds: [],
      groups: [],
      tags: [],
      channelIds: [channel.id],
      forSeconds: 0,
      groupWaitSeconds: 30,
      groupIntervalSeconds: 300,
      repeatIntervalSeconds: 4 * 3600,
    });
    logger.info('made the default webhook channel and rule from ALERT_WEBHOOK_URL');
  }

  /** Deletes resolved alerts, and the messages about them, older than the retention. */
  async function sweep(now = clock.now()): Promise<{ alerts: number; notifications: number }> {
    const deleted = await alertRepository.deleteEndedBefore(now - options.retentionDays() * DAY_MS);
    if (deleted.alerts + deleted.notifications > 0) logger.info({ deleted }, 'old alerts deleted');
    return deleted;
  }

  let windowReload: NodeJS.Timeout | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let windowReview: NodeJS.Timeout | undefined;

  /** Looks checks over when the set of open windows changed, or a while has passed. */
  function watchWindows(
    review: (inWindow: (check: { serviceId: number; checkId: number }) => boolean) => void,
  ): void {
    let lastKey: string | null = null;
    let lastAt = 0;
    const look = () => {
      try {
        const now = clock.now();
        const open = mutes.windowsAt(now);
        if (open.key === lastKey && now - lastAt < WINDOW_REVIEW_ALWAYS_MS) return;
        lastKey = open.key;
        lastAt = now;
        review(open.covers);
      } catch (error) {
        logger.error({ err: error }, 'moving checks in or out of maintenance failed');
      }
    };
    clearInterval(windowReview);
    look();
    windowReview = setInterval(look, WINDOW_REVIEW_MS);
    windowReview.unref();
  }

  return {
    routes: alertRoutes({ alerts, channels, rules, mutes }),
    engine,
    delivery,
    /** For the state machine: a check in a maintenance window shows (and counts) as such. */
    inMaintenance: (subject: { serviceId: number; checkId: number }, at: number) =>
      mutes.inMaintenance(subject, at),
    sweep,
    /** Checks enter and leave maintenance when a window begins or ends (from start). */
    watchWindows,
    async start(): Promise<void> {
      await mutes.reloadWindows();
      windowReload = setInterval(() => {
        mutes.reloadWindows().catch((error: unknown) => {
          logger.warn({ err: error }, 'reloading maintenance windows failed');
        });
      }, WINDOW_RELOAD_MS);
      windowReload.unref();
      sweeper = setInterval(() => {
        sweep().catch((error: unknown) => {
          logger.warn({ err: error }, 'deleting old alerts failed');
        });
      }, SWEEP_MS);
      sweeper.unref();
      if (options.defaultWebhookUrl) await ensureDefaultWebhook(options.defaultWebhookUrl);
      engine.start();
      await delivery.start();
    },
    async close(): Promise<void> {
      clearInterval(windowReload);
      clearInterval(sweeper);
      clearInterval(windowReview);
      await engine.close();
      await delivery.close();
    },
  };
}

export type Alerts = ReturnType<typeof createAlerts>;
