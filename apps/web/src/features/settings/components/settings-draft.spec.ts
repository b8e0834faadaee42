import { describe, expect, it } from 'vitest';
import type { Settings } from '@homehub/contracts';
import { blankFields, isEmptyUpdate, toDraft, toSettingsUpdate } from './settings-draft.ts';

const SAVED: Settings = {
  retention: { rawDays: 7, minuteDays: 14, hourDays: 90, dayDays: 730 },
  flapping: { threshold: 5, windowMinutes: 30 },
  storage: { tiers: [], totalBytes: 0 },
};

describe('toSettingsUpdate', () => {
  it('sends nothing when nothing changed', () => {
    expect(isEmptyUpdate(toSettingsUpdate(toDraft(SAVED), SAVED))).toBe(true);
  });

  it('sends only the changed fields, as numbers, under their group', () => {
    const draft = { ...toDraft(SAVED), rawDays: '30', windowMinutes: '15' };
    expect(toSettingsUpdate(draft, SAVED)).toEqual({
      retention: { rawDays: 30 },
      flapping: { windowMinutes: 15 },
    });
  });

  it('leaves out a group with no change', () => {
    const draft = { ...toDraft(SAVED), hourDays: '120', dayDays: '365' };
    expect(toSettingsUpdate(draft, SAVED)).toEqual({
      retention: { hourDays: 120, dayDays: 365 },
    });
  });

  it('sends out-of-range values as typed, for the API to explain', () => {
    const draft = { ...toDraft(SAVED), threshold: '1', rawDays: '2.5' };
    expect(toSettingsUpdate(draft, SAVED)).toEqual({
      retention: { rawDays: 2.5 },
      flapping: { threshold: 1 },
    });
  });
});

describe('blankFields', () => {
  it('names every empty field by its API path', () => {
    const draft = { ...toDraft(SAVED), minuteDays: ' ', threshold: '' };
    expect(Object.keys(blankFields(draft))).toEqual(['retention.minuteDays', 'flapping.threshold']);
  });
});
