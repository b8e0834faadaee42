/** "87 ms", "1.24 s", or an em dash when there is no latency (a failed connect). */
export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "just now", "42 s ago", "3 min ago", "5 h ago", "12 d ago". */
export function formatRelative(at: Date, now: Date = new Date()): string {
  const delta = Math.round((now.getTime() - at.getTime()) / 1000);
  const seconds = Math.abs(delta);
  if (seconds < 10) return 'just now';
  // A time ahead (a silence's end, a window's start) reads forward.
  const say = (amount: string) => (delta < 0 ? `in ${amount}` : `${amount} ago`);
  if (seconds < 60) return say(`${seconds} s`);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return say(`${minutes} min`);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return say(`${hours} h`);
  return say(`${Math.floor(hours / 24)} d`);
}

const exactFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** The full date and time in the viewer's zone, for tooltips. */
export const formatExact = (at: Date) => exactFormat.format(at);

export const formatTime = (at: Date) => timeFormat.format(at);

const spanTimeFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
// The hub rolls results up into UTC days, so a day-wide period is named by its UTC date:
// in the viewer's zone it would straddle two dates.
const spanDayFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * A period from epoch ms to epoch ms (exclusive): "Jan 1, 12:00 – 12:20 PM" in the viewer's
 * zone within a day, "Jan 1 – 5, 2026" (UTC dates, the end one the last inside) for days.
 */
export function formatSpan(start: number, end: number): string {
  const DAY = 86_400_000;
  if (end - start >= DAY) {
    if (end - start === DAY) return spanDayFormat.format(start);
    return spanDayFormat.formatRange(start, end - 1);
  }
  return spanTimeFormat.formatRange(start, end);
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});

/** "Feb 26, 2027" in the viewer's zone: a day ahead (an expiry) reads better than "in 90 days". */
export const formatDay = (at: Date) => dayFormat.format(at);

export function formatPercent(value: number | null): string {
  if (value === null) return '—';
  if (value === 100 || value === 0) return `${value}%`;
  // Rounded down near the top: 99.999% must not read as a perfect "100.00%".
  if (value >= 99) return `${(Math.floor(value * 100) / 100).toFixed(2)}%`;
  return `${value.toFixed(1)}%`;
}

const BYTE_UNITS = ['kB', 'MB', 'GB', 'TB'];

/** "940 B", "12.3 MB", "1.05 GB": decimal units, as disks are sold and `df -H` shows them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 'B';
  for (const next of BYTE_UNITS) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${unit}`;
}
