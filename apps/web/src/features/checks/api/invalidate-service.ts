import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys.ts';

/** A check changed: its service's page and the overview list both show it. */
export function invalidateService(client: QueryClient, serviceId: number) {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.service(serviceId) }),
    client.invalidateQueries({ queryKey: queryKeys.serviceList }),
  ]);
}
