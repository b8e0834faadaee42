import type { Check } from '@homehub/contracts';

// Configs come from the API as plain records (stored ones may predate a field), so they are
// read field by field rather than cast to the type's config.
function text(config: Check['config'], key: string): string {
  const value = config[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function list(config: Check['config'], key: string): string[] {
  const value = config[key];
  return Array.isArray(value) ? value.map(String) : [];
}

const hostPort = (config: Check['config']) => {
  const host = text(config, 'host');
  const port = text(config, 'port');
  return port ? `${host}:${port}` : host;
};

/**
 * A check's target in one line: "GET https://… → 2xx", "db.lan:5432", "A home.lan @1.1.1.1",
 * "every 1 min + 60 s grace" or "0 3 * * * Europe/Berlin + 60 s grace".
 */
export function checkTarget(check: Check): string {
  const { config } = check;
  switch (check.type) {
    case 'http': {
      const expects = list(config, 'expectedStatus');
      const target = `${text(config, 'method') || 'GET'} ${text(config, 'url')}`;
      return expects.length > 0 ? `${target} → ${expects.join(', ')}` : target;
    }
    case 'tcp':
    case 'tls':
      return hostPort(config);
    case 'dns': {
      const resolver = text(config, 'resolver');
      const query = `${text(config, 'recordType') || 'A'} ${text(config, 'name')}`;
      return resolver ? `${query} @${resolver}` : query;
    }
    case 'ping':
      return text(config, 'host');
    case 'push': {
      const cron = text(config, 'cron');
      const when = cron
        ? `${cron} ${text(config, 'timezone') || 'UTC'}`
        : `every ${formatSeconds(check.intervalSeconds)}`;
      const grace = text(config, 'graceSeconds');
      return grace ? `${when} + ${formatSeconds(Number(grace))} grace` : when;
    }
    default:
      return check.type;
  }
}

/** How often it runs and how patient it is: "every 1 min · timeout 10 s · 2 retries". */
export function checkSchedule(check: Check): string {
  // A push check does not run: its target line already says when calls are due.
  const parts =
    check.type === 'push'
      ? []
      : [
          `every ${formatSeconds(check.intervalSeconds)}`,
          `timeout ${formatSeconds(check.timeoutSeconds)}`,
        ];
  if (check.retries > 0)
    parts.push(`${check.retries} ${check.retries === 1 ? 'retry' : 'retries'}`);
  return parts.join(' · ');
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60 || seconds % 60 !== 0) return `${seconds} s`;
  if (seconds < 3600 || seconds % 3600 !== 0) return `${seconds / 60} min`;
  return `${seconds / 3600} h`;
}
