import { memo } from 'react';
import { Link } from 'react-router';
import type { ServiceSummary } from '@homehub/contracts';
import { CheckKinds } from '../../../ui/check-kind.tsx';
import { ResultsBar } from '../../../ui/results-bar.tsx';
import { StatusBadge } from '../../../ui/status-badge.tsx';
import { formatLatency, formatPercent } from '../../../lib/format.ts';
import { lastOf } from '../../../lib/uptime.ts';
import { ServiceLabels } from './service-labels.tsx';

/** One service at a glance. The name's link stretches over the row, so the whole card is a tap target. */
export const ServiceRow = memo(function ServiceRow({ service }: { service: ServiceSummary }) {
  // The server's 24 h figure: the bar's 48 results may span only the last hour.
  const uptime = service.uptime['24h'];
  const latency = lastOf(service.recentResults)?.latencyMs ?? null;
  const down = service.status === 'down';
  return (
    <li
      data-testid="service-row"
      aria-label={service.name}
      className={`service-grid lazy-row relative border-b border-line px-4 py-3 last:border-b-0 hover:bg-raised/60 md:py-2.5 ${
        down ? 'bg-down-soft/40' : ''
      }`}
    >
      <div className="area-status justify-self-end md:justify-self-start">
        <StatusBadge status={service.status} />
      </div>
      <div className="area-name min-w-0">
        <div className="flex min-w-0 items-center gap-2">
          <Link
            to={`/services/${service.id}`}
            className="block truncate font-medium text-ink after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:outline-none focus-visible:after:rounded-md focus-visible:after:outline-2 focus-visible:after:outline-focus"
          >
            {service.name}
          </Link>
          <ServiceLabels group={null} tags={service.tags} className="hidden shrink-0 sm:flex" />
        </div>
        {service.description && (
          <p className="truncate text-xs text-muted">{service.description}</p>
        )}
      </div>
      <div className="area-kinds min-w-0">
        <CheckKinds types={service.checks.map((c) => c.type)} />
      </div>
      <ResultsBar results={service.recentResults} className="area-bar relative z-[1] h-5 md:h-6" />
      <div className="area-uptime text-right text-[13px] tabular">
        <span className="text-xs text-faint md:hidden">Uptime 24 h </span>
        <span title="Uptime over the last 24 hours">{formatPercent(uptime)}</span>
      </div>
      <div className="area-latency text-right text-[13px] text-muted tabular">
        <span title="Latency of the last result">{formatLatency(latency)}</span>
      </div>
    </li>
  );
});
