import type { ServiceSummary, Status } from '@homehub/contracts';

export const STATUS_LABEL: Record<Status, string> = {
  up: 'Up',
  degraded: 'Degraded',
  flapping: 'Flapping',
  down: 'Down',
  pending: 'Pending',
  paused: 'Paused',
  maintenance: 'Maintenance',
};

/** The order in which the overview's chips are listed: trouble first. */
export const STATUS_ORDER: readonly Status[] = [
  'down',
  'flapping',
  'degraded',
  'up',
  'pending',
  'maintenance',
  'paused',
];

/**
 * Down, flapping (it keeps changing state: worse than slow, not yet steadily failing) and
 * degraded float to the top; the rest keep alphabetical order among themselves.
 */
const URGENCY: Record<Status, number> = {
  down: 0,
  flapping: 1,
  degraded: 2,
  pending: 3,
  up: 3,
  maintenance: 3,
  paused: 3,
};

export function sortByUrgency(services: readonly ServiceSummary[]): ServiceSummary[] {
  return [...services].sort(
    (a, b) =>
      URGENCY[a.status] - URGENCY[b.status] ||
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
      a.id - b.id,
  );
}

export function countByStatus(services: readonly ServiceSummary[]): Record<Status, number> {
  const counts: Record<Status, number> = {
    up: 0,
    degraded: 0,
    flapping: 0,
    down: 0,
    pending: 0,
    paused: 0,
    maintenance: 0,
  };
  for (const service of services) counts[service.status] += 1;
  return counts;
}

export function isStatus(value: string | null): value is Status {
  // Own keys only: `in` would also accept "toString" from a hand-edited ?status=.
  return value !== null && Object.hasOwn(STATUS_LABEL, value);
}
