import type { ReactNode } from 'react';
import { ThemeToggle } from './theme-toggle.tsx';

/** The frame of the signed-out pages: product mark, a card, and the theme toggle. */
export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <div className="flex justify-end p-4">
        <ThemeToggle />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh] pb-16">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex items-center gap-2.5">
            <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
              <rect width="32" height="32" rx="8" className="fill-ink" />
              <path
                d="M6 17h5l3-7 4 13 3-6h5"
                fill="none"
                stroke="var(--color-up)"
                strokeWidth="2.6"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            <span className="text-lg font-semibold tracking-tight">Home Hub Monitor</span>
          </div>
          <div className="rounded-xl border border-line bg-surface p-6 shadow-sm">
            <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
            {subtitle && <p className="mt-1 text-sm text-muted">{subtitle}</p>}
            <div className="mt-5">{children}</div>
          </div>
        </div>
      </main>
    </div>
  );
}
