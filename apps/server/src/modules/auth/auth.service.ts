import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role, SetupRequest, TokenPair, TokenRequest, User } from '@homehub/contracts';
import type { Clock } from '../../platform/clock.ts';
import { ConflictError, ForbiddenError, UnauthorizedError } from '../../platform/errors.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';
import type { TokenSigner } from './token.signer.ts';
import type { UserRepository } from './user.repository.ts';
import type { UserRow } from '../../db/schema.ts';

export interface Principal {
  userId: number;
  role: Role;
}

interface Deps {
  users: UserRepository;
  tokens: TokenSigner;
  clock: Clock;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as Role,
});

export function createAuthService({ users, tokens, clock }: Deps) {
  /** Lives only while the hub has no user; printed once at start as the setup link. */
  let setupToken: string | null = null;

  async function issuePair(user: UserRow): Promise<TokenPair> {
    const claims = { userId: user.id, role: user.role as Role };
    return {
      access: await tokens.sign({ ...claims, kind: 'access' }),
      refresh: await tokens.sign({ ...claims, kind: 'refresh' }),
    };
  }

  async function insertFirstAdmin(email: string, name: string, password: string) {
    const now = clock.now();
    return users.insertFirstUser({
      email,
      name,
      passwordHash: await hashPassword(password),
      role: 'admin',
      active: 1,
      createdAt: now,
      updatedAt: now,
    });
  }

  return {
    /**
     * On an empty database: ADMIN_EMAIL/ADMIN_PASSWORD create the first admin; without
     * them a one-time setup token is made. Answers the token when setup is still needed.
     */
    async bootstrap(admin: { email: string; password: string } | undefined) {
      if ((await users.count()) > 0) return { created: false, setupToken: null };
      if (admin) {
        const created = await insertFirstAdmin(admin.email, '', admin.password);
        return { created: Boolean(created), setupToken: null };
      }
      setupToken = randomBytes(24).toString('base64url');
      return { created: false, setupToken };
    },

    async setupNeeded(): Promise<boolean> {
      return (await users.count()) === 0;
    },

    async completeSetup(request: SetupRequest): Promise<TokenPair> {
      const expected = setupToken;
      if (!expected || !safeEqual(expected, request.token)) {
        if (!(await this.setupNeeded())) throw new ConflictError('This hub is already set up');
        throw new ForbiddenError('The setup link is not valid; use the one printed at start');
      }
      const user = await insertFirstAdmin(request.email, request.name, request.password);
      if (!user) throw new ConflictError('This hub is already set up');
      setupToken = null;
      return issuePair(user);
    },

    async login({ email, password }: TokenRequest): Promise<TokenPair> {
      const user = await users.findByEmail(email);
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
      if (!user || !ok || !user.active) throw new UnauthorizedError('Wrong email or password');
      return issuePair(user);
    },

    async refresh(refreshToken: string): Promise<{ access: string }> {
      const claims = await tokens.verify(refreshToken, 'refresh');
      const user = claims && (await users.findById(claims.userId));
      if (!user || !user.active) throw new UnauthorizedError('The refresh token is not valid');
      return {
        access: await tokens.sign({ userId: user.id, role: user.role as Role, kind: 'access' }),
      };
    },

    /** The principal behind an access token, or null. Stateless: no query per request. */
    async authenticate(accessToken: string): Promise<Principal | null> {
      const claims = await tokens.verify(accessToken, 'access');
      return claims && { userId: claims.userId, role: claims.role };
    },

    async me(principal: Principal): Promise<User> {
      const user = await users.findById(principal.userId);
      if (!user || !user.active) throw new UnauthorizedError('This account no longer exists');
      return toUser(user);
    },
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type AuthService = ReturnType<typeof createAuthService>;
