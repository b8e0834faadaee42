import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes as URL-safe text: sessions, CSRF tokens, refresh ids, access tokens. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a secret that is presented later: a lookup, not a password. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Compares secrets in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
