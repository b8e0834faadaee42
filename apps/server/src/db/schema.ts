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
  /** JWTs issued before this (epoch ms) are refused. */
  tokensValidAfter: Generated<number>;
  createdAt: number;
  updatedAt: number;
}

export interface SessionsTable {
  id: Generated<number>;
  tokenHash: string;
  csrfToken: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  userAgent: string;
  ip: string;
}

export interface RefreshTokensTable {
  id: Generated<number>;
  jti: string;
  family: string;
  userId: number;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  revokedAt: number | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  userId: number;
  name: string;
  role: string;
  tokenHash: string;
  /** The token's first characters, to tell tokens apart in a list. */
  prefix: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
}

export interface ServicesTable {
  id: Generated<number>;
  name: string;
  description: string;
  groupName: string | null;
  /** JSON array of tags. */
  tags: Generated<string>;
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
  /** Failures tolerated before down. */
  retries: Generated<number>;
  /** Failures in a row so far (the state machine's position). */
  failures: Generated<number>;
  /** Push checks only: the secret a job calls the hub with. */
  pushToken: string | null;
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
  /** JSON text: what came with the event (for a status change, the result). */
  data: string | null;
  at: number;
}

/** One bucket of a check's results; see modules/checks/rollup.ts. */
export interface CheckRollupsTable {
  checkId: number;
  at: number;
  count: number;
  up: number;
  degraded: number;
  down: number;
  latencyCount: number;
  latencySum: number;
  latencyMin: number | null;
  latencyMax: number | null;
  bin0: number;
  bin1: number;
  bin2: number;
  bin3: number;
  bin4: number;
  bin5: number;
  bin6: number;
  bin7: number;
  bin8: number;
  bin9: number;
  bin10: number;
  bin11: number;
}

export interface SettingsTable {
  key: string;
  /** JSON text, validated by the settings schema when read. */
  value: string;
  updatedAt: number;
}

