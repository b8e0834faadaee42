import {
  roleAtLeast,
  type ApiToken,
  type ApiTokenCreate,
  type ApiTokenCreated,
} from '@homehub/contracts';
import type { Clock } from '../../platform/clock.ts';
import { iso } from '../../platform/clock.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { ApiTokenListRow, ApiTokenRepository } from './api-token.repository.ts';
import type { Actor, Audit, Principal } from './auth.service.ts';
import { describeActor } from './auth.service.ts';
import { newSecret, sha256 } from './secrets.ts';

/** Personal access tokens say what they are, so a leaked one is easy to find and revoke. */
const PREFIX = 'hhp_';
/** Writing "last used" on every request would turn each read into a write. */
const TOUCH_EVERY_MS = 60_000;

const toApiToken = (row: ApiTokenListRow): ApiToken => ({
  id: row.id,
  name: row.name,
  role: row.role as ApiToken['role'],
  prefix: row.prefix,
  userId: row.userId,
  userEmail: row.userEmail,
  createdAt: iso(row.createdAt),
  expiresAt: row.expiresAt === null ? null : iso(row.expiresAt),
  lastUsedAt: row.lastUsedAt === null ? null : iso(row.lastUsedAt),
});

interface Deps {
  tokens: ApiTokenRepository;
  audit: Audit;
  clock: Clock;
}

export function createApiTokenService({ tokens, audit, clock }: Deps) {
  async function owned(principal: Principal, id: number): Promise<ApiTokenListRow> {
    const row = await tokens.find(id);
    // Someone else's token is as absent as a missing one, unless an admin asks.
    if (!row || (row.userId !== principal.userId && principal.role !== 'admin')) {
      throw new NotFoundError('Token');
    }
    return row;
  }

  return {
    looksLikeToken: (bearer: string) => bearer.startsWith(PREFIX),

    /** The live token behind a presented secret, or null; records that it was used. */
    async resolve(secret: string) {
      const row = await tokens.findByHash(sha256(secret));
      const now = clock.now();
      if (!row || (row.expiresAt !== null && row.expiresAt <= now)) return null;
      if (row.lastUsedAt === null || now - row.lastUsedAt > TOUCH_EVERY_MS) {
        await tokens.touch(row.id, now);
      }
      return row;
    },

    async create(actor: Actor & { principal: Principal }, input: ApiTokenCreate) {
      const { principal } = actor;
      if (!roleAtLeast(principal.role, input.role)) {
        throw new ValidationError({ role: `must be no higher than your own (${principal.role})` });
      }
      const now = clock.now();
      const expiresAt = input.expiresAt === undefined ? null : Date.parse(input.expiresAt);
      if (expiresAt !== null && expiresAt <= now) {
        throw new ValidationError({ expiresAt: 'must be in the future' });
      }
      const secret = PREFIX + newSecret();
      const row = await tokens.insert({
        userId: principal.userId,
        name: input.name,
        role: input.role,
        tokenHash: sha256(secret),
        prefix: secret.slice(0, PREFIX.length + 6),
        createdAt: now,
        expiresAt,
        lastUsedAt: null,
      });
      await audit.recordAudit({
        action: 'token_created',
        message: `${principal.email} created the ${input.role} token "${input.name}"`,
        at: now,
        data: { tokenId: row.id, role: input.role, ...describeActor(actor) },
      });
      const created: ApiTokenCreated = { ...toApiToken(row), token: secret };
      return created;
    },

    /** One's own tokens; an admin may ask for everyone's. */
    async list(principal: Principal, all: boolean): Promise<ApiToken[]> {
      if (all && principal.role !== 'admin') {
        throw new ForbiddenError('Only admins can list everyone’s tokens');
      }
      const rows = await tokens.list(all ? undefined : principal.userId);
      return rows.map(toApiToken);
    },

    async get(principal: Principal, id: number): Promise<ApiToken> {
      return toApiToken(await owned(principal, id));
    },

    async revoke(actor: Actor & { principal: Principal }, id: number): Promise<void> {
      const row = await owned(actor.principal, id);
      await tokens.delete(id);
      await audit.recordAudit({
        action: 'token_revoked',
        message: `${actor.principal.email} revoked the token "${row.name}" of ${row.userEmail}`,
        at: clock.now(),
        data: { tokenId: id, ownerId: row.userId, ...describeActor(actor) },
      });
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
