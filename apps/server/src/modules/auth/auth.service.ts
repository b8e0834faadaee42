import {
  roleAtLeast,
  type AuditAction,
  type MePatch,
  type PasswordChange,
  type Role,
  type SetupRequest,
  type TokenPair,
  type TokenRequest,
  type User,
} from '@homehub/contracts';
import type { Clock } from '../../platform/clock.ts';
import { iso } from '../../platform/clock.ts';
import {
  ConflictError,
  ForbiddenError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../../platform/errors.ts';
import type { SessionRow, UserRow } from '../../db/schema.ts';
import type { ApiTokenService } from './api-token.service.ts';
import { LoginThrottle } from './login.throttle.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';
import { newSecret, safeEqual, sha256 } from './secrets.ts';
import type { SessionRepository } from './session.repository.ts';
import { TOKEN_TTL_SECONDS, type TokenSigner } from './token.signer.ts';
import type { UserRepository } from './user.repository.ts';

export interface Principal {
  userId: number;
  email: string;
  role: Role;
  /** How the request proved who it is; a browser session also carries its CSRF token. */
  via: 'access' | 'session' | 'token';
  sessionId?: number;
  csrfToken?: string;
  tokenId?: number;
}

/** Who asks, as the audit trail records it. */
export interface Actor {
  principal?: Principal | null;
  ip: string;
  userAgent?: string;
}

export interface Credentials {
  bearer?: string | undefined;
  session?: string | undefined;
}

export interface Audit {
  recordAudit(entry: {
    action: AuditAction;
    message: string;
    at: number;
    data: Record<string, unknown>;
  }): Promise<void>;
}

interface Deps {
  users: UserRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenService;
  tokens: TokenSigner;
  audit: Audit;
  clock: Clock;
}

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
/** A session nobody used for this long has ended. */
export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
/** How often a session's last-seen time is written: not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;
/** Accounts are read on each request through this cache; a local change clears it at once. */
const USER_CACHE_MS = 5_000;

const LIMITS = { ip: { free: 20 }, account: { free: 5 } };

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as Role,
  active: row.active === 1,
  createdAt: iso(row.createdAt),
});

export const describeActor = (actor: Actor) => ({
  actorId: actor.principal?.userId ?? null,
  actorEmail: actor.principal?.email ?? null,
  ip: actor.ip,
});

