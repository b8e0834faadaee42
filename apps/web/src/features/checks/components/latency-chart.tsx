import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Result, ResultStatus } from '@homehub/contracts';
import { formatLatency, formatExact } from '../../../lib/format.ts';
import { STATUS_LABEL } from '../../../lib/status.ts';
import { useResolvedTheme } from '../../../lib/theme.ts';
import { STATUS_TEXT } from '../../../ui/status-style.ts';

interface LatencyChartProps {
  results: readonly Result[];
  height?: number;
}

interface Palette {
  status: Record<ResultStatus, string>;
  line: string;
  axis: string;
  grid: string;
}

function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** uPlot draws on a canvas, so it needs the theme's colours as values, re-read per theme. */
function readPalette(): Palette {
  return {
    status: {
      up: cssColor('--color-up', '#15a34a'),
      degraded: cssColor('--color-degraded', '#d48806'),
      down: cssColor('--color-down', '#dc2626'),
    },
    line: cssColor('--color-faint', '#8a93a1'),
    axis: cssColor('--color-muted', '#5b6472'),
    grid: cssColor('--color-line', '#e3e6eb'),
  };
}

/** At least a minute wide, with a little room so the edge dots are not cut in half. */
function timeRange(min: number, max: number): uPlot.Range.MinMax {
  const span = Math.max(60, max - min);
  const pad = span * 0.015;
  return [max - span - pad, max + pad];
}

function toData(results: readonly Result[]): uPlot.AlignedData {
  return [results.map((r) => Date.parse(r.at) / 1000), results.map((r) => r.latencyMs)];
}

/** Dots coloured by status on top of a quiet line; failures also shade their slot of the plot. */
function drawStatus(u: uPlot, results: readonly Result[], palette: Palette) {
  const xs = u.data[0];
  const ys = u.data[1] ?? [];
  const { ctx } = u;
  const dpr = window.devicePixelRatio || 1;
  const { left, top, width, height } = u.bbox;
  const radius = (results.length > 200 ? 1.5 : 2.5) * dpr;
  const band = Math.max(2 * dpr, width / Math.max(results.length, 1));
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  for (let i = 0; i < xs.length; i++) {
    const result = results[i];
    if (!result) continue;
    const x = u.valToPos(xs[i]!, 'x', true);
    const color = palette.status[result.status];
    if (result.status === 'down') {
      ctx.fillStyle = color;
      ctx.globalAlpha = 0.12;
      ctx.fillRect(x - band / 2, top, band, height);
      ctx.globalAlpha = 1;
    }
    const value = ys[i];
    const y =
      value === null || value === undefined ? top + height - radius : u.valToPos(value, 'y', true);
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
}

/** Latency over time (uPlot), sized to its container and redrawn when the theme changes. */
export function LatencyChart({ results, height = 200 }: LatencyChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  // The draw hook reads results through a ref so new data does not rebuild the chart.
  const resultsRef = useRef(results);
  const theme = useResolvedTheme();
  const [hovered, setHovered] = useState<Result | null>(null);

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
    const chart = new uPlot(
      {
        width: container.clientWidth,
        height,
        legend: { show: false },
        cursor: { points: { show: false }, drag: { x: false, y: false } },
        scales: {
          // A minute at least, so a new check's first few points do not get sub-second ticks.
          x: { time: true, range: (_u, min, max) => timeRange(min, max) },
          y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.15)] },
        },
        axes: [
          axis,
          { ...axis, size: 56, values: (_u, splits) => splits.map((v) => formatLatency(v)) },
        ],
        series: [
          {},
          { stroke: palette.line, width: 1.25, points: { show: false }, spanGaps: false },
        ],
        hooks: {
          draw: [(u) => drawStatus(u, resultsRef.current, palette)],
          setCursor: [
            (u) => {
              const index = u.cursor.idx;
              setHovered(
                index === null || index === undefined ? null : (resultsRef.current[index] ?? null),
              );
            },
          ],
        },
      },
      toData(resultsRef.current),
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
    resultsRef.current = results;
    chartRef.current?.setData(toData(results));
  }, [results]);

  return (
    <figure className="m-0">
      <figcaption
        className="mb-1 flex h-5 items-center justify-end gap-2 text-xs text-muted tabular"
        aria-live="off"
      >
        {hovered ? (
          <>
            <span>{formatExact(new Date(hovered.at))}</span>
            <span className={`font-medium ${STATUS_TEXT[hovered.status]}`}>
              {STATUS_LABEL[hovered.status]}
            </span>
            <span className="font-medium text-ink">{formatLatency(hovered.latencyMs)}</span>
          </>
        ) : (
          <span>Hover the chart for details</span>
        )}
      </figcaption>
      <div
        ref={containerRef}
        role="img"
        aria-label={`Latency of the last ${results.length} results`}
        className="w-full min-w-0 overflow-hidden"
      />
    </figure>
  );
}
