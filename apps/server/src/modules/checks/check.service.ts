import { randomBytes } from 'node:crypto';
import {
  CHECK_CONFIGS,
  DEFAULT_TIMEOUT_SECONDS,
  type Check,
  type CheckCreate,
  type CheckType,
  type CheckUpdate,
  type Result,
  type Status,
} from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { keepingSecrets, withoutSecrets } from '../../platform/secret-fields.ts';
import { decodeCursor, toPage, type Page } from '../../platform/pagination.ts';
import { isForeignKeyViolation } from '../../db/errors.ts';
import type { CheckPatch, CheckRow, ResultRow } from '../../db/schema.ts';
import { parseConfig } from './check.registry.ts';
import { RESULT_STATUSES, type CheckRepository } from './check.repository.ts';
import type { CheckRunner } from './check.runner.ts';
import type { RecentResults } from './recent.results.ts';

interface Deps {
  checks: CheckRepository;
  recent: RecentResults;
  runner: CheckRunner;
  bus: Bus;
  clock: Clock;
}

export const toResult = (row: ResultRow): Result => ({
  checkId: row.checkId,
  status: RESULT_STATUSES[row.status] ?? 'down',
  latencyMs: row.latencyMs,
  message: row.message ?? '',
  at: iso(row.at),
});

export const pushPathOf = (token: string) => `/api/v1/push/${token}/`;

