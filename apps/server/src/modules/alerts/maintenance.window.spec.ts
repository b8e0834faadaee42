import { describe, expect, it } from 'vitest';
import { isInWindow, type Window } from './maintenance.window.ts';

const weekly = (over: Partial<Window>): Window => ({
  kind: 'weekly',
  startsAt: null,
  endsAt: null,
  days: ['sun'],
  startTime: '03:00',
  durationMinutes: 60,
  timezone: 'UTC',
  ...over,
});

describe('maintenance windows', () => {
  it('covers a one-off window from its start, up to but not including its end', () => {
    const once: Window = { ...weekly({}), kind: 'once', startsAt: 1000, endsAt: 2000 };
    expect(isInWindow(once, 999)).toBe(false);
    expect(isInWindow(once, 1000)).toBe(true);
    expect(isInWindow(once, 1999)).toBe(true);
    expect(isInWindow(once, 2000)).toBe(false);
  });

  it('reads a weekly window on the wall clock of its zone', () => {
    // Sunday 2026-11-29 03:30 in Berlin is 02:30 UTC.
    const berlin = weekly({ timezone: 'Europe/Berlin' });
    expect(isInWindow(berlin, Date.parse('2026-11-29T02:30:00Z'))).toBe(true);
    expect(isInWindow(berlin, Date.parse('2026-11-29T03:30:00Z'))).toBe(false);
    expect(isInWindow(weekly({}), Date.parse('2026-11-29T03:30:00Z'))).toBe(true);
    // A Monday at the same time is not in a Sunday window.
    expect(isInWindow(weekly({}), Date.parse('2026-11-30T03:30:00Z'))).toBe(false);
  });

  it('runs past midnight, and from Saturday into Sunday', () => {
    const lateSaturday = weekly({ days: ['sat'], startTime: '23:30', durationMinutes: 90 });
    expect(isInWindow(lateSaturday, Date.parse('2026-11-28T23:45:00Z'))).toBe(true);
    expect(isInWindow(lateSaturday, Date.parse('2026-11-29T00:59:00Z'))).toBe(true);
    expect(isInWindow(lateSaturday, Date.parse('2026-11-29T01:00:00Z'))).toBe(false);
  });
});
