/** "87 ms", "1.24 s", or an em dash when there is no latency (a failed connect). */
export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "just now", "42 s ago", "3 min ago", "5 h ago", "12 d ago". */
export function formatRelative(at: Date, now: Date = new Date()): string {
  const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
  if (seconds < 0) return 'just now';
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

const exactFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** The full date and time in the viewer's zone, for tooltips. */
export const formatExact = (at: Date) => exactFormat.format(at);

export const formatTime = (at: Date) => timeFormat.format(at);

export function formatPercent(value: number | null): string {
  if (value === null) return '—';
  if (value === 100 || value === 0) return `${value}%`;
  return `${value.toFixed(value >= 99 ? 2 : 1)}%`;
}
