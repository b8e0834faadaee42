import type { Status } from '@homehub/contracts';
import { STATUS_LABEL } from '../lib/status.ts';
import { StatusDot } from './status-dot.tsx';
import { STATUS_SOFT, STATUS_TEXT } from './status-style.ts';

interface StatusBadgeProps {
  status: Status;
  variant?: 'plain' | 'pill' | 'hero';
}

/**
 * The status word beside its dot: colour is never the only signal. The element carrying
 * data-status holds exactly the word ("Up", "Down"…), which tests and screen readers rely on.
 */
export function StatusBadge({ status, variant = 'plain' }: StatusBadgeProps) {
  if (variant === 'hero') {
    return (
      <span
        className={`inline-flex items-center gap-2.5 rounded-lg px-3 py-1.5 ${STATUS_SOFT[status]}`}
      >
        <StatusDot status={status} size="lg" />
        <span
          data-status={status}
          className={`text-2xl font-semibold tracking-tight ${STATUS_TEXT[status]}`}
        >
          {STATUS_LABEL[status]}
        </span>
      </span>
    );
  }
  const pill = variant === 'pill' ? `rounded-full px-2 py-0.5 ${STATUS_SOFT[status]}` : '';
  return (
    <span className={`inline-flex items-center gap-1.5 ${pill}`}>
      <StatusDot status={status} size="sm" />
      <span data-status={status} className={`text-[13px] font-medium ${STATUS_TEXT[status]}`}>
        {STATUS_LABEL[status]}
      </span>
    </span>
  );
}
