import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export type TokenKind = 'access' | 'refresh';

export interface TokenClaims {
  userId: number;
  kind: TokenKind;
  /** Refresh tokens only: the id their row is found by. */
  jti?: string | undefined;
}

export interface VerifiedClaims extends TokenClaims {
  /** Milliseconds, finer than JWT's `iat`, so a password change ends tokens of that second. */
  issuedAt: number;
}

export const TOKEN_TTL_SECONDS: Record<TokenKind, number> = {
  access: 15 * 60,
  refresh: 30 * 24 * 3600,
};
const ISSUER = 'homehub';

/**
 * HS256 JWTs keyed by a key derived from SECRET_KEY (never the raw secret itself). They
 * carry who, not what they may do: the role is read from the account on each request, so a
 * demotion applies at once.
 */
export function createTokenSigner(secretKey: string, now: () => number) {
  const key = createHash('sha256').update(`homehub:jwt:${secretKey}`).digest();

  return {
    async sign(claims: TokenClaims): Promise<string> {
      const at = now();
      const issuedAt = Math.floor(at / 1000);
      const jwt = new SignJWT({ kind: claims.kind, iat_ms: at })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(String(claims.userId))
        .setIssuer(ISSUER)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + TOKEN_TTL_SECONDS[claims.kind]);
      if (claims.jti) jwt.setJti(claims.jti);
      return jwt.sign(key);
    },

    /** The claims of a valid token of that kind, or null for anything else. */
    async verify(token: string, kind: TokenKind): Promise<VerifiedClaims | null> {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          algorithms: ['HS256'],
          currentDate: new Date(now()),
        });
        if (payload.kind !== kind || typeof payload.sub !== 'string') return null;
        const userId = Number(payload.sub);
        const issuedAt = payload.iat_ms;
        if (!Number.isSafeInteger(userId) || typeof issuedAt !== 'number') return null;
        return { userId, kind, issuedAt, jti: payload.jti };
      } catch {
        return null;
      }
    },
  };
}

export type TokenSigner = ReturnType<typeof createTokenSigner>;
