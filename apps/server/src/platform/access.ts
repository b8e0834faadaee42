import type { Role } from '@homehub/contracts';

/** Who may call a route: anyone, or a signed-in principal of at least this role. */
export type Access = Role | 'public';

/**
 * The one place that says who may do what. Every route under /api/v1 and every stream
 * under /ws/ has an entry, keyed by method and path as registered; the hub refuses to
 * start with a route that has none. HEAD follows GET.
 *
 * viewer reads; operator also runs, pauses and edits services and checks; admin also
 * manages people, tokens of others, settings, engines and channels.
 */
export const ACCESS: Readonly<Record<string, Access>> = {
  // Signing in, first setup, the API description and job pings.
  'POST /api/v1/auth/token': 'public',
  'POST /api/v1/auth/token/refresh': 'public',
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/setup': 'public',
  'POST /api/v1/auth/setup': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /api/v1/push/:token': 'public',
  'POST /api/v1/push/:token': 'public',
  'GET /api/v1/push/:token/:signal': 'public',
  'POST /api/v1/push/:token/:signal': 'public',

  // The signed-in user: their profile, password, session and personal access tokens.
  // A token's owner or an admin may read or revoke it (the service checks which).
  'POST /api/v1/auth/logout': 'viewer',
  'GET /api/v1/me': 'viewer',
  'PATCH /api/v1/me': 'viewer',
  'POST /api/v1/me/password': 'viewer',
  'GET /api/v1/tokens': 'viewer',
  'POST /api/v1/tokens': 'viewer',
  'GET /api/v1/tokens/:id': 'viewer',
  'DELETE /api/v1/tokens/:id': 'viewer',

  // Accounts.
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'GET /api/v1/users/:id': 'admin',
  'PATCH /api/v1/users/:id': 'admin',
  'DELETE /api/v1/users/:id': 'admin',

  // Services and checks.
  'GET /api/v1/services': 'viewer',
  'POST /api/v1/services': 'operator',
  'GET /api/v1/services/:id': 'viewer',
  'PATCH /api/v1/services/:id': 'operator',
  'DELETE /api/v1/services/:id': 'operator',
  'GET /api/v1/checks': 'viewer',
  'POST /api/v1/checks': 'operator',
  'POST /api/v1/checks/run': 'operator',
  'GET /api/v1/checks/:id': 'viewer',
  'GET /api/v1/checks/:id/results': 'viewer',
  'GET /api/v1/checks/:id/history': 'viewer',
  'PATCH /api/v1/checks/:id': 'operator',
  'DELETE /api/v1/checks/:id': 'operator',

  // The timeline.
  'GET /api/v1/events': 'viewer',

  // Docker engines and their containers.
  'GET /api/v1/engines': 'viewer',
  'POST /api/v1/engines': 'admin',
  'GET /api/v1/engines/:id': 'viewer',
  'PATCH /api/v1/engines/:id': 'admin',
  'DELETE /api/v1/engines/:id': 'admin',
  'GET /api/v1/engines/:id/containers': 'viewer',
  'GET /api/v1/containers': 'viewer',
  'GET /api/v1/containers/:id/stats': 'viewer',

  // Alerts: everyone reads (channels without their secrets); operators silence and
  // acknowledge; admins manage channels, rules and maintenance windows and send tests.
  'GET /api/v1/channels': 'viewer',
  'POST /api/v1/channels': 'admin',
  'GET /api/v1/channels/:id': 'viewer',
  'PATCH /api/v1/channels/:id': 'admin',
  'DELETE /api/v1/channels/:id': 'admin',
  'GET /api/v1/rules': 'viewer',
  'POST /api/v1/rules': 'admin',
  'GET /api/v1/rules/:id': 'viewer',
  'PATCH /api/v1/rules/:id': 'admin',
  'DELETE /api/v1/rules/:id': 'admin',
  'GET /api/v1/silences': 'viewer',
  'POST /api/v1/silences': 'operator',
  'GET /api/v1/silences/:id': 'viewer',
  'PATCH /api/v1/silences/:id': 'operator',
  'DELETE /api/v1/silences/:id': 'operator',
  'GET /api/v1/maintenance': 'viewer',
  'POST /api/v1/maintenance': 'admin',
  'GET /api/v1/maintenance/:id': 'viewer',
  'PATCH /api/v1/maintenance/:id': 'admin',
  'DELETE /api/v1/maintenance/:id': 'admin',
  'GET /api/v1/alerts': 'viewer',
  'GET /api/v1/alerts/:id': 'viewer',
  'POST /api/v1/alerts/:id/ack': 'operator',
  'POST /api/v1/alerts/test': 'admin',

  // Hub settings.
  'GET /api/v1/settings': 'admin',
  'PATCH /api/v1/settings': 'admin',

  // Live streams.
  'GET /ws/stream': 'viewer',
  'GET /ws/services/:id/stream': 'viewer',
};

/** The table's key for a registered route: HEAD is GET's, a trailing slash is ignored. */
export function accessKey(method: string, url: string): string {
  const path = url.length > 1 ? url.replace(/\/+$/, '') : url;
  return `${method === 'HEAD' ? 'GET' : method} ${path}`;
}

/** Routes the table governs: the API and the streams; the dashboard's files are public. */
export function isGoverned(url: string): boolean {
  return url.startsWith('/api/v1/') || url.startsWith('/ws/');
}
