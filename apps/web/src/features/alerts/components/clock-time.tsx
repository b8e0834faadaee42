const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant as a clock reads it in the viewer's zone: the time today, else date and time. */
export function formatClock(at: Date, now: Date = new Date()): string {
  return at.toDateString() === now.toDateString() ? timeOnly.format(at) : dateAndTime.format(at);
}

/**
 * When a silence starts or ends: an absolute time reads better than "in 1 h 59 min" and
 * does not go stale on an open page.
 */
export function ClockTime({ at }: { at: string }) {
  return <time dateTime={at}>{formatClock(new Date(at))}</time>;
}
