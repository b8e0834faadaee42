import { NavLink, Outlet } from 'react-router';
import { useServices } from '../features/services/api/get-services.ts';
import { LiveIndicator } from '../ui/live-indicator.tsx';
import { ThemeToggle } from '../ui/theme-toggle.tsx';
import { UserMenu } from '../ui/user-menu.tsx';
import { useLiveStream } from '../features/live/use-live-stream.ts';
import { useStatusFavicon } from '../lib/use-status-favicon.ts';

function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
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
  );
}

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-2 py-1.5 text-sm font-medium transition-colors sm:px-2.5 ${
    isActive ? 'bg-raised text-ink' : 'text-muted hover:text-ink'
  }`;

/** The signed-in frame: top bar, live stream, and the tab's status favicon. */
export function AppLayout() {
  const live = useLiveStream();
  const services = useServices();
  useStatusFavicon(services.data);

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-10 border-b border-line bg-surface/85 backdrop-blur supports-[backdrop-filter]:bg-surface/75">
        <div className="mx-auto flex h-13 max-w-6xl items-center gap-2 px-3 sm:gap-5 sm:px-4">
          <NavLink
            to="/"
            aria-label="Home Hub Monitor"
            className="flex items-center gap-2 rounded-md font-semibold tracking-tight"
          >
            <Logo />
            <span className="hidden sm:inline">Home Hub Monitor</span>
          </NavLink>
          {/* On a phone the links scroll within the bar rather than widening the page. */}
          <nav
            aria-label="Main"
            className="flex min-w-0 items-center gap-0.5 overflow-x-auto sm:gap-1"
          >
            <NavLink to="/" end className={navClass}>
              Overview
            </NavLink>
            <NavLink to="/containers" className={navClass}>
              Containers
            </NavLink>
            <NavLink to="/alerts" className={navClass}>
              Alerts
            </NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            <LiveIndicator state={live} />
            <div className="hidden sm:block">
              <ThemeToggle />
            </div>
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 pt-6 pb-16">
        <Outlet />
      </main>
    </div>
  );
}
