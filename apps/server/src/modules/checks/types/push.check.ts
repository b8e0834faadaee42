import { Cron } from 'croner';
import { PushConfig } from '@homehub/contracts';
import { defineCheckType, type Observation, type PushContext } from '../check.types.ts';

/** The cron expression is checked by the parser that will run it, naming the field. */
const Config = PushConfig.superRefine((config, ctx) => {
  if (!config.cron) return;
  try {
    new Cron(config.cron, { paused: true, timezone: config.timezone });
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      path: ['cron'],
      message:
        error instanceof Error
          ? error.message.replace(/^CronPattern: /, '')
          : 'Not a cron expression',
    });
  }
});

const schedules = new WeakMap<PushConfig, Cron>();
function scheduleOf(config: PushConfig): Cron {
  let cron = schedules.get(config);
  if (!cron)
    schedules.set(
      config,
      (cron = new Cron(config.cron, { paused: true, timezone: config.timezone })),
    );
  return cron;
}

const stamp = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** When the next call is due, after the last one (or since watching began). */
export function nextDueAt(config: PushConfig, push: PushContext): number {
  const after = push.lastCallAt ?? push.watchingSince;
  if (!config.cron) return after + push.intervalMs;
  return scheduleOf(config).nextRun(new Date(after))?.getTime() ?? Number.POSITIVE_INFINITY;
}

/**
 * Judges the silence between calls; the calls themselves are recorded as they arrive. A job
 * that said "start" must finish within the grace; one that is late past the grace is down.
 */
export function judgePush(config: PushConfig, push: PushContext): Observation | null {
  const graceMs = config.graceSeconds * 1000;
  if (push.startedAt !== null && push.now > push.startedAt + graceMs) {
    return {
      status: 'down',
      latencyMs: null,
      message: `Started at ${stamp(push.startedAt)} and not finished within ${config.graceSeconds} s`,
    };
  }
  const due = nextDueAt(config, push);
  if (push.now <= due + graceMs) return null;
  return {
    status: 'down',
    latencyMs: null,
    message:
      push.lastCallAt === null
        ? `No call since ${stamp(push.watchingSince)}; one was due at ${stamp(due)}`
        : `Last call at ${stamp(push.lastCallAt)}; the next was due at ${stamp(due)}`,
  };
}

export const pushCheck = defineCheckType<PushConfig, Observation | null>({
  type: 'push',
  config: Config,
  everyMs: (intervalMs) => Math.min(intervalMs, 15_000),
  run(config, context) {
    if (!context.push) throw new Error('A push check is judged by the hub, not probed');
    return Promise.resolve(judgePush(config, context.push));
  },
});
