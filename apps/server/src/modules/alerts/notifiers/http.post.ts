import type { SendResult } from '../notifier.types.ts';

/**
 * Posts a body and reads the answer. The URL is never part of an error: for webhooks it
 * holds the token.
 */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  accept: (status: number, text: string) => string | null = () => null,
): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal,
      redirect: 'error',
    });
  } catch (error) {
    return { ok: false, error: withoutUrl(describe(error, signal), url) };
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const detail = text.trim().slice(0, 300);
    const error = `HTTP ${response.status}${detail ? `: ${detail}` : ''}`;
    return { ok: false, error: withoutUrl(error, url) };
  }
  const problem = accept(response.status, text);
  return problem === null ? { ok: true } : { ok: false, error: problem };
}

/** Errors are shown to every signed-in user with the alert; a URL in one could carry a token. */
function withoutUrl(text: string, url: string): string {
  const { origin } = new URL(url);
  return text.split(url).join(origin + '/…');
}

function describe(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'Timed out or interrupted';
  if (error instanceof Error) {
    const cause = error.cause as (Error & { code?: string }) | undefined;
    if (cause?.code) return `${cause.code}: ${cause.message}`;
    return cause?.message ?? error.message;
  }
  return String(error);
}

/** A server's base URL joined with a path, whatever slashes either has. */
export const join = (base: string, path: string) =>
  `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
