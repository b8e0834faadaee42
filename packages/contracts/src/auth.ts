import { z } from 'zod';
import { Id } from './common.ts';

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

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
});
export type User = z.infer<typeof User>;
