import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends, openTestDatabase, type TestDatabase } from './harness.ts';
import { createCheckRepository } from '../src/modules/checks/check.repository.ts';
import { createServiceRepository } from '../src/modules/services/service.repository.ts';
import { createEventRepository } from '../src/modules/events/event.repository.ts';
import { createUserRepository } from '../src/modules/auth/user.repository.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../src/db/errors.ts';

describe.each(backends())('storage on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(() => t?.dispose());

  const now = Date.now();
  async function seed() {
    const services = createServiceRepository(t.database.db);
    const checks = createCheckRepository(t.database.db);
    const service = await services.insert({
      name: 'Seed',
      description: '',
      status: 'pending',
      statusChangedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const check = await checks.insert({
      serviceId: service.id,
      name: 'home',
      type: 'http',
      intervalSeconds: 60,
      timeoutSeconds: 10,
      enabled: 1,
      config: '{"url":"http://127.0.0.1/"}',
      status: 'pending',
      createdAt: now,
      updatedAt: now,
    });
    return { services, checks, service, check };
  }

  it('migrates once: a second run applies nothing', async () => {
    expect(await t.database.migrate()).toEqual([]);
    expect(await t.database.ping()).toBe(true);
  });

  it('stores a batch of results in one go and reads the newest back first', async () => {
    const { checks, check } = await seed();
    const rows = Array.from({ length: 2_500 }, (_, i) => ({
      checkId: check.id,
      at: now + i * 1000,
      status: i % 10 === 0 ? 2 : 0,
      latencyMs: 12.5,
      message: i % 10 === 0 ? 'HTTP 500' : null,
    }));
    await checks.insertResults(rows);
    const recent = await checks.recentResults([check.id], 3);
    expect(recent.map((r) => r.at)).toEqual([now + 2_499_000, now + 2_498_000, now + 2_497_000]);
    expect(recent[0]).toMatchObject({ status: 0, latencyMs: 12.5, message: null });
    // Timestamps beyond 2^31 survive the round trip as numbers on both databases.
    expect(typeof recent[0]!.at).toBe('number');
  });

  it('writes nothing of a batch when one row is bad', async () => {
    const { checks, check } = await seed();
    const rows = [
      { checkId: check.id, at: now, status: 0, latencyMs: 1, message: null },
      { checkId: 987_654_321, at: now, status: 0, latencyMs: 1, message: null },
    ];
    const error = await checks.insertResults(rows).catch((e: unknown) => e);
    expect(isForeignKeyViolation(error)).toBe(true);
    expect(await checks.recentResults([check.id], 10)).toEqual([]);
  });

  it('deletes a service with its checks, results and events', async () => {
    const { services, checks, service, check } = await seed();
    await checks.insertResults([
      { checkId: check.id, at: now, status: 0, latencyMs: 1, message: null },
    ]);
    const events = createEventRepository(t.database.db);
    await t.database.db
      .insertInto('events')
      .values({
        type: 'status_changed',
        serviceId: service.id,
        checkId: check.id,
        fromStatus: 'pending',
        toStatus: 'up',
        message: 'up',
        at: now,
      })
      .execute();
    expect((await events.list({ serviceId: service.id, limit: 10 })).length).toBe(1);
    expect(await services.delete(service.id)).toBe(true);
    expect(await checks.findById(check.id)).toBeUndefined();
    expect(await checks.recentResults([check.id], 10)).toEqual([]);
    expect((await events.list({ serviceId: service.id, limit: 10 })).length).toBe(0);
  });

  it('keeps emails unique and creates the first admin only once', async () => {
    const users = createUserRepository(t.database.db);
    const user = {
      email: 'first@example.com',
      name: 'First',
      passwordHash: 'x',
      role: 'admin',
      active: 1,
      createdAt: now,
      updatedAt: now,
    };
    const [a, b] = await Promise.all([
      users.insertFirstUser(user),
      users.insertFirstUser({ ...user, email: 'second@example.com' }),
    ]).catch(async (error: unknown) => {
      // PostgreSQL may serialise the race as an error instead; still only one may exist.
      expect(error).toBeTruthy();
      return [undefined, undefined];
    });
    expect([a, b].filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await users.count()).toBe(1);
    const duplicate = await t.database.db
      .insertInto('users')
      .values({ ...user, email: (await users.findById(1))?.email ?? user.email })
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
  });

  it('answers on the dialect it was opened with', async () => {
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(t.database.db);
    expect(Number(rows[0]?.one)).toBe(1);
    expect(t.database.dialect).toBe(backend);
  });
});
