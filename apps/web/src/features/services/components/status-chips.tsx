import type { Status } from '@homehub/contracts';
import { StatusDot } from '../../../ui/status-dot.tsx';
import { STATUS_LABEL, STATUS_ORDER } from '../../../lib/status.ts';

interface StatusChipsProps {
  counts: Record<Status, number>;
  total: number;
  active: Status | null;
  onChange: (status: Status | null) => void;
}

const chipClass = (pressed: boolean) =>
  `inline-flex min-h-10 items-center sm:min-h-9 gap-1.5 rounded-full border px-3 text-[13px] font-medium transition-colors ${
    pressed
      ? 'border-ink/70 bg-ink text-canvas'
      : 'border-line bg-surface text-ink hover:border-line-strong'
  }`;

/** Counts by status; a chip filters the list to its status, a second click clears it. */
export function StatusChips({ counts, total, active, onChange }: StatusChipsProps) {
  const shown = STATUS_ORDER.filter((status) => counts[status] > 0 || status === active);
  return (
    <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
      <button
        type="button"
        aria-pressed={active === null}
        onClick={() => onChange(null)}
        className={chipClass(active === null)}
      >
        All <span className="tabular opacity-70">{total}</span>
      </button>
      {shown.map((status) => (
        <button
          key={status}
          type="button"
          aria-pressed={active === status}
          onClick={() => onChange(active === status ? null : status)}
          className={chipClass(active === status)}
        >
          <StatusDot status={status} size="sm" />
          {STATUS_LABEL[status]} <span className="tabular opacity-70">{counts[status]}</span>
        </button>
      ))}
    </div>
  );
}
