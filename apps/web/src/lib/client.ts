import type { ErrorBody } from '@homehub/contracts';
import { ApiError } from './api-error.ts';
import { session } from './session.ts';

export const API_BASE = '/api/v1';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Public routes (login, setup): a 401 there is a wrong password, not an ended session. */
  auth?: boolean;
}

async function send(path: string, options: RequestOptions) {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = session.csrfToken();
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  try {
    return await fetch(`${API_BASE}${path}`, {
      method,
      credentials: 'same-origin',
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

/**
 * Calls the hub's API with the browser's session cookie. Changes carry the CSRF token; a
 * 401 on a signed-in route means the session ended (expired, revoked, password changed).
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 401 && (options.auth ?? true) && session.signedIn()) session.ended();
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A list route's `next` is a full URL; the client only needs its cursor. */
export function cursorOf(next: string | null): string | null {
  if (!next) return null;
  return new URL(next, 'http://hub').searchParams.get('cursor');
}
