import { useState, type ComponentType } from 'react';
import type { Check, Service } from '@homehub/contracts';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../lib/api-error.ts';
import { useCanOperate } from '../../lib/current-user.ts';
import { useDeleteService } from './api/delete-service.ts';
import { useService } from './api/get-service.ts';
import { useServices } from './api/get-services.ts';
import { Button, buttonClass } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { PencilIcon, SearchIcon, TrashIcon } from '../../ui/icons.tsx';
import { EmptyState, ErrorState, Skeleton } from '../../ui/states.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { ServiceForm } from './components/service-form.tsx';
import { ServiceHeader } from './components/service-header.tsx';
import { ServiceLabels } from './components/service-labels.tsx';

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

/**
 * The panels the page shows from the checks and events features. Features do not import each
 * other (STYLE rule 14), so app/ composes them into the page.
 */
export interface ServicePanels {
  /** Latency chart and uptime bars over a range; range and check are kept in the URL. */
  LatencyPanel: ComponentType<{ checks: readonly Check[] }>;
  /** Raw results of the check the history panel follows, newest first. */
  ResultLog: ComponentType<{ checks: readonly Check[] }>;
  CheckList: ComponentType<{ service: Service; canOperate: boolean }>;
  EventsTimeline: ComponentType<{ serviceId: number; checks: readonly Check[] }>;
  /** For a service discovered from a container: the container and its CPU and memory. */
  ContainerPanel: ComponentType<{ serviceId: number }>;
}

export function ServicePage({ panels }: { panels: ServicePanels }) {
  const id = Number(useParams().id);
  return Number.isInteger(id) && id > 0 ? <ServiceDetail id={id} panels={panels} /> : <NotFound />;
}

function ServiceDetail({
  id,
  panels: { LatencyPanel, ResultLog, CheckList, EventsTimeline, ContainerPanel },
}: {
  id: number;
  panels: ServicePanels;
}) {
  const navigate = useNavigate();
  const service = useService(id);
  const services = useServices();
  const canOperate = useCanOperate();
  const remove = useDeleteService();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  usePageTitle(service.data?.name, services.data);

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
          <ServiceLabels group={data.group} tags={data.tags} className="mt-1.5" />
        </div>
        {canOperate && (
          <div className="flex gap-1">
            <Button variant="ghost" aria-label="Edit service" onClick={() => setEditing(true)}>
              <PencilIcon size={15} /> Edit
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(true)}>
              <TrashIcon size={15} /> Delete service
            </Button>
          </div>
        )}
      </div>

      <ServiceHeader service={data} />

      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-5">
          <ContainerPanel serviceId={data.id} />
          <LatencyPanel checks={data.checks} />
          <CheckList service={data} canOperate={canOperate} />
          <ResultLog checks={data.checks} />
        </div>
        <div className="min-w-0">
          <EventsTimeline serviceId={data.id} checks={data.checks} />
        </div>
      </div>

      {canOperate && (
        <Dialog open={editing} onClose={() => setEditing(false)} title={`Edit ${data.name}`}>
          <ServiceForm
            service={data}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </Dialog>
      )}

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
