import type { Service, ServiceCreate, ServiceUpdate, Status } from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { decodeCursor, toPage, type Page } from '../../platform/pagination.ts';
import type { ServiceRow } from '../../db/schema.ts';
import type { CheckService } from '../checks/check.service.ts';
import type { HistoryService } from '../checks/history.service.ts';
import type { ServiceRepository } from './service.repository.ts';

/** How many recent results a service carries for the overview's bar. */
export const RECENT_RESULTS = 48;

interface Deps {
  services: ServiceRepository;
  checks: CheckService;
  history: HistoryService;
  bus: Bus;
  clock: Clock;
}

/** What rules, silences and windows select a service by, besides its id. */
export interface ServiceLabels {
  group: string | null;
  tags: string[];
}

const labelsOf = (row: Pick<ServiceRow, 'groupName' | 'tags'>): ServiceLabels => ({
  group: row.groupName,
  tags: JSON.parse(row.tags) as string[],
});

const NO_LABELS: ServiceLabels = { group: null, tags: [] };

export function createServiceService({ services, checks, history, bus, clock }: Deps) {
  /**
   * Every service's group and tags in memory: the state machine asks on each result whether
   * a maintenance window covers it, and must not wait for a query. Kept in step by this
   * area's own writes; reloaded now and then for other hubs' (see loadLabels).
   */
  let labels = new Map<number, ServiceLabels>();
  async function present(rows: ServiceRow[]): Promise<Service[]> {
    const ids = rows.map((r) => r.id);
    // One after the other: on SQLite's single connection, parallel reads only queue.
    const details = await checks.forServices(ids, RECENT_RESULTS);
    const uptime = await history.uptime(ids);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      ...labelsOf(row),
      status: row.status as Status,
      statusChangedAt: row.statusChangedAt === null ? null : iso(row.statusChangedAt),
      checks: details.get(row.id)?.checks ?? [],
      recentResults: details.get(row.id)?.recentResults ?? [],
      uptime: uptime.get(row.id) ?? { '24h': null, '7d': null, '30d': null },
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    }));
  }

  function announce(id: number, action: 'created' | 'updated' | 'deleted') {
    bus.publish({
      type: 'changed',
      at: iso(clock.now()),
      data: { resource: 'service', id, serviceId: id, action },
    });
  }

  return {
    async list(query: { limit: number; cursor?: string | undefined }): Promise<Page<Service>> {
      const rows = await services.list({
        afterId: decodeCursor(query.cursor),
        limit: query.limit + 1,
      });
      const page = toPage(rows, query.limit, (r) => r.id);
      return { ...page, results: await present(page.results) };
    },

    async get(id: number): Promise<Service> {
      const row = await services.findById(id);
      if (!row) throw new NotFoundError('Service');
      const [service] = await present([row]);
      return service!;
    },

    async create(input: ServiceCreate): Promise<Service> {
      const now = clock.now();
      const row = await services.insert({
        name: input.name,
        description: input.description,
        groupName: input.group,
        tags: JSON.stringify(input.tags),
        status: 'pending',
        statusChangedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      labels.set(row.id, labelsOf(row));
      announce(row.id, 'created');
      return this.get(row.id);
    },

    async update(id: number, patch: ServiceUpdate): Promise<Service> {
      const { group, tags, ...rest } = patch;
      const row = await services.update(id, {
        ...rest,
        ...(group !== undefined ? { groupName: group } : {}),
        ...(tags !== undefined ? { tags: JSON.stringify(tags) } : {}),
        updatedAt: clock.now(),
      });
      if (!row) throw new NotFoundError('Service');
      labels.set(id, labelsOf(row));
      announce(id, 'updated');
      return this.get(id);
    },

    async delete(id: number): Promise<void> {
      if (!(await services.delete(id))) throw new NotFoundError('Service');
      labels.delete(id);
      announce(id, 'deleted');
    },

    async loadLabels(): Promise<void> {
      labels = new Map((await services.listLabels()).map((row) => [row.id, labelsOf(row)]));
    },

    /** A service's group and tags, from memory (none for a service not known). */
    labelsOf(id: number): ServiceLabels {
      return labels.get(id) ?? NO_LABELS;
    },

    // The state machine's view of services (see ServiceStatusStore).
    async listStatuses(): Promise<{ id: number; status: Status }[]> {
      return (await services.listStatuses()).map((r) => ({ id: r.id, status: r.status as Status }));
    },

    async recordStatus(id: number, status: Status, at: number): Promise<void> {
      await services.update(id, { status, statusChangedAt: at });
      bus.publish({
        type: 'service',
        at: iso(at),
        data: { id, status, statusChangedAt: iso(at) },
      });
    },
  };
}

export type ServiceService = ReturnType<typeof createServiceService>;
