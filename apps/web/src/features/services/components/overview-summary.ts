import type { Status } from '@homehub/contracts';

/** The one-line answer to "is anything wrong?". */
export function overviewSummary(
  counts: Record<Status, number>,
  total: number,
): { text: string; tone: 'good' | 'bad' | 'warn' | 'quiet' } {
  if (total === 0) return { text: 'No services yet', tone: 'quiet' };
  const trouble = [
    counts.down > 0 ? `${counts.down} down` : null,
    counts.flapping > 0 ? `${counts.flapping} flapping` : null,
    counts.degraded > 0 ? `${counts.degraded} degraded` : null,
  ].filter(Boolean);
  if (trouble.length > 0)
    return { text: `${trouble.join(', ')} of ${total}`, tone: counts.down > 0 ? 'bad' : 'warn' };
  if (counts.up === total)
    return { text: total === 1 ? 'Everything is up' : `All ${total} services up`, tone: 'good' };
  return { text: `${counts.up} of ${total} up, nothing failing`, tone: 'quiet' };
}
