import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, useLocation } from 'react-router';
import type { History } from '@homehub/contracts';
import { newCheck } from '../../../lib/test-factories.ts';
import { LatencyPanel } from './latency-panel.tsx';

// uPlot needs a real canvas; the chart is looked at in the e2e screenshots instead.
vi.mock('./latency-chart.tsx', () => ({
  LatencyChart: ({ history }: { history: History }) => (
    <div data-testid="latency-chart" data-range={history.range} />
  ),
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const UPTIME = { '24h': 100, '7d': 99.5, '30d': 98.2, '90d': 97, '1y': 96 } as const;

function stubHistory() {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      const match = /\/checks\/(\d+)\/history\?range=(\w+)/.exec(url);
      if (!match) throw new Error(`unexpected ${url}`);
      const range = match[2] as keyof typeof UPTIME;
      const history: History = {
        checkId: Number(match[1]),
        range,
        bucketSeconds: range === '24h' ? 60 : range === '7d' || range === '30d' ? 3600 : 86_400,
        uptime: UPTIME[range],
        buckets: [
          {
            at: new Date(Date.now() - 3_600_000).toISOString(),
            count: 10,
            up: 10,
            degraded: 0,
            down: 0,
            latencyMin: 10,
            latencyAvg: 20,
            latencyP95: 30,
            latencyMax: 40,
          },
        ],
      };
      return Response.json(history);
    }),
  );
  return urls;
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderPanel(url: string, checks = [newCheck({ id: 5, name: 'web' })]) {
  // The app's staleTime: going back to a range seen a moment ago reuses what was fetched.
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
  });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <LatencyPanel checks={checks} />
        <Location />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const location = () => screen.getByTestId('location').textContent;
const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

describe('LatencyPanel', () => {
  it('reads the range from the URL and asks the history API for it', async () => {
    const urls = stubHistory();
    renderPanel('/services/1?range=7d');

    expect(pressed('7d')).toBe('true');
    expect(pressed('24h')).toBe('false');
    await waitFor(() => expect(screen.getByTestId('range-uptime').textContent).toContain('99.50%'));
    expect(urls).toEqual(['/api/v1/checks/5/history?range=7d']);
    expect(screen.getByTestId('latency-chart').dataset.range).toBe('7d');
    expect(screen.getAllByTestId('uptime-bar').length).toBeGreaterThan(24);
  });

  it('writes a picked range to the URL, keeping other params, and drops the default', async () => {
    const urls = stubHistory();
    renderPanel('/services/1?tab=x');
    await screen.findByTestId('latency-chart');
    expect(pressed('24h')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: '30d' }));
    expect(location()).toBe('/services/1?tab=x&range=30d');
    await waitFor(() => expect(screen.getByTestId('latency-chart').dataset.range).toBe('30d'));
    expect(screen.getByTestId('range-uptime').textContent).toContain('98.2%');

    fireEvent.click(screen.getByRole('button', { name: '24h' }));
    expect(location()).toBe('/services/1?tab=x');
    expect(urls).toEqual([
      '/api/v1/checks/5/history?range=24h',
      '/api/v1/checks/5/history?range=30d',
    ]);
  });

  it('falls back to 24 h on a range it does not know', async () => {
    const urls = stubHistory();
    renderPanel('/services/1?range=5y');
    await screen.findByTestId('latency-chart');
    expect(pressed('24h')).toBe('true');
    expect(urls).toEqual(['/api/v1/checks/5/history?range=24h']);
  });

  it('follows the check picked among several, in the URL too', async () => {
    const urls = stubHistory();
    renderPanel('/services/1?range=90d', [
      newCheck({ id: 5, name: 'web' }),
      newCheck({ id: 6, name: 'api' }),
    ]);
    await screen.findByTestId('latency-chart');

    fireEvent.change(screen.getByLabelText('Check'), { target: { value: '6' } });

    expect(location()).toBe('/services/1?range=90d&check=6');
    await waitFor(() => expect(urls).toContain('/api/v1/checks/6/history?range=90d'));
  });
});
