import { Link } from 'react-router';
import type { Container, Engine } from '@homehub/contracts';
import { formatBytes } from '../../lib/format.ts';
import { BoxIcon } from '../../ui/icons.tsx';
import { Panel } from '../../ui/panel.tsx';
import { RelativeTime } from '../../ui/relative-time.tsx';
import { EmptyState, ErrorState, RowsLoading } from '../../ui/states.tsx';
import { StatusDot } from '../../ui/status-dot.tsx';
import { STATUS_TEXT } from '../../ui/status-style.ts';
import { useContainers, useEngines } from './api/containers.ts';
import { containerStatus, formatUptime } from './components/container-status.ts';

function EngineState({ engine }: { engine: Engine }) {
  if (engine.state === 'connected') {
    return (
      <span className="text-xs text-muted">
        <span className="text-up">Connected</span>
        {engine.version && <> · Docker {engine.version}</>}
      </span>
    );
  }
  return (
    <span className="text-xs text-muted" title={engine.lastError ?? undefined}>
      <span className={engine.state === 'unreachable' ? 'text-down' : ''}>
        {engine.state === 'unreachable' ? 'Unreachable' : 'Connecting'}
      </span>
      {engine.since && (
        <>
          {' since '}
          <RelativeTime at={engine.since} />
        </>
      )}
    </span>
  );
}

function MemoryCell({ container }: { container: Container }) {
  const { memoryBytes: used, memoryLimitBytes: limit } = container;
  if (used === null) return <span className="text-faint">—</span>;
  const share = limit ? Math.min(1, used / limit) : null;
  return (
    <span className="inline-flex items-center justify-end gap-2">
      <span>{formatBytes(used)}</span>
      {share !== null && (
        <span
          className="hidden h-1.5 w-12 overflow-hidden rounded-full bg-raised sm:inline-block"
          title={`${Math.round(share * 100)}% of ${formatBytes(limit!)}`}
        >
          <span
            className={`block h-full rounded-full ${share > 0.9 ? 'bg-down' : share > 0.75 ? 'bg-degraded' : 'bg-accent'}`}
            style={{ width: `${Math.max(2, share * 100)}%` }}
          />
        </span>
      )}
    </span>
  );
}

function ContainerRow({ container }: { container: Container }) {
  const { status, label } = containerStatus(container);
  return (
    <tr
      data-testid="container-row"
      data-status={status}
      aria-label={container.name}
      className={`border-b border-line last:border-0 ${status === 'down' ? 'bg-down-soft/40' : ''}`}
    >
      <td className="py-2 pr-1 pl-4 sm:pr-2">
        <span
          className={`inline-flex items-center gap-2 text-[13px] font-medium ${STATUS_TEXT[status]}`}
        >
          <StatusDot status={status} />
          {/* A phone keeps the dot and gives the name the room. */}
          <span className="sr-only sm:not-sr-only">{label}</span>
        </span>
      </td>
      <td className="max-w-40 px-2 py-2 sm:max-w-64">
        <Link
          to={`/services/${container.serviceId}`}
          className="block truncate font-medium text-ink hover:underline"
        >
          {container.name}
        </Link>
        {container.group && (
          <span className="block truncate text-xs text-faint">{container.group}</span>
        )}
      </td>
      <td className="hidden max-w-56 truncate px-2 py-2 font-mono text-xs text-muted md:table-cell">
        {container.image}
      </td>
      <td className="hidden px-2 py-2 text-right text-muted tabular sm:table-cell">
        {formatUptime(container.uptimeSeconds)}
      </td>
      <td
        className={`hidden px-2 py-2 text-right tabular sm:table-cell ${container.restartCount > 0 ? 'text-degraded' : 'text-muted'}`}
      >
        {container.restartCount}
      </td>
      <td className="px-2 py-2 text-right tabular">
        {container.cpuPercent === null ? (
          <span className="text-faint">—</span>
        ) : (
          `${container.cpuPercent.toFixed(1)}%`
        )}
      </td>
      <td className="py-2 pr-4 pl-2 text-right tabular">
        <MemoryCell container={container} />
      </td>
    </tr>
  );
}

/** Removed containers (kept for their history) sink to the bottom; the rest by group, then name. */
const byGroupThenName = (a: Container, b: Container) =>
  Number(a.state === 'gone') - Number(b.state === 'gone') ||
  (a.group ?? '').localeCompare(b.group ?? '') ||
  a.name.localeCompare(b.name);

function EnginePanel({ engine, containers }: { engine: Engine; containers: Container[] }) {
  return (
    <Panel title={engine.name} count={containers.length} action={<EngineState engine={engine} />}>
      {containers.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-muted">
          {engine.state === 'connected' ? 'No containers on this engine.' : 'Nothing read yet.'}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-line text-left text-[11px] uppercase tracking-wide text-faint">
                <th className="py-2 pr-1 pl-4 font-medium sm:pr-2">
                  <span className="sr-only sm:not-sr-only">State</span>
                </th>
                <th className="px-2 py-2 font-medium">Name</th>
                <th className="hidden px-2 py-2 font-medium md:table-cell">Image</th>
                <th className="hidden px-2 py-2 text-right font-medium sm:table-cell">Up for</th>
                <th className="hidden px-2 py-2 text-right font-medium sm:table-cell">Restarts</th>
                <th className="px-2 py-2 text-right font-medium">CPU</th>
                <th className="py-2 pr-4 pl-2 text-right font-medium">Memory</th>
              </tr>
            </thead>
            <tbody>
              {[...containers].sort(byGroupThenName).map((container) => (
                <ContainerRow key={container.id} container={container} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

/** Every engine the hub reads and its containers, live: state, health, uptime, CPU, memory. */
export function ContainersPage() {
  const engines = useEngines();
  const containers = useContainers();
  const all = containers.data ?? [];
  const running = all.filter((c) => c.state === 'running').length;
  const down = all.filter((c) => containerStatus(c).status === 'down').length;

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Containers</h1>
        <p className="mt-0.5 text-sm text-muted" data-testid="containers-summary">
          {containers.data
            ? `${running} running${down ? ` · ${down} down` : ''} · ${all.length} in all`
            : 'What the hub reads from each Docker engine, as it happens.'}
        </p>
      </div>
      {engines.isPending || containers.isPending ? (
        <Panel title="Loading">
          <RowsLoading label="Loading containers" rowClass="h-9" />
        </Panel>
      ) : engines.isError || containers.isError ? (
        <ErrorState
          title="Could not load the containers"
          error={engines.error ?? containers.error}
          onRetry={() => {
            void engines.refetch();
            void containers.refetch();
          }}
        />
      ) : engines.data.length === 0 ? (
        <EmptyState icon={<BoxIcon size={20} />} title="No Docker engine">
          Mount the Docker socket read-only into the hub (or set DOCKER_HOST to a socket proxy) and
          every container shows up here with its own service.
        </EmptyState>
      ) : (
        engines.data.map((engine) => (
          <EnginePanel
            key={engine.id}
            engine={engine}
            containers={containers.data.filter((c) => c.engineId === engine.id)}
          />
        ))
      )}
    </div>
  );
}
