import type { User, UserCreate, UserPatch } from '@homehub/contracts';
import type { Clock } from '../../platform/clock.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { UserChanges, UserRepository } from './user.repository.ts';
import { describeActor, toUser, type Actor, type Audit, type Principal } from './auth.service.ts';
import { hashPassword } from './password.ts';

interface Deps {
  users: UserRepository;
  audit: Audit;
  clock: Clock;
  /** Ends an account's sessions and tokens and forgets it in the auth cache. */
  endSignIns: (userId: number) => Promise<void>;
  forget: (userId: number) => void;
}

type AdminActor = Actor & { principal: Principal };

const LAST_ADMIN = 'The hub needs at least one active admin';

/** Admins manage accounts; a hub is never left without an active admin. */
export function createUserService({ users, audit, clock, endSignIns, forget }: Deps) {
  async function emailFree(email: string, exceptId?: number) {
    const other = await users.findByEmail(email);
    if (other && other.id !== exceptId)
      throw new ConflictError('An account with this email exists');
  }

  return {
    async list(): Promise<User[]> {
      return (await users.list()).map(toUser);
    },

    async get(id: number): Promise<User> {
      const row = await users.findById(id);
      if (!row) throw new NotFoundError('User');
      return toUser(row);
    },

    async create(actor: AdminActor, input: UserCreate): Promise<User> {
      await emailFree(input.email);
      const now = clock.now();
      const row = await users.insert({
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        active: 1,
        createdAt: now,
        updatedAt: now,
      });
      await audit.recordAudit({
        action: 'user_created',
        message: `${actor.principal.email} added ${row.email} as ${row.role}`,
        at: now,
        data: { userId: row.id, role: row.role, ...describeActor(actor) },
      });
      return toUser(row);
    },

    async update(actor: AdminActor, id: number, patch: UserPatch): Promise<User> {
      const before = await users.findById(id);
      if (!before) throw new NotFoundError('User');
      if (patch.email !== undefined) await emailFree(patch.email, id);
      const now = clock.now();
      const changes: UserChanges = { updatedAt: now };
      if (patch.email !== undefined) changes.email = patch.email;
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.role !== undefined) changes.role = patch.role;
      if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
      const endsSignIns = patch.password !== undefined || patch.active === false;
      if (patch.password !== undefined) changes.passwordHash = await hashPassword(patch.password);
      if (endsSignIns) changes.tokensValidAfter = now;

      const row = await users.update(id, changes);
      if (row === 'last_admin') throw new ConflictError(LAST_ADMIN);
      if (!row) throw new NotFoundError('User');
      if (endsSignIns) await endSignIns(id);
      else forget(id);

      const what = [
        patch.role !== undefined && patch.role !== before.role
          ? `role ${before.role} → ${patch.role}`
          : null,
        patch.active !== undefined && patch.active !== (before.active === 1)
          ? patch.active
            ? 'reactivated'
            : 'deactivated'
          : null,
        patch.password !== undefined ? 'password reset' : null,
        patch.email !== undefined && patch.email !== before.email ? `email ${patch.email}` : null,
        patch.name !== undefined && patch.name !== before.name ? 'name' : null,
      ].filter(Boolean);
      if (what.length > 0) {
        await audit.recordAudit({
          action: 'user_updated',
          message: `${actor.principal.email} changed ${before.email}: ${what.join(', ')}`,
          at: now,
          data: {
            userId: id,
            changes: Object.keys(patch).filter((k) => k !== 'password'),
            ...describeActor(actor),
          },
        });
      }
      return toUser(row);
    },

    async delete(actor: AdminActor, id: number): Promise<void> {
      const before = await users.findById(id);
      if (!before) throw new NotFoundError('User');
      const deleted = await users.delete(id);
      if (deleted === 'last_admin') throw new ConflictError(LAST_ADMIN);
      if (!deleted) throw new NotFoundError('User');
      forget(id);
      await audit.recordAudit({
        action: 'user_deleted',
        message: `${actor.principal.email} deleted ${before.email}`,
        at: clock.now(),
        data: { userId: id, ...describeActor(actor) },
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
