import { useId, useState } from 'react';
import type { Check } from '@homehub/contracts';
import { useCheckResults } from '../api/get-check-results.ts';
import { inputClass } from '../../../ui/form-field.tsx';
import { LatencyChart } from './latency-chart.tsx';
import { Skeleton } from '../../../ui/states.tsx';
import { formatLatency, formatPercent } from '../../../lib/format.ts';
import { averageLatency, uptimePercent } from '../../../lib/uptime.ts';
import { Panel } from '../../../ui/panel.tsx';

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-[11px] tracking-wide text-faint uppercase">{label}</dt>
      <dd className="m-0 text-sm font-medium tabular">{value}</dd>
    </div>
  );
}

/** The latency of one check's last 500 results; a picker when the service has several checks. */
export function LatencyPanel({ checks }: { checks: readonly Check[] }) {
  const selectId = useId();
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const checkId = checks.some((c) => c.id === chosen) ? chosen : checks[0]?.id;
  const results = useCheckResults(checkId);
  const data = results.data ?? [];
  const latencies = data.map((r) => r.latencyMs).filter((ms): ms is number => ms !== null);

  return (
    <Panel
      title="Latency"
      action={
        checks.length > 1 && (
          <div className="flex items-center gap-2">
            <label htmlFor={selectId} className="text-xs text-muted">
              Check
            </label>
            <select
              id={selectId}
              value={checkId}
              onChange={(e) => setChosen(Number(e.target.value))}
              className={`${inputClass} w-auto py-1`}
            >
              {checks.map((check) => (
                <option key={check.id} value={check.id}>
                  {check.name}
                </option>
              ))}
            </select>
          </div>
        )
      }
    >
      <div className="px-4 pt-3 pb-4">
        {checkId === undefined ? (
          <p className="py-10 text-center text-sm text-muted">
            Add a check to see its latency here.
          </p>
        ) : results.isPending ? (
          <Skeleton className="h-[200px]" />
        ) : results.isError ? (
          <p role="alert" className="py-10 text-center text-sm text-down">
            Could not load results: {results.error.message}
          </p>
        ) : data.length === 0 ? (
          <p className="py-10 text-center text-sm text-muted">
            No results yet. The first one arrives within one interval.
          </p>
        ) : (
          <>
            <dl className="m-0 mb-2 grid grid-cols-4 gap-3">
              <Stat label={`Uptime (${data.length})`} value={formatPercent(uptimePercent(data))} />
              <Stat label="Average" value={formatLatency(averageLatency(data))} />
              <Stat label="p95" value={formatLatency(percentile(latencies, 95))} />
              <Stat
                label="Max"
                value={formatLatency(latencies.length ? Math.max(...latencies) : null)}
              />
            </dl>
            <LatencyChart results={data} />
          </>
        )}
      </div>
    </Panel>
  );
}
