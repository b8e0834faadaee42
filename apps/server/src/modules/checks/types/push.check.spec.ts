import { describe, expect, it } from 'vitest';
import { PushConfig } from '@homehub/contracts';
import { judgePush, nextDueAt } from './push.check.ts';

const HOUR = 3_600_000;
const base = Date.UTC(2026, 10, 28, 12, 0, 0);

describe('push check judgement', () => {
  it('expects a call every interval, and is down only past the grace', () => {
    const config = PushConfig.parse({ graceSeconds: 60 });
    const push = { intervalMs: HOUR, watchingSince: base, lastCallAt: base, startedAt: null };
    expect(judgePush(config, { ...push, now: base + HOUR + 59_000 })).toBeNull();
    expect(judgePush(config, { ...push, now: base + HOUR + 61_000 })).toMatchObject({
      status: 'down',
      message: 'Last call at 2026-11-28T12:00:00Z; the next was due at 2026-11-28T13:00:00Z',
    });
  });

  it('follows a cron schedule in its time zone', () => {
    // 03:00 in Berlin is 02:00 UTC in winter.
    const config = PushConfig.parse({ cron: '0 3 * * *', timezone: 'Europe/Berlin' });
    const push = {
      intervalMs: HOUR,
      watchingSince: base,
      lastCallAt: base,
      startedAt: null,
      now: base,
    };
    expect(new Date(nextDueAt(config, push)).toISOString()).toBe('2026-11-29T02:00:00.000Z');
  });

  it('is down when a started job does not finish within the grace', () => {
    const config = PushConfig.parse({ graceSeconds: 600 });
    const push = {
      intervalMs: 24 * HOUR,
      watchingSince: base,
      lastCallAt: base,
      startedAt: base + HOUR,
    };
    expect(judgePush(config, { ...push, now: base + HOUR + 599_000 })).toBeNull();
    expect(judgePush(config, { ...push, now: base + HOUR + 601_000 })?.message).toMatch(
      /not finished within 600 s/,
    );
  });
});
