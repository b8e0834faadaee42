import type { Status } from '@homehub/contracts';

/** Full class names (Tailwind only sees literal strings) for each status. */
export const STATUS_FILL: Record<Status, string> = {
  up: 'bg-up',
  degraded: 'bg-degraded',
  flapping: 'bg-flapping',
  down: 'bg-down',
  pending: 'bg-transparent ring-[1.5px] ring-inset ring-pending',
  paused: 'bg-paused',
  maintenance: 'bg-maintenance',
};

export const STATUS_TEXT: Record<Status, string> = {
  up: 'text-up',
  degraded: 'text-degraded',
  flapping: 'text-flapping',
  down: 'text-down',
  pending: 'text-muted',
  paused: 'text-muted',
  maintenance: 'text-maintenance',
};

export const STATUS_SOFT: Record<Status, string> = {
  up: 'bg-up-soft',
  degraded: 'bg-degraded-soft',
  flapping: 'bg-flapping-soft',
  down: 'bg-down-soft',
  pending: 'bg-pending-soft',
  paused: 'bg-paused-soft',
  maintenance: 'bg-maintenance-soft',
};
