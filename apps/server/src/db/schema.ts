import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table shapes as the code sees them (camelCase; CamelCasePlugin maps to snake_case).
 * Timestamps are epoch milliseconds (UTC); booleans are 0/1 on both dialects.
 */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  passwordHash: string;
  role: string;
  active: number;
  createdAt: number;
  updatedAt: number;
}

export interface ServicesTable {
  id: Generated<number>;
  name: string;
  description: string;
  status: string;
  statusChangedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface ChecksTable {
  id: Generated<number>;
  serviceId: number;
  name: string;
  type: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  enabled: number;
  /** JSON text of the type's config, validated before it is written. */
  config: string;
  status: string;
  statusChangedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** The hot table: kept narrow (no id, status as a small code). */
export interface CheckResultsTable {
  checkId: number;
  at: number;
  status: number;
  latencyMs: number | null;
  message: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  type: string;
  serviceId: number | null;
  checkId: number | null;
  fromStatus: string | null;
  toStatus: string | null;
  message: string;
  at: number;
}

export interface DB {
  users: UsersTable;
  services: ServicesTable;
  checks: ChecksTable;
  checkResults: CheckResultsTable;
  events: EventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type ServiceInsert = Insertable<ServicesTable>;
export type ServicePatch = Updateable<ServicesTable>;
export type CheckRow = Selectable<ChecksTable>;
export type CheckInsert = Insertable<ChecksTable>;
export type CheckPatch = Updateable<ChecksTable>;
export type ResultRow = Selectable<CheckResultsTable>;
export type EventRow = Selectable<EventsTable>;
export type EventInsert = Insertable<EventsTable>;
