import { useMemo, useState, type ReactNode } from 'react';
import type { Container, StatsRange } from '@homehub/contracts';
import { formatBytes } from '../../../lib/format.ts';
import { Panel } from '../../../ui/panel.tsx';
import { SegmentedControl } from '../../../ui/segmented-control.tsx';
import { RowsLoading } from '../../../ui/states.tsx';
import { StatusDot } from '../../../ui/status-dot.tsx';
import { useContainerStats, useServiceContainer } from '../api/containers.ts';
import { containerStatus, formatUptime } from './container-status.ts';
import { StatsChart } from './stats-chart.tsx';

const DAY_MS = 86_400_000;
const RANGES: { value: StatsRange; ms: number; title: string }[] = [
  { value: '1h', ms: DAY_MS / 24, title: 'Last hour' },
  { value: '24h', ms: DAY_MS, title: 'Last 24 hours' },
  { value: '7d', ms: 7 * DAY_MS, title: 'Last 7 days' },
  { value: '30d', ms: 30 * DAY_MS, title: 'Last 30 days' },
  { value: '90d', ms: 90 * DAY_MS, title: 'Last 90 days' },
];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] uppercase tracking-wide text-faint">{label}</dt>
      <dd className="truncate text-sm tabular">{children}</dd>
    </div>
  );
}

function Resources({ container }: { container: Container }) {
  const [range, setRange] = useState<StatsRange>('1h');
  const stats = useContainerStats(container.id, range);
  const series = useMemo(() => {
    const points = stats.data?.points ?? [];
    // Raw samples are their own peaks: only buckets draw a second line.
    const bucketed = (stats.data?.bucketSeconds ?? 0) > 0;
    return {
      xs: points.map((p) => Date.parse(p.at) / 1000),
      cpu: points.map((p) => p.cpuPercent),
      cpuPeaks: bucketed ? points.map((p) => p.cpuMaxPercent) : null,
      memory: points.map((p) => p.memoryBytes),
      memoryPeaks: bucketed ? points.map((p) => p.memoryMaxBytes) : null,
      limit: points.at(-1)?.memoryLimitBytes || null,
    };
  }, [stats.data]);
  // The window ends when the samples were read (the charts show nothing before they are).
  const to = stats.dataUpdatedAt;
  const from = to - RANGES.find((r) => r.value === range)!.ms;

  return (
    <div className="space-y-3 border-t border-line p-4">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Resources</h3>
        <SegmentedControl
          label="Stats range"
          value={range}
          onChange={setRange}
          options={RANGES.map(({ value, title }) => ({ value, label: value, title }))}
        />
      </div>
      {stats.isPending ? (
        <RowsLoading label="Loading stats" rowClass="h-24" />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <StatsChart
            label="CPU"
            xs={series.xs}
            values={series.cpu}
            peaks={series.cpuPeaks}
            from={from}
            to={to}
            minTop={10}
            format={(v) => `${v.toFixed(v < 10 ? 1 : 0)}%`}
          />
          <StatsChart
            label="Memory"
            xs={series.xs}
            values={series.memory}
            peaks={series.memoryPeaks}
            limit={series.limit}
            from={from}
            to={to}
            minTop={64 * 1024 * 1024}
            format={formatBytes}
          />
        </div>
      )}
    </div>
  );
}

/** On a container's service page: what the engine says about it, and its CPU and memory. */
export function ContainerPanel({ serviceId }: { serviceId: number }) {
  const container = useServiceContainer(serviceId);
  if (container.isPending || container.isError || !container.data) return null;
  const c = container.data;
  const { status, label } = containerStatus(c);
  return (
    <Panel
      title="Container"
      action={
        <span className="inline-flex items-center gap-2 text-sm" data-testid="container-state">
          <StatusDot status={status} />
          {label}
        </span>
      }
    >
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 p-4 sm:grid-cols-4">
        <Fact label="Name">{c.name}</Fact>
        <Fact label="Image">
          <span className="font-mono text-xs" title={c.image}>
            {c.image}
          </span>
        </Fact>
        <Fact label="Up for">{formatUptime(c.uptimeSeconds)}</Fact>
        <Fact label="Restarts">{c.restartCount}</Fact>
        {c.group && <Fact label="Group">{c.group}</Fact>}
        <Fact label="Health">{c.health ?? 'No HEALTHCHECK'}</Fact>
        <Fact label="Memory">
          {c.memoryBytes === null
            ? '—'
            : `${formatBytes(c.memoryBytes)}${c.memoryLimitBytes ? ` of ${formatBytes(c.memoryLimitBytes)}` : ''}`}
        </Fact>
      </dl>
      {c.state !== 'gone' && <Resources container={c} />}
    </Panel>
  );
}
