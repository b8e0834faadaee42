import { hash, verify } from '@node-rs/argon2';

// Argon2id (algorithm 2) with the library's defaults: m=19 MiB, t=2, p=1, OWASP's baseline.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** Verified against when an account does not exist, so a wrong email costs the same time. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$YFygLiON3OSXCXPwp3FImQ$uNJpCjLiGaq6FAr9gcQwtqrt5BcUp8WNlWsajiIGqk0';
