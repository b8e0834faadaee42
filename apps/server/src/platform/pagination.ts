import type { FastifyRequest } from 'fastify';
import { ValidationError } from './errors.ts';

/** What a cursor continues from: a row's id, or (for tables without ids) its time. */
type CursorKind = 'id' | 'at';

/** Cursors are opaque to clients: base64url of the last row's id (or time). */
export function encodeCursor(value: number, kind: CursorKind = 'id'): string {
  return Buffer.from(`${kind}:${value}`).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  kind: CursorKind = 'id',
): number | undefined {
  if (cursor === undefined) return undefined;
  const match = /^(id|at):(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (match?.[1] !== kind) {
    throw new ValidationError({ cursor: 'Not a cursor this API gave out' });
  }
  return Number(match[2]);
}

export interface Page<T> {
  results: T[];
  /** The cursor of the next page, or null on the last one. */
  nextCursor: string | null;
}

/** Repositories fetch limit + 1 rows; the extra one only tells whether a next page exists. */
export function toPage<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => number,
  kind: CursorKind = 'id',
): Page<T> {
  if (rows.length <= limit) return { results: rows, nextCursor: null };
  const results = rows.slice(0, limit);
  return { results, nextCursor: encodeCursor(keyOf(results[results.length - 1]!), kind) };
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
