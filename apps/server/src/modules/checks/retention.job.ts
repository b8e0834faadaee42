import type { FastifyBaseLogger } from 'fastify';
import type { Retention } from '@homehub/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { HistoryRepository } from './history.repository.ts';
import type { Tier } from './rollup.ts';

const DAY = 86_400_000;
const TIER_DAYS: Record<Tier | 'raw', keyof Retention> = {
  raw: 'rawDays',
  minute: 'minuteDays',
  hour: 'hourDays',
  day: 'dayDays',
};

interface Deps {
  history: HistoryRepository;
  retention: () => Retention;
  clock: Clock;
  logger: FastifyBaseLogger;
  /** How often it runs; the first run comes one minute after start. */
  everyMs?: number;
}

/**
 * Drops history past each tier's retention. It deletes one check at a time (a short,
 * indexed statement) and yields between them, so result writes never wait long behind it.
 */
export function createRetentionJob({
  history,
  retention,
  clock,
  logger,
  everyMs = 3_600_000,
}: Deps) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function runOnce(): Promise<Record<string, number>> {
    const started = performance.now();
    const deleted: Record<string, number> = {};
    const settings = retention();
    for (const tier of Object.keys(TIER_DAYS) as (Tier | 'raw')[]) {
      const before = clock.now() - settings[TIER_DAYS[tier]] * DAY;
      deleted[tier] = 0;
      for (const checkId of await history.checksWithRowsBefore(tier, before)) {
        if (stopped) return deleted;
        deleted[tier] += await history.deleteBefore(tier, checkId, before);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    logger.info({ deleted, ms: Math.round(performance.now() - started) }, 'retention ran');
    return deleted;
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      running = runOnce()
        .then(() => undefined)
        .catch((error: unknown) => logger.error({ err: error }, 'retention failed'))
        .finally(() => {
          if (!stopped) schedule(everyMs);
        });
    }, delayMs);
    timer.unref();
  }

  return {
    start: () => schedule(60_000),
    runOnce,
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type RetentionJob = ReturnType<typeof createRetentionJob>;
