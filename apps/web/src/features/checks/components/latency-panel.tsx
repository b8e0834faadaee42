import { useId } from 'react';
import type { Check, History, HistoryRange } from '@homehub/contracts';
import { useCheckHistory } from '../api/get-check-history.ts';
import { inputClass } from '../../../ui/form-field.tsx';
import { Panel } from '../../../ui/panel.tsx';
import { Skeleton } from '../../../ui/states.tsx';
import { formatLatency, formatPercent } from '../../../lib/format.ts';
import { rangeStats } from './history-series.ts';
import { LatencyChart } from './latency-chart.tsx';
import { RANGE_TITLE, RangePicker } from './range-picker.tsx';
import { RANGE_SECONDS } from './uptime-buckets.ts';
import { UptimeBars } from './uptime-bars.tsx';
import { useHistoryRange, useSelectedCheck } from './use-history-params.ts';

const CHART_HEIGHT = 200;

function Stat({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div title={title} className="min-w-0">
      <dt className="text-[11px] tracking-wide text-faint uppercase">{label}</dt>
      <dd className="m-0 truncate text-sm font-medium tabular">{value}</dd>
    </div>
  );
}

function CheckPicker({
  checks,
  value,
  onChange,
}: {
  checks: readonly Check[];
  value: number | undefined;
  onChange: (checkId: number) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-xs text-muted">
        Check
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className={`${inputClass} w-auto py-1`}
      >
        {checks.map((check) => (
          <option key={check.id} value={check.id}>
            {check.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The end of the window: when the history was fetched, or later if live results have added
 * buckets since. Derived from data, so rendering stays pure and the window does not creep.
 */
function windowEnd(history: History, fetchedAt: number): number {
  const last = history.buckets.at(-1);
  const lastEnd = last ? Date.parse(last.at) + history.bucketSeconds * 1000 : 0;
  return Math.max(fetchedAt, lastEnd);
}

function HistoryBody({
  history,
  range,
  fetchedAt,
}: {
  history: History;
  range: HistoryRange;
  fetchedAt: number;
}) {
  const to = windowEnd(history, fetchedAt);
  const from = to - RANGE_SECONDS[range] * 1000;
  const stats = rangeStats(history.buckets);
  if (history.buckets.length === 0) {
    return (
      <p className="py-10 text-center text-sm text-muted">
        No results in the {RANGE_TITLE[range].toLowerCase()}. They appear here as the check runs.
      </p>
    );
  }
  return (
    <>
      <dl className="m-0 mb-2 grid grid-cols-4 gap-3">
        <Stat label="Average" value={formatLatency(stats.avg)} />
        <Stat
          label="p95"
          value={formatLatency(stats.p95)}
          title="The highest p95 of any period in the range"
        />
        <Stat label="Max" value={formatLatency(stats.max)} />
        <Stat
          label="Results"
          value={stats.count.toLocaleString()}
          title={stats.down > 0 ? `${stats.down.toLocaleString()} down` : 'None down'}
        />
      </dl>
      <LatencyChart history={history} from={from} to={to} height={CHART_HEIGHT} />
      <div className="mt-4">
        <UptimeBars history={history} range={range} now={to} />
      </div>
    </>
  );
}

/**
 * A check's history over a chosen range: latency chart and uptime bars from the rollups.
 * The range and the check live in the URL; with several checks a picker chooses one.
 */
export function LatencyPanel({ checks }: { checks: readonly Check[] }) {
  const [range, setRange] = useHistoryRange();
  const [checkId, setCheckId] = useSelectedCheck(checks);
  const history = useCheckHistory(checkId, range);
  // While another range loads the previous one stays up, dimmed, rather than a skeleton.
  const current = history.data?.range === range && history.data.checkId === checkId;

  return (
    <Panel
      title="History"
      action={
        <div className="flex items-center gap-3">
          {checkId !== undefined && (
            <span
              data-testid="range-uptime"
              title={`Uptime, ${RANGE_TITLE[range].toLowerCase()}: up or degraded results as a share of all`}
              className="text-sm font-semibold tabular"
            >
              {current ? formatPercent(history.data?.uptime ?? null) : '…'}
              <span className="sr-only"> uptime</span>
            </span>
          )}
          <RangePicker value={range} onChange={setRange} />
        </div>
      }
    >
      <div className="px-4 pt-3 pb-4">
        {checks.length > 1 && (
          <div className="mb-3">
            <CheckPicker checks={checks} value={checkId} onChange={setCheckId} />
          </div>
        )}
        {checkId === undefined ? (
          <p className="py-10 text-center text-sm text-muted">
            Add a check to see its latency and uptime here.
          </p>
        ) : history.isPending ? (
          <div role="status" aria-label="Loading history" className="space-y-3">
            <Skeleton className="h-9" />
            <Skeleton className="h-[200px]" />
            <Skeleton className="h-8" />
          </div>
        ) : history.isError ? (
          <p role="alert" className="py-10 text-center text-sm text-down">
            Could not load the history: {history.error.message}
          </p>
        ) : (
          <div aria-busy={!current} className={`transition-opacity ${current ? '' : 'opacity-60'}`}>
            <HistoryBody
              history={history.data}
              range={history.data.range}
              fetchedAt={history.dataUpdatedAt}
            />
          </div>
        )}
      </div>
    </Panel>
  );
}
