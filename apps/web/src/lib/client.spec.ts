import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { apiFetch, cursorOf } from './client.ts';
import { tokenStore } from './tokens.ts';

type Route = (init: RequestInit) => Response;

function stubFetch(routes: Record<string, Route[]>) {
  const calls: { url: string; authorization: string | undefined }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({ url, authorization: headers.authorization });
      const next = routes[url]?.shift();
      if (!next) throw new Error(`unexpected ${url}`);
      return next(init);
    }),
  );
  return calls;
}

beforeEach(() => tokenStore.set({ access: 'old-access', refresh: 'the-refresh' }));
afterEach(() => {
  vi.unstubAllGlobals();
  tokenStore.set(null);
});

describe('apiFetch', () => {
  it('refreshes the access token once on a 401 and retries with the new one', async () => {
    const calls = stubFetch({
      '/api/v1/me': [
        () =>
          Response.json(
            { code: 'unauthorized', message: 'Authentication required' },
            { status: 401 },
          ),
        () => Response.json({ id: 1, email: 'a@b.c', name: 'A', role: 'admin' }),
      ],
      '/api/v1/auth/token/refresh': [() => Response.json({ access: 'new-access' })],
    });

    await expect(apiFetch('/me')).resolves.toMatchObject({ email: 'a@b.c' });

    expect(calls.map((c) => c.authorization)).toEqual([
      'Bearer old-access',
      undefined,
      'Bearer new-access',
    ]);
    expect(tokenStore.get()).toEqual({ access: 'new-access', refresh: 'the-refresh' });
  });

  it('signs the session out when the refresh is refused', async () => {
    stubFetch({
      '/api/v1/services/1': [
        () =>
          Response.json(
            { code: 'unauthorized', message: 'Authentication required' },
            { status: 401 },
          ),
      ],
      '/api/v1/auth/token/refresh': [
        () => Response.json({ code: 'unauthorized', message: 'Expired' }, { status: 401 }),
      ],
    });

    await expect(apiFetch('/services/1')).rejects.toMatchObject({ status: 401 });
    expect(tokenStore.get()).toBeNull();
  });

  it('turns an error body into an ApiError carrying its fields', async () => {
    stubFetch({
      '/api/v1/services': [
        () =>
          Response.json(
            {
              code: 'validation_error',
              message: 'Some fields are not valid',
              fields: { name: 'Required' },
            },
            { status: 400 },
          ),
      ],
    });

    const error = await apiFetch('/services', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('Some fields are not valid');
    expect((error as ApiError).fieldError('name')).toBe('Required');
  });
});

describe('cursorOf', () => {
  it('reads the cursor out of a next-page URL', () => {
    expect(cursorOf('http://hub:8000/api/v1/services?limit=500&cursor=aWQ6NQ')).toBe('aWQ6NQ');
    expect(cursorOf(null)).toBeNull();
  });
});
