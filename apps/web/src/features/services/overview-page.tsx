import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Status } from '@homehub/contracts';
import { useCanOperate } from '../../lib/current-user.ts';
import { useServices } from './api/get-services.ts';
import { Button } from '../../ui/button.tsx';
import { PlusIcon, PulseIcon, SearchIcon } from '../../ui/icons.tsx';
import { inputClass } from '../../ui/form-field.tsx';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.tsx';
import { countByStatus, isStatus, sortByUrgency } from '../../lib/status.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { AddServiceDialog, type CheckFormComponent } from './components/add-service-dialog.tsx';
import { overviewSummary } from './components/overview-summary.ts';
import { sectionsOf, type Section } from './components/overview-sections.ts';
import { ServiceRow } from './components/service-row.tsx';
import { StatusChips } from './components/status-chips.tsx';
import { useSlashFocus } from './components/use-slash-focus.ts';

const TONE = { good: 'text-up', bad: 'text-down', warn: 'text-degraded', quiet: 'text-muted' };

function ListHeader() {
  return (
    <div
      aria-hidden="true"
      className="service-grid hidden border-b border-line px-4 py-2 text-[11px] font-medium tracking-wide text-faint uppercase md:grid"
    >
      <span className="area-status">Status</span>
      <span className="area-name">Service</span>
      <span className="area-kinds">Checks</span>
      <span className="area-bar">Last 48 results</span>
      <span className="area-uptime text-right">Uptime</span>
      <span className="area-latency text-right">Latency</span>
    </div>
  );
}

function LoadingRows() {
  return (
    <div aria-label="Loading services" role="status" className="divide-y divide-line">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="service-grid px-4 py-3">
          <Skeleton className="area-status h-4 w-16" />
          <Skeleton className="area-name h-4 w-40" />
          <Skeleton className="area-kinds h-4 w-12" />
          <Skeleton className="area-bar h-5" />
          <Skeleton className="area-uptime h-4 w-10 justify-self-end" />
          <Skeleton className="area-latency h-4 w-12 justify-self-end" />
        </div>
      ))}
    </div>
  );
}

/** One group's services under its name, with how many are in trouble. */
function ServiceSection({ section }: { section: Section }) {
  const list = (
    <ul role="list" className="m-0 list-none p-0">
      {section.services.map((service) => (
        <ServiceRow key={service.id} service={service} />
      ))}
    </ul>
  );
  if (section.name === null) return list;
  return (
    <section aria-label={section.name} className="border-b border-line last:border-b-0">
      <h2 className="flex items-baseline gap-2 border-b border-line bg-raised/50 px-4 py-1.5 text-xs font-semibold text-ink">
        {section.name}
        <span className="font-normal text-faint tabular">{section.services.length}</span>
        {section.trouble && (
          <span
            className={`ml-auto font-medium ${section.down > 0 ? 'text-down' : 'text-degraded'}`}
          >
            {section.trouble}
          </span>
        )}
      </h2>
      {list}
    </section>
  );
}

export function OverviewPage({ CheckForm }: { CheckForm: CheckFormComponent }) {
  const services = useServices();
  usePageTitle(undefined, services.data);
  const canOperate = useCanOperate();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);

  const statusParam = params.get('status');
  const filter: Status | null = isStatus(statusParam) ? statusParam : null;
  const query = params.get('q') ?? '';
  const deferredQuery = useDeferredValue(query);

  function setParam(name: string, value: string | null) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  const all = services.data;
  const counts = useMemo(() => countByStatus(all ?? []), [all]);
  const visible = useMemo(() => {
    const needle = deferredQuery.trim().toLowerCase();
    return sortByUrgency(all ?? []).filter(
      (s) =>
        (!filter || s.status === filter) &&
        (!needle ||
          s.name.toLowerCase().includes(needle) ||
          s.description.toLowerCase().includes(needle) ||
          s.group?.toLowerCase().includes(needle) ||
          s.tags.some((tag) => tag.includes(needle.replace(/^#/, '')))),
    );
  }, [all, filter, deferredQuery]);
  const sections = useMemo(() => sectionsOf(visible), [visible]);

  const total = all?.length ?? 0;
  const summary = overviewSummary(counts, total);
  const addButton = canOperate && (
    <Button variant="primary" onClick={() => setAdding(true)}>
      <PlusIcon size={15} /> Add service
    </Button>
  );

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Overview</h1>
          {all && (
            <p className={`mt-0.5 text-sm font-medium ${TONE[summary.tone]}`}>{summary.text}</p>
          )}
        </div>
        {total > 0 && addButton}
      </div>

      {services.isPending ? (
        <div className="overflow-hidden rounded-xl border border-line bg-surface">
          <LoadingRows />
        </div>
      ) : services.isError ? (
        <ErrorState
          title="Could not load services"
          error={services.error}
          onRetry={() => void services.refetch()}
        />
      ) : total === 0 ? (
        <EmptyState
          icon={<PulseIcon size={20} />}
          title="Add your first service"
          action={addButton || undefined}
        >
          A service is anything you care about: a website, an app on your server, a router. Give it
          a name, then add a check (an HTTP request or a TCP port) and the hub will tell you the
          moment it stops answering.
        </EmptyState>
      ) : (
        <>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <StatusChips
              counts={counts}
              total={total}
              active={filter}
              onChange={(s) => setParam('status', s)}
            />
            <div className="relative sm:w-64">
              <label htmlFor="service-search" className="sr-only">
                Search services
              </label>
              <SearchIcon
                className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-faint"
                size={15}
              />
              <input
                ref={searchRef}
                id="service-search"
                type="search"
                value={query}
                onChange={(e) => setParam('q', e.target.value)}
                onKeyDown={(e) =>
                  e.key === 'Escape' && (setParam('q', null), e.currentTarget.blur())
                }
                placeholder="Search services"
                autoComplete="off"
                className={`${inputClass} pr-8 pl-8`}
              />
              <kbd className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-line px-1.5 font-mono text-[11px] text-faint">
                /
              </kbd>
            </div>
          </div>

          <section
            aria-label="Services"
            className="overflow-hidden rounded-xl border border-line bg-surface shadow-xs"
          >
            <ListHeader />
            {visible.length === 0 ? (
              <div className="px-4 py-10 text-center text-sm text-muted">
                No services match.{' '}
                <button
                  type="button"
                  className="font-medium text-accent underline-offset-2 hover:underline"
                  onClick={() => setParams({}, { replace: true })}
                >
                  Clear filters
                </button>
              </div>
            ) : (
              sections.map((section) => <ServiceSection key={section.key} section={section} />)
            )}
          </section>
        </>
      )}

      {canOperate && (
        <AddServiceDialog open={adding} onClose={() => setAdding(false)} CheckForm={CheckForm} />
      )}
    </div>
  );
}
