import { useId, useMemo, useState } from 'react';
import type { Check, Result, ResultStatus } from '@homehub/contracts';
import { useCheckResults } from '../api/get-check-results.ts';
import { Button } from '../../../ui/button.tsx';
import { inputClass } from '../../../ui/form-field.tsx';
import { Panel } from '../../../ui/panel.tsx';
import { Skeleton } from '../../../ui/states.tsx';
import { StatusDot } from '../../../ui/status-dot.tsx';
import { STATUS_TEXT } from '../../../ui/status-style.ts';
import { formatExact, formatLatency } from '../../../lib/format.ts';
import { STATUS_LABEL } from '../../../lib/status.ts';
import { useSelectedCheck } from './use-history-params.ts';

type Filter = ResultStatus | 'all';
const FILTERS: readonly Filter[] = ['all', 'down', 'degraded', 'up'];

const logTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Phone: time, status and latency on one line, the message under them; wider: one line. */
const ROW =
  'grid grid-cols-[minmax(0,1fr)_auto_4.5rem] items-center gap-x-3 gap-y-0.5 px-4 sm:grid-cols-[9.5rem_6.5rem_4.5rem_minmax(0,1fr)]';

function ResultRow({ result }: { result: Result }) {
  const at = new Date(result.at);
  return (
    <li data-testid="result-row" data-status={result.status} className={`${ROW} py-1.5`}>
      <time
        dateTime={result.at}
        title={formatExact(at)}
        className="truncate font-mono text-xs text-muted"
      >
        {logTime.format(at)}
      </time>
      <span className="inline-flex items-center gap-1.5">
        <StatusDot status={result.status} size="sm" />
        <span className={`text-xs font-medium ${STATUS_TEXT[result.status]}`}>
          {STATUS_LABEL[result.status]}
        </span>
      </span>
      <span className="text-right font-mono text-xs tabular">
        {formatLatency(result.latencyMs)}
      </span>
      <span
        title={result.message}
        className="col-span-3 line-clamp-2 text-xs break-words text-muted sm:col-span-1 sm:truncate"
      >
        {result.message || '—'}
      </span>
    </li>
  );
}

/**
 * A check's raw results, newest first, a page at a time ("Load older" follows the API's
 * cursor). The status filter narrows the rows already loaded; new results arrive live on top.
 */
export function ResultLog({ checks }: { checks: readonly Check[] }) {
  const filterId = useId();
  const [checkId] = useSelectedCheck(checks);
  const results = useCheckResults(checkId);
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useMemo(() => results.data?.pages.flatMap((p) => p.results) ?? [], [results.data]);
  const shown = filter === 'all' ? rows : rows.filter((r) => r.status === filter);
  const check = checks.find((c) => c.id === checkId);
  const olderError = results.isFetchNextPageError ? results.error : null;
  if (checkId === undefined) return null;

  return (
    <Panel
      title={checks.length > 1 && check ? `Results · ${check.name}` : 'Results'}
      action={
        <div className="flex items-center gap-2">
          <label htmlFor={filterId} className="text-xs text-muted">
            Status
          </label>
          <select
            id={filterId}
            value={filter}
            onChange={(e) => setFilter(e.target.value as Filter)}
            className={`${inputClass} w-auto py-1`}
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {f === 'all' ? 'All' : STATUS_LABEL[f]}
              </option>
            ))}
          </select>
        </div>
      }
    >
      {results.isPending ? (
        <div role="status" aria-label="Loading results" className="space-y-2 p-4">
          <Skeleton className="h-4" />
          <Skeleton className="h-4" />
          <Skeleton className="h-4 w-2/3" />
        </div>
      ) : results.isError ? (
        <p role="alert" className="px-4 py-6 text-sm text-down">
          Could not load results: {results.error.message}
        </p>
      ) : rows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-muted">
          No results yet. The first one arrives within one interval.
        </p>
      ) : (
        <>
          <div
            aria-hidden="true"
            className={`${ROW} hidden border-b border-line py-1.5 text-[11px] font-medium tracking-wide text-faint uppercase sm:grid`}
          >
            <span>Time</span>
            <span>Status</span>
            <span className="text-right">Latency</span>
            <span>Message</span>
          </div>
          {shown.length === 0 ? (
            <p className="px-4 py-6 text-sm text-muted">
              None of the {rows.length} loaded results is {filter}.
              {results.hasNextPage && ' Load older ones to look further back.'}
            </p>
          ) : (
            <ol
              aria-label="Results, newest first"
              className="m-0 list-none divide-y divide-line/70 p-0 py-1"
            >
              {shown.map((result) => (
                <ResultRow key={result.at} result={result} />
              ))}
            </ol>
          )}
          <div className="flex min-h-12 flex-wrap items-center justify-between gap-2 border-t border-line px-4 py-2 text-xs text-muted">
            <span className="tabular">
              {filter === 'all'
                ? `${rows.length} loaded`
                : `${shown.length} ${filter} of ${rows.length} loaded`}
            </span>
            {results.hasNextPage ? (
              <Button
                onClick={() => void results.fetchNextPage()}
                disabled={results.isFetchingNextPage}
              >
                {results.isFetchingNextPage ? 'Loading…' : 'Load older'}
              </Button>
            ) : (
              <span>No older results</span>
            )}
          </div>
          {olderError && (
            <p role="alert" className="px-4 pb-3 text-xs text-down">
              Could not load older results: {olderError.message}
            </p>
          )}
        </>
      )}
    </Panel>
  );
}
