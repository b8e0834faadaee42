import type { Check, HttpConfig, TcpConfig } from '@homehub/contracts';

/** A check's target in one line: "GET https://… → 2xx" or "db.lan:5432". */
export function checkTarget(check: Check): string {
  if (check.type === 'tcp') {
    const config = check.config as TcpConfig;
    return `${config.host}:${config.port}`;
  }
  const config = check.config as HttpConfig;
  return `${config.method} ${config.url}`;
}

export function checkSchedule(check: Check): string {
  const parts = [
    `every ${formatSeconds(check.intervalSeconds)}`,
    `timeout ${formatSeconds(check.timeoutSeconds)}`,
  ];
  if (check.type === 'http')
    parts.push(`expects ${(check.config as HttpConfig).expectedStatus.join(', ')}`);
  return parts.join(' · ');
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60 || seconds % 60 !== 0) return `${seconds} s`;
  if (seconds < 3600 || seconds % 3600 !== 0) return `${seconds / 60} min`;
  return `${seconds / 3600} h`;
}
