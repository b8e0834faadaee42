import { z } from 'zod';
import { CHANNEL_CONFIGS } from './channel-types/index.ts';
import { GroupName, Id, ListQuery, patchOf, Tag, Timestamp } from './common.ts';

export * from './channel-types/index.ts';

// ---- channels -------------------------------------------------------------------------

export type ChannelType = keyof typeof CHANNEL_CONFIGS;
export const CHANNEL_TYPES = Object.keys(CHANNEL_CONFIGS) as [ChannelType, ...ChannelType[]];
export const ChannelType = z.enum(CHANNEL_TYPES);
export type ChannelConfig<T extends ChannelType = ChannelType> = z.infer<
  (typeof CHANNEL_CONFIGS)[T]
>;

const ChannelName = z.string().trim().min(1).max(120);
/** Notifications a channel takes per hour before the rest are dropped (recoveries always go). */
const MaxPerHour = z.int().min(0).max(10_000);

const ChannelCommon = z.object({
  name: ChannelName,
  enabled: z.boolean().default(true),
  /** 0 means no limit. */
  maxPerHour: MaxPerHour.default(60),
});

function channelVariantOf<T extends ChannelType>(type: T) {
  return ChannelCommon.extend({ type: z.literal(type), config: CHANNEL_CONFIGS[type] });
}

export type ChannelCreate = {
  [T in ChannelType]: z.infer<typeof ChannelCommon> & { type: T; config: ChannelConfig<T> };
}[ChannelType];
export type ChannelCreateInput = {
  [T in ChannelType]: z.input<typeof ChannelCommon> & {
    type: T;
    config: z.input<(typeof CHANNEL_CONFIGS)[T]>;
  };
}[ChannelType];

/** One variant per channel type, told apart by `type`; built from CHANNEL_CONFIGS. */
export const ChannelCreate = z.discriminatedUnion(
  'type',
  CHANNEL_TYPES.map((type) => channelVariantOf(type)) as unknown as [
    ReturnType<typeof channelVariantOf>,
    ...ReturnType<typeof channelVariantOf>[],
  ],
) as unknown as z.ZodType<ChannelCreate, ChannelCreateInput>;

export const ChannelUpdate = z
  .object({
    name: ChannelName,
    enabled: z.boolean(),
    maxPerHour: MaxPerHour,
    type: ChannelType,
    /** The whole config for the type; a secret left out keeps its stored value. */
    config: z.record(z.string(), z.unknown()),
  })
  .partial()
  .strict();
export type ChannelUpdate = z.infer<typeof ChannelUpdate>;

