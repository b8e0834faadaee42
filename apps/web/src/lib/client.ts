import type { AccessToken, ErrorBody } from '@homehub/contracts';
import type { z } from 'zod';
import { ApiError } from './api-error.ts';
import { expiryOf, tokenStore } from './tokens.ts';

export const API_BASE = '/api/v1';

/** Refresh a little before the access token runs out, so a request never races its expiry. */
const EXPIRY_MARGIN_SECONDS = 30;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Public routes (login, setup) send no token and never refresh. */
  auth?: boolean;
}

async function send(path: string, options: RequestOptions, access: string | undefined) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (access) headers.authorization = `Bearer ${access}`;
  try {
    return await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      code: 'network_error',
      message: 'Cannot reach the hub. Is it running?',
    });
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    if (typeof body.message === 'string') {
      return new ApiError(response.status, {
        code: typeof body.code === 'string' ? body.code : `http_${response.status}`,
        message: body.message,
        ...(body.fields ? { fields: body.fields } : {}),
      });
    }
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic message.
  }
  return new ApiError(response.status, {
    code: `http_${response.status}`,
    message: `The hub answered ${response.status} ${response.statusText}`.trim(),
  });
}

let refreshing: Promise<string | null> | null = null;

/**
 * Trades the refresh token for a new access token. Concurrent callers share one request;
 * a refused refresh signs the session out (whoever watches the token store redirects).
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshing ??= (async () => {
    const tokens = tokenStore.get();
    if (!tokens) return null;
    const response = await send(
      '/auth/token/refresh',
      {
        method: 'POST',
        body: { refresh: tokens.refresh },
      },
      undefined,
    );
    if (!response.ok) {
      if (response.status === 401 || response.status === 400) tokenStore.set(null);
      return null;
    }
    const { access } = (await response.json()) as z.infer<typeof AccessToken>;
    // The session may have been signed out while the request was in flight.
    const still = tokenStore.get();
    if (still?.refresh !== tokens.refresh) return null;
    tokenStore.set({ access, refresh: tokens.refresh });
    return access;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** An access token good for at least a little while (refreshed if needed), or null if signed out. */
export async function freshAccessToken(): Promise<string | null> {
  const tokens = tokenStore.get();
  if (!tokens) return null;
  const exp = expiryOf(tokens.access);
  if (exp !== null && exp - EXPIRY_MARGIN_SECONDS > Date.now() / 1000) return tokens.access;
  return refreshAccessToken();
}

/** Calls the hub's API; on a 401 it refreshes the access token once and retries. */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? true;
  let response = await send(path, options, auth ? tokenStore.get()?.access : undefined);
  if (response.status === 401 && auth && tokenStore.get()) {
    const access = await refreshAccessToken();
    if (access) response = await send(path, options, access);
    else tokenStore.set(null);
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A list route's `next` is a full URL; the client only needs its cursor. */
export function cursorOf(next: string | null): string | null {
  if (!next) return null;
  return new URL(next, 'http://hub').searchParams.get('cursor');
}
