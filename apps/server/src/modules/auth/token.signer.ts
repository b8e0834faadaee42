import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Role } from '@homehub/contracts';

export type TokenKind = 'access' | 'refresh';

export interface TokenClaims {
  userId: number;
  role: Role;
  kind: TokenKind;
}

const TTL_SECONDS: Record<TokenKind, number> = { access: 15 * 60, refresh: 30 * 24 * 3600 };
const ISSUER = 'homehub';

/** HS256 JWTs keyed by a key derived from SECRET_KEY (never the raw secret itself). */
export function createTokenSigner(secretKey: string, now: () => number) {
  const key = createHash('sha256').update(`homehub:jwt:${secretKey}`).digest();

  return {
    async sign(claims: TokenClaims): Promise<string> {
      const issuedAt = Math.floor(now() / 1000);
      return new SignJWT({ role: claims.role, kind: claims.kind })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(String(claims.userId))
        .setIssuer(ISSUER)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + TTL_SECONDS[claims.kind])
        .sign(key);
    },

    /** The claims of a valid token of that kind, or null for anything else. */
    async verify(token: string, kind: TokenKind): Promise<TokenClaims | null> {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          algorithms: ['HS256'],
          currentDate: new Date(now()),
        });
        if (payload.kind !== kind || typeof payload.sub !== 'string') return null;
        const userId = Number(payload.sub);
        if (!Number.isSafeInteger(userId)) return null;
        return { userId, role: payload.role as Role, kind };
      } catch {
        return null;
      }
    },
  };
}

export type TokenSigner = ReturnType<typeof createTokenSigner>;
