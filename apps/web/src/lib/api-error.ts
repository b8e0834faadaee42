import type { ErrorBody } from '@homehub/contracts';

export type FieldErrors = Record<string, string>;

/** A failed API call: the server's {code, message, fields?}, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
  }

  /** The error of a field by its dotted path; "config.expectedStatus" also matches ".0". */
  fieldError(path: string): string | undefined {
    return fieldErrorOf(this.fields, path);
  }
}

export function fieldErrorOf(fields: FieldErrors, path: string): string | undefined {
  if (fields[path] !== undefined) return fields[path];
  const prefix = `${path}.`;
  for (const [name, message] of Object.entries(fields)) {
    if (name.startsWith(prefix)) return message;
  }
  return undefined;
}

/** Field errors that no input on the form claims, so they can be shown at the top. */
export function unclaimedFieldErrors(fields: FieldErrors, claimed: readonly string[]): string[] {
  return Object.entries(fields)
    .filter(([name]) => !claimed.some((path) => name === path || name.startsWith(`${path}.`)))
    .map(([name, message]) => `${name}: ${message}`);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