export interface DockerEnginesTable {
  id: Generated<number>;
  name: string;
  url: string;
  local: number;
  state: string;
  stateSince: number | null;
  version: string | null;
  lastError: string | null;
  /** "seconds.nanoseconds" of the last engine event handled. */
  lastEventTime: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface DockerContainersTable {
  id: Generated<number>;
  engineId: number;
  name: string;
  containerId: string;
  serviceId: number;
  image: string;
  imageId: string;
  groupName: string | null;
  state: string;
  health: string | null;
  startedAt: number | null;
  restartCount: number;
  /** JSON: check id by what the check came from ("docker", "port:80", "label:http"…). */
  checks: string;
  labelsHash: string;
  goneAt: number | null;
  previousImage: string | null;
  updatedImageAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface DockerStatsTable {
  containerRef: number;
  at: number;
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  netRxBytes: number;
  netTxBytes: number;
  blockReadBytes: number;
  blockWriteBytes: number;
}

/** A bucket of a container's stats samples: sums for averages, peaks, the last counters. */
export interface DockerStatsRollupTable {
  containerRef: number;
  at: number;
  samples: number;
  cpuSum: number;
  cpuMax: number;
  memorySum: number;
  memoryMax: number;
  memoryLimitBytes: number;
  netRxBytes: number;
  netTxBytes: number;
  blockReadBytes: number;
  blockWriteBytes: number;
}

export interface AlertChannelsTable {
  id: Generated<number>;
  name: string;
  type: string;
  /** JSON of the type's config, secrets included; the API never returns those. */
  config: string;
  enabled: number;
  maxPerHour: number;
  createdAt: number;
  updatedAt: number;
}

export interface AlertRulesTable {
  id: Generated<number>;
  name: string;
  enabled: number;
  /** JSON arrays. */
  events: string;
  serviceIds: string;
  groups: Generated<string>;
  tags: Generated<string>;
  checkIds: string;
  channelIds: string;
  forSeconds: number;
  groupWaitSeconds: number;
  groupIntervalSeconds: number;
  repeatIntervalSeconds: number;
  createdAt: number;
  updatedAt: number;
}

export interface AlertSilencesTable {
  id: Generated<number>;
  serviceIds: string;
  checkIds: string;
  groups: Generated<string>;
  tags: Generated<string>;
  comment: string;
  startsAt: number;
  endsAt: number;
  createdBy: string;
  createdAt: number;
}

export interface AlertMaintenanceTable {
  id: Generated<number>;
  name: string;
  serviceIds: string;
  checkIds: string;
  groups: Generated<string>;
  tags: Generated<string>;
  kind: string;
  startsAt: number | null;
  endsAt: number | null;
  days: string;
  startTime: string | null;
  durationMinutes: number | null;
  timezone: string;
  createdAt: number;
  updatedAt: number;
}

export interface AlertsTable {
  id: Generated<number>;
  ruleId: number | null;
  ruleName: string;
  groupKey: string;
  subject: string;
  kind: string;
  state: string;
  title: string;
  message: string;
  serviceId: number | null;
  checkId: number | null;
  foldKey: string | null;
  startedAt: number;
  firesAt: number;
  firedAt: number | null;
  resolvedAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  toldFiring: Generated<number>;
  toldResolved: Generated<number>;
  updatedAt: number;
}

export interface AlertTrailTable {
  id: Generated<number>;
  alertId: number;
  at: number;
  text: string;
}

export interface AlertGroupsTable {
  key: string;
  ruleId: number | null;
  nextFlushAt: number | null;
  lastFlushAt: number | null;
  lastRemindedAt: number | null;
  createdAt: number;
}

export interface AlertNotificationsTable {
  id: Generated<number>;
  groupKey: string | null;
  channelId: number | null;
  channelName: string;
  kind: string;
  status: string;
  idempotencyKey: string;
  /** JSON of the message as rendered when it was queued. */
  payload: string;
  attempts: Generated<number>;
  nextAttemptAt: number | null;
  leaseUntil: number | null;
  createdAt: number;
  sentAt: number | null;
}

export interface AlertNotificationAlertsTable {
  notificationId: number;
  alertId: number;
}

export interface AlertAttemptsTable {
  id: Generated<number>;
  notificationId: number;
  at: number;
  ok: number;
  error: string | null;
  durationMs: number;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  refreshTokens: RefreshTokensTable;
  apiTokens: ApiTokensTable;
  services: ServicesTable;
  checks: ChecksTable;
  checkResults: CheckResultsTable;
  events: EventsTable;
  checkRollupsMinute: CheckRollupsTable;
  checkRollupsHour: CheckRollupsTable;
  checkRollupsDay: CheckRollupsTable;
  settings: SettingsTable;
  dockerEngines: DockerEnginesTable;
  dockerContainers: DockerContainersTable;
  dockerStats: DockerStatsTable;
  dockerStatsFiveMinute: DockerStatsRollupTable;
  dockerStatsHourly: DockerStatsRollupTable;
  alertChannels: AlertChannelsTable;
  alertRules: AlertRulesTable;
  alertSilences: AlertSilencesTable;
  alertMaintenance: AlertMaintenanceTable;
  alerts: AlertsTable;
  alertTrail: AlertTrailTable;
  alertGroups: AlertGroupsTable;
  alertNotifications: AlertNotificationsTable;
  alertNotificationAlerts: AlertNotificationAlertsTable;
  alertAttempts: AlertAttemptsTable;
}

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type ServiceInsert = Insertable<ServicesTable>;
export type ServicePatch = Updateable<ServicesTable>;
export type CheckRow = Selectable<ChecksTable>;
export type CheckInsert = Insertable<ChecksTable>;
export type CheckPatch = Updateable<ChecksTable>;
export type ResultRow = Selectable<CheckResultsTable>;
export type EventRow = Selectable<EventsTable>;
export type EventInsert = Insertable<EventsTable>;
export type RollupRow = Selectable<CheckRollupsTable>;
export type EngineRow = Selectable<DockerEnginesTable>;
export type ContainerRow = Selectable<DockerContainersTable>;
export type ContainerInsert = Insertable<DockerContainersTable>;
export type ContainerPatch = Updateable<DockerContainersTable>;
export type StatsRow = Selectable<DockerStatsTable>;
export type AlertChannelRow = Selectable<AlertChannelsTable>;
export type AlertRuleRow = Selectable<AlertRulesTable>;
export type AlertSilenceRow = Selectable<AlertSilencesTable>;
export type AlertMaintenanceRow = Selectable<AlertMaintenanceTable>;
export type AlertRow = Selectable<AlertsTable>;
export type AlertInsert = Insertable<AlertsTable>;
export type AlertPatch = Updateable<AlertsTable>;
export type AlertGroupRow = Selectable<AlertGroupsTable>;
export type AlertNotificationRow = Selectable<AlertNotificationsTable>;
export type AlertAttemptRow = Selectable<AlertAttemptsTable>;
