import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { newResult } from '../lib/test-factories.ts';
import { ResultsBar } from './results-bar.tsx';

afterEach(cleanup);

describe('ResultsBar', () => {
  it('renders one tick per result, oldest first, each with its status and a tooltip', () => {
    const results = [
      newResult({ status: 'up', at: '2026-01-01T12:00:00.000Z', latencyMs: 40 }),
      newResult({ status: 'degraded', at: '2026-01-01T12:01:00.000Z', latencyMs: 2400 }),
      newResult({ status: 'down', at: '2026-01-01T12:02:00.000Z', latencyMs: null }),
    ];
    const { container } = render(<ResultsBar results={results} slots={48} />);

    const ticks = screen.getAllByTestId('result-tick');
    expect(ticks.map((t) => t.dataset.status)).toEqual(['up', 'degraded', 'down']);
    expect(ticks[1]!.title).toContain('Degraded');
    expect(ticks[1]!.title).toContain('2.40 s');
    expect(ticks[2]!.title).toContain('Down');
    expect(container.querySelectorAll('[data-empty]')).toHaveLength(45);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Last 3 results: 1 up, 1 degraded, 1 down',
    );
  });

  it('shows only the newest results when given more than it has slots for', () => {
    const results = Array.from({ length: 60 }, (_, i) =>
      newResult({
        status: i < 12 ? 'down' : 'up',
        at: new Date(Date.UTC(2026, 0, 1, 12, i)).toISOString(),
      }),
    );
    const { container } = render(<ResultsBar results={results} slots={48} />);

    const ticks = screen.getAllByTestId('result-tick');
    expect(ticks).toHaveLength(48);
    expect(ticks.every((t) => t.dataset.status === 'up')).toBe(true);
    expect(container.querySelectorAll('[data-empty]')).toHaveLength(0);
  });
});
