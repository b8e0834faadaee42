import type { Event } from '@homehub/contracts';

/** What an event means to alerting: a condition of a subject began, or ended. */
export interface Signal {
  /** Whose condition: `check:12`, `engine:3`, or `event:991` for a one-off. */
  subject: string;
  /** The alert kind now, or null when the condition has cleared. */
  kind: string | null;
  /** A one-off (a container died) fires once and has nothing to recover from. */
  oneShot: boolean;
  serviceId: number | null;
  checkId: number | null;
  message: string;
  at: number;
  /** The engine or host the subject runs on: its outage folds this alert in. */
  foldKey: string | null;
}

const BAD_STATUSES = new Set(['down', 'degraded', 'flapping']);

/** What each kind says after a subject's name. */
export const KIND_WORDS: Record<string, string> = {
  down: 'is down',
  degraded: 'is degraded',
  flapping: 'is flapping',
  container_died: 'exited',
  container_oom: 'ran out of memory',
  container_unhealthy: 'is unhealthy',
  restart_loop: 'is in a restart loop',
  update_failed: 'did not come back after an update',
  engine_unreachable: 'is unreachable',
};

const numberOf = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) ? value : null;

/**
 * The engine or host a subject belongs to, from what its event carries. Any source that
 * names `engineId` or `hostId` in its data takes part in folding without changes here.
 */
export function foldKeyOf(data: Record<string, unknown> | null): string | null {
  const engineId = numberOf(data?.engineId);
  if (engineId !== null) return `engine:${engineId}`;
  const hostId = numberOf(data?.hostId);
  return hostId === null ? null : `host:${hostId}`;
}

/** Reads an event from the bus as a signal, or null when alerting has nothing to do with it. */
export function signalOf(event: Event): Signal | null {
  const at = Date.parse(event.at);
  const base = {
    serviceId: event.serviceId,
    checkId: event.checkId,
    message: event.message,
    at,
    foldKey: foldKeyOf(event.data),
  };
  switch (event.type) {
    case 'status_changed': {
      if (event.checkId === null || event.toStatus === null) return null;
      // Entering maintenance is neither a failure nor a recovery: an alert already firing
      // stays firing (muted by the window) until the check is seen well again.
      if (event.toStatus === 'maintenance') return null;
      // Leaving one, a check waits for its next result: that tells whether it recovered.
      if (event.fromStatus === 'maintenance' && event.toStatus === 'pending') return null;
      const kind = BAD_STATUSES.has(event.toStatus) ? event.toStatus : null;
      return { ...base, subject: `check:${event.checkId}`, kind, oneShot: false };
    }
    case 'container': {
      const action = event.data?.action;
      let kind: string | null = null;
      // A container stopped on purpose exits 0 (or 143 after SIGTERM): not a failure.
      if (action === 'die' && ![0, 143, null, undefined].includes(event.data?.exitCode as number))
        kind = 'container_died';
      if (action === 'oom') kind = 'container_oom';
      if (action === 'health_status' && event.data?.health === 'unhealthy')
        kind = 'container_unhealthy';
      return kind ? { ...base, subject: `event:${event.id}`, kind, oneShot: true } : null;
    }
    case 'restart_loop':
    case 'update_failed':
      return { ...base, subject: `event:${event.id}`, kind: event.type, oneShot: true };
    case 'engine': {
      const engineId = numberOf(event.data?.engineId);
      if (engineId === null) return null;
      const up = event.data?.state === 'connected';
      return {
        ...base,
        subject: `engine:${engineId}`,
        kind: up ? null : 'engine_unreachable',
        oneShot: false,
        // The engine's own alert is what others fold into; it folds into nothing.
        foldKey: null,
      };
    }
    default:
      return null;
  }
}
