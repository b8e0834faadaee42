import { z } from 'zod';
import { Id, Timestamp } from './common.ts';

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** viewer < operator < admin: each may do all the one before may. */
export const roleAtLeast = (role: Role, minimum: Role): boolean => RANK[role] >= RANK[minimum];

export const PASSWORD_MIN_LENGTH = 8;

export const Email = z.email().max(254).toLowerCase();
export const NewPassword = z.string().min(PASSWORD_MIN_LENGTH).max(1024);

export const TokenRequest = z.object({
  email: Email,
  password: z.string().min(1).max(1024),
});
export type TokenRequest = z.infer<typeof TokenRequest>;

export const TokenPair = z.object({ access: z.string(), refresh: z.string() });
export type TokenPair = z.infer<typeof TokenPair>;

export const RefreshRequest = z.object({ refresh: z.string().min(1).max(4096) });
export const AccessToken = z.object({ access: z.string() });

export const SetupStatus = z.object({
  /** True while the hub has no user: the dashboard then offers the create-admin page. */
  needed: z.boolean(),
});

export const SetupRequest = z.object({
  token: z.string().min(1).max(200),
  email: Email,
  name: z.string().trim().max(120).default(''),
  password: NewPassword,
});
export type SetupRequest = z.infer<typeof SetupRequest>;

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  /** A deactivated account cannot sign in and its sessions and tokens stop working. */
  active: z.boolean(),
  createdAt: Timestamp,
});
export type User = z.infer<typeof User>;

const Name = z.string().trim().max(120);

export const UserCreate = z.object({
  email: Email,
  name: Name.default(''),
  role: Role,
  password: NewPassword,
});
export type UserCreate = z.infer<typeof UserCreate>;

/** What an admin may change on an account; a new password ends its sessions and tokens. */
export const UserPatch = z
  .object({
    email: Email,
    name: Name,
    role: Role,
    active: z.boolean(),
    password: NewPassword,
  })
  .partial();
export type UserPatch = z.infer<typeof UserPatch>;

export const MePatch = z.object({ email: Email, name: Name }).partial();
export type MePatch = z.infer<typeof MePatch>;

export const PasswordChange = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: NewPassword,
});
export type PasswordChange = z.infer<typeof PasswordChange>;

/** A browser session began: the cookie is set; the CSRF token goes with every change. */
export const Session = z.object({ user: User, csrfToken: z.string() });
export type Session = z.infer<typeof Session>;

/** A personal access token as listed: never the token itself. */
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  /** The token's first characters, to recognise it. */
  prefix: z.string(),
  userId: Id,
  userEmail: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenCreate = z.object({
  name: Name.min(1, 'must not be empty'),
  /** No higher than the creator's own role. */
  role: Role,
  expiresAt: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'When the token stops working; never when absent' }),
});
export type ApiTokenCreate = z.infer<typeof ApiTokenCreate>;

/** The one answer that carries the token: store it now, it cannot be shown again. */
export const ApiTokenCreated = ApiToken.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;

export const TokensQuery = z.object({
  /** Admins only: everyone's tokens, not just one's own. */
  all: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
