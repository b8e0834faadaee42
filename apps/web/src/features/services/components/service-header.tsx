import type { ReactNode } from 'react';
import type { Service } from '@homehub/contracts';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { ResultsBar } from '../../../ui/results-bar.tsx';
import { StatusBadge } from '../../../ui/status-badge.tsx';
import { formatLatency, formatPercent } from '../../../lib/format.ts';
import { lastOf } from '../../../lib/uptime.ts';

const UPTIME_TITLE = 'Up or degraded results as a share of all, across this service’s checks';

function Figure({ label, value, title }: { label: string; value: ReactNode; title?: string }) {
  return (
    <div title={title} className="min-w-0">
      <dt className="text-[11px] tracking-wide text-faint uppercase">{label}</dt>
      <dd className="m-0 mt-0.5 truncate text-lg font-semibold tabular">{value}</dd>
    </div>
  );
}

/** The answer first: what state the service is in, since when, and how it has been lately. */
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
      <dl
        data-testid="service-uptime"
        className="m-0 mt-4 grid grid-cols-3 gap-4 border-t border-line pt-4 sm:grid-cols-5"
      >
        <Figure
          label="Uptime 24 h"
          value={formatPercent(service.uptime['24h'])}
          title={UPTIME_TITLE}
        />
        <Figure
          label="Uptime 7 d"
          value={formatPercent(service.uptime['7d'])}
          title={UPTIME_TITLE}
        />
        <Figure
          label="Uptime 30 d"
          value={formatPercent(service.uptime['30d'])}
          title={UPTIME_TITLE}
        />
        <Figure label="Last latency" value={formatLatency(last?.latencyMs)} />
        <Figure label="Last check" value={last ? <RelativeTime at={last.at} /> : '—'} />
      </dl>
      <div className="mt-4">
        <ResultsBar results={service.recentResults} className="h-7" />
        <div className="mt-1 flex justify-between text-[11px] text-faint">
          <span>Last 48 results</span>
          <span>now</span>
        </div>
      </div>
    </div>
  );
}
