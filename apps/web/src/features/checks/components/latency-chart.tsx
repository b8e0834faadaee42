import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { History, HistoryBucket } from '@homehub/contracts';
import { formatLatency, formatSpan } from '../../../lib/format.ts';
import { cssColor, withAlpha } from '../../../lib/chart-colors.ts';
import { useResolvedTheme } from '../../../lib/theme.ts';
import {
  failureRuns,
  isolatedIndices,
  latencyTop,
  toHistorySeries,
  type FailureRun,
  type HistorySeries,
} from './history-series.ts';

interface LatencyChartProps {
  history: History;
  /** The window shown, in epoch ms: the whole range, however little of it has results. */
  from: number;
  to: number;
  height?: number;
}

interface Palette {
  avg: string;
  p95: string;
  band: string;
  down: string;
  degraded: string;
  axis: string;
  grid: string;
}

/** uPlot draws on a canvas, so it needs the theme's colours as values, re-read per theme. */
function readPalette(): Palette {
  const ink = cssColor('--color-muted', '#5b6472');
  return {
    avg: cssColor('--color-ink', '#111827'),
    p95: cssColor('--color-faint', '#8a93a1'),
    band: withAlpha(ink, 0.14),
    down: cssColor('--color-down', '#dc2626'),
    degraded: cssColor('--color-degraded', '#d48806'),
    axis: ink,
    grid: cssColor('--color-line', '#e3e6eb'),
  };
}

const toData = (s: HistorySeries): uPlot.AlignedData => [s.xs, s.avg, s.p95, s.max, s.min];

/**
 * Marks failures under the lines: each run of failing buckets gets a solid tick along the
 * bottom (never thinner than 3 px, so one bad minute in a day still shows) and, where the run
 * is wide enough to read, a shade over the plot, deeper the larger its share of down results.
 */
function drawFailures(u: uPlot, runs: readonly FailureRun[], palette: Palette) {
  const { ctx } = u;
  const dpr = window.devicePixelRatio || 1;
  const { left, top, width, height } = u.bbox;
  const right = left + width;
  const tick = 3 * dpr;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  for (const run of runs) {
    const begin = u.valToPos(run.start, 'x', true);
    const end = Math.min(right, u.valToPos(run.end, 'x', true));
    ctx.fillStyle = run.kind === 'down' ? palette.down : palette.degraded;
    if (end - begin >= 2 * dpr) {
      ctx.globalAlpha = run.kind === 'down' ? 0.06 + 0.3 * (run.down / run.count) : 0.12;
      ctx.fillRect(begin, top, end - begin, height);
    }
    const w = Math.max(tick, end - begin);
    // The newest run may end right at the plot's edge: keep its tick inside, not clipped.
    ctx.globalAlpha = 1;
    ctx.fillRect(Math.min(begin, right - w), top + height - tick, w, tick);
  }
  ctx.restore();
}

const sinceFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

function Caption({
  bucket,
  bucketSeconds,
  since,
}: {
  bucket: HistoryBucket | null;
  bucketSeconds: number;
  since: number | null;
}) {
  if (!bucket)
    return (
      <>
        {since !== null && (
          <span className="mr-auto">First result in range: {sinceFormat.format(since)}</span>
        )}
        <span className="hidden sm:inline">Hover the chart for details</span>
      </>
    );
  const start = Date.parse(bucket.at);
  return (
    <>
      <span>{formatSpan(start, start + bucketSeconds * 1000)}</span>
      <span>
        avg <b className="font-medium text-ink">{formatLatency(bucket.latencyAvg)}</b>
      </span>
      <span>p95 {formatLatency(bucket.latencyP95)}</span>
      <span className="hidden sm:inline">
        {formatLatency(bucket.latencyMin)}–{formatLatency(bucket.latencyMax)}
      </span>
      {bucket.down > 0 && <span className="font-medium text-down">{bucket.down} down</span>}
      {bucket.degraded > 0 && (
        <span className="font-medium text-degraded">{bucket.degraded} degraded</span>
      )}
    </>
  );
}

function Key({ swatch, label }: { swatch: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={swatch} />
      {label}
    </span>
  );
}

/**
 * Latency over a range from the rollup buckets (uPlot): the average as a line, p95 fainter,
 * the min–max spread as a band, failing buckets shaded. Sized to its container and rebuilt
 * when the theme changes; new data only replaces the series.
 */
