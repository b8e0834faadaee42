import type { Container, Status } from '@homehub/contracts';

/** A container's condition in the dashboard's status colours, with the words for it. */
export function containerStatus(c: Container): { status: Status; label: string } {
  if (c.state === 'gone') return { status: 'paused', label: 'Removed' };
  if (c.restartLoop) return { status: 'down', label: 'Restart loop' };
  switch (c.state) {
    case 'running':
      if (c.health === 'unhealthy') return { status: 'degraded', label: 'Unhealthy' };
      if (c.health === 'starting') return { status: 'pending', label: 'Starting' };
      return { status: 'up', label: c.health === 'healthy' ? 'Healthy' : 'Running' };
    case 'paused':
      return { status: 'paused', label: 'Paused' };
    case 'created':
      return { status: 'pending', label: 'Created' };
    case 'restarting':
      return { status: 'down', label: 'Restarting' };
    case 'removing':
      return { status: 'down', label: 'Removing' };
    case 'exited':
      return { status: 'down', label: 'Exited' };
    case 'dead':
      return { status: 'down', label: 'Dead' };
  }
}

/** "3 d 4 h", "12 min": how long a container has been up, at a glance. */
export function formatUptime(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
