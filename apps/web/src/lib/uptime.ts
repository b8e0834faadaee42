import type { Result } from '@homehub/contracts';

/** Share of results that were up or degraded (degraded still answers), or null without results. */
export function uptimePercent(results: readonly Result[]): number | null {
  if (results.length === 0) return null;
  const good = results.filter((r) => r.status !== 'down').length;
  return (good / results.length) * 100;
}

export function averageLatency(results: readonly Result[]): number | null {
  const values = results.map((r) => r.latencyMs).filter((ms): ms is number => ms !== null);
  if (values.length === 0) return null;
  return values.reduce((sum, ms) => sum + ms, 0) / values.length;
}

export const lastOf = <T>(items: readonly T[]): T | undefined => items[items.length - 1];
