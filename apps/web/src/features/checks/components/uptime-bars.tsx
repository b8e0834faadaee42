import { useMemo } from 'react';
import type { History, HistoryRange } from '@homehub/contracts';
import { formatPercent, formatSpan } from '../../../lib/format.ts';
import { groupBuckets, type UptimeBar } from './uptime-buckets.ts';

const RANGE_START: Record<HistoryRange, string> = {
  '24h': '24 h ago',
  '7d': '7 days ago',
  '30d': '30 days ago',
  '90d': '90 days ago',
  '1y': 'a year ago',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function barTitle(bar: UptimeBar): string {
  const span = formatSpan(bar.start, bar.end);
  if (bar.count === 0) return `${span} · no results`;
  if (bar.tone === 'maintenance') return `${span} · maintenance (${plural(bar.count, 'result')})`;
  const trouble = [
    bar.down > 0 ? `${bar.down} down` : null,
    bar.degraded > 0 ? `${bar.degraded} degraded` : null,
  ].filter(Boolean);
  return `${span} · ${formatPercent(bar.uptime)} up · ${plural(bar.count, 'result')}${
    trouble.length > 0 ? ` (${trouble.join(', ')})` : ''
  }`;
}

function describe(bars: readonly UptimeBar[]): string {
  const withResults = bars.filter((b) => b.count > 0).length;
  if (withResults === 0) return 'Uptime bars: no results in this range yet';
  const failing = bars.filter((b) => b.down > 0).length;
  const degraded = bars.filter((b) => b.tone === 'degraded').length;
  const parts = [
    failing > 0 ? `${failing} with failures` : null,
    degraded > 0 ? `${degraded} degraded` : null,
  ].filter(Boolean);
  return `Uptime bars: ${bars.length} periods, ${
    parts.length > 0 ? parts.join(', ') : 'none with failures'
  }`;
}

const pct = (share: number) => `${(share * 100).toFixed(2)}%`;

/**
 * The status-page strip: one bar per period of the range, filled bottom-up by its shares of
 * up, degraded and down (a rare failure still shows as a cap), grey without results.
 */
export function UptimeBars({
  history,
  range,
  now,
}: {
  history: Pick<History, 'bucketSeconds' | 'buckets'>;
  range: HistoryRange;
  /** Epoch ms the strip ends at; passed in so rendering stays pure. */
  now: number;
}) {
  const bars = useMemo(() => groupBuckets(history, range, now), [history, range, now]);
  return (
    <div>
      <div
        role="img"
        aria-label={describe(bars)}
        className="flex h-8 items-stretch gap-px sm:gap-[2px]"
      >
        {bars.map((bar) => (
          <span
            key={bar.start}
            data-testid="uptime-bar"
            data-tone={bar.tone}
            title={barTitle(bar)}
            className={`flex min-w-0 flex-1 flex-col-reverse overflow-hidden rounded-[1.5px] transition-opacity hover:opacity-70 ${
              bar.count === 0 ? 'bg-line/70' : bar.tone === 'maintenance' ? 'bg-maintenance' : ''
            }`}
          >
            {bar.shares.up > 0 && <span className="bg-up" style={{ height: pct(bar.shares.up) }} />}
            {bar.shares.degraded > 0 && (
              <span className="bg-degraded" style={{ height: pct(bar.shares.degraded) }} />
            )}
            {bar.shares.down > 0 && (
              <span className="bg-down" style={{ height: pct(bar.shares.down) }} />
            )}
          </span>
        ))}
      </div>
      <div className="mt-1.5 flex justify-between text-[11px] text-faint">
        <span>{RANGE_START[range]}</span>
        <span>now</span>
      </div>
    </div>
  );
}
