import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { CheckForm, toCheckDraft } from './check-form.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm() {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const onCreated = vi.fn();
  render(
    <QueryClientProvider client={client}>
      <CheckForm serviceId={7} onCreated={onCreated} />
    </QueryClientProvider>,
  );
  return { onCreated };
}

const errorOf = (input: HTMLElement) => {
  const id = input.getAttribute('aria-describedby')?.split(' ')[0];
  return id ? document.getElementById(id)?.textContent : undefined;
};

describe('CheckForm', () => {
  it('shows each field error from the API under its own input, and the message on top', async () => {
    const fetch = vi.fn(async () =>
      Response.json(
        {
          code: 'validation_error',
          message: 'Some fields are not valid',
          fields: {
            'config.url': 'Must be an http:// or https:// URL',
            intervalSeconds: 'Too small: expected number to be >=1',
          },
        },
        { status: 400 },
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const { onCreated } = renderForm();

    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'ftp://nas' } });
    fireEvent.change(screen.getByLabelText('Interval (seconds)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add check' }));

    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Some fields are not valid',
    );
    const url = screen.getByLabelText('URL');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(url)).toBe('Must be an http:// or https:// URL');
    expect(errorOf(screen.getByLabelText('Interval (seconds)'))).toBe(
      'Too small: expected number to be >=1',
    );
    expect(screen.getByLabelText('Method').getAttribute('aria-invalid')).toBe('false');
    expect(onCreated).not.toHaveBeenCalled();

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toMatchObject({
      serviceId: 7,
      type: 'http',
      intervalSeconds: 0,
      config: { url: 'ftp://nas', method: 'GET', expectedStatus: ['2xx'] },
    });
  });

  it('switches to host and port for a TCP check', async () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'tcp' } });
    await waitFor(() => expect(screen.queryByLabelText('URL')).toBeNull());
    expect(screen.getByLabelText('Host')).toBeTruthy();
    expect(screen.getByLabelText('Port')).toBeTruthy();
  });
});

describe('toCheckDraft', () => {
  const base = {
    name: '',
    type: 'http' as const,
    url: 'https://cloud.home.lan/status.php',
    method: 'HEAD' as const,
    expectedStatus: '200, 3xx',
    host: '',
    port: '',
    intervalSeconds: '30',
    timeoutSeconds: '',
  };

  it('names a check after its host when left blank and splits the expected statuses', () => {
    expect(toCheckDraft(1, base)).toEqual({
      serviceId: 1,
      name: 'cloud.home.lan',
      intervalSeconds: 30,
      type: 'http',
      config: {
        url: 'https://cloud.home.lan/status.php',
        method: 'HEAD',
        expectedStatus: ['200', '3xx'],
      },
    });
  });

  it('builds a TCP config with a numeric port', () => {
    expect(
      toCheckDraft(1, { ...base, type: 'tcp', host: 'db.lan', port: '5432', timeoutSeconds: '5' }),
    ).toMatchObject({
      name: 'db.lan:5432',
      timeoutSeconds: 5,
      type: 'tcp',
      config: { host: 'db.lan', port: 5432 },
    });
  });
});