export function createAuthService({ users, sessions, apiTokens, tokens, audit, clock }: Deps) {
  /** Lives only while the hub has no user; printed once at start as the setup link. */
  let setupToken: string | null = null;
  const throttle = new LoginThrottle(clock);
  const cache = new Map<number, { row: UserRow | undefined; at: number }>();

  async function account(id: number): Promise<UserRow | undefined> {
    const now = clock.now();
    const hit = cache.get(id);
    if (hit && now - hit.at < USER_CACHE_MS) return hit.row;
    const row = await users.findById(id);
    cache.set(id, { row, at: now });
    if (cache.size > 10_000) cache.delete(cache.keys().next().value as number);
    return row;
  }

  async function issuePair(user: UserRow, family = newSecret()): Promise<TokenPair> {
    const jti = newSecret();
    const now = clock.now();
    await sessions.insertRefresh({
      jti,
      family,
      userId: user.id,
      createdAt: now,
      expiresAt: now + TOKEN_TTL_SECONDS.refresh * 1000,
      usedAt: null,
      revokedAt: null,
    });
    return {
      access: await tokens.sign({ userId: user.id, kind: 'access' }),
      refresh: await tokens.sign({ userId: user.id, kind: 'refresh', jti }),
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

  /** Checks a password under the throttle; the account on success. */
  async function checkPassword({ email, password }: TokenRequest, actor: Actor) {
    const keys: Array<[string, { free: number }]> = [
      [`ip:${actor.ip}`, LIMITS.ip],
      [`account:${email}`, LIMITS.account],
    ];
    const wait = throttle.wait(keys.map(([key]) => key));
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new TooManyRequestsError(
        `Too many failed sign-ins; try again in ${seconds} s`,
        seconds,
      );
    }
    const user = await users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || !user.active) {
      throttle.fail(keys);
      await audit.recordAudit({
        action: 'login_failed',
        message: `Failed sign-in as ${email}`,
        at: clock.now(),
        data: { email, ...describeActor(actor) },
      });
      throw new UnauthorizedError('Wrong email or password');
    }
    throttle.succeed(keys.map(([key]) => key));
    return user;
  }

  async function startSession(user: UserRow, actor: Actor) {
    const token = newSecret();
    const now = clock.now();
    const session = await sessions.insertSession({
      tokenHash: sha256(token),
      csrfToken: newSecret(),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + SESSION_TTL_MS,
      userAgent: (actor.userAgent ?? '').slice(0, 255),
      ip: actor.ip.slice(0, 64),
    });
    return { token, csrfToken: session.csrfToken, user: toUser(user) };
  }

  async function fromSession(token: string): Promise<Principal | null> {
    const session = await sessions.findSession(sha256(token));
    if (!session || !live(session)) return null;
    const user = await account(session.userId);
    if (!user?.active) return null;
    const now = clock.now();
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) await sessions.touchSession(session.id, now);
    return {
      userId: user.id,
      email: user.email,
      role: user.role as Role,
      via: 'session',
      sessionId: session.id,
      csrfToken: session.csrfToken,
    };
  }

  function live(session: SessionRow): boolean {
    const now = clock.now();
    return session.expiresAt > now && now - session.lastSeenAt < SESSION_IDLE_MS;
  }

  async function fromAccessToken(token: string): Promise<Principal | null> {
    const claims = await tokens.verify(token, 'access');
    const user = claims && (await account(claims.userId));
    if (!claims || !user?.active || claims.issuedAt < user.tokensValidAfter) return null;
    return { userId: user.id, email: user.email, role: user.role as Role, via: 'access' };
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
      setupToken = randomSetupToken();
      return { created: false, setupToken };
    },

    async setupNeeded(): Promise<boolean> {
      return (await users.count()) === 0;
    },

    /** Creates the first admin; answers API tokens and a browser session for them. */
    async completeSetup(request: SetupRequest, actor: Actor) {
      const expected = setupToken;
      if (!expected || !safeEqual(expected, request.token)) {
        if (!(await this.setupNeeded())) throw new ConflictError('This hub is already set up');
        throw new ForbiddenError('The setup link is not valid; use the one printed at start');
      }
      const user = await insertFirstAdmin(request.email, request.name, request.password);
      if (!user) throw new ConflictError('This hub is already set up');
      setupToken = null;
      return { pair: await issuePair(user), session: await startSession(user, actor) };
    },

    /** API clients: an access token and a refresh token. */
    async login(credentials: TokenRequest, actor: Actor): Promise<TokenPair> {
      const user = await checkPassword(credentials, actor);
      await audit.recordAudit({
        action: 'login',
        message: `${user.email} signed in (API)`,
        at: clock.now(),
        data: { userId: user.id, method: 'token', ip: actor.ip },
      });
      return issuePair(user);
    },

    /** Browsers: a session whose secret goes in an httpOnly cookie. */
    async loginSession(credentials: TokenRequest, actor: Actor) {
      const user = await checkPassword(credentials, actor);
      await audit.recordAudit({
        action: 'login',
        message: `${user.email} signed in`,
        at: clock.now(),
        data: { userId: user.id, method: 'session', ip: actor.ip },
      });
      return startSession(user, actor);
    },

    async logout(actor: Actor & { principal: Principal }): Promise<void> {
      const { principal } = actor;
      if (principal.sessionId !== undefined) await sessions.deleteSession(principal.sessionId);
      await audit.recordAudit({
        action: 'logout',
        message: `${principal.email} signed out`,
        at: clock.now(),
        data: { userId: principal.userId, ip: actor.ip },
      });
    },

    /**
     * A refresh token works once and is replaced. One presented twice was stolen or
     * replayed: its whole family is revoked, so the thief's copy dies with the owner's.
     */
    async refresh(refreshToken: string, actor: Actor): Promise<TokenPair> {
      const claims = await tokens.verify(refreshToken, 'refresh');
      const invalid = () => new UnauthorizedError('The refresh token is not valid');
      if (!claims?.jti) throw invalid();
      const now = clock.now();
      const row = await sessions.useRefresh(claims.jti, now);
      if (!row) {
        const replayed = await sessions.findRefresh(claims.jti);
        if (replayed?.usedAt && !replayed.revokedAt) {
          await sessions.revokeFamily(replayed.family, now);
          await audit.recordAudit({
            action: 'refresh_reused',
            message: 'A refresh token was used twice; its sign-in was revoked',
            at: now,
            data: { userId: replayed.userId, ip: actor.ip },
          });
        }
        throw invalid();
      }
      const user = await account(row.userId);
      if (!user?.active || claims.issuedAt < user.tokensValidAfter) throw invalid();
      return issuePair(user, row.family);
    },

    /** The principal behind a request's credentials, or null. */
    async authenticate({ bearer, session }: Credentials): Promise<Principal | null> {
      if (bearer) {
        if (apiTokens.looksLikeToken(bearer)) {
          const found = await apiTokens.resolve(bearer);
          const user = found && (await account(found.userId));
          if (!found || !user?.active) return null;
          return {
            userId: user.id,
            email: user.email,
            role: lowerRole(found.role as Role, user.role as Role),
            via: 'token',
            tokenId: found.id,
          };
        }
        return fromAccessToken(bearer);
      }
      if (session) return fromSession(session);
      return null;
    },

    async me(principal: Principal): Promise<User> {
      const user = await users.findById(principal.userId);
      if (!user || !user.active) throw new UnauthorizedError('This account no longer exists');
      return toUser(user);
    },

    async updateMe(principal: Principal, patch: MePatch): Promise<User> {
      if (patch.email !== undefined) {
        const other = await users.findByEmail(patch.email);
        if (other && other.id !== principal.userId) {
          throw new ConflictError('Another account already uses this email');
        }
      }
      const row = await users.update(principal.userId, { ...patch, updatedAt: clock.now() });
      if (!row || row === 'last_admin')
        throw new UnauthorizedError('This account no longer exists');
      this.forget(principal.userId);
      return toUser(row);
    },

    /**
     * Ends every session and token of the account except what the caller gets back: a
     * browser that changed its password is handed a fresh session.
     */
    async changePassword(actor: Actor & { principal: Principal }, change: PasswordChange) {
      const { principal } = actor;
      const user = await users.findById(principal.userId);
      if (!user) throw new UnauthorizedError('This account no longer exists');
      if (!(await verifyPassword(user.passwordHash, change.currentPassword))) {
        throw new ValidationError({ currentPassword: 'is not your current password' });
      }
      const now = clock.now();
      await users.update(user.id, {
        passwordHash: await hashPassword(change.newPassword),
        tokensValidAfter: now,
        updatedAt: now,
      });
      await this.endSignIns(user.id);
      await audit.recordAudit({
        action: 'password_changed',
        message: `${user.email} changed their password`,
        at: now,
        data: { userId: user.id, ip: actor.ip },
      });
      return principal.via === 'session' ? startSession(user, actor) : null;
    },

    /** After a password change, deactivation or deletion: nothing signed in survives. */
    async endSignIns(userId: number): Promise<void> {
      await sessions.revokeAll(userId, clock.now());
      this.forget(userId);
    },

    /** Drops the cached account so the next request reads its role and state afresh. */
    forget(userId: number): void {
      cache.delete(userId);
    },

    /** Forgets expired sessions and refresh tokens; run now and then. */
    async sweep(): Promise<void> {
      await sessions.deleteExpired(clock.now());
    },
  };
}

/** A token never does more than its owner may do now, whatever it was made with. */
function lowerRole(a: Role, b: Role): Role {
  return roleAtLeast(b, a) ? a : b;
}

function randomSetupToken(): string {
  return newSecret().slice(0, 32);
}

export type AuthService = ReturnType<typeof createAuthService>;
