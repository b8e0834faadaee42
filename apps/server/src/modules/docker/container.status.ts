import type { ContainerHealth, ContainerState, DockerConfig } from '@homehub/contracts';
import type { ContainerRow } from '../../db/schema.ts';
import type { Observation } from '../checks/check.types.ts';
import type { StatsSample } from './engine.client.ts';

/** Restarts counted towards a loop fall within this window. */
export const LOOP_WINDOW_MS = 5 * 60_000;

/** What a container's docker check holds it to, from the check's config. */
export interface Thresholds {
  startingGraceSeconds: number;
  cpuPercent: number | null;
  cpuSeconds: number;
  memoryPercent: number | null;
}

export const thresholdsOf = (config: Partial<DockerConfig>): Thresholds => ({
  startingGraceSeconds: config.startingGraceSeconds ?? 120,
  cpuPercent: config.cpuPercent ?? null,
  cpuSeconds: config.cpuSeconds ?? 60,
  memoryPercent: config.memoryPercent ?? null,
});

/** What the status of a container is read from: its record and what the hub saw of it. */
export interface ContainerSnapshot {
  row: Pick<ContainerRow, 'goneAt' | 'state' | 'health'>;
  useHealth: boolean;
  healthOutput: string | null;
  exitCode: number | null;
  oomKilled: boolean;
  thresholds: Thresholds;
  /** Times of die → start cycles within the loop window. */
  restarts: number[];
  inLoop: boolean;
  stats: StatsSample | null;
  cpuAboveSince: number | null;
  /**
   * When the hub saw it start running, by the hub's clock: time rules measure from here,
   * as a remote engine's clock may not agree with ours.
   */
  runningSince: number | null;
}

const down = (message: string): Observation => ({ status: 'down', latencyMs: null, message });
const degraded = (message: string): Observation => ({
  status: 'degraded',
  latencyMs: null,
  message,
});

/** What the container's docker check says now; null while there is nothing to conclude. */
export function observationOf(container: ContainerSnapshot, now: number): Observation | null {
  const { row } = container;
  if (row.goneAt !== null) return down('Container removed');
  if (container.inLoop) {
    return down(
      `Restart loop: ${container.restarts.length} restarts in ${LOOP_WINDOW_MS / 60_000} min`,
    );
  }
  switch (row.state as ContainerState) {
    case 'running':
      return runningObservation(container, now);
    case 'paused':
      return degraded('Paused');
    case 'created':
      return null;
    case 'restarting':
      return down('Restarting');
    case 'removing':
      return down('Being removed');
    case 'dead':
      return down('Dead');
    case 'exited':
      return down(
        `Exited with code ${container.exitCode ?? '?'}${container.oomKilled ? ' (out of memory)' : ''}`,
      );
    default:
      return down(`State ${row.state}`);
  }
}

/** A running container: its health, then its thresholds, decide between up and degraded. */
function runningObservation(container: ContainerSnapshot, now: number): Observation | null {
  const { row, thresholds, stats } = container;
  const health = container.useHealth ? (row.health as ContainerHealth | null) : null;
  if (health === 'unhealthy') {
    const output = container.healthOutput ? `: ${container.healthOutput.slice(0, 300)}` : '';
    return degraded(`Unhealthy${output}`);
  }
  if (health === 'starting') {
    const since = container.runningSince ?? now;
    if (now - since < thresholds.startingGraceSeconds * 1000) return null;
    return degraded(`Health check still starting after ${Math.round((now - since) / 1000)} s`);
  }
  if (stats && thresholds.memoryPercent !== null && stats.memoryLimitBytes > 0) {
    const percent = (stats.memoryBytes / stats.memoryLimitBytes) * 100;
    if (percent > thresholds.memoryPercent) {
      return degraded(`Memory at ${percent.toFixed(1)} % of its limit`);
    }
  }
  const above = container.cpuAboveSince;
  if (
    thresholds.cpuPercent !== null &&
    above !== null &&
    now - above >= thresholds.cpuSeconds * 1000
  ) {
    return degraded(
      `CPU above ${thresholds.cpuPercent} % for ${Math.round((now - above) / 1000)} s`,
    );
  }
  return {
    status: 'up',
    latencyMs: null,
    message: health === 'healthy' ? 'Running, healthy' : 'Running',
  };
}

/** An engine event in words, for the timeline. */
export function describeEvent(name: string, action: string, data: Record<string, unknown>): string {
  switch (action) {
    case 'create':
      return `${name} was created from ${String(data.image)}`;
    case 'start':
      return `${name} started`;
    case 'stop':
      return `${name} stopped`;
    case 'die':
      return `${name} exited with code ${String(data.exitCode)}`;
    case 'kill':
      return `${name} was sent signal ${String(data.signal)}`;
    case 'oom':
      return `${name} ran out of memory`;
    case 'restart':
      return `${name} restarted`;
    case 'health_status':
      return `${name} is ${String(data.health)}`;
    case 'pause':
      return `${name} was paused`;
    case 'unpause':
      return `${name} was resumed`;
    case 'destroy':
      return `${name} was removed`;
    default:
      return `${name}: ${action}`;
  }
}
