import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { Settings } from '@homehub/contracts';
import { SettingsPage } from './settings-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SETTINGS: Settings = {
  retention: { rawDays: 7, minuteDays: 14, hourDays: 90, dayDays: 730 },
  flapping: { threshold: 5, windowMinutes: 30 },
  storage: {
    tiers: [
      { tier: 'raw', rows: 70_560, bytes: 9_800_000 },
      { tier: 'minute', rows: 141_120, bytes: 21_000_000 },
      { tier: 'hour', rows: 15_120, bytes: 2_300_000 },
      { tier: 'day', rows: 5_110, bytes: 780_000 },
    ],
    totalBytes: 33_880_000,
  },
};

type Handler = (init: RequestInit) => Response;

function stubApi(role: 'admin' | 'viewer', patch: Handler[] = []) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      calls.push({ url, method, body: init.body ? JSON.parse(init.body as string) : undefined });
      if (url === '/api/v1/me') return Response.json({ id: 1, email: 'a@b.c', name: 'A', role });
      if (url === '/api/v1/settings' && method === 'GET') return Response.json(SETTINGS);
      const next = url === '/api/v1/settings' && method === 'PATCH' ? patch.shift() : undefined;
      if (!next) throw new Error(`unexpected ${method} ${url}`);
      return next(init);
    }),
  );
  return calls;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/settings']}>
        <SettingsPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const errorOf = (input: HTMLElement) => {
  const id = input.getAttribute('aria-describedby')?.split(' ')[0];
  return id ? document.getElementById(id)?.textContent : undefined;
};

describe('SettingsPage', () => {
  it('saves only what changed and shows the estimate the server answers', async () => {
    const calls = stubApi('admin', [
      () =>
        Response.json({
          ...SETTINGS,
          retention: { ...SETTINGS.retention, rawDays: 30 },
          storage: {
            tiers: [{ ...SETTINGS.storage.tiers[0]!, rows: 302_400, bytes: 42_000_000 }],
            totalBytes: 66_080_000,
          },
        }),
    ]);
    renderPage();

    const raw = await screen.findByLabelText('Raw results');
    expect((raw as HTMLInputElement).value).toBe('7');
    expect(screen.getByTestId('estimate-raw').textContent).toBe('9.80 MB70,560 rows');
    expect(screen.getByTestId('estimate-total').textContent).toBe('33.9 MB');
    expect(screen.getByRole('button', { name: 'Save settings' })).toHaveProperty('disabled', true);

    fireEvent.change(raw, { target: { value: '30' } });
    fireEvent.change(screen.getByLabelText('Window'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      ' Saved. The estimate is for the new settings.',
    );
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
      { retention: { rawDays: 30 }, flapping: { windowMinutes: 15 } },
    ]);
    expect(screen.getByTestId('estimate-raw').textContent).toBe('42.0 MB302,400 rows');
    expect(screen.getByTestId('estimate-total').textContent).toBe('66.1 MB');
  });

  it('shows the API’s field errors under their fields', async () => {
    stubApi('admin', [
      () =>
        Response.json(
          {
            code: 'validation_error',
            message: 'Some fields are not valid',
            fields: { 'retention.rawDays': 'Too big: expected number to be <=3650' },
          },
          { status: 400 },
        ),
    ]);
    renderPage();

    const raw = await screen.findByLabelText('Raw results');
    fireEvent.change(raw, { target: { value: '9999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(raw.getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(raw)).toBe('Too big: expected number to be <=3650');
    expect(screen.getByRole('alert').textContent).toBe('Some fields are not valid');
    expect(screen.getByLabelText('1-minute rollups').getAttribute('aria-invalid')).toBe('false');
  });

  it('asks for a value rather than sending an empty field', async () => {
    const calls = stubApi('admin');
    renderPage();

    const threshold = await screen.findByLabelText('State changes');
    fireEvent.change(threshold, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(errorOf(threshold)).toBe('Enter a number of changes');
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('tells a non-admin politely, without asking the API for the settings', async () => {
    const calls = stubApi('viewer');
    renderPage();

    expect(await screen.findByText('Only admins can change settings')).toBeTruthy();
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/me']);
  });
});
