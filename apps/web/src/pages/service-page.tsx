import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/api-error.ts';
import { useCanOperate } from '../api/auth.api.ts';
import { useDeleteService, useService } from '../api/services.api.ts';
import { Button, buttonClass } from '../components/button.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { TrashIcon } from '../components/icons.tsx';
import { ResultsBar } from '../components/results-bar.tsx';
import { EmptyState, ErrorState, Skeleton } from '../components/states.tsx';
import { SearchIcon } from '../components/icons.tsx';
import { usePageTitle } from '../lib/use-page-title.ts';
import { CheckList } from './service/check-list.tsx';
import { EventsTimeline } from './service/events-timeline.tsx';
import { LatencyPanel } from './service/latency-panel.tsx';
import { Panel } from './service/panel.tsx';
import { ServiceHeader } from './service/service-header.tsx';

function NotFound() {
  return (
    <EmptyState
      icon={<SearchIcon size={20} />}
      title="Service not found"
      action={
        <Link to="/" className={buttonClass('secondary')}>
          Back to the overview
        </Link>
      }
    >
      It may have been deleted.
    </EmptyState>
  );
}

export function ServicePage() {
  const id = Number(useParams().id);
  return Number.isInteger(id) && id > 0 ? <ServiceDetail id={id} /> : <NotFound />;
}

function ServiceDetail({ id }: { id: number }) {
  const navigate = useNavigate();
  const service = useService(id);
  const canOperate = useCanOperate();
  const remove = useDeleteService();
  const [confirming, setConfirming] = useState(false);
  usePageTitle(service.data?.name);

  if (service.isPending) {
    return (
      <div className="space-y-4" role="status" aria-label="Loading service">
        <Skeleton className="h-7 w-56" />
        <Skeleton className="h-36" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  if (service.isError) {
    if (isApiError(service.error) && service.error.status === 404) return <NotFound />;
    return (
      <ErrorState
        title="Could not load this service"
        error={service.error}
        onRetry={() => void service.refetch()}
      />
    );
  }
  const data = service.data;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <nav aria-label="Breadcrumb" className="text-xs text-muted">
            <Link to="/" className="hover:text-ink hover:underline">
              Overview
            </Link>
            <span aria-hidden="true"> / </span>
          </nav>
          <h1 className="truncate text-xl font-semibold tracking-tight">{data.name}</h1>
          {data.description && <p className="mt-0.5 text-sm text-muted">{data.description}</p>}
        </div>
        {canOperate && (
          <Button variant="ghost" onClick={() => setConfirming(true)}>
            <TrashIcon size={15} /> Delete service
          </Button>
        )}
      </div>

      <ServiceHeader service={data} />

      <Panel title="Last 48 results">
        <div className="px-4 py-4">
          <ResultsBar results={data.recentResults} className="h-8" />
          <div className="mt-1.5 flex justify-between text-[11px] text-faint">
            <span>older</span>
            <span>now</span>
          </div>
        </div>
      </Panel>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-5">
          <LatencyPanel checks={data.checks} />
          <CheckList service={data} canOperate={canOperate} />
        </div>
        <div className="min-w-0">
          <EventsTimeline serviceId={data.id} />
        </div>
      </div>

      <ConfirmDialog
        open={confirming}
        title={`Delete "${data.name}"?`}
        confirmLabel="Delete service"
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(data.id, {
            onSuccess: () => {
              setConfirming(false);
              void navigate('/', { replace: true });
            },
          })
        }
      >
        Its {data.checks.length === 1 ? 'check' : `${data.checks.length} checks`}, results and
        timeline are deleted too. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
