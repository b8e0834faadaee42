import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { cssColor, withAlpha } from '../../../lib/chart-colors.ts';
import { useResolvedTheme } from '../../../lib/theme.ts';

interface StatsChartProps {
  label: string;
  /** Seconds since the epoch. */
  xs: number[];
  values: number[];
  /** Each bucket's highest sample, drawn faintly above the average (bucketed ranges). */
  peaks?: number[] | null;
  /** A ceiling drawn as a dashed line (a memory limit), when there is one. */
  limit?: number | null;
  from: number;
  to: number;
  format: (value: number) => string;
  /** The y axis never shows less than this (100 for a percentage of one core looks calm). */
  minTop: number;
  height?: number;
}

/** One resource over time, filled under its line: CPU or memory of a container. */
export function StatsChart({
  label,
  xs,
  values,
  peaks = null,
  limit = null,
  from,
  to,
  format,
  minTop,
  height = 120,
}: StatsChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const theme = useResolvedTheme();
  // The chart reads these through refs so new samples do not rebuild it.
  const latest = useRef({ xs, values, peaks, limit, from, to, format, minTop });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const accent = cssColor('--color-accent', '#2563eb');
    const axisColor = cssColor('--color-muted', '#5b6472');
    const grid = cssColor('--color-line', '#e3e6eb');
    const font = '11px ui-sans-serif, system-ui, sans-serif';
    const axis: uPlot.Axis = {
      stroke: axisColor,
      font,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1, size: 4 },
    };
    const top = () => {
      const { values: v, peaks: p, limit: l, minTop: m } = latest.current;
      return Math.max(m, l ?? 0, ...v, ...(p ?? [])) * 1.05;
    };
    const chart = new uPlot(
      {
        width: container.clientWidth,
        height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: true, range: () => [latest.current.from / 1000, latest.current.to / 1000] },
          y: { range: () => [0, top()] },
        },
        axes: [
          axis,
          {
            ...axis,
            size: 60,
            values: (_u, splits) => splits.map((v) => latest.current.format(v)),
          },
        ],
        series: [
          {},
          {
            label,
            stroke: accent,
            fill: withAlpha(accent, 0.12),
            width: 1.5,
            points: { show: false },
          },
          {
            label: 'peak',
            stroke: withAlpha(accent, 0.45),
            width: 1,
            points: { show: false },
          },
          {
            label: 'limit',
            stroke: axisColor,
            dash: [4, 4],
            width: 1,
            points: { show: false },
          },
        ],
      },
      data(latest.current),
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
  }, [theme, height, label]);

  useEffect(() => {
    latest.current = { xs, values, peaks, limit, from, to, format, minTop };
    chartRef.current?.setData(data({ xs, values, peaks, limit }));
  }, [xs, values, peaks, limit, from, to, format, minTop]);

  const last = values.at(-1);
  return (
    <figure className="m-0">
      <figcaption className="mb-1 flex items-baseline justify-between text-xs text-muted">
        <span className="font-medium text-ink">{label}</span>
        <span className="tabular">
          {last === undefined ? 'No samples yet' : `now ${format(last)}`}
          {peaks && peaks.length > 0 ? ` · peak ${format(Math.max(...peaks))}` : ''}
          {limit ? ` of ${format(limit)}` : ''}
        </span>
      </figcaption>
      <div
        ref={containerRef}
        role="img"
        aria-label={`${label} over ${values.length} samples`}
        className="w-full min-w-0 overflow-hidden"
      />
    </figure>
  );
}

function data({
  xs,
  values,
  peaks,
  limit,
}: {
  xs: number[];
  values: number[];
  peaks: number[] | null;
  limit: number | null;
}): uPlot.AlignedData {
  return [xs, values, peaks ?? xs.map(() => null), xs.map(() => limit)];
}
