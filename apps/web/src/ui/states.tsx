import type { ReactNode } from 'react';
import { AlertIcon } from './icons.tsx';
import { Button } from './button.tsx';

export function ErrorState({
  error,
  onRetry,
  title = 'Could not load this',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <div
      role="alert"
      className="flex flex-col items-center gap-3 rounded-xl border border-line bg-surface px-6 py-12 text-center"
    >
      <span className="grid size-10 place-items-center rounded-full bg-down-soft text-down">
        <AlertIcon size={20} />
      </span>
      <div>
        <p className="font-medium">{title}</p>
        <p className="mt-1 text-sm text-muted">{message}</p>
      </div>
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}

export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-line-strong bg-surface px-6 py-14 text-center">
      <span className="grid size-11 place-items-center rounded-full bg-raised text-muted">
        {icon}
      </span>
      <div className="max-w-md">
        <h2 className="font-semibold">{title}</h2>
        <div className="mt-1 text-sm text-muted">{children}</div>
      </div>
      {action}
    </div>
  );
}

/** A grey block standing in for content that is loading. */
export function Skeleton({ className = '' }: { className?: string }) {
  return (
    <span aria-hidden="true" className={`block animate-pulse rounded bg-raised ${className}`} />
  );
}

/** Placeholder rows inside a panel while its list loads. */
export function RowsLoading({ label, rowClass = 'h-8' }: { label: string; rowClass?: string }) {
  return (
    <div className="space-y-2 p-4" role="status" aria-label={label}>
      <Skeleton className={rowClass} />
      <Skeleton className={rowClass} />
    </div>
  );
}
