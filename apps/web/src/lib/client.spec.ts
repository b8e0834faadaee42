import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { apiFetch, cursorOf } from './client.ts';
import { session } from './session.ts';

type Route = (init: RequestInit) => Response;

function stubFetch(routes: Record<string, Route[]>) {
  const calls: { url: string; csrf: string | undefined; credentials: string | undefined }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({ url, csrf: headers['x-csrf-token'], credentials: init.credentials });
      const next = routes[url]?.shift();
      if (!next) throw new Error(`unexpected ${url}`);
      return next(init);
    }),
  );
  return calls;
}

const unauthorized = () =>
  Response.json({ code: 'unauthorized', message: 'Authentication required' }, { status: 401 });

beforeEach(() => {
  document.cookie = 'hh_csrf=the-csrf-token; Path=/';
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.ended();
});

describe('apiFetch', () => {
  it('sends the CSRF token with changes, not with reads, and always the cookie', async () => {
    const calls = stubFetch({
      '/api/v1/services': [
        () => Response.json({ results: [], next: null }),
        () => Response.json({ id: 1 }, { status: 201 }),
      ],
    });
    await apiFetch('/services');
    await apiFetch('/services', { method: 'POST', body: { name: 'x' } });
    expect(calls).toEqual([
      { url: '/api/v1/services', csrf: undefined, credentials: 'same-origin' },
      { url: '/api/v1/services', csrf: 'the-csrf-token', credentials: 'same-origin' },
    ]);
  });

  it('signs the dashboard out when the hub says the session ended', async () => {
    const seen = vi.fn();
    const unsubscribe = session.subscribe(seen);
    stubFetch({ '/api/v1/services/1': [unauthorized] });
    expect(session.signedIn()).toBe(true);
    await expect(apiFetch('/services/1')).rejects.toMatchObject({ status: 401 });
    expect(session.signedIn()).toBe(false);
    expect(seen).toHaveBeenCalled();
    unsubscribe();
  });

  it('keeps the session on a 401 from a public route (a wrong password)', async () => {
    stubFetch({ '/api/v1/auth/login': [unauthorized] });
    const answer = apiFetch('/auth/login', { method: 'POST', body: {}, auth: false });
    await expect(answer).rejects.toMatchObject({ status: 401 });
    expect(session.signedIn()).toBe(true);
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