export function toCheck(row: CheckRow, lastResult: Result | undefined): Check {
  const type = row.type as CheckType;
  return {
    id: row.id,
    serviceId: row.serviceId,
    name: row.name,
    type,
    intervalSeconds: row.intervalSeconds,
    timeoutSeconds: row.timeoutSeconds,
    enabled: row.enabled === 1,
    retries: row.retries,
    config: withoutSecrets(CHECK_CONFIGS[type], JSON.parse(row.config) as Record<string, unknown>),
    pushUrl: row.pushToken ? pushPathOf(row.pushToken) : null,
    status: row.status as Status,
    lastResult: lastResult ?? null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** 144 random bits, URL-safe: the push URL is the secret, so it must not be guessable. */
const newPushToken = () => randomBytes(18).toString('base64url');

function checkTimeout(intervalSeconds: number, timeoutSeconds: number): void {
  if (timeoutSeconds > intervalSeconds) {
    throw new ValidationError({
      timeoutSeconds: `Must not be longer than the interval (${intervalSeconds} s)`,
    });
  }
}

export function createCheckService({ checks, recent, runner, bus, clock }: Deps) {
  function announce(
    row: Pick<CheckRow, 'id' | 'serviceId'>,
    action: 'created' | 'updated' | 'deleted',
  ) {
    bus.publish({
      type: 'changed',
      at: iso(clock.now()),
      data: { resource: 'check', id: row.id, serviceId: row.serviceId, action },
    });
  }

  async function withLastResults(rows: CheckRow[]): Promise<Check[]> {
    const latest = new Map<number, Result>();
    for (const r of await checks.recentResults(
      rows.map((c) => c.id),
      1,
    ))
      latest.set(r.checkId, toResult(r));
    return rows.map((row) => toCheck(row, latest.get(row.id)));
  }

  async function find(id: number): Promise<CheckRow> {
    const row = await checks.findById(id);
    if (!row) throw new NotFoundError('Check');
    return row;
  }

  return {
    async list(query: {
      serviceId?: number | undefined;
      limit: number;
      cursor?: string | undefined;
    }): Promise<Page<Check>> {
      const rows = await checks.list({
        serviceId: query.serviceId,
        afterId: decodeCursor(query.cursor),
        limit: query.limit + 1,
      });
      const page = toPage(rows, query.limit, (r) => r.id);
      return { ...page, results: await withLastResults(page.results) };
    },

    async get(id: number): Promise<Check> {
      const [check] = await withLastResults([await find(id)]);
      return check!;
    },

    /**
     * The checks of many services, each with its last result, and their recent results: an
     * even share of `recentPerService` from each check, so a busy check does not crowd out
     * the others in the overview's bar. The results come from memory (RecentResults): a
     * list of many services costs no query per check.
     */
    async forServices(serviceIds: number[], recentPerService: number) {
      const rows = await checks.listForServices(serviceIds);
      const checksIn = new Map<number, number>();
      for (const row of rows) checksIn.set(row.serviceId, (checksIn.get(row.serviceId) ?? 0) + 1);
      const byService = new Map<number, { checks: Check[]; recentResults: Result[] }>();
      for (const id of serviceIds) byService.set(id, { checks: [], recentResults: [] });
      for (const row of rows) {
        const share = Math.ceil(recentPerService / checksIn.get(row.serviceId)!);
        const results = await recent.get(row.id, row.serviceId, share);
        const entry = byService.get(row.serviceId)!;
        entry.checks.push(toCheck(row, results.at(-1)));
        entry.recentResults.push(...results);
      }
      for (const entry of byService.values()) {
        entry.recentResults.sort((a, b) => a.at.localeCompare(b.at));
        entry.recentResults = entry.recentResults.slice(-recentPerService);
      }
      return byService;
    },

    async create(input: CheckCreate): Promise<Check> {
      const timeoutSeconds =
        input.timeoutSeconds ?? Math.min(DEFAULT_TIMEOUT_SECONDS, input.intervalSeconds);
      checkTimeout(input.intervalSeconds, timeoutSeconds);
      const now = clock.now();
      let row: CheckRow;
      try {
        row = await checks.insert({
          serviceId: input.serviceId,
          name: input.name,
          type: input.type,
          intervalSeconds: input.intervalSeconds,
          timeoutSeconds,
          enabled: input.enabled ? 1 : 0,
          retries: input.retries,
          // The type's own parse may say more than the shared schema (a push check's cron).
          config: JSON.stringify(parseConfig(input.type, input.config)),
          pushToken: input.type === 'push' ? newPushToken() : null,
          status: input.enabled ? 'pending' : 'paused',
          createdAt: now,
          updatedAt: now,
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw new ValidationError({ serviceId: `No service with id ${input.serviceId}` });
        }
        throw error;
      }
      announce(row, 'created');
      return toCheck(row, undefined);
    },

    async update(id: number, patch: CheckUpdate): Promise<Check> {
      const current = await find(id);
      const type = patch.type ?? (current.type as CheckType);
      if (patch.type && patch.type !== current.type && !patch.config) {
        throw new ValidationError({ config: `Required when the type changes to ${patch.type}` });
      }
      const changes: CheckPatch = { updatedAt: clock.now() };
      if (patch.config) {
        const stored =
          type === current.type ? (JSON.parse(current.config) as Record<string, unknown>) : {};
        changes.config = JSON.stringify(
          parseConfig(type, keepingSecrets(CHECK_CONFIGS[type], stored, patch.config)),
        );
      }
      if (type === 'push' && !current.pushToken) changes.pushToken = newPushToken();
      if (type !== 'push' && current.pushToken) changes.pushToken = null;
      if (patch.retries !== undefined) changes.retries = patch.retries;
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.type !== undefined) changes.type = patch.type;
      if (patch.intervalSeconds !== undefined) changes.intervalSeconds = patch.intervalSeconds;
      if (patch.timeoutSeconds !== undefined) changes.timeoutSeconds = patch.timeoutSeconds;
      checkTimeout(
        changes.intervalSeconds ?? current.intervalSeconds,
        changes.timeoutSeconds ?? current.timeoutSeconds,
      );
      if (patch.enabled !== undefined && patch.enabled !== (current.enabled === 1)) {
        changes.enabled = patch.enabled ? 1 : 0;
        changes.status = patch.enabled ? 'pending' : 'paused';
        changes.statusChangedAt = changes.updatedAt;
      }
      const row = await checks.update(id, changes);
      if (!row) throw new NotFoundError('Check');
      announce(row, 'updated');
      return this.get(id);
    },

    async delete(id: number): Promise<void> {
      const row = await find(id);
      if (!(await checks.delete(id))) throw new NotFoundError('Check');
      announce(row, 'deleted');
    },

    /** Throws NotFoundError for an unknown id: routes on a check's history call it first. */
    async exists(id: number): Promise<void> {
      await find(id);
    },

    async run(id: number): Promise<Result> {
      const row = await find(id);
      const observation = await runner.runNow(row);
      if (observation === null) {
        throw new ValidationError({
          checkId:
            row.type === 'docker'
              ? 'A docker check follows its container live; there is nothing to run'
              : 'A push check hears from its job; no call is overdue, so there is nothing to run',
        });
      }
      return {
        checkId: id,
        status: observation.status,
        latencyMs: observation.latencyMs,
        message: observation.message,
        at: iso(observation.at),
      };
    },
  };
}

export type CheckService = ReturnType<typeof createCheckService>;
