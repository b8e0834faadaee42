import type { ReactNode } from 'react';

/** A titled card on the service page. */
export function Panel({
  title,
  count,
  action,
  children,
}: {
  title: string;
  count?: number;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-label={title}
      className="overflow-hidden rounded-xl border border-line bg-surface shadow-xs"
    >
      <header className="flex min-h-12 flex-wrap items-center justify-between gap-x-3 gap-y-2 border-b border-line px-4 py-2">
        <h2 className="text-sm font-semibold">
          {title}
          {count !== undefined && (
            <span className="ml-1.5 font-normal text-faint tabular">{count}</span>
          )}
        </h2>
        {action}
      </header>
      {children}
    </section>
  );
}
