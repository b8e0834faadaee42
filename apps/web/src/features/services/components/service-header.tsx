import type { ReactNode } from 'react';
import type { Service } from '@homehub/contracts';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { StatusBadge } from '../../../ui/status-badge.tsx';
import { formatLatency, formatPercent } from '../../../lib/format.ts';
import { averageLatency, lastOf, uptimePercent } from '../../../lib/uptime.ts';

function Figure({ label, value, title }: { label: string; value: ReactNode; title?: string }) {
  return (
    <div title={title} className="min-w-0">
      <dt className="text-[11px] tracking-wide text-faint uppercase">{label}</dt>
      <dd className="m-0 mt-0.5 truncate text-lg font-semibold tabular">{value}</dd>
    </div>
  );
}

/** The answer first: what state the service is in, and since when. */
export function ServiceHeader({ service }: { service: Service }) {
  const last = lastOf(service.recentResults);
  return (
    <div className="rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div data-testid="service-status">
          <StatusBadge status={service.status} variant="hero" />
        </div>
        <p className="text-sm text-muted">
          {service.statusChangedAt ? (
            <>
              since <RelativeTime at={service.statusChangedAt} className="font-medium text-ink" />
            </>
          ) : service.checks.length === 0 ? (
            'No checks yet'
          ) : (
            'Waiting for the first result'
          )}
        </p>
      </div>
      <dl className="m-0 mt-4 grid grid-cols-2 gap-4 border-t border-line pt-4 sm:grid-cols-4">
        <Figure
          label="Uptime"
          value={formatPercent(uptimePercent(service.recentResults))}
          title="Share of the last 48 results that were up"
        />
        <Figure label="Last latency" value={formatLatency(last?.latencyMs)} />
        <Figure
          label="Avg latency"
          value={formatLatency(averageLatency(service.recentResults))}
          title="Average over the last 48 results"
        />
        <Figure label="Last check" value={last ? <RelativeTime at={last.at} /> : '—'} />
      </dl>
    </div>
  );
}