export function LatencyChart({ history, from, to, height = 200 }: LatencyChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const series = useMemo(() => toHistorySeries(history), [history]);
  // The hooks read these through refs so new data does not rebuild the chart.
  const seriesRef = useRef(series);
  const runs = useMemo(() => failureRuns(history.buckets, history.bucketSeconds), [history]);
  const runsRef = useRef(runs);
  const windowRef = useRef({ from, to });
  const theme = useResolvedTheme();
  const [hovered, setHovered] = useState<HistoryBucket | null>(null);
  // A check younger than the range fills only its right edge: say where its data begins.
  const first = history.buckets[0];
  const firstAt = first ? Date.parse(first.at) : null;
  const since = firstAt !== null && firstAt - from > (to - from) * 0.05 ? firstAt : null;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const palette = readPalette();
    const font = '11px ui-sans-serif, system-ui, sans-serif';
    const axis: uPlot.Axis = {
      stroke: palette.axis,
      font,
      grid: { stroke: palette.grid, width: 1 },
      ticks: { stroke: palette.grid, width: 1, size: 4 },
    };
    const hidden: uPlot.Series = { stroke: 'transparent', width: 1, points: { show: false } };
    const chart = new uPlot(
      {
        width: container.clientWidth,
        height,
        legend: { show: false },
        cursor: { points: { show: false }, drag: { x: false, y: false } },
        scales: {
          x: {
            time: true,
            range: () => [windowRef.current.from / 1000, windowRef.current.to / 1000],
          },
          y: { range: () => [0, latencyTop(seriesRef.current)] },
        },
        axes: [
          axis,
          { ...axis, size: 56, values: (_u, splits) => splits.map((v) => formatLatency(v)) },
        ],
        series: [
          {},
          {
            label: 'avg',
            stroke: palette.avg,
            width: 1.5,
            spanGaps: false,
            points: {
              show: false,
              size: 5,
              fill: palette.avg,
              filter: () => isolatedIndices(seriesRef.current.avg),
            },
          },
          {
            label: 'p95',
            stroke: palette.p95,
            width: 1,
            spanGaps: false,
            points: { show: false },
          },
          { ...hidden, label: 'max' },
          { ...hidden, label: 'min' },
        ],
        bands: [{ series: [3, 4], fill: palette.band }],
        hooks: {
          drawAxes: [(u) => drawFailures(u, runsRef.current, palette)],
          setCursor: [
            (u) => {
              const index = u.cursor.idx;
              setHovered(
                index === null || index === undefined
                  ? null
                  : (seriesRef.current.buckets[index] ?? null),
              );
            },
          ],
        },
      },
      toData(seriesRef.current),
      container,
    );
    chartRef.current = chart;
    const observer = new ResizeObserver(() =>
      chart.setSize({ width: container.clientWidth, height }),
    );
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.destroy();
      chartRef.current = null;
    };
  }, [theme, height]);

  useEffect(() => {
    seriesRef.current = series;
    runsRef.current = runs;
    windowRef.current = { from, to };
    chartRef.current?.setData(toData(series));
  }, [series, runs, from, to]);

  return (
    <figure className="m-0">
      <figcaption
        className="mb-1 flex min-h-5 flex-wrap items-center justify-end gap-x-2.5 text-xs text-muted tabular"
        aria-live="off"
      >
        <Caption bucket={hovered} bucketSeconds={history.bucketSeconds} since={since} />
      </figcaption>
      <div
        ref={containerRef}
        role="img"
        aria-label={`Latency, average and p95, over ${series.buckets.filter(Boolean).length} periods`}
        className="w-full min-w-0 overflow-hidden"
      />
      <div className="mt-1 flex flex-wrap justify-end gap-x-3 gap-y-1 text-[11px] text-muted">
        <Key swatch="h-0.5 w-3.5 rounded bg-ink" label="average" />
        <Key swatch="h-px w-3.5 bg-faint" label="p95" />
        <Key swatch="h-2.5 w-3.5 rounded-sm bg-muted/20" label="min–max" />
        <Key swatch="h-2.5 w-2 rounded-sm bg-down/60" label="failures" />
      </div>
    </figure>
  );
}
