import { WEEKDAYS } from '@homehub/contracts';

export interface Window {
  kind: string;
  startsAt: number | null;
  endsAt: number | null;
  days: string[];
  startTime: string | null;
  durationMinutes: number | null;
  timezone: string;
}

const WEEK_MINUTES = 7 * 1440;

/** Building a formatter costs far more than using one, and the state machine asks per result. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Weekday (0 = Sunday) and minute of the day of an instant, on the wall clock of a zone. */
function wallClock(at: number, timeZone: string): { weekday: number; minute: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAYS.indexOf(part('weekday').toLowerCase().slice(0, 3) as 'sun');
  return { weekday, minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

/**
 * Whether a window covers an instant. A weekly window is read on the wall clock of its zone,
 * so "Sunday 03:00" stays 03:00 across daylight-saving changes; one that runs past midnight
 * (or past Saturday) continues into the next day.
 */
export function isInWindow(window: Window, at: number): boolean {
  if (window.kind === 'once') {
    return (
      window.startsAt !== null &&
      window.endsAt !== null &&
      at >= window.startsAt &&
      at < window.endsAt
    );
  }
  if (!window.startTime || !window.durationMinutes) return false;
  const [hours, minutes] = window.startTime.split(':').map(Number) as [number, number];
  const now = wallClock(at, window.timezone);
  const nowInWeek = now.weekday * 1440 + now.minute;
  return window.days.some((day) => {
    const start = WEEKDAYS.indexOf(day as 'sun') * 1440 + hours * 60 + minutes;
    const since = (((nowInWeek - start) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
    return since < window.durationMinutes!;
  });
}
