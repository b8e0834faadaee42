import type { Retention, Settings, SettingsUpdate } from '@homehub/contracts';

/** The form's fields as typed (strings, so a half-typed number is kept as it is). */
export interface SettingsDraft {
  rawDays: string;
  minuteDays: string;
  hourDays: string;
  dayDays: string;
  threshold: string;
  windowMinutes: string;
}

export type RetentionField = keyof Retention;

export const RETENTION_FIELDS: readonly RetentionField[] = [
  'rawDays',
  'minuteDays',
  'hourDays',
  'dayDays',
];

export const toDraft = ({ retention, flapping }: Settings): SettingsDraft => ({
  rawDays: String(retention.rawDays),
  minuteDays: String(retention.minuteDays),
  hourDays: String(retention.hourDays),
  dayDays: String(retention.dayDays),
  threshold: String(flapping.threshold),
  windowMinutes: String(flapping.windowMinutes),
});

/** Fields left empty, by their API path: there is nothing to send for them. */
export function blankFields(draft: SettingsDraft): Record<string, string> {
  const blank: Record<string, string> = {};
  for (const field of RETENTION_FIELDS)
    if (draft[field].trim() === '') blank[`retention.${field}`] = 'Enter a number of days';
  if (draft.threshold.trim() === '') blank['flapping.threshold'] = 'Enter a number of changes';
  if (draft.windowMinutes.trim() === '') blank['flapping.windowMinutes'] = 'Enter minutes';
  return blank;
}

/**
 * The PATCH body: only what differs from the saved settings, as numbers. The API checks the
 * ranges (and says which field is wrong), so a fraction or a zero is sent as typed.
 */
export function toSettingsUpdate(draft: SettingsDraft, saved: Settings): SettingsUpdate {
  const body: SettingsUpdate = {};
  const retention: Partial<Retention> = {};
  for (const field of RETENTION_FIELDS) {
    const value = Number(draft[field]);
    if (value !== saved.retention[field]) retention[field] = value;
  }
  if (Object.keys(retention).length > 0) body.retention = retention;

  const threshold = Number(draft.threshold);
  const windowMinutes = Number(draft.windowMinutes);
  const flapping: SettingsUpdate['flapping'] = {};
  if (threshold !== saved.flapping.threshold) flapping.threshold = threshold;
  if (windowMinutes !== saved.flapping.windowMinutes) flapping.windowMinutes = windowMinutes;
  if (Object.keys(flapping).length > 0) body.flapping = flapping;
  return body;
}

export const isEmptyUpdate = (body: SettingsUpdate) =>
  body.retention === undefined && body.flapping === undefined;
