import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { Result } from '@homehub/contracts';
import { newCheck, newResult } from '../../../lib/test-factories.ts';
import { ResultLog } from './result-log.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();

type Page = { results: Result[]; next: string | null };

function stubPages(pages: Record<string, Page>) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      const page = pages[url];
      if (!page) throw new Error(`unexpected ${url}`);
      return Response.json(page);
    }),
  );
  return urls;
}

function renderLog() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/services/1']}>
        <ResultLog checks={[newCheck({ id: 5, name: 'web' })]} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const rows = () =>
  screen
    .getAllByTestId('result-row')
    .map((row) => [row.querySelector('time')!.getAttribute('datetime'), row.dataset.status]);

describe('ResultLog', () => {
  it('lists results newest first and pages back through `next` on "Load older"', async () => {
    const urls = stubPages({
      '/api/v1/checks/5/results?limit=50': {
        results: [
          newResult({ checkId: 5, at: at(3), status: 'down', latencyMs: null, message: 'Refused' }),
          newResult({ checkId: 5, at: at(2), status: 'up', latencyMs: 1234 }),
        ],
        next: 'http://hub.test/api/v1/checks/5/results?limit=50&cursor=b2xkZXI',
      },
      '/api/v1/checks/5/results?limit=50&cursor=b2xkZXI': {
        results: [newResult({ checkId: 5, at: at(1), status: 'degraded', latencyMs: 2500 })],
        next: null,
      },
    });
    renderLog();

    await waitFor(() => expect(screen.getAllByTestId('result-row')).toHaveLength(2));
    expect(rows()).toEqual([
      [at(3), 'down'],
      [at(2), 'up'],
    ]);
    const [down, up] = screen.getAllByTestId('result-row');
    expect(within(down!).getByText('Down')).toBeTruthy();
    expect(within(down!).getByText('Refused')).toBeTruthy();
    expect(within(up!).getByText('1.23 s')).toBeTruthy();
    expect(screen.getByText('2 loaded')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));

    await waitFor(() => expect(screen.getAllByTestId('result-row')).toHaveLength(3));
    expect(rows().at(-1)).toEqual([at(1), 'degraded']);
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
    expect(screen.getByText('No older results')).toBeTruthy();
    expect(urls).toEqual([
      '/api/v1/checks/5/results?limit=50',
      '/api/v1/checks/5/results?limit=50&cursor=b2xkZXI',
    ]);
  });

  it('narrows the loaded rows to one status', async () => {
    stubPages({
      '/api/v1/checks/5/results?limit=50': {
        results: [
          newResult({ checkId: 5, at: at(3), status: 'down' }),
          newResult({ checkId: 5, at: at(2), status: 'up' }),
          newResult({ checkId: 5, at: at(1), status: 'down' }),
        ],
        next: null,
      },
    });
    renderLog();
    await waitFor(() => expect(screen.getAllByTestId('result-row')).toHaveLength(3));

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'down' } });

    expect(rows().map(([, status]) => status)).toEqual(['down', 'down']);
    expect(screen.getByText('2 down of 3 loaded')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'degraded' } });
    expect(screen.queryAllByTestId('result-row')).toHaveLength(0);
    expect(screen.getByText(/None of the 3 loaded results is degraded/)).toBeTruthy();
  });

  it('says when the check has no results yet', async () => {
    stubPages({ '/api/v1/checks/5/results?limit=50': { results: [], next: null } });
    renderLog();
    expect(await screen.findByText(/No results yet/)).toBeTruthy();
  });
});
