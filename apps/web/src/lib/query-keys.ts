/** Every cache key in one place: the API hooks and the live stream must agree on them. */
export const queryKeys = {
  me: ['me'] as const,
  setup: ['auth', 'setup'] as const,
  services: ['services'] as const,
  serviceList: ['services', 'list'] as const,
  service: (id: number) => ['services', 'detail', id] as const,
  checkResults: (checkId: number) => ['checks', checkId, 'results'] as const,
  events: ['events'] as const,
  serviceEvents: (serviceId: number) => ['events', { serviceId }] as const,
};
