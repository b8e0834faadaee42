import type { Service, ServiceUpdate } from '@homehub/contracts';
import { apiFetch } from '../../../lib/client.ts';

// No screen edits a service yet, so there is no hook; the fetcher is kept for the one that will.
export const updateService = (id: number, body: ServiceUpdate) =>
  apiFetch<Service>(`/services/${id}`, { method: 'PATCH', body });
