import type { HistoryRange } from '@homehub/contracts';

/** Every cache key in one place: the API hooks and the live stream must agree on them. */
export const queryKeys = {
  me: ['me'] as const,
  setup: ['auth', 'setup'] as const,
  services: ['services'] as const,
  serviceList: ['services', 'list'] as const,
  service: (id: number) => ['services', 'detail', id] as const,
  /** Everything cached about one check (its results and histories), to drop it at once. */
  check: (checkId: number) => ['checks', checkId] as const,
  /** The result log: pages of raw results, newest first (an infinite query). */
  checkResults: (checkId: number) => ['checks', checkId, 'results'] as const,
  /** Without a range: every range's history of the check, for the live stream to patch. */
  checkHistory: (checkId: number, range?: HistoryRange) =>
    range === undefined
      ? (['checks', checkId, 'history'] as const)
      : (['checks', checkId, 'history', range] as const),
  events: ['events'] as const,
  serviceEvents: (serviceId: number) => ['events', { serviceId }] as const,
  settings: ['settings'] as const,
  /** One's own personal access tokens, or (admins) everyone's. */
  tokens: (all?: boolean) =>
    all === undefined ? (['tokens'] as const) : (['tokens', { all }] as const),
  users: ['users'] as const,
  /** Engines, and everything cached about containers (lists and stats), to refresh at once. */
  engines: ['engines'] as const,
  containers: ['containers'] as const,
  serviceContainers: (serviceId: number) => ['containers', { serviceId }] as const,
  containerStats: (id: number, range: string) => ['containers', id, 'stats', range] as const,
  /** Everything of the alerts area, to refresh at once; each list under it. */
  alerting: ['alerting'] as const,
  alerts: ['alerting', 'alerts'] as const,
  channels: ['alerting', 'channels'] as const,
  rules: ['alerting', 'rules'] as const,
  silences: ['alerting', 'silences'] as const,
  maintenance: ['alerting', 'maintenance'] as const,
  /** Service names for the alert forms' pickers. */
  alertServices: ['alerting', 'services'] as const,
  /** The sign-in and account trail (admins). */
  audit: ['events', { type: 'audit' }] as const,
};
