import type { Observation } from './check.types.ts';
import type { Clock } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { CheckRepository } from './check.repository.ts';
import type { HistoryRepository } from './history.repository.ts';
import { trackedCheckOf, type StatusTracker } from './status.tracker.ts';

export type PushSignal = 'start' | 'success' | 'fail' | number;

interface Calls {
  lastCallAt: number | null;
  startedAt: number | null;
}

/** "2 min 5 s", "850 ms": a job's run time in words. */
function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

interface Deps {
  checks: CheckRepository;
  history: HistoryRepository;
  tracker: StatusTracker;
  clock: Clock;
}

/**
 * Push checks are a source, like the scheduler: a job's call becomes an observation at
 * once, and the calls are remembered so the scheduled judgement can tell a silence.
 */
export function createPushService({ checks, history, tracker, clock }: Deps) {
  const calls = new Map<number, Calls>();
  const callsOf = (checkId: number) =>
    calls.get(checkId) ?? calls.set(checkId, { lastCallAt: null, startedAt: null }).get(checkId)!;

  return {
    /** The last call of each push check, from its newest result (a restart resumes the watch). */
    async load(): Promise<void> {
      for (const row of await checks.listEnabled()) {
        if (row.type !== 'push') continue;
        const [last] = await history.results({ checkId: row.id, limit: 1 });
        if (last) callsOf(row.id).lastCallAt = last.at;
      }
    },

    callsOf(checkId: number): Calls {
      return { ...callsOf(checkId) };
    },

    async receive(token: string, signal: PushSignal, message: string | undefined): Promise<void> {
      const row = await checks.findByPushToken(token);
      if (!row) throw new NotFoundError('Push URL');
      const now = clock.now();
      const state = callsOf(row.id);
      if (signal === 'start') {
        state.startedAt = now;
        return;
      }
      const ranMs = state.startedAt === null ? null : now - state.startedAt;
      const failed = signal === 'fail' || (typeof signal === 'number' && signal !== 0);
      const said = message?.trim();
      const observation: Observation = failed
        ? {
            status: 'down',
            latencyMs: ranMs,
            message:
              said ||
              (typeof signal === 'number' ? `Exited with code ${signal}` : 'Reported a failure'),
          }
        : {
            status: 'up',
            latencyMs: ranMs,
            message: said || (ranMs === null ? 'Called in' : `Finished in ${duration(ranMs)}`),
          };
      state.lastCallAt = now;
      state.startedAt = null;
      if (tracker.statusOf(row.id) === undefined) tracker.track(trackedCheckOf(row));
      tracker.record(row.id, observation, now);
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;
