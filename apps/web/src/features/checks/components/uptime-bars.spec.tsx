import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { HistoryBucket } from '@homehub/contracts';
import { UptimeBars } from './uptime-bars.tsx';

afterEach(cleanup);

const NOW = Date.parse('2026-01-01T12:05:00.000Z');

function bucket(at: string, up: number, down = 0): HistoryBucket {
  return {
    at,
    count: up + down,
    up,
    degraded: 0,
    down,
    latencyMin: 10,
    latencyAvg: 20,
    latencyP95: 30,
    latencyMax: 40,
  };
}

describe('UptimeBars', () => {
  it('draws one bar per period, grey without results, with a red share where checks failed', () => {
    render(
      <UptimeBars
        range="24h"
        now={NOW}
        history={{
          bucketSeconds: 60,
          buckets: [
            bucket('2026-01-01T11:41:00.000Z', 20),
            bucket('2026-01-01T12:01:00.000Z', 3, 1),
          ],
        }}
      />,
    );

    const bars = screen.getAllByTestId('uptime-bar');
    expect(bars).toHaveLength(73);
    expect(bars.filter((b) => b.dataset.tone === 'none')).toHaveLength(71);
    const [before, last] = bars.slice(-2);
    expect(before!.dataset.tone).toBe('up');
    expect(before!.title).toContain('100% up · 20 results');
    expect(last!.dataset.tone).toBe('down');
    expect(last!.title).toContain('75.0% up · 4 results (1 down)');
    // Up at the bottom, the down share on top of it, sized by share.
    const segments = [...last!.children] as HTMLElement[];
    expect(segments.map((s) => s.className)).toEqual(['bg-up', 'bg-down']);
    expect(segments.map((s) => s.style.height)).toEqual(['75.00%', '25.00%']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Uptime bars: 73 periods, 1 with failures',
    );
  });

  it('says so when the range has no results', () => {
    render(<UptimeBars range="7d" now={NOW} history={{ bucketSeconds: 3600, buckets: [] }} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Uptime bars: no results in this range yet',
    );
    expect(screen.getByText('7 days ago')).toBeTruthy();
  });
});
