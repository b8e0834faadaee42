import type { FastifyRequest } from 'fastify';
import { ValidationError } from './errors.ts';

/** Cursors are opaque to clients: base64url of the last row's id. */
export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const match = /^id:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new ValidationError({ cursor: 'Not a cursor this API gave out' });
  return Number(match[1]);
}

export interface Page<T> {
  results: T[];
  /** The cursor of the next page, or null on the last one. */
  nextCursor: string | null;
}

/** Repositories fetch limit + 1 rows; the extra one only tells whether a next page exists. */
export function toPage<T>(rows: T[], limit: number, idOf: (row: T) => number): Page<T> {
  if (rows.length <= limit) return { results: rows, nextCursor: null };
  const results = rows.slice(0, limit);
  return { results, nextCursor: encodeCursor(idOf(results[results.length - 1]!)) };
}

/** The absolute URL of the next page: the same request with the new cursor. */
export function nextUrl(request: FastifyRequest, nextCursor: string | null): string | null {
  if (nextCursor === null) return null;
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  url.searchParams.set('cursor', nextCursor);
  return url.toString();
}

export function listResponse<T>(request: FastifyRequest, page: Page<T>) {
  return { results: page.results, next: nextUrl(request, page.nextCursor) };
}
