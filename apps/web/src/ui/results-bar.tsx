import type { ResultTick } from '@homehub/contracts';
import { formatLatency, formatTime } from '../lib/format.ts';
import { STATUS_LABEL } from '../lib/status.ts';
import { STATUS_FILL } from './status-style.ts';

interface ResultsBarProps {
  results: readonly ResultTick[];
  /** Empty slots on the left keep bars of new services aligned with the others. */
  slots?: number;
  className?: string;
}

function describe(results: readonly ResultTick[]): string {
  if (results.length === 0) return 'No results yet';
  const counts = { up: 0, degraded: 0, down: 0, maintenance: 0 };
  for (const r of results) counts[r.status] += 1;
  const parts = (['up', 'degraded', 'down', 'maintenance'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${STATUS_LABEL[s].toLowerCase()}`);
  return `Last ${results.length} results: ${parts.join(', ')}`;
}

/** One thin tick per result, oldest on the left; hover a tick for its time, status and latency. */
export function ResultsBar({ results, slots = 48, className = '' }: ResultsBarProps) {
  const shown = results.slice(-slots);
  const empty = Math.max(0, slots - shown.length);
  return (
    <div
      role="img"
      aria-label={describe(shown)}
      className={`flex h-6 items-stretch gap-[2px] ${className}`}
    >
      {Array.from({ length: empty }, (_, i) => (
        <span
          key={`empty-${i}`}
          data-empty=""
          className="min-w-[2px] flex-1 rounded-[1.5px] bg-line/70"
        />
      ))}
      {shown.map((result) => (
        <span
          key={`${result.checkId}-${result.at}`}
          data-testid="result-tick"
          data-status={result.status}
          title={`${formatTime(new Date(result.at))} · ${STATUS_LABEL[result.status]} · ${formatLatency(result.latencyMs)}${
            result.message ? ` · ${result.message}` : ''
          }`}
          className={`min-w-[2px] flex-1 rounded-[1.5px] transition-opacity hover:opacity-70 ${STATUS_FILL[result.status]}`}
        />
      ))}
    </div>
  );
}