export const Channel = z.object({
  id: Id,
  name: z.string(),
  type: ChannelType,
  /** The type's config without its secrets: those are written, replaced, never read. */
  config: z.record(z.string(), z.unknown()),
  /** Which secret fields hold a value, so a form can say "stored" without showing it. */
  secretsSet: z.array(z.string()),
  enabled: z.boolean(),
  maxPerHour: z.int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Channel = z.infer<typeof Channel>;

// ---- rules ----------------------------------------------------------------------------

/**
 * What a rule can listen for. Status kinds come from checks; the Docker kinds from engine
 * events; `recovered` asks for the resolved message. Kinds are plain strings on the wire
 * so a new source adds one here and nothing else changes shape.
 */
export const ALERT_KINDS = [
  'down',
  'degraded',
  'flapping',
  'recovered',
  'container_died',
  'container_oom',
  'container_unhealthy',
  'restart_loop',
  'update_failed',
  'engine_unreachable',
] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

const Seconds = (max: number) => z.int().min(0).max(max);

/**
 * Whom a rule, silence or maintenance window is about: a subject matches when it is any of
 * the named services or checks, in any of the groups, or carries any of the tags. Naming
 * nothing at all means everything.
 */
const Selector = z.object({
  serviceIds: z.array(Id).max(1000).default([]),
  checkIds: z.array(Id).max(1000).default([]),
  groups: z.array(GroupName).max(100).default([]),
  tags: z.array(Tag).max(100).default([]),
});
export type Selector = z.infer<typeof Selector>;
/** The selector as stored things answer it. */
const SelectorOut = z.object({
  serviceIds: z.array(Id),
  checkIds: z.array(Id),
  groups: z.array(z.string()),
  tags: z.array(z.string()),
});

const RuleFields = Selector.extend({
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  events: z.array(AlertKind).min(1).max(ALERT_KINDS.length),
  channelIds: z.array(Id).min(1).max(50),
  /** The state must last this long before the alert fires (0: at once). */
  forSeconds: Seconds(86_400).default(0),
  /** How long to wait after the first alert of a group, so what fires together is sent together. */
  groupWaitSeconds: Seconds(3600).default(30),
  /** The least time between two messages about a group whose alerts changed. */
  groupIntervalSeconds: Seconds(86_400).default(300),
  /** How often to remind while something still fires (0: never). */
  repeatIntervalSeconds: Seconds(7 * 86_400).default(4 * 3600),
});

export const RuleCreate = RuleFields;
export type RuleCreate = z.infer<typeof RuleCreate>;
export type RuleCreateInput = z.input<typeof RuleCreate>;
export const RuleUpdate = patchOf(RuleFields);
export type RuleUpdate = z.infer<typeof RuleUpdate>;

export const Rule = RuleFields.extend({
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Rule = z.infer<typeof Rule>;

// ---- silences and maintenance -----------------------------------------------------------

const SilenceFields = Selector.extend({
  comment: z.string().trim().max(500).default(''),
  /** Defaults to now. */
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }),
});
export const SilenceCreate = SilenceFields;
export type SilenceCreate = z.infer<typeof SilenceCreate>;
export type SilenceCreateInput = z.input<typeof SilenceCreate>;
export const SilenceUpdate = patchOf(SilenceFields);
export type SilenceUpdate = z.infer<typeof SilenceUpdate>;

export const Silence = SelectorOut.extend({
  id: Id,
  comment: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  createdBy: z.string(),
  /** Muting right now. */
  active: z.boolean(),
  createdAt: Timestamp,
});
export type Silence = z.infer<typeof Silence>;

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const Weekday = z.enum(WEEKDAYS);

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, 24-hour');

const MaintenanceFields = Selector.extend({
  name: z.string().trim().min(1).max(120),
  /** once: from startsAt to endsAt. weekly: on `days` from `startTime` for `durationMinutes`. */
  kind: z.enum(['once', 'weekly']),
  startsAt: z.iso.datetime({ offset: true }).nullable().default(null),
  endsAt: z.iso.datetime({ offset: true }).nullable().default(null),
  days: z.array(Weekday).max(7).default([]),
  startTime: TimeOfDay.nullable().default(null),
  durationMinutes: z
    .int()
    .min(1)
    .max(7 * 1440)
    .nullable()
    .default(null),
  /** The zone a weekly window's days and time are in (IANA name). */
  timezone: z
    .string()
    .max(64)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'Not a time zone name')
    .default('UTC'),
});

function checkWindow(
  value: Partial<z.infer<typeof MaintenanceFields>>,
  ctx: z.RefinementCtx,
): void {
  const need = (field: string, message = 'Required') =>
    ctx.addIssue({ code: 'custom', path: [field], message });
  if (value.kind === 'once') {
    if (!value.startsAt) need('startsAt');
    if (!value.endsAt) need('endsAt');
    if (value.startsAt && value.endsAt && Date.parse(value.endsAt) <= Date.parse(value.startsAt))
      need('endsAt', 'Must be after the start');
  }
  if (value.kind === 'weekly') {
    if (!value.days?.length) need('days', 'Pick at least one day');
    if (!value.startTime) need('startTime');
    if (!value.durationMinutes) need('durationMinutes');
  }
}

export const MaintenanceCreate = MaintenanceFields.superRefine(checkWindow);
export type MaintenanceCreate = z.infer<typeof MaintenanceCreate>;
export type MaintenanceCreateInput = z.input<typeof MaintenanceCreate>;
/** A change is checked again as a whole window once merged with what is stored. */
export const MaintenanceUpdate = patchOf(MaintenanceFields);
export type MaintenanceUpdate = z.infer<typeof MaintenanceUpdate>;

export const Maintenance = SelectorOut.extend({
  id: Id,
  name: z.string(),
  kind: z.enum(['once', 'weekly']),
  startsAt: Timestamp.nullable(),
  endsAt: Timestamp.nullable(),
  days: z.array(Weekday),
  startTime: z.string().nullable(),
  durationMinutes: z.int().nullable(),
  timezone: z.string(),
  /** In the window right now. */
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Maintenance = z.infer<typeof Maintenance>;

// ---- alerts and their notifications -----------------------------------------------------

export const AlertState = z.enum(['pending', 'firing', 'resolved']);
export type AlertState = z.infer<typeof AlertState>;

export const NotificationKind = z.enum(['firing', 'reminder', 'resolved', 'test']);
export type NotificationKind = z.infer<typeof NotificationKind>;
export const NotificationStatus = z.enum(['pending', 'sent', 'failed']);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

export const DeliveryAttempt = z.object({
  at: Timestamp,
  ok: z.boolean(),
  /** The receiver's error, in words; null when it took the message. */
  error: z.string().nullable(),
  durationMs: z.int(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const Notification = z.object({
  id: Id,
  channelId: Id.nullable(),
  channelName: z.string(),
  kind: NotificationKind,
  status: NotificationStatus,
  /** The same for every attempt: a receiver drops a message it has seen. */
  idempotencyKey: z.string(),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
  nextAttemptAt: Timestamp.nullable(),
  attempts: z.array(DeliveryAttempt),
});
export type Notification = z.infer<typeof Notification>;

/** One line of an alert's story: what the hub decided and why. */
export const TrailEntry = z.object({ at: Timestamp, text: z.string() });
export type TrailEntry = z.infer<typeof TrailEntry>;

export const Alert = z.object({
  id: Id,
  ruleId: Id.nullable(),
  ruleName: z.string(),
  kind: z.string(),
  state: AlertState,
  title: z.string(),
  message: z.string(),
  serviceId: Id.nullable(),
  checkId: Id.nullable(),
  /** The engine (or host) whose outage this alert is folded into while it lasts. */
  foldKey: z.string().nullable(),
  startedAt: Timestamp,
  firedAt: Timestamp.nullable(),
  resolvedAt: Timestamp.nullable(),
  acknowledgedAt: Timestamp.nullable(),
  acknowledgedBy: z.string().nullable(),
  trail: z.array(TrailEntry),
  notifications: z.array(Notification),
});
export type Alert = z.infer<typeof Alert>;

/** An alert as the live stream tells of it: no trail or notifications (refetch for those). */
export const AlertChange = Alert.omit({ trail: true, notifications: true });
export type AlertChange = z.infer<typeof AlertChange>;

export const AlertsQuery = ListQuery.extend({
  state: AlertState.optional(),
  serviceId: Id.optional(),
});

export const TestNotificationRequest = z.object({ channelId: Id });

/** What the channel's receiver made of a test message. */
export const TestNotificationResult = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
  durationMs: z.int(),
});
export type TestNotificationResult = z.infer<typeof TestNotificationResult>;
